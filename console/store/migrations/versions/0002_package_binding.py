"""packages remember the fingerprint their signed letter states

Revision ID: 0002_package_binding
Revises: 0001
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002_package_binding"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("packages") as batch:
        batch.add_column(sa.Column("binding_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("packages") as batch:
        batch.drop_column("binding_sha256")
