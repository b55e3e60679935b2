"""Queue reads, all in SQL: filters, sort and keyset paging for a table of any size.

Kept apart from the write services: the Qt table model calls ``fetch_page`` page by page,
and ``queue_counts`` feeds the navigation list's live counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Select,
    and_,
    bindparam,
    func,
    literal_column,
    or_,
    select,
    table,
    tuple_,
    union_all,
)

from console.context import Context
from console.errors import ValidationError
from console.folding import fold
from console.requests import first_page
from console.requests.lifecycle import OPEN, Status
from console.requests.rows import (
    CLOSED_VALUES,
    DEADLINE_STATES,
    QUEUES,
    SORT_KEYS,
    QueueFilter,
    QueueRow,
)
from console.store import reads
from console.store.models import OPEN_STATUSES, QueueCount, Request

OPEN_VALUES = tuple(sorted(s.value for s in OPEN))
assert OPEN_VALUES == OPEN_STATUSES, "the open queue's partial index names the open statuses"
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
assert tuple(SORTS) == SORT_KEYS, "the fast request list (console.cli.request_fast) knows the sort keys"


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


def _is_closed() -> Any:
    return Request.status.in_([literal_column(f"'{v}'") for v in CLOSED_VALUES])


def _plan(ctx: Context, f: QueueFilter, now: datetime) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The filter as the shape of its statement and the values bound into it (plain Python: the
    statement itself is built only the first time a shape is seen)."""
    q = f.queue
    values: dict[str, Any] = {}
    clock = False
    if q.startswith("right:"):
        values["queue_right"] = q.split(":", 1)[1]
        q = "right:"
    elif q == "mine":
        values["me"] = ctx.actor.username
    elif q in ("due_soon", "overdue"):
        clock = True
    elif q not in ("open", "awaiting_verification", "paused", "closed", "all"):
        raise ValidationError(f"Unknown queue {f.queue!r}. Queues: {', '.join(QUEUES)}, right:<id>")
    if f.right:
        values["right"] = f.right
    if f.status:
        values["status"] = f.status
    if f.assignee and f.assignee != "-":
        values["assignee"] = f.assignee
    if f.deadline:
        if f.deadline not in DEADLINE_STATES:
            raise ValidationError(f"Unknown deadline state {f.deadline!r}. States: {', '.join(DEADLINE_STATES)}")
        clock = True
    if clock:
        values["now"] = now
        values["soon"] = now + ctx.catalogue.due_soon
    kind = _search_values(f.search, ctx.db.dialect, values)
    return (q, bool(f.right), bool(f.status), f.assignee == "-" if f.assignee else None, f.deadline, kind), values


REFERENCE = re.compile(r"^[A-Za-z]{1,6}-\d{4}-\d{1,9}$")
DIGITS = re.compile(r"[\d-]+")


def _search_values(text: str, dialect: str, values: dict[str, Any]) -> str:
    """Search along an index where the text says what it is: a reference, an email, a name.

    An email is matched as a prefix range of the lower-cased text, which the index
    ix_requests_subject_email serves (addresses are stored lower-cased by intake)."""
    text = text.strip()
    if not text:
        return ""
    if REFERENCE.match(text):
        values["reference"] = text.upper()
        return "reference"
    low = text.lower()
    values["email_from"], values["email_to"] = low, low + "\uffff"
    if "@" in text:
        return "email"
    if DIGITS.fullmatch(text):  # the end of a reference, typed without its prefix
        del values["email_from"], values["email_to"]
        values["reference_end"] = f"%-{text}"
        return "digits"
    folded = fold(text)
    like = folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    values["name_like"] = f"%{like}%"  # PostgreSQL's pg_trgm index, short fragments, and the walk
    if dialect == "sqlite" and len(folded) >= 3:  # SQLite's FTS5 trigram table
        values["name_phrase"] = '"' + folded.replace('"', '""') + '"'
        return "name-fts"
    return "name"


def _bp(name: str) -> Any:
    return bindparam(name, type_=_TYPES.get(name))


