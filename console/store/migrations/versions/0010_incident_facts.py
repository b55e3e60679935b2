"""incident facts: categories of data subjects recorded per incident, the initial report frozen as sent

Revision ID: 0010_incident_facts
Revises: 0009_restriction_records
Create Date: 2026-12-03 16:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010_incident_facts"
down_revision = "0009_restriction_records"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.add_column(sa.Column("subject_categories", sa.JSON(), server_default="[]", nullable=False))
    with op.batch_alter_table("incident_notifications", schema=None) as batch_op:
        batch_op.add_column(sa.Column("document", sa.LargeBinary(), nullable=True))
        batch_op.add_column(sa.Column("document_sha256", sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("incident_notifications", schema=None) as batch_op:
        batch_op.drop_column("document_sha256")
        batch_op.drop_column("document")
    with op.batch_alter_table("incidents", schema=None) as batch_op:
        batch_op.drop_column("subject_categories")
