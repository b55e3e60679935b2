"""Queue reads, all in SQL: filters, sort and keyset paging for a table of any size.

Kept apart from the write services: the Qt table model calls ``fetch_page`` page by page,
and ``queue_counts`` feeds the navigation list's live counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Select, and_, func, literal_column, or_, select, table, tuple_
from sqlalchemy.orm import Session

from console.context import Context
from console.errors import ValidationError
from console.folding import fold
from console.requests.lifecycle import CLOSED, OPEN, Status
from console.store.models import OPEN_STATUSES, QueueCount, Request

OPEN_VALUES = tuple(sorted(s.value for s in OPEN))
assert OPEN_VALUES == OPEN_STATUSES, "the open queue's partial index names the open statuses"
CLOSED_VALUES = tuple(s.value for s in CLOSED)
QUEUES = ("mine", "open", "due_soon", "overdue", "awaiting_verification", "paused", "closed", "all")
SORTS = {
    "due_at": Request.due_at,
    "received_at": Request.received_at,
    "reference": Request.reference,
    "status": Request.status,
    "subject_name": Request.subject_name,
    "right": Request.right_id,
    "assignee": Request.assignee,
    "priority": Request.priority,
}
DEADLINE_STATES = ("on_track", "due_soon", "due_today", "overdue", "paused", "closed")


@dataclass(frozen=True)
class QueueFilter:
    """What the person asked to see; every field narrows the queue in SQL."""

    queue: str = "open"  # one of QUEUES, or "right:<id>"
    right: str | None = None
    status: str | None = None
    assignee: str | None = None
    deadline: str | None = None  # one of DEADLINE_STATES
    search: str = ""
    sort: str = "due_at"
    descending: bool = False


@dataclass(frozen=True)
class QueueRow:
    """One table row: only what the queue shows, cheap to build by the thousand."""

    id: int
    reference: str
    subject_name: str
    subject_email: str
    right: str
    status: str
    received_at: datetime
    due_at: datetime
    due_rule: str
    paused_since: datetime | None  # the time left is frozen from here
    assignee: str | None
    priority: str
    version: int

    @property
    def paused(self) -> bool:
        return self.paused_since is not None

    @property
    def closed(self) -> bool:
        return self.status in CLOSED_VALUES


@dataclass(frozen=True)
class Page:
    rows: list[QueueRow]
    cursor: tuple[Any, int] | None  # pass back to get the next page; None at the end
    total: int | None = None


@dataclass(frozen=True)
class Counts:
    queues: dict[str, int] = field(default_factory=dict)
    by_right: dict[str, int] = field(default_factory=dict)


COLUMNS = (Request.id, Request.reference, Request.subject_name, Request.subject_email, Request.right_id,
           Request.status, Request.received_at, Request.due_at, Request.due_rule_label,
           Request.paused_since, Request.assignee, Request.priority, Request.version)


def _is_open() -> Any:
    """Open statuses written as literals: the planner then sees that the partial index
    ix_requests_open_due covers the query (bound parameters would hide it)."""
    return Request.status.in_([literal_column(f"'{v}'") for v in OPEN_VALUES])


def _where(ctx: Context, f: QueueFilter, now: datetime) -> list[Any]:
    soon = now + ctx.catalogue.due_soon
    running = and_(_is_open(), Request.paused_since.is_(None))
    conds: list[Any] = []
    q = f.queue
    if q.startswith("right:"):
        conds += [_is_open(), Request.right_id == q.split(":", 1)[1]]
    elif q == "mine":
        conds += [_is_open(), Request.assignee == ctx.actor.username]
    elif q == "open":
        conds.append(_is_open())
    elif q == "due_soon":
        conds += [running, Request.due_at >= now, Request.due_at < soon]
    elif q == "overdue":
        conds += [running, Request.due_at < now]
    elif q == "awaiting_verification":
        conds.append(Request.status == Status.AWAITING_VERIFICATION.value)
    elif q == "paused":
        conds += [_is_open(), Request.paused_since.is_not(None)]
    elif q == "closed":
        conds.append(Request.status.in_(CLOSED_VALUES))
    elif q != "all":
        raise ValidationError(f"Unknown queue {q!r}. Queues: {', '.join(QUEUES)}, right:<id>")
    if f.right:
        conds.append(Request.right_id == f.right)
    if f.status:
        conds.append(Request.status == f.status)
    if f.assignee:
        conds.append(Request.assignee.is_(None) if f.assignee == "-" else Request.assignee == f.assignee)
    if f.deadline:
        conds.append(_deadline_condition(f.deadline, now, soon, running))
    conds += _search(f.search, ctx.db.dialect)
    return conds


REFERENCE = re.compile(r"^[A-Za-z]{1,6}-\d{4}-\d{1,9}$")


def _search(text: str, dialect: str) -> list[Any]:
    """Search along an index where the text says what it is: a reference, an email, a name."""
    text = text.strip()
    if not text:
        return []
    if REFERENCE.match(text):
        return [Request.reference == text.upper()]
    low = text.lower()
    email_prefix = and_(Request.subject_email >= low, Request.subject_email < low + "\uffff")
    if "@" in text:
        return [email_prefix]
    if re.fullmatch(r"[\d-]+", text):  # the end of a reference, typed without its prefix
        return [Request.reference.like(f"%-{text}")]
    return [or_(email_prefix, _name_contains(fold(text), dialect))]


def _name_contains(folded: str, dialect: str) -> Any:
    """A fragment of the name, case and accents folded, through the trigram index of each database:
    SQLite's FTS5 trigram table (fragments of three characters or more), PostgreSQL's pg_trgm."""
    like = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    contains = Request.subject_name_folded.like(f"%{like}%", escape="\\")
    if dialect != "sqlite" or len(folded) < 3:
        return contains
    phrase = '"' + folded.replace('"', '""') + '"'
    fts = select(literal_column("rowid")).select_from(table("requests_name_fts")).where(
        literal_column("requests_name_fts").op("MATCH")(phrase))
    return Request.id.in_(fts)


def _deadline_condition(state: str, now: datetime, soon: datetime, running: Any) -> Any:
    if state == "overdue":
        return and_(running, Request.due_at < now)
    if state in ("due_soon", "due_today"):
        return and_(running, Request.due_at >= now, Request.due_at < soon)
    if state == "on_track":
        return and_(running, Request.due_at >= soon)
    if state == "paused":
        return and_(_is_open(), Request.paused_since.is_not(None))
    if state == "closed":
        return Request.status.in_(CLOSED_VALUES)
    raise ValidationError(f"Unknown deadline state {state!r}. States: {', '.join(DEADLINE_STATES)}")


def _sort(f: QueueFilter) -> Any:
    try:
        return SORTS[f.sort]
    except KeyError:
        raise ValidationError(f"Cannot sort by {f.sort!r}. Sort keys: {', '.join(SORTS)}") from None


def _page_stmt(ctx: Context, f: QueueFilter, now: datetime, cursor: tuple[Any, int] | None, limit: int) -> Select[Any]:
    col = _sort(f)
    stmt = select(*COLUMNS).where(*_where(ctx, f, now))
    if cursor is not None:
        value, last_id = cursor
        key = tuple_(col, Request.id)
        stmt = stmt.where(key < (value, last_id) if f.descending else key > (value, last_id))
    order = (col.desc(), Request.id.desc()) if f.descending else (col.asc(), Request.id.asc())
    return stmt.order_by(*order).limit(limit)  # type: ignore[return-value]


def fetch_page(ctx: Context, f: QueueFilter, cursor: tuple[Any, int] | None = None, limit: int = 200,
               now: datetime | None = None) -> Page:
    """One page of the queue after ``cursor`` (keyset paging: cost independent of depth)."""
    now = now or ctx.now()
    with ctx.db.read(ctx.actor) as s:
        rows = [QueueRow(*r) for r in s.execute(_page_stmt(ctx, f, now, cursor, limit)).all()]
    next_cursor = None
    if len(rows) == limit:
        last = rows[-1]
        sort_attr = {"right": "right", "due_at": "due_at"}.get(f.sort, f.sort)
        next_cursor = (getattr(last, sort_attr), last.id)
    return Page(rows, next_cursor)


def count(ctx: Context, f: QueueFilter, now: datetime | None = None) -> int:
    now = now or ctx.now()
    with ctx.db.read(ctx.actor) as s:
        return int(s.scalar(select(func.count()).select_from(Request).where(*_where(ctx, f, now))) or 0)


def queue_counts(ctx: Context, now: datetime | None = None) -> Counts:
    """Every queue's count: the counts table (kept by triggers) for the ones that do not depend on
    the clock, and index ranges over the few rows near their deadline for due soon and overdue."""
    now = now or ctx.now()
    soon = now + ctx.catalogue.due_soon
    with ctx.db.read(ctx.actor) as s:
        return _counts(s, ctx.actor.username, now, soon)


def _counts(s: Session, me: str, now: datetime, soon: datetime) -> Counts:
    queues = dict.fromkeys(("open", "closed", "awaiting_verification", "mine", "paused"), 0)
    by_right: dict[str, int] = {}
    rows = s.execute(select(QueueCount.status, QueueCount.right_id, QueueCount.assignee, QueueCount.paused,
                            QueueCount.n).where(QueueCount.n != 0))
    for status, right, assignee, paused, n in rows:
        if status in CLOSED_VALUES:
            queues["closed"] += n
            continue
        queues["open"] += n
        by_right[right] = by_right.get(right, 0) + n
        queues["awaiting_verification"] += n if status == Status.AWAITING_VERIFICATION.value else 0
        queues["mine"] += n if assignee == me else 0
        queues["paused"] += n if paused else 0

    def n(*conds: Any) -> int:
        return int(s.scalar(select(func.count()).select_from(Request).where(*conds)) or 0)

    running = and_(_is_open(), Request.paused_since.is_(None))
    queues["due_soon"] = n(running, Request.due_at >= now, Request.due_at < soon)
    queues["overdue"] = n(running, Request.due_at < now)
    queues["all"] = queues["open"] + queues["closed"]
    return Counts(queues=queues, by_right=by_right)