def _where(shape: tuple[Any, ...]) -> list[Any]:
    """The conditions of a filter's shape, every value a named bound parameter."""
    q, right, status, unassigned, deadline, search = shape
    running = and_(_is_open(), Request.paused_since.is_(None))
    conds: list[Any] = []
    if q == "right:":
        conds += [_is_open(), Request.right_id == _bp("queue_right")]
    elif q == "mine":
        conds += [_is_open(), Request.assignee == _bp("me")]
    elif q == "open":
        conds.append(_is_open())
    elif q == "due_soon":
        conds += [running, Request.due_at >= _bp("now"), Request.due_at < _bp("soon")]
    elif q == "overdue":
        conds += [running, Request.due_at < _bp("now")]
    elif q == "awaiting_verification":
        conds.append(Request.status == literal_column(f"'{Status.AWAITING_VERIFICATION.value}'"))
    elif q == "paused":
        conds += [_is_open(), Request.paused_since.is_not(None)]
    elif q == "closed":
        conds.append(_is_closed())
    if right:
        conds.append(Request.right_id == _bp("right"))
    if status:
        conds.append(Request.status == _bp("status"))
    if unassigned is not None:
        conds.append(Request.assignee.is_(None) if unassigned else Request.assignee == _bp("assignee"))
    if deadline:
        conds.append(_deadline_condition(deadline, running))
    if search == "reference":
        conds.append(Request.reference == _bp("reference"))
    elif search == "digits":
        conds.append(Request.reference.like(_bp("reference_end")))
    elif search:
        email_prefix = and_(Request.subject_email >= _bp("email_from"), Request.subject_email < _bp("email_to"))
        conds.append(email_prefix if search == "email" else or_(email_prefix, _name_contains(search)))
    return conds


def _name_contains(kind: str) -> Any:
    """A fragment of the name, case and accents folded, through the trigram index of each database:
    SQLite's FTS5 trigram table (fragments of three characters or more), PostgreSQL's pg_trgm."""
    if kind != "name-fts":
        return Request.subject_name_folded.like(_bp("name_like"), escape="\\")
    return Request.id.in_(_fts_matches())


def _fts_matches() -> Any:
    return select(literal_column("rowid")).select_from(table("requests_name_fts")).where(
        literal_column("requests_name_fts").op("MATCH")(_bp("name_phrase")))


def _deadline_condition(state: str, running: Any) -> Any:
    if state == "overdue":
        return and_(running, Request.due_at < _bp("now"))
    if state in ("due_soon", "due_today"):
        return and_(running, Request.due_at >= _bp("now"), Request.due_at < _bp("soon"))
    if state == "on_track":
        return and_(running, Request.due_at >= _bp("soon"))
    if state == "paused":
        return and_(_is_open(), Request.paused_since.is_not(None))
    return _is_closed()


def _sort(f: QueueFilter) -> Any:
    try:
        return SORTS[f.sort]
    except KeyError:
        raise ValidationError(f"Cannot sort by {f.sort!r}. Sort keys: {', '.join(SORTS)}") from None


def _page_stmt(shape: tuple[Any, ...], sort: str, descending: bool, keyset: bool) -> Select[Any]:
    if shape[-1] == "name-walk":
        return _walk_stmt(shape, keyset)
    col = SORTS[sort]
    stmt = select(*COLUMNS).where(*_where(shape))
    if keyset:
        key = tuple_(col, Request.id)
        after = tuple_(_bp(f"after_{sort}"), _bp("after_id"))
        stmt = stmt.where(key < after if descending else key > after)
    order = (col.desc(), Request.id.desc()) if descending else (col.asc(), Request.id.asc())
    return stmt.order_by(*order).limit(_bp("limit"))  # type: ignore[return-value]


# Bound parameters that carry times: the driver gets them as the database stores them.
_TYPES: dict[str, Any] = {name: Request.due_at.type for name in ("now", "soon", "after_due_at", "after_received_at")}


def _walk_stmt(shape: tuple[Any, ...], keyset: bool) -> Select[Any]:
    """A common name fragment's page: the first ``walk`` rows of the queue by due date (an index
    walk that stops there), of which the first ``limit`` with the fragment, read in full by id.
    A page it does not fill is taken again through the trigram index (``fetch_page``).

    The walk carries only what the test reads (SQLite copies every column of every walked row into
    its co-routine, twice the cost), and the matches are taken in the walk's own order: an ORDER BY
    there would read the whole walk before the first row."""
    inner = select(Request.id, Request.subject_email, Request.subject_name_folded).where(
        *_where((*shape[:-1], "")))
    if keyset:
        inner = inner.where(tuple_(Request.due_at, Request.id) > tuple_(_bp("after_due_at"), _bp("after_id")))
    c = inner.order_by(Request.due_at, Request.id).limit(_bp("walk")).subquery("walked").c
    found = or_(and_(c.subject_email >= _bp("email_from"), c.subject_email < _bp("email_to")),
                c.subject_name_folded.like(_bp("name_like"), escape="\\"))
    page = select(c.id).where(found).limit(_bp("limit"))
    return select(*COLUMNS).where(Request.id.in_(page)).order_by(  # type: ignore[return-value]
        Request.due_at, Request.id)


