"""Write services for incidents: open, edit the facts, keep the timeline, move through the lifecycle.

Each runs in one unit of work (role check, change, timeline line, audit), so a refusal leaves
nothing behind. Assessment, decisions and notifications live in ``notifications.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select

from console import bounds
from console.context import Context
from console.errors import NotFoundError, ValidationError
from console.incidents import rules, store
from console.incidents.queries import get_incident
from console.incidents.read_models import IncidentView, closing_facts
from console.incidents.rules import Status
from console.incidents.store import add_entry, load, load_for_change
from console.policy import Catalogue
from console.requests.commands import next_reference
from console.security.roles import Perm
from console.store.incident_models import Incident, IncidentLink
from console.store.models import Request
from console.timefmt import human
from console.uow import UnitOfWork

DRILL_PREFIX = "DRILL"
TEXT_FIELDS = ("title", "description", "discovery", "reported_by", "consequences", "measures", "contact_point")
EDITABLE = {*TEXT_FIELDS, "natures", "cyber", "categories", "subject_categories", "people_count", "records_count",
            "detected_at", "became_aware_at"}
WHAT = {"title": "The title", "description": "The description", "discovery": "How it was discovered",
        "reported_by": "Who reported it", "consequences": "The likely consequences", "measures": "The measures",
        "contact_point": "The contact point"}


@dataclass(frozen=True)
class NewIncident:
    """What is known when a breach is first logged; more facts arrive later through edits."""

    title: str
    became_aware_at: datetime
    detected_at: datetime | None = None  # default: the moment of awareness
    description: str = ""
    discovery: str = ""
    reported_by: str = ""
    natures: tuple[str, ...] = ()
    cyber: bool = False
    categories: tuple[str, ...] = ()
    subject_categories: tuple[str, ...] = ()  # Art. 33(3)(a): ids of the record's data subjects, or descriptions
    people_count: int | None = None
    records_count: int | None = None
    consequences: str = ""
    measures: str = ""
    contact_point: str = ""  # default: the organisation's privacy contact
    linked_requests: tuple[str, ...] = ()


def known_categories(cat: Catalogue) -> tuple[str, ...]:
    """The catalogue's data categories plus the breach-sensitive ones (special, credentials, ...)."""
    return tuple(c.id for c in cat.categories) + tuple(cat.breach.special_categories)


def default_contact(cat: Catalogue) -> str:
    org = cat.organisation
    parts = list(dict.fromkeys([*org.contact_lines, org.contact_email]))
    return ", ".join(parts)


def _count(value: Any, what: str) -> int | None:
    if value is None or value == "":
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f"The number of {what} must be a whole number (got {value!r}).") from None
    if n < 0:
        raise ValidationError(f"The number of {what} cannot be negative.")
    return n


def subject_categories(cat: Catalogue, values: Any) -> list[str]:
    """Categories of data subjects: the record of processing's ids (``users``), or a description of
    people it does not list (``Employees``); each once, in the order given."""
    if isinstance(values, str):
        values = [values]
    out: list[str] = []
    known = {s.id for s in cat.records.data_subjects}
    for raw in values or ():
        value = store.text(str(raw), "A category of data subjects", 120)
        if not value:
            continue
        if value.lower() in known:
            value = value.lower()
        elif value.isidentifier() and value.islower():  # looks like an id: a typo of one, most likely
            raise ValidationError(f"Unknown category of data subjects {value!r}. The record of processing lists: "
                                  f"{', '.join(sorted(known))}; describe others in words (e.g. 'Employees').")
        if value not in out:
            out.append(value)
    return out


