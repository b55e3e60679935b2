"""letter facts: erasure, correction and answer records a letter is built from

Revision ID: 0003_letter_facts
Revises: 0002_package_binding
Create Date: 2026-12-03 13:30:00
"""
from __future__ import annotations

import sqlalchemy as sa
from alembic import op

import console.store.base

revision = "0003_letter_facts"
down_revision = "0002_package_binding"
branch_labels = None
depends_on = None


def _request_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["request_id"], ["requests.id"], name=op.f(f"fk_{table}_request_id_requests"),
                                   ondelete="CASCADE")


def _when(name: str) -> sa.Column:
    return sa.Column(name, console.store.base.UTCDateTime(timezone=True), nullable=False)


def upgrade() -> None:
    op.create_table(
        "erasure_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("system", sa.String(length=120), nullable=False),
        sa.Column("category", sa.String(length=40), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("method", sa.Text(), nullable=True),
        sa.Column("legal_reason", sa.Text(), nullable=True),
        _when("done_at"),
        sa.Column("done_by", sa.String(length=80), nullable=False),
        _when("recorded_at"),
        sa.CheckConstraint("outcome IN ('erased', 'retained')", name=op.f("ck_erasure_records_outcome")),
        sa.CheckConstraint("outcome <> 'erased' OR (method IS NOT NULL AND method <> '')",
                           name=op.f("ck_erasure_records_erased_how")),
        sa.CheckConstraint("outcome <> 'retained' OR (legal_reason IS NOT NULL AND legal_reason <> '')",
                           name=op.f("ck_erasure_records_retained_why")),
        _request_fk("erasure_records"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_records")),
    )
    op.create_table(
        "correction_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("system", sa.String(length=120), nullable=False),
        sa.Column("field", sa.String(length=120), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        _when("done_at"),
        sa.Column("done_by", sa.String(length=80), nullable=False),
        _when("recorded_at"),
        sa.CheckConstraint("new_value IS NOT NULL OR (description IS NOT NULL AND description <> '')",
                           name=op.f("ck_correction_records_says_what")),
        _request_fk("correction_records"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_correction_records")),
    )
    op.create_table(
        "answer_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=20), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        _when("answered_at"),
        sa.Column("answered_by", sa.String(length=80), nullable=False),
        sa.CheckConstraint("text <> ''", name=op.f("ck_answer_records_has_text")),
        sa.CheckConstraint("decision IS NULL OR decision IN ('granted', 'partly_granted', 'refused')",
                           name=op.f("ck_answer_records_decision")),
        _request_fk("answer_records"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_answer_records")),
    )
    for table in ("erasure_records", "correction_records", "answer_records"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.create_index(batch_op.f(f"ix_{table}_request_id"), ["request_id"], unique=False)


def downgrade() -> None:
    for table in ("answer_records", "correction_records", "erasure_records"):
        op.drop_table(table)