def fetch_page(ctx: Context, f: QueueFilter, cursor: tuple[Any, int] | None = None, limit: int = 200,
               now: datetime | None = None) -> Page:
    """One page of the queue after ``cursor`` (keyset paging: cost independent of depth).

    One statement on the driver (two for a name search, which first counts its trigram matches):
    its SQL is compiled once per shape of filter (``store.reads``) and the rows become
    ``QueueRow``s directly, with no session or ORM layer between."""
    now = now or ctx.now()
    query = _page_query(ctx, f, cursor, limit, now)
    rows = reads.fetch(ctx.db, ctx.actor, *query, QUEUE_ROW)
    if query[0][1][-1] == "name-walk" and len(rows) < limit:  # not within the walk: the trigram path
        rows = reads.fetch(ctx.db, ctx.actor, *_page_query(ctx, f, cursor, limit, now, walk=False), QUEUE_ROW)
    next_cursor = None
    if len(rows) == limit:
        last = rows[-1]
        sort_attr = {"right": "right", "due_at": "due_at"}.get(f.sort, f.sort)
        next_cursor = (getattr(last, sort_attr), last.id)
    return Page(rows, next_cursor)


def _page_query(ctx: Context, f: QueueFilter, cursor: tuple[Any, int] | None, limit: int, now: datetime,
                walk: bool = True) -> tuple[Any, Any, dict[str, Any]]:
    """(the key of the page's shape, what builds its statement, its values) for ``reads``."""
    _sort(f)
    shape, values = _plan(ctx, f, now)
    if walk and ctx.db.dialect == "sqlite" and _walks(shape, f) and _name_hits(ctx, shape[-1], values) >= WALK_FROM:
        shape = (*shape[:-1], "name-walk")
        values["walk"] = WALK_ROWS
    for unused in (("name_phrase",) if shape[-1] == "name-walk" else ()) + (
            ("name_like",) if shape[-1] == "name-fts" else ()):
        values.pop(unused, None)
    values["limit"] = limit
    if cursor is not None:
        values[f"after_{f.sort}"], values["after_id"] = cursor
    return (("queue-page", shape, f.sort, f.descending, cursor is not None),
            lambda: _page_stmt(shape, f.sort, f.descending, cursor is not None), values)


QUEUE_ROW = reads.RowShape(QueueRow, datetimes=(6, 7, 9))

# From this many trigram matches a name search's page walks the due-date index instead: at a million
# requests a fragment in 10,000 rows costs the trigram path ~20 ms (it reads and sorts every match)
# and the walk about as much (it reads ~20,000 rows to fill a page of 200); above, the walk wins.
WALK_FROM = 10_000
WALK_ROWS = 30_000  # rows a walk reads at most: a page of 200 at 10,000 matches in 1,000,000 needs ~20,000


def _walks(shape: tuple[Any, ...], f: QueueFilter) -> bool:
    """Whether the page could walk a due-date index in its own order: by due date, over all requests
    (ix_requests_due) or the open queue (ix_requests_open_due), with no other filter.

    SQLite only: its planner takes the FTS5 table's matches (``rowid IN``) before anything else.
    PostgreSQL's chooses by itself between pg_trgm and walking ix_requests_due, from its estimate
    of the fragment's matches ('zielinska' at a million: the walk, 12 ms; 'smithers': pg_trgm, 4 ms)."""
    q, right, status, unassigned, deadline, search = shape
    return (search in ("name", "name-fts") and f.sort == "due_at" and not f.descending and q in ("all", "open")
            and not (right or status or deadline) and unassigned is None)


def _name_hits(ctx: Context, kind: str, values: dict[str, Any]) -> int:
    """How many requests the FTS5 table finds for the fragment, counted up to ``WALK_FROM`` (4 ms at
    40,000 matches in a million). Only the speed of the page depends on it, never its rows."""
    key = "name-fts" if kind == "name-fts" else "name"
    params = {"name_phrase": values["name_phrase"]} if key == "name-fts" else {"name_like": values["name_like"]}
    params["cap"] = WALK_FROM
    rows = reads.fetch(ctx.db, ctx.actor, ("name-hits", key), lambda: _hits_stmt(key), params, COUNT_ROW)
    return int(rows[0][0])


def _hits_stmt(kind: str) -> Any:
    if kind == "name-fts":
        hits = _fts_matches()
    else:
        hits = select(literal_column("1")).select_from(Request).where(_name_contains(kind))
    return select(func.count()).select_from(hits.limit(_bp("cap")).subquery())


