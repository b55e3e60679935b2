"""flat queues: counts kept by triggers, the open queue's ordered index, subject sort index

Revision ID: 0004_flat_queues
Revises: 0003_letter_facts

The navigation's counts came from a pass over the requests table (218 ms at a million). A
``queue_counts`` row per (status, right, assignee, paused) is kept by triggers in the same
transaction as every change to a request, whoever writes it (services, bulk loads, retention).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_flat_queues"
down_revision = "0003_letter_facts"
branch_labels = None
depends_on = None

OPEN_PREDICATE = "status IN ('awaiting_approval', 'awaiting_verification', 'in_progress', 'received')"
KEY = "status, right_id, assignee, paused"

SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER requests_counts_insert AFTER INSERT ON requests BEGIN
        INSERT INTO queue_counts ({KEY}, n)
        VALUES (NEW.status, NEW.right_id, coalesce(NEW.assignee, ''), NEW.paused_since IS NOT NULL, 1)
        ON CONFLICT ({KEY}) DO UPDATE SET n = n + 1;
    END""",
    """CREATE TRIGGER requests_counts_delete AFTER DELETE ON requests BEGIN
        UPDATE queue_counts SET n = n - 1 WHERE status = OLD.status AND right_id = OLD.right_id
            AND assignee = coalesce(OLD.assignee, '') AND paused = (OLD.paused_since IS NOT NULL);
    END""",
    f"""CREATE TRIGGER requests_counts_update AFTER UPDATE OF status, right_id, assignee, paused_since ON requests
    WHEN OLD.status IS NOT NEW.status OR OLD.right_id IS NOT NEW.right_id OR OLD.assignee IS NOT NEW.assignee
        OR (OLD.paused_since IS NULL) <> (NEW.paused_since IS NULL)
    BEGIN
        UPDATE queue_counts SET n = n - 1 WHERE status = OLD.status AND right_id = OLD.right_id
            AND assignee = coalesce(OLD.assignee, '') AND paused = (OLD.paused_since IS NOT NULL);
        INSERT INTO queue_counts ({KEY}, n)
        VALUES (NEW.status, NEW.right_id, coalesce(NEW.assignee, ''), NEW.paused_since IS NOT NULL, 1)
        ON CONFLICT ({KEY}) DO UPDATE SET n = n + 1;
    END""",
]

# SECURITY DEFINER: a signed-in role that may change a request need not be granted the counts table.
POSTGRES_FUNCTION = f"""
CREATE FUNCTION pc_queue_counts() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        IF TG_OP = 'UPDATE' AND OLD.status = NEW.status AND OLD.right_id = NEW.right_id
           AND OLD.assignee IS NOT DISTINCT FROM NEW.assignee
           AND (OLD.paused_since IS NULL) = (NEW.paused_since IS NULL) THEN
            RETURN NULL;
        END IF;
        UPDATE queue_counts SET n = n - 1 WHERE status = OLD.status AND right_id = OLD.right_id
            AND assignee = coalesce(OLD.assignee, '') AND paused = (OLD.paused_since IS NOT NULL)::int;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO queue_counts ({KEY}, n)
        VALUES (NEW.status, NEW.right_id, coalesce(NEW.assignee, ''), (NEW.paused_since IS NOT NULL)::int, 1)
        ON CONFLICT ({KEY}) DO UPDATE SET n = queue_counts.n + 1;
    END IF;
    RETURN NULL;
END $$"""
POSTGRES_TRIGGER = """CREATE TRIGGER requests_queue_counts
    AFTER INSERT OR DELETE OR UPDATE OF status, right_id, assignee, paused_since ON requests
    FOR EACH ROW EXECUTE FUNCTION pc_queue_counts()"""


def upgrade() -> None:
    op.create_table(
        "queue_counts",
        sa.Column("status", sa.String(length=24), nullable=False),
        sa.Column("right_id", sa.String(length=40), nullable=False),
        sa.Column("assignee", sa.String(length=80), nullable=False),
        sa.Column("paused", sa.Integer(), nullable=False),
        sa.Column("n", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("status", "right_id", "assignee", "paused", name=op.f("pk_queue_counts")),
    )
    paused = "(paused_since IS NOT NULL)" + ("::int" if op.get_bind().dialect.name == "postgresql" else "")
    op.execute(f"INSERT INTO queue_counts ({KEY}, n) SELECT status, right_id, coalesce(assignee, ''), {paused}, "
               f"count(*) FROM requests GROUP BY status, right_id, coalesce(assignee, ''), {paused}")
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRES_FUNCTION)
        op.execute(POSTGRES_TRIGGER)
    else:
        for trigger in SQLITE_TRIGGERS:
            op.execute(trigger)
    op.create_index("ix_requests_open_due", "requests", ["due_at", "id"], sqlite_where=sa.text(OPEN_PREDICATE),
                    postgresql_where=sa.text(OPEN_PREDICATE))
    op.create_index("ix_requests_subject_name", "requests", ["subject_name", "id"])


def downgrade() -> None:
    op.drop_index("ix_requests_subject_name", table_name="requests")
    op.drop_index("ix_requests_open_due", table_name="requests")
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS requests_queue_counts ON requests")
        op.execute("DROP FUNCTION IF EXISTS pc_queue_counts()")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS requests_counts_{name}")
    op.drop_table("queue_counts")
