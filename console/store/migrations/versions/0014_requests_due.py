"""name search stops after a page: every request by due date in one index

Revision ID: 0014_requests_due
Revises: 0013_status_due_paused

A name fragment that one request in 25 holds ("zielinska": 40,000 rows at a million) made the
trigram index (FTS5 / pg_trgm) find every match and the page sort them all by due date (81 ms on
SQLite, 143 ms on PostgreSQL). With all requests in due-date order in one index, a common
fragment's page walks it and tests the folded name on each row, stopping after the page (the open
queue already walks ix_requests_open_due); rare fragments keep the trigram path. SQLite chooses
in console.requests.queries (by a capped count of FTS5 matches); PostgreSQL's planner by itself.
"""
from __future__ import annotations

from alembic import op

revision = "0014_requests_due"
down_revision = "0013_status_due_paused"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_requests_due", "requests", ["due_at", "id"])
    op.execute("ANALYZE requests")


def downgrade() -> None:
    op.drop_index("ix_requests_due", table_name="requests")
