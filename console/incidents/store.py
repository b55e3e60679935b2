"""Loading an incident and writing its timeline: the pieces every incident service shares."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from console import bounds
from console.errors import TransitionError
from console.incidents.rules import Status
from console.store.incident_models import Incident, IncidentEntry
from console.store.loading import check_version, load_one

SINGLE_LINE = frozenset({"title", "reported_by"})


def text(value: str | None, what: str, field: str | int) -> str:
    """A text fact as typed (stripped), within the length its column holds and free of hidden
    characters (console.bounds, as for requests); ``field`` is an incident column or a length."""
    limit = Incident.__table__.c[field] if isinstance(field, str) else field
    return bounds.text((value or "").strip(), what, limit, multiline=field not in SINGLE_LINE)


def load(session: Session, reference: str, *, lock: bool = False) -> Incident:
    """The incident with everything its view shows; a row lock on servers for writers."""
    stmt = (
        select(Incident)
        .where(Incident.reference == reference.strip().upper())
        .options(selectinload(Incident.entries), selectinload(Incident.notifications),
                 selectinload(Incident.links), selectinload(Incident.drill))
    )
    return load_one(session, stmt, f"No incident with reference {reference!r}.", lock=lock, of=Incident)


def load_for_change(session: Session, reference: str, expected_version: int | None = None, *,
                    allow_closed: bool = False) -> Incident:
    """The incident locked for a change: the copy the person edited is the stored one (when
    ``expected_version`` is given) and it may change (:func:`check_writable`)."""
    row = load(session, reference, lock=True)
    check_version(row, expected_version)
    check_writable(row, allow_closed=allow_closed)
    return row


def check_writable(row: Incident, *, allow_closed: bool = False) -> None:
    """A finished drill is kept as it ended; a closed incident is reopened before it changes."""
    if row.drill is not None and row.drill.finished_at is not None:
        raise TransitionError(f"The drill {row.reference} is finished; its record is kept as it ended.")
    if not allow_closed and row.status == Status.CLOSED:
        raise TransitionError(f"{row.reference} is closed; reopen it before changing it.")


def add_entry(session: Session, row: Incident, actor: str, kind: str, text: str, *, now: datetime,
              at: datetime | None = None, corrects: IncidentEntry | None = None) -> IncidentEntry:
    """Append one timeline line; entries are numbered 1, 2, 3... within the incident.

    The number comes from the entries loaded with the (locked) incident; the unique
    (incident, number) constraint refuses a duplicate should two writers ever race.
    """
    seq = max((e.seq for e in row.entries), default=0) + 1
    entry = IncidentEntry(seq=seq, at=at or now, recorded_at=now, actor=actor, kind=kind, text=text,
                          corrects_id=corrects.id if corrects else None)
    row.entries.append(entry)
    return entry
