"""Consent withdrawals recorded for a request: what the person named and what follows for each.

The outcome is fixed when it is recorded (from the catalogue of that day), so the letter states
what the database holds even if the catalogue changes later.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.store.base import Base, utcnow


class ConsentWithdrawal(Base):
    """One cookie category or processing activity named in a withdrawal of consent."""

    __tablename__ = "consent_withdrawals"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    target_kind: Mapped[str] = mapped_column(String(20))  # cookie_category | activity
    target_id: Mapped[str] = mapped_column(String(60))
    outcome: Mapped[str] = mapped_column(String(20))  # withdrawn | not_withdrawable
    continues_on: Mapped[str | None] = mapped_column(Text)  # what goes on, on which other legal basis
    reason: Mapped[str | None] = mapped_column(Text)  # why it cannot be withdrawn
    effective_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(80))
    recorded_at: Mapped[datetime] = mapped_column(default=utcnow)

    __table_args__ = (
        CheckConstraint("target_kind IN ('cookie_category', 'activity')", name="target_kind"),
        CheckConstraint("outcome IN ('withdrawn', 'not_withdrawable')", name="outcome"),
        CheckConstraint("outcome <> 'not_withdrawable' OR (reason IS NOT NULL AND reason <> '')", name="why_not"),
        UniqueConstraint("request_id", "target_kind", "target_id", name="uq_consent_withdrawals_once"),
    )
