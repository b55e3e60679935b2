"""audit seals: keyed seals on audit entries, accounts, requests and security settings; checkpoints

Revision ID: 0011_audit_seals
Revises: 0010_incident_facts

A seal is a keyed BLAKE2b (the key ``audit-key`` lives in the OS keyring, never in the database)
over the fields an insider would edit directly: an entry's hash, an account's role and active
flag, a request's status and assignee, the security settings. ``audit_checkpoints`` holds the
chain head sealed the same way, in a chain of its own. Existing rows are sealed here when the
upgrading workstation has a keyring; ``audit verify`` names any row whose seal is missing or wrong.
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from console.store.base import UTCDateTime

revision = "0011_audit_seals"
down_revision = "0010_incident_facts"
branch_labels = None
depends_on = None

SEALED = ("audit_log", "users", "requests", "settings")


def upgrade() -> None:
    for table in SEALED:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("seal", sa.String(96), nullable=True))
    op.create_table(
        "audit_checkpoints",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("actor", sa.String(80), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(64), nullable=False),
        sa.Column("prev_mac", sa.String(64), nullable=False),
        sa.Column("key_id", sa.String(16), nullable=False),
        sa.Column("mac", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_checkpoints")),
    )
    from console.security import seals

    seals.seal_existing_rows(op.get_bind())


def downgrade() -> None:
    op.drop_table("audit_checkpoints")
    for table in SEALED:
        with op.batch_alter_table(table) as batch:
            batch.drop_column("seal")