def validate_new(cat: Catalogue, new: NewIncident, now: datetime) -> NewIncident:
    """Check every field a person typed; returns a cleaned copy or raises with the first problem."""
    if not new.title.strip():
        raise ValidationError("An incident needs a title that says what happened, in a few words.")
    texts = {field: store.text(getattr(new, field), WHAT[field], field) for field in TEXT_FIELDS}
    texts["contact_point"] = texts["contact_point"] or default_contact(cat)
    bounds.instant(new.became_aware_at, "The time of awareness")
    if new.detected_at is not None:
        bounds.instant(new.detected_at, "The time of detection")
    detected = new.detected_at or new.became_aware_at
    rules.check_times(detected, new.became_aware_at, now)
    return replace(
        new, **texts, detected_at=detected, subject_categories=tuple(subject_categories(cat, new.subject_categories)),
        natures=tuple(rules.check_natures(new.natures, cat.breach.natures)),
        categories=tuple(rules.check_categories(new.categories, known_categories(cat))),
        people_count=_count(new.people_count, "people affected"),
        records_count=_count(new.records_count, "records affected"),
    )


def insert_incident(uow: UnitOfWork, cat: Catalogue, new: NewIncident, now: datetime, *, drill: bool = False) -> Incident:
    """Write a validated incident and its first timeline lines (caller's transaction)."""
    s, actor = uow.session, uow.actor.username
    assert new.detected_at is not None
    year = new.became_aware_at.astimezone(cat.organisation.tz).year
    prefix = DRILL_PREFIX if drill else cat.incident_prefix
    due = rules.authority_due_at(new.became_aware_at, cat.breach.authority_hours)
    row = Incident(
        reference=next_reference(s, prefix, year, width=4), is_drill=drill, title=new.title,
        description=new.description.strip(), detected_at=new.detected_at, became_aware_at=new.became_aware_at,
        discovery=new.discovery.strip(), reported_by=new.reported_by.strip(), natures=list(new.natures),
        cyber=new.cyber, categories=list(new.categories), subject_categories=list(new.subject_categories),
        people_count=new.people_count,
        records_count=new.records_count, consequences=new.consequences.strip(), measures=new.measures.strip(),
        contact_point=new.contact_point, status=Status.OPEN.value, authority_due_at=due, created_by=actor,
        created_at=now,
    )
    s.add(row)
    s.flush()
    add_entry(s, row, actor, "detected", new.discovery.strip() or "Breach detected", now=now, at=new.detected_at)
    add_entry(s, row, actor, "aware", f"Organisation aware of the breach; the {cat.breach.authority_hours}-hour clock "
              "for notifying the supervisory authority starts", now=now, at=new.became_aware_at)
    for ref in new.linked_requests:
        _link(uow, row, ref, now)
    uow.audit("incident.open", "incident", row.reference, "drill" if drill else "")
    return row


def open_incident(ctx: Context, new: NewIncident) -> IncidentView:
    """Log a breach: reference, the 72-hour clock from awareness, the first timeline lines."""
    now = ctx.now()
    new = validate_new(ctx.catalogue, new, now)
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        ref = insert_incident(uow, ctx.catalogue, new, now).reference
    return get_incident(ctx, ref)


def _clean(cat: Catalogue, key: str, value: Any) -> Any:
    if key in TEXT_FIELDS:
        text = store.text(str(value or ""), WHAT[key], key)
        if key == "title" and not text:
            raise ValidationError("The title cannot be empty.")
        return text
    if key == "subject_categories":
        return subject_categories(cat, value)
    if key == "natures":
        return rules.check_natures(value, cat.breach.natures)
    if key == "categories":
        return rules.check_categories(value, known_categories(cat))
    if key in ("people_count", "records_count"):
        return _count(value, "people affected" if key == "people_count" else "records affected")
    if key == "cyber":
        return bool(value)
    if not isinstance(value, datetime):
        raise ValidationError(f"{key} must be a date and time with a zone.")
    return bounds.instant(value, key.replace("_", " "))


