"""Incident reads, in SQL: the list with filters and keyset paging, one incident in full, counts.

Drills are listed only when asked for (``IncidentFilter.drills``) and never count in real figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, and_, case, func, or_, select, tuple_
from sqlalchemy.orm import Session, selectinload

from console.context import Context
from console.errors import ValidationError
from console.incidents import rules
from console.incidents.read_models import (
    IncidentRow,
    IncidentView,
    LinkView,
    clock_state,
    incident_view,
)
from console.incidents.store import load
from console.store.incident_models import Drill, Incident, IncidentLink
from console.store.models import Request

QUEUES = ("open", "clock_running", "overdue", "closed", "all")
DRILLS = ("exclude", "include", "only")
SORTS = {
    "authority_due_at": Incident.authority_due_at,
    "became_aware_at": Incident.became_aware_at,
    "reference": Incident.reference,
    "status": Incident.status,
    "title": Incident.title,
}
OPEN_VALUES = tuple(s.value for s in rules.ORDER if s != rules.Status.CLOSED)


@dataclass(frozen=True)
class IncidentFilter:
    """What the person asked to see; every field narrows the list in SQL."""

    queue: str = "open"  # one of QUEUES
    drills: str = "exclude"  # one of DRILLS
    status: str | None = None
    risk: str | None = None
    search: str = ""
    sort: str = "authority_due_at"
    descending: bool = False


@dataclass(frozen=True)
class IncidentPage:
    rows: list[IncidentRow]
    cursor: tuple[Any, int] | None  # pass back to get the next page; None at the end


def _running() -> Any:
    """The authority clock runs: not closed, no initial report, no decision not to notify,
    and not a drill that was already finished (its exercise is over, nothing is due)."""
    finished_drill = select(Drill.id).where(Drill.incident_id == Incident.id, Drill.finished_at.is_not(None)).exists()
    return and_(
        Incident.status != rules.Status.CLOSED.value,
        Incident.authority_notified_at.is_(None),
        or_(Incident.authority_decision.is_(None), Incident.authority_decision != "not_notify"),
        ~finished_drill,
    )


def _where(f: IncidentFilter, now: datetime) -> list[Any]:
    conds: list[Any] = []
    if f.queue == "open":
        conds.append(Incident.status.in_(OPEN_VALUES))
    elif f.queue == "clock_running":
        conds.append(_running())
    elif f.queue == "overdue":
        conds += [_running(), Incident.authority_due_at <= now]
    elif f.queue == "closed":
        conds.append(Incident.status == rules.Status.CLOSED.value)
    elif f.queue != "all":
        raise ValidationError(f"Unknown incident list {f.queue!r}. Lists: {', '.join(QUEUES)}")
    if f.drills == "exclude":
        conds.append(Incident.is_drill.is_(False))
    elif f.drills == "only":
        conds.append(Incident.is_drill.is_(True))
    elif f.drills != "include":
        raise ValidationError(f"Unknown drills option {f.drills!r}. Options: {', '.join(DRILLS)}")
    if f.status:
        conds.append(Incident.status == rules.parse_status(f.status).value)
    if f.risk:
        conds.append(Incident.risk.is_(None) if f.risk == "-" else Incident.risk == rules.parse_risk(f.risk).value)
    text = f.search.strip()
    if text:
        like = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conds.append(or_(Incident.reference.like(f"%{like.upper()}%", escape="\\"),
                         Incident.title.ilike(f"%{like}%", escape="\\")))
    return conds


COLUMNS: tuple[Any, ...] = (Incident.id, Incident.reference, Incident.title, Incident.status, Incident.risk, Incident.is_drill,
           Incident.became_aware_at, Incident.authority_due_at, Incident.authority_notified_at,
           Incident.authority_decision, Incident.people_count, Incident.version)


def _page_stmt(f: IncidentFilter, now: datetime, cursor: tuple[Any, int] | None, limit: int) -> Select[Any]:
    try:
        col = SORTS[f.sort]
    except KeyError:
        raise ValidationError(f"Cannot sort incidents by {f.sort!r}. Sort keys: {', '.join(SORTS)}") from None
    stmt = select(*COLUMNS).where(*_where(f, now))
    if cursor is not None:
        key = tuple_(col, Incident.id)
        stmt = stmt.where(key < tuple(cursor) if f.descending else key > tuple(cursor))
    order = (col.desc(), Incident.id.desc()) if f.descending else (col.asc(), Incident.id.asc())
    return stmt.order_by(*order).limit(limit)


def _row(r: Any, ctx: Context, now: datetime) -> IncidentRow:
    stopped = rules.clock_stopped(r.status, r.authority_notified_at, r.authority_decision)
    return IncidentRow(
        id=r.id, reference=r.reference, title=r.title, status=r.status, risk=r.risk, is_drill=r.is_drill,
        became_aware_at=r.became_aware_at, authority_due_at=r.authority_due_at,
        authority_notified_at=r.authority_notified_at, authority_decision=r.authority_decision,
        people_count=r.people_count, version=r.version, clock_stopped=stopped,
        clock=rules.clock_outcome(r.status, r.authority_notified_at, r.authority_due_at, r.authority_decision),
        state=clock_state(r.authority_due_at, now, ctx.catalogue, stopped).value, as_of=now)


def list_incidents(ctx: Context, f: IncidentFilter | None = None, cursor: tuple[Any, int] | None = None,
                   limit: int = 200, now: datetime | None = None) -> IncidentPage:
    """One page of incidents after ``cursor`` (keyset paging), each with its clock's badge."""
    f = f or IncidentFilter()
    now = now or ctx.now()
    with ctx.db.read(ctx.actor) as s:
        raw = s.execute(_page_stmt(f, now, cursor, max(1, limit))).all()
    rows = [_row(r, ctx, now) for r in raw]
    next_cursor = None
    if len(rows) == limit:
        last = rows[-1]
        next_cursor = (getattr(last, f.sort), last.id)
    return IncidentPage(rows, next_cursor)


