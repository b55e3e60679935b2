"""name search: a folded name column with a trigram index (SQLite FTS5, PostgreSQL pg_trgm)

Revision ID: 0007_name_search
Revises: 0006_deadline_calendars

"Zielinska" finds "Zielińska", and a fragment of a name is found through a trigram index, not a
pass over every request. SQLite keeps an FTS5 trigram table in step by triggers; PostgreSQL a GIN
pg_trgm index (where the extension cannot be created the search still works, by a scan).
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from console.folding import fold

revision = "0007_name_search"
down_revision = "0006_deadline_calendars"
branch_labels = None
depends_on = None

SQLITE = [
    "CREATE VIRTUAL TABLE requests_name_fts USING fts5(subject_name_folded, content='requests', "
    "content_rowid='id', tokenize='trigram')",
    """CREATE TRIGGER requests_name_insert AFTER INSERT ON requests BEGIN
        INSERT INTO requests_name_fts(rowid, subject_name_folded) VALUES (NEW.id, NEW.subject_name_folded);
    END""",
    """CREATE TRIGGER requests_name_delete AFTER DELETE ON requests BEGIN
        INSERT INTO requests_name_fts(requests_name_fts, rowid, subject_name_folded)
        VALUES ('delete', OLD.id, OLD.subject_name_folded);
    END""",
    """CREATE TRIGGER requests_name_update AFTER UPDATE OF subject_name_folded ON requests BEGIN
        INSERT INTO requests_name_fts(requests_name_fts, rowid, subject_name_folded)
        VALUES ('delete', OLD.id, OLD.subject_name_folded);
        INSERT INTO requests_name_fts(rowid, subject_name_folded) VALUES (NEW.id, NEW.subject_name_folded);
    END""",
]


def _backfill() -> None:
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, subject_name FROM requests")).all()
    update = sa.text("UPDATE requests SET subject_name_folded = :folded WHERE id = :id")
    for start in range(0, len(rows), 10_000):
        chunk = rows[start:start + 10_000]
        bind.execute(update, [{"id": r[0], "folded": fold(r[1])} for r in chunk])


def _trigram_extension() -> bool:
    """pg_trgm if it is there or this account may create it; otherwise the search scans."""
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).first():
        return True
    savepoint = bind.begin_nested()
    try:
        bind.execute(sa.text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    except sa.exc.DBAPIError:
        savepoint.rollback()
        return False
    savepoint.commit()
    return True


def upgrade() -> None:
    with op.batch_alter_table("requests") as batch:
        batch.add_column(sa.Column("subject_name_folded", sa.String(length=200), nullable=False, server_default=""))
    _backfill()
    if op.get_bind().dialect.name == "postgresql":
        if _trigram_extension():
            op.execute("CREATE INDEX ix_requests_name_trgm ON requests USING gin (subject_name_folded gin_trgm_ops)")
    else:
        for statement in SQLITE:
            op.execute(statement)
        op.execute("INSERT INTO requests_name_fts(requests_name_fts) VALUES ('rebuild')")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP INDEX IF EXISTS ix_requests_name_trgm")
    else:
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS requests_name_{name}")
        op.execute("DROP TABLE IF EXISTS requests_name_fts")
    with op.batch_alter_table("requests") as batch:
        batch.drop_column("subject_name_folded")
