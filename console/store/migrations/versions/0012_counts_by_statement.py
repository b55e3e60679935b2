"""queue counts by statement on PostgreSQL: inserts and deletes counted once per statement

Revision ID: 0012_counts_by_statement
Revises: 0011_audit_seals

Row by row, a bulk load (the demo's or an import's COPY) upserted the same few hundred
``queue_counts`` rows once per request; in one transaction every upsert leaves a dead version
behind that the next one walks past, so 200,000 requests took minutes, growing with the square
of the load. Inserts and deletes now add their rows' counts once per statement, grouped, from
the statement's transition table; an update (a status change, an assignment) stays per row, as
before. SQLite keeps its row triggers (bulk loads set them aside and count once at the end).
"""
from __future__ import annotations

from alembic import op

revision = "0012_counts_by_statement"
down_revision = "0011_audit_seals"
branch_labels = None
depends_on = None

KEY = "status, right_id, assignee, paused"
GROUPED = ("SELECT status, right_id, coalesce(assignee, '') AS assignee, (paused_since IS NOT NULL)::int AS paused, "
           "count(*) AS n FROM {rows} GROUP BY 1, 2, 3, 4")
HEAD = "RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$"

UPGRADE = [
    f"""CREATE FUNCTION pc_queue_counts_added() {HEAD}
BEGIN
    INSERT INTO queue_counts ({KEY}, n) {GROUPED.format(rows="new_rows")}
    ON CONFLICT ({KEY}) DO UPDATE SET n = queue_counts.n + excluded.n;
    RETURN NULL;
END $$""",
    f"""CREATE FUNCTION pc_queue_counts_removed() {HEAD}
BEGIN
    UPDATE queue_counts q SET n = q.n - d.n FROM ({GROUPED.format(rows="old_rows")}) d
    WHERE q.status = d.status AND q.right_id = d.right_id AND q.assignee = d.assignee AND q.paused = d.paused;
    RETURN NULL;
END $$""",
    "DROP TRIGGER requests_queue_counts ON requests",
    """CREATE TRIGGER requests_queue_counts AFTER UPDATE OF status, right_id, assignee, paused_since ON requests
    FOR EACH ROW EXECUTE FUNCTION pc_queue_counts()""",
    """CREATE TRIGGER requests_queue_counts_added AFTER INSERT ON requests REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pc_queue_counts_added()""",
    """CREATE TRIGGER requests_queue_counts_removed AFTER DELETE ON requests REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION pc_queue_counts_removed()""",
]

DOWNGRADE = [
    "DROP TRIGGER IF EXISTS requests_queue_counts_added ON requests",
    "DROP TRIGGER IF EXISTS requests_queue_counts_removed ON requests",
    "DROP TRIGGER IF EXISTS requests_queue_counts ON requests",
    """CREATE TRIGGER requests_queue_counts
    AFTER INSERT OR DELETE OR UPDATE OF status, right_id, assignee, paused_since ON requests
    FOR EACH ROW EXECUTE FUNCTION pc_queue_counts()""",
    "DROP FUNCTION IF EXISTS pc_queue_counts_added()",
    "DROP FUNCTION IF EXISTS pc_queue_counts_removed()",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in UPGRADE:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DOWNGRADE:
            op.execute(statement)
