"""What was actually done for a request, recorded before any letter may say it was done.

An erasure certificate, a rectification letter, an inquiry answer and a decision letter are
built from these rows only; the database refuses a row that would let a letter state less
than the law asks (an erasure without its method, a retention without its legal reason).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.store.base import Base, utcnow


class ErasureRecord(Base):
    """One system and category of a person's data: erased (how) or retained (why), by whom, when."""

    __tablename__ = "erasure_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    system: Mapped[str] = mapped_column(String(120))
    category: Mapped[str] = mapped_column(String(40))
    outcome: Mapped[str] = mapped_column(String(10))  # erased | retained
    method: Mapped[str | None] = mapped_column(Text)  # how it was erased
    legal_reason: Mapped[str | None] = mapped_column(Text)  # why it is kept (from the catalogue)
    done_at: Mapped[datetime]
    done_by: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("outcome IN ('erased', 'retained')", name="outcome"),
        CheckConstraint("outcome <> 'erased' OR (method IS NOT NULL AND method <> '')", name="erased_how"),
        CheckConstraint("outcome <> 'retained' OR (legal_reason IS NOT NULL AND legal_reason <> '')",
                        name="retained_why"),
    )


class CorrectionRecord(Base):
    """One correction made: the field, old and new value (or a description), where, by whom, when."""

    __tablename__ = "correction_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    system: Mapped[str] = mapped_column(String(120))
    field: Mapped[str] = mapped_column(String(120))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    done_at: Mapped[datetime]
    done_by: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("new_value IS NOT NULL OR (description IS NOT NULL AND description <> '')",
                        name="says_what"),
    )


class AnswerRecord(Base):
    """The answer to an inquiry, or the decision on a request, as the letter will state it."""

    __tablename__ = "answer_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    decision: Mapped[str | None] = mapped_column(String(20))  # granted | partly_granted | refused
    text: Mapped[str] = mapped_column(Text)
    answered_at: Mapped[datetime]
    answered_by: Mapped[str] = mapped_column(String(80))

    __table_args__ = (
        CheckConstraint("text <> ''", name="has_text"),
        CheckConstraint("decision IS NULL OR decision IN ('granted', 'partly_granted', 'refused')",
                        name="decision"),
    )


class RestrictionRecord(Base):
    """When the restriction of processing (Art. 18) took effect, how, and who applied it.

    The restriction letter's "restricted since" is this date, never the day the letter is built.
    """

    __tablename__ = "restriction_records"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    applied_at: Mapped[datetime]
    how: Mapped[str] = mapped_column(Text, default="")  # e.g. "profiling flag set in the CRM"
    applied_by: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)