def clock_alerts(ctx: Context, now: datetime | None = None, *, drills: bool = True) -> list[IncidentRow]:
    """Running clocks that are due soon, due today or overdue: what the window tells people about.

    The desktop view calls this in the background and raises a notification when an incident
    enters one of these states (drills included, and marked, since they run on the same clocks).
    """
    now = now or ctx.now()
    # "Due today" can reach up to 25 h ahead on a DST day, beyond the due-soon line: widen, then filter.
    horizon = now + max(rules.authority_due_soon(ctx.catalogue.breach.authority_hours), timedelta(hours=26))
    f = IncidentFilter(queue="clock_running", drills="include" if drills else "exclude")
    with ctx.db.read(ctx.actor) as s:
        raw = s.execute(_page_stmt(f, now, None, 10_000).where(Incident.authority_due_at <= horizon)).all()
    rows = [_row(r, ctx, now) for r in raw]
    return [r for r in rows if r.state != "on_track"]


def count_incidents(ctx: Context, f: IncidentFilter | None = None, now: datetime | None = None) -> int:
    f = f or IncidentFilter()
    with ctx.db.read(ctx.actor) as s:
        return int(s.scalar(select(func.count()).select_from(Incident).where(*_where(f, now or ctx.now()))) or 0)


def incident_counts(ctx: Context, now: datetime | None = None) -> dict[str, int]:
    """Real figures for the navigation list and dashboard, drills kept apart in ``drills``."""
    now = now or ctx.now()

    def n(cond: Any) -> Any:
        return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)

    real = Incident.is_drill.is_(False)
    with ctx.db.read(ctx.actor) as s:
        row = s.execute(select(
            n(and_(real, Incident.status.in_(OPEN_VALUES))), n(and_(real, _running())),
            n(and_(real, _running(), Incident.authority_due_at <= now)),
            n(and_(real, Incident.status == rules.Status.CLOSED.value)), n(real),
            n(and_(Incident.is_drill.is_(True), Incident.status.in_(OPEN_VALUES))),
        )).one()
    keys = ("open", "clock_running", "overdue", "closed", "all", "drills")
    return {k: int(v) for k, v in zip(keys, row, strict=True)}


def _links(s: Session, incident_ids: list[int]) -> dict[int, tuple[LinkView, ...]]:
    out: dict[int, list[LinkView]] = {}
    if not incident_ids:
        return {}
    rows = s.execute(
        select(IncidentLink.incident_id, Request.reference, Request.right_id, Request.status,
               IncidentLink.linked_at, IncidentLink.linked_by)
        .join(Request, Request.id == IncidentLink.request_id)
        .where(IncidentLink.incident_id.in_(incident_ids)).order_by(IncidentLink.id)
    ).all()
    for r in rows:
        out.setdefault(r.incident_id, []).append(
            LinkView(reference=r.reference, right=r.right_id, status=r.status, linked_at=r.linked_at,
                     linked_by=r.linked_by))
    return {k: tuple(v) for k, v in out.items()}


def get_incident(ctx: Context, reference: str) -> IncidentView:
    """The whole incident: facts, clock, decisions, timeline, notifications, linked requests."""
    with ctx.db.read(ctx.actor) as s:
        row = load(s, reference)
        return incident_view(row, ctx.catalogue, ctx.now(), _links(s, [row.id]).get(row.id, ()))


def register_views(ctx: Context, *, since: datetime | None = None, until: datetime | None = None) -> list[IncidentView]:
    """Every real breach for the Art. 33(5) register, oldest first; drills never appear in it."""
    now = ctx.now()
    with ctx.db.read(ctx.actor) as s:
        stmt = select(Incident).where(Incident.is_drill.is_(False)).options(
            selectinload(Incident.entries), selectinload(Incident.notifications), selectinload(Incident.drill))
        if since is not None:
            stmt = stmt.where(Incident.became_aware_at >= since)
        if until is not None:
            stmt = stmt.where(Incident.became_aware_at < until)
        rows = list(s.scalars(stmt.order_by(Incident.became_aware_at, Incident.id)))
        links = _links(s, [r.id for r in rows])
        return [incident_view(r, ctx.catalogue, now, links.get(r.id, ())) for r in rows]
