"""Typed models of the breach-incident log: incidents, their timeline, notifications and drills.

The timeline is append-only: an entry is never updated or deleted through the ORM (the
listeners below refuse it), a mistake is answered by a new entry that names the old one.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from console.errors import TransitionError
from console.store.base import Base, utcnow


class Incident(Base):
    """A personal-data breach (or a drill of one); ``authority_due_at`` is stored so lists sort in SQL."""

    __tablename__ = "incidents"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(32), unique=True)
    is_drill: Mapped[bool] = mapped_column(Boolean, default=False)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    detected_at: Mapped[datetime]
    became_aware_at: Mapped[datetime]
    discovery: Mapped[str] = mapped_column(Text, default="")
    reported_by: Mapped[str] = mapped_column(String(200), default="")
    natures: Mapped[list[str]] = mapped_column(JSON, default=list)
    cyber: Mapped[bool] = mapped_column(Boolean, default=False)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Art. 33(3)(a): whose data it is, as recorded for this incident (ids of the record of
    # processing's data subjects, or a description for people it does not list, e.g. "Employees")
    subject_categories: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    people_count: Mapped[int | None] = mapped_column(Integer)
    records_count: Mapped[int | None] = mapped_column(Integer)
    consequences: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    contact_point: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(12))
    risk: Mapped[str | None] = mapped_column(String(12))
    risk_reasoning: Mapped[str] = mapped_column(Text, default="")
    assessed_at: Mapped[datetime | None]
    assessed_by: Mapped[str | None] = mapped_column(String(80))
    authority_due_at: Mapped[datetime]
    authority_decision: Mapped[str | None] = mapped_column(String(12))  # notify | not_notify
    authority_decision_reason: Mapped[str] = mapped_column(Text, default="")
    people_decision: Mapped[str | None] = mapped_column(String(12))  # notify | not_notify
    people_decision_reason: Mapped[str] = mapped_column(Text, default="")
    people_exemption: Mapped[str | None] = mapped_column(String(20))  # unintelligible | mitigated
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[str | None] = mapped_column(String(80))
    authority_notified_at: Mapped[datetime | None]
    people_notified_at: Mapped[datetime | None]
    report_ready_at: Mapped[datetime | None]
    triaged_at: Mapped[datetime | None]
    contained_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(80))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)

    entries: Mapped[list[IncidentEntry]] = relationship(order_by="IncidentEntry.seq", passive_deletes=True)
    notifications: Mapped[list[IncidentNotification]] = relationship(
        order_by="IncidentNotification.sent_at", passive_deletes=True
    )
    links: Mapped[list[IncidentLink]] = relationship(order_by="IncidentLink.id", passive_deletes=True)
    drill: Mapped[Drill | None] = relationship(back_populates="incident", uselist=False, passive_deletes=True)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_incidents_drill_status_due", "is_drill", "status", "authority_due_at", "id"),
        Index("ix_incidents_aware", "became_aware_at"),
    )


class IncidentEntry(Base):
    """One line of the timeline, by a named user; corrected only by a later entry (``corrects_id``)."""

    __tablename__ = "incident_entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime]
    recorded_at: Mapped[datetime]
    actor: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("incident_entries.id"))

    __table_args__ = (UniqueConstraint("incident_id", "seq", name="uq_incident_entries_seq"),)


class IncidentNotification(Base):
    """A report to the supervisory authority (initial or follow-up) or a notice to the people affected."""

    __tablename__ = "incident_notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    audience: Mapped[str] = mapped_column(String(12))  # authority | people
    phase: Mapped[str] = mapped_column(String(12))  # initial | follow_up
    sent_at: Mapped[datetime]
    authority_reference: Mapped[str | None] = mapped_column(String(120))
    late_reason: Mapped[str | None] = mapped_column(Text)
    channel: Mapped[str | None] = mapped_column(String(30))
    recipients: Mapped[int | None] = mapped_column(Integer)
    summary: Mapped[str] = mapped_column(Text, default="")
    recorded_at: Mapped[datetime]
    recorded_by: Mapped[str] = mapped_column(String(80))
    # The initial authority report as sent, frozen: later builds of "the initial report" return
    # these bytes, checked against the hash (deferred: loaded only when the document is asked for).
    document: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)
    document_sha256: Mapped[str | None] = mapped_column(String(64))


class IncidentLink(Base):
    """A rights request connected with the incident (e.g. people asking what was exposed)."""

    __tablename__ = "incident_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), index=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"), index=True)
    linked_at: Mapped[datetime]
    linked_by: Mapped[str] = mapped_column(String(80))

    __table_args__ = (UniqueConstraint("incident_id", "request_id", name="uq_incident_links_pair"),)


class Drill(Base):
    """The exercise around a drill incident: which scenario, when it started and finished."""

    __tablename__ = "drills"

    id: Mapped[int] = mapped_column(primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incidents.id", ondelete="CASCADE"), unique=True)
    scenario_id: Mapped[str] = mapped_column(String(60))
    scenario_title: Mapped[str] = mapped_column(String(200))
    scenario: Mapped[dict[str, Any]] = mapped_column(JSON)
    started_at: Mapped[datetime]
    started_by: Mapped[str] = mapped_column(String(80))
    finished_at: Mapped[datetime | None]
    finished_by: Mapped[str | None] = mapped_column(String(80))
    debrief: Mapped[str] = mapped_column(Text, default="")

    incident: Mapped[Incident] = relationship(back_populates="drill")


@event.listens_for(IncidentEntry, "before_update")
def _entry_is_final(mapper: Any, connection: Any, target: IncidentEntry) -> None:
    raise TransitionError(
        f"Timeline entry #{target.seq} cannot be edited; add a correction that refers to it instead."
    )


@event.listens_for(IncidentEntry, "before_delete")
def _entry_stays(mapper: Any, connection: Any, target: IncidentEntry) -> None:
    raise TransitionError(
        f"Timeline entry #{target.seq} cannot be deleted; add a correction that refers to it instead."
    )