def _shown(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(value) or "-"
    if isinstance(value, datetime):
        return value.isoformat()
    text = "-" if value is None or value == "" else str(value)
    return text if len(text) <= 60 else text[:57] + "..."


def update_incident(ctx: Context, reference: str, changes: dict[str, Any], expected_version: int | None = None) -> IncidentView:
    """Add or change facts as they come in; the timeline records each change, old and new."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValidationError(f"These incident fields cannot be edited: {', '.join(sorted(unknown))}")
    cleaned = {k: _clean(ctx.catalogue, k, v) for k, v in changes.items()}
    now = ctx.now()
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        row = load_for_change(uow.session, reference, expected_version)
        detected = cleaned.get("detected_at", row.detected_at)
        aware = cleaned.get("became_aware_at", row.became_aware_at)
        rules.check_times(detected, aware, now)
        lines = []
        for key, value in cleaned.items():
            before = getattr(row, key)
            if before == value:
                continue
            lines.append(f"{key}: {_shown(before)} -> {_shown(value)}")
            setattr(row, key, value)
        if not lines:
            raise ValidationError("Nothing to change: the values given are the ones recorded.")
        if "became_aware_at" in cleaned:
            row.authority_due_at = rules.authority_due_at(aware, ctx.catalogue.breach.authority_hours)
            lines.append(f"authority due -> {human(row.authority_due_at)}")
        add_entry(uow.session, row, ctx.actor.username, "updated", "; ".join(lines), now=now)
        uow.audit("incident.edit", "incident", row.reference, ", ".join(sorted(cleaned)))
    return get_incident(ctx, reference)


def log_entry(ctx: Context, reference: str, text: str, *, kind: str = "note", at: datetime | None = None,
              corrects: int | None = None) -> IncidentView:
    """Append a timeline line; to fix an earlier one, pass its number as ``corrects``."""
    text = store.text(text, "The timeline entry", bounds.FREE_TEXT)
    if not text:
        raise ValidationError("A timeline entry needs text: what happened, or what was done.")
    if kind not in rules.LOG_KINDS:
        raise ValidationError(f"Unknown entry kind {kind!r}. Kinds: {', '.join(rules.LOG_KINDS)}")
    if corrects is not None:
        kind = "correction"
    elif kind == "correction":
        raise ValidationError("A correction names the entry it corrects (its number on the timeline).")
    now = ctx.now()
    if at is not None and at.tzinfo is None:
        raise ValidationError("The time of an entry needs a time zone, e.g. 2026-03-10T09:30:00+00:00.")
    if at is not None and at > now + rules.CLOCK_SKEW:
        raise ValidationError(f"A timeline entry cannot describe the future ({human(at)}).")
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        row = load_for_change(uow.session, reference, allow_closed=True)
        target = None
        if corrects is not None:
            target = next((e for e in row.entries if e.seq == corrects), None)
            if target is None:
                raise NotFoundError(f"{row.reference} has no timeline entry #{corrects} to correct.")
        add_entry(uow.session, row, ctx.actor.username, kind, text.strip(), now=now,
                  at=at or (target.at if target else None), corrects=target)
        uow.audit("incident.log", "incident", row.reference, kind)
    return get_incident(ctx, reference)


def transition(ctx: Context, reference: str, target: str | Status, *, note: str = "",
               at: datetime | None = None, expected_version: int | None = None) -> IncidentView:
    """Move along open -> triaged -> contained -> resolved -> closed; reopening needs a reason."""
    target = rules.parse_status(target) if isinstance(target, str) else target
    note = store.text(note, "The note", bounds.FREE_TEXT)
    now = ctx.now()
    when = at or now
    if when.tzinfo is None:
        raise ValidationError("The time needs a time zone, e.g. 2026-03-10T09:30:00+00:00.")
    if when > now + rules.CLOCK_SKEW:
        raise ValidationError(f"The incident cannot be marked {target.value} in the future ({human(when)}).")
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        row = load_for_change(uow.session, reference, expected_version, allow_closed=True)
        current = Status(row.status)
        reopening = current == Status.CLOSED
        if target == Status.CLOSED:
            rules.check_close(closing_facts(row))
        else:
            rules.check_transition(row.reference, current, target)
        if when < row.detected_at:
            raise ValidationError(f"{row.reference} cannot be {target.value} before it was detected "
                                  f"({human(row.detected_at)}).")
        if reopening and not note.strip():
            raise ValidationError(f"Reopening {row.reference} needs a reason (new facts, a follow-up report...).")
        if target == Status.CONTAINED and not (row.measures.strip() or note.strip()):
            raise ValidationError(f"Describe how {row.reference} was contained (the containment measures).")
        if target == Status.CONTAINED and not row.measures.strip():
            row.measures = note.strip()
        row.status = target.value
        if reopening:
            row.closed_at = None
        else:
            setattr(row, f"{target.value}_at", when)
        kind = "reopened" if reopening else target.value
        text = note.strip() or f"{rules.STATUS_TITLES[current]} -> {rules.STATUS_TITLES[target]}"
        add_entry(uow.session, row, ctx.actor.username, kind, text, now=now, at=when)
        uow.audit(f"incident.{kind}", "incident", row.reference, f"{current.value} -> {target.value}")
    return get_incident(ctx, reference)


def advance(ctx: Context, reference: str, *, note: str = "", at: datetime | None = None) -> IncidentView:
    """One step forward (open -> triaged -> ... -> closed)."""
    with ctx.db.read(ctx.actor) as s:
        current = Status(load(s, reference).status)
    return transition(ctx, reference, rules.next_status(current), note=note, at=at)


def close(ctx: Context, reference: str, note: str = "") -> IncidentView:
    return transition(ctx, reference, Status.CLOSED, note=note)


def reopen(ctx: Context, reference: str, reason: str) -> IncidentView:
    return transition(ctx, reference, Status.RESOLVED, note=reason)


def _link(uow: UnitOfWork, row: Incident, request_ref: str, now: datetime) -> None:
    s = uow.session
    req = s.scalars(select(Request).where(Request.reference == request_ref.strip().upper())).first()
    if req is None:
        raise NotFoundError(f"No request with reference {request_ref!r} to link to {row.reference}.")
    exists = s.scalar(select(IncidentLink.id).where(IncidentLink.incident_id == row.id,
                                                    IncidentLink.request_id == req.id))
    if exists:
        raise ValidationError(f"{req.reference} is already linked to {row.reference}.")
    s.add(IncidentLink(incident_id=row.id, request_id=req.id, linked_at=now, linked_by=uow.actor.username))
    add_entry(s, row, uow.actor.username, "linked", f"Linked request {req.reference}", now=now)
    uow.audit("incident.link", "incident", row.reference, req.reference)


def link_request(ctx: Context, reference: str, request_ref: str) -> IncidentView:
    """Connect a rights request (e.g. someone asking what of theirs was exposed) with the incident."""
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        row = load_for_change(uow.session, reference)
        _link(uow, row, request_ref, ctx.now())
    return get_incident(ctx, reference)


def unlink_request(ctx: Context, reference: str, request_ref: str, reason: str) -> IncidentView:
    reason = store.text(reason, "The reason", bounds.FREE_TEXT)
    if not reason:
        raise ValidationError("Say why the request is unlinked; the timeline keeps the reason.")
    now = ctx.now()
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        s = uow.session
        row = load_for_change(s, reference)
        link = s.execute(select(IncidentLink).join(Request, Request.id == IncidentLink.request_id).where(
            IncidentLink.incident_id == row.id, Request.reference == request_ref.strip().upper())).scalar()
        if link is None:
            raise NotFoundError(f"{request_ref!r} is not linked to {row.reference}.")
        s.delete(link)
        add_entry(s, row, ctx.actor.username, "unlinked", f"Unlinked request {request_ref.strip().upper()}: "
                  f"{reason.strip()}", now=now)
        uow.audit("incident.unlink", "incident", row.reference, request_ref)
    return get_incident(ctx, reference)

