"""consent withdrawals: the cookie categories and activities a withdrawal of consent names

Revision ID: 0005_consent_withdrawals
Revises: 0004_flat_queues
Create Date: 2026-12-03 14:40:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import console.store.base

revision = "0005_consent_withdrawals"
down_revision = "0004_flat_queues"
branch_labels = None
depends_on = None


def _when(name: str) -> sa.Column:
    return sa.Column(name, console.store.base.UTCDateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "consent_withdrawals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("target_kind", sa.String(length=20), nullable=False),
        sa.Column("target_id", sa.String(length=60), nullable=False),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("continues_on", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        _when("effective_at"),
        sa.Column("recorded_by", sa.String(length=80), nullable=False),
        _when("recorded_at"),
        sa.CheckConstraint("target_kind IN ('cookie_category', 'activity')",
                           name=op.f("ck_consent_withdrawals_target_kind")),
        sa.CheckConstraint("outcome IN ('withdrawn', 'not_withdrawable')", name=op.f("ck_consent_withdrawals_outcome")),
        sa.CheckConstraint("outcome <> 'not_withdrawable' OR (reason IS NOT NULL AND reason <> '')",
                           name=op.f("ck_consent_withdrawals_why_not")),
        sa.ForeignKeyConstraint(["request_id"], ["requests.id"], name=op.f("fk_consent_withdrawals_request_id_requests"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_consent_withdrawals")),
        sa.UniqueConstraint("request_id", "target_kind", "target_id", name=op.f("uq_consent_withdrawals_once")),
    )
    with op.batch_alter_table("consent_withdrawals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_consent_withdrawals_request_id"), ["request_id"], unique=False)


def downgrade() -> None:
    op.drop_table("consent_withdrawals")
