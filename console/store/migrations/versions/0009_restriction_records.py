"""restriction records: when a restriction of processing took effect, how, and who applied it

Revision ID: 0009_restriction_records
Revises: 0008_totp_encrypted
Create Date: 2026-12-03 16:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import console.store.base

revision = "0009_restriction_records"
down_revision = "0008_totp_encrypted"
branch_labels = None
depends_on = None


def _when(name: str) -> sa.Column:
    return sa.Column(name, console.store.base.UTCDateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "restriction_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        _when("applied_at"),
        sa.Column("how", sa.Text(), nullable=False),
        sa.Column("applied_by", sa.String(length=80), nullable=False),
        _when("recorded_at"),
        sa.ForeignKeyConstraint(["request_id"], ["requests.id"], name=op.f("fk_restriction_records_request_id_requests"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_restriction_records")),
    )
    with op.batch_alter_table("restriction_records", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_restriction_records_request_id"), ["request_id"], unique=False)


def downgrade() -> None:
    op.drop_table("restriction_records")