def remember_first_page(ctx: Context, limit: int) -> bool:
    """Keep the SQL of the window's first page (the open queue by deadline, ``limit`` rows) for the
    next start's fast first paint (``first_page``); only a local file without sign-in, where
    nothing in it depends on who acts or on the clock. True when the kept file was (re)written."""
    if ctx.db.dialect != "sqlite":
        return False
    f = QueueFilter()
    sql, args = reads.statement(ctx.db, *_page_query(ctx, f, None, limit, ctx.now()))
    cat = ctx.catalogue
    shown = first_page.catalogue_display(cat.source, cat.organisation.name, cat.organisation.time_zone,
                                         cat.due_soon_hours, {r.id: r.title for r in cat.rights})
    return first_page.remember(sql, args, tuple(fl.name for fl in fields(QueueRow)), QUEUE_ROW.datetimes, shown)


def list_statements(ctx: Context, f: QueueFilter, limit: int) -> list[tuple[str, list[Any]]] | None:
    """The SQL of ``f``'s first page of ``limit`` rows and of its count, each with its arguments in
    order, the clock's values named instead ("now", "soon"), for the command line's fast
    ``request list`` (``console.cli.request_fast``); None on PostgreSQL or where a value is not
    plain (nothing kept then)."""
    if ctx.db.dialect != "sqlite":
        return None
    now = ctx.now()
    page_key, page_build, values = _page_query(ctx, f, None, limit, now)
    shape = page_key[1]
    made = []
    for key, build in ((page_key, page_build), (("queue-count", shape), lambda: _count_stmt(shape))):
        sql, args = reads.statement(ctx.db, key, build, values)
        names = reads.parameter_names(ctx.db, key, build)
        if names is None or len(names) != len(args):
            return None
        kept: list[Any] = [{"clock": n} if n in ("now", "soon") else a for n, a in zip(names, args, strict=True)]
        if not all(isinstance(a, str | int | float | dict) for a in kept):
            return None
        made.append((sql, kept))
    return made


def _count_stmt(shape: tuple[Any, ...]) -> Any:
    return select(func.count()).select_from(Request).where(*_where(shape))


def count(ctx: Context, f: QueueFilter, now: datetime | None = None) -> int:
    now = now or ctx.now()
    shape, values = _plan(ctx, f, now)
    stmt = _count_stmt(shape)
    with ctx.db.read(ctx.actor) as s:
        return int(s.scalar(stmt, values) or 0)


def queue_counts(ctx: Context, now: datetime | None = None) -> Counts:
    """Every queue's count: the counts table (kept by triggers) for the ones that do not depend on
    the clock, and index ranges over the few rows near their deadline for due soon and overdue,
    all in one statement on the driver."""
    now = now or ctx.now()
    values = {"now": now, "soon": now + ctx.catalogue.due_soon}
    rows = reads.fetch(ctx.db, ctx.actor, "queue-counts", _counts_stmt, values, COUNT_ROW)
    return _counts(rows, ctx.actor.username)


COUNT_ROW = reads.RowShape(tuple)
_CLOCK = ("due_soon", "overdue")  # the rows of the statement that are not from the counts table


def _counts_stmt() -> Any:
    running = and_(_is_open(), Request.paused_since.is_(None))

    def clock(name: str, *conds: Any) -> Any:
        return select(literal_column(f"'{name}'"), literal_column("''"), literal_column("''"), literal_column("0"),
                      func.count()).select_from(Request).where(running, *conds)

    table_rows = select(QueueCount.status, QueueCount.right_id, QueueCount.assignee, QueueCount.paused,
                        QueueCount.n).where(QueueCount.n != 0)
    return union_all(table_rows, clock("due_soon", Request.due_at >= _bp("now"), Request.due_at < _bp("soon")),
                     clock("overdue", Request.due_at < _bp("now")))


def _counts(rows: list[Any], me: str) -> Counts:
    queues = dict.fromkeys(("open", "closed", "awaiting_verification", "mine", "paused", *_CLOCK), 0)
    by_right: dict[str, int] = {}
    for status, right, assignee, paused, n in rows:
        if status in _CLOCK and right == "":
            queues[status] = int(n)
            continue
        if status in CLOSED_VALUES:
            queues["closed"] += n
            continue
        queues["open"] += n
        by_right[right] = by_right.get(right, 0) + n
        queues["awaiting_verification"] += n if status == Status.AWAITING_VERIFICATION.value else 0
        queues["mine"] += n if assignee == me else 0
        queues["paused"] += n if paused else 0
    queues["all"] = queues["open"] + queues["closed"]
    return Counts(queues=queues, by_right=by_right)
