"""Dashboard figures, all counted in SQL: open requests by right and by deadline state, the
overdue rate, the median days to close by right, and requests received and closed per week.

A handful of grouped queries over indexed columns, so the figures come back in about a second on
a million requests; the window runs this in the background. Weeks are the organisation's weeks
(Monday 00:00 local time), with the boundaries worked out here and passed to SQL as instants, so
SQLite and PostgreSQL count the same. ``to_csv`` writes the same figures for a spreadsheet.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from console import csvsafe, deadlines
from console.context import Context
from console.errors import ValidationError
from console.policy import Catalogue
from console.requests.lifecycle import CLOSED, OPEN
from console.store.models import Request

OPEN_VALUES = tuple(s.value for s in OPEN)
CLOSED_VALUES = tuple(s.value for s in CLOSED)
STATES = ("on_track", "due_soon", "due_today", "overdue", "paused")


@dataclass(frozen=True)
class Week:
    start: date  # the Monday, local to the organisation
    received: int
    closed: int


@dataclass(frozen=True)
class Figures:
    as_of: datetime
    open_total: int
    open_by_right: dict[str, int] = field(default_factory=dict)
    by_deadline_state: dict[str, int] = field(default_factory=dict)
    median_days_to_close: dict[str, float] = field(default_factory=dict)
    closed_counted: dict[str, int] = field(default_factory=dict)  # how many closures each median is of
    median_since: datetime | None = None
    weeks: tuple[Week, ...] = ()

    @property
    def overdue(self) -> int:
        return self.by_deadline_state.get("overdue", 0)

    @property
    def due_soon(self) -> int:
        """The navigation's "Due soon" queue: running, not overdue, due within the threshold (today included)."""
        return self.by_deadline_state.get("due_today", 0) + self.by_deadline_state.get("due_soon", 0)

    @property
    def overdue_rate(self) -> float:
        """Share of open requests past their deadline (0 when nothing is open)."""
        return self.overdue / self.open_total if self.open_total else 0.0


def figures(ctx: Context, weeks: int = 12, median_days: int = 365, now: datetime | None = None) -> Figures:
    """Every dashboard figure as of ``now``; medians over requests closed in the last ``median_days``."""
    if weeks < 1 or weeks > 260:
        raise ValidationError("The dashboard shows between 1 and 260 weeks.")
    if median_days < 1:
        raise ValidationError("The median needs a period of at least one day.")
    now = now or ctx.now()
    since = now - timedelta(days=median_days)
    with ctx.db.read(ctx.actor) as s:
        states = _states(s, ctx.catalogue, now)
        by_right = _open_by_right(s)
        medians, counted = _medians(s, since)
        per_week = _weeks(s, ctx.catalogue, now, weeks)
    return Figures(as_of=now, open_total=sum(by_right.values()), open_by_right=by_right, by_deadline_state=states,
                   median_days_to_close=medians, closed_counted=counted, median_since=since, weeks=per_week)


def _n(cond: Any) -> Any:
    return func.coalesce(func.sum(case((cond, 1), else_=0)), 0)


def _states(s: Session, cat: Catalogue, now: datetime) -> dict[str, int]:
    """Open rows by deadline state, one pass, with the queues' bounds: overdue before now, "due soon"
    from now to now + threshold (split at the end of today into due today and due soon), on track after.
    So the dashboard's due today + due soon is the navigation's "Due soon" count, never another number.
    """
    tz = cat.organisation.tz
    end_of_today = deadlines.end_of_day(now.astimezone(tz).date(), tz)
    soon = now + cat.due_soon
    running = Request.paused_since.is_(None)
    window = and_(running, Request.due_at >= now, Request.due_at < soon)
    overdue = and_(running, Request.due_at < now)
    today = and_(window, Request.due_at <= end_of_today)
    due_soon = and_(window, Request.due_at > end_of_today)
    on_track = and_(running, Request.due_at >= soon)
    row = s.execute(select(_n(on_track), _n(due_soon), _n(today), _n(overdue), _n(Request.paused_since.is_not(None)))
                    .where(Request.status.in_(OPEN_VALUES))).one()
    return {k: int(v) for k, v in zip(STATES, row, strict=True)}


def _open_by_right(s: Session) -> dict[str, int]:
    rows = s.execute(select(Request.right_id, func.count()).where(Request.status.in_(OPEN_VALUES))
                     .group_by(Request.right_id))
    return {r: int(c) for r, c in sorted(rows, key=lambda rc: (-rc[1], rc[0]))}


def _days(s: Session) -> Any:
    """Days from receipt to closing, as SQL for the dialect in use."""
    if s.get_bind().dialect.name == "sqlite":
        return func.julianday(Request.closed_at) - func.julianday(Request.received_at)
    return func.extract("epoch", Request.closed_at - Request.received_at) / 86400.0


def _medians(s: Session, since: datetime) -> tuple[dict[str, float], dict[str, int]]:
    """Median per right with window functions: the middle row (odd n) or the mean of the two."""
    days = _days(s).label("days")
    ranked = (
        select(Request.right_id.label("right_id"), days,
               func.row_number().over(partition_by=Request.right_id, order_by=days).label("rn"),
               func.count().over(partition_by=Request.right_id).label("n"))
        .where(Request.status.in_(CLOSED_VALUES), Request.closed_at.is_not(None), Request.closed_at >= since)
        .subquery()
    )
    middle = and_(ranked.c.rn * 2 >= ranked.c.n, ranked.c.rn * 2 <= ranked.c.n + 2)
    rows = s.execute(select(ranked.c.right_id, func.avg(ranked.c.days), func.max(ranked.c.n))
                     .where(middle).group_by(ranked.c.right_id)).all()
    medians = {r: round(float(m), 2) for r, m, _n in sorted(rows, key=lambda x: x[0])}
    counted = {r: int(n) for r, _m, n in rows}
    return medians, counted


def week_starts(cat: Catalogue, now: datetime, weeks: int) -> list[datetime]:
    """``weeks + 1`` UTC instants: local Monday midnights, the last one after this week."""
    tz = cat.organisation.tz
    today = now.astimezone(tz).date()
    monday = today - timedelta(days=today.weekday())
    days = [monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks + 1)]
    return [datetime(d.year, d.month, d.day, tzinfo=tz).astimezone(deadlines.UTC) for d in days]


def _weeks(s: Session, cat: Catalogue, now: datetime, weeks: int) -> tuple[Week, ...]:
    bounds = week_starts(cat, now, weeks)

    def per_week(col: Any) -> list[int]:
        cols = [_n(and_(col >= bounds[i], col < bounds[i + 1])) for i in range(weeks)]
        row = s.execute(select(*cols).where(col >= bounds[0], col < bounds[-1])).one()
        return [int(v) for v in row]

    received = per_week(Request.received_at)
    closed = per_week(Request.closed_at)
    tz = cat.organisation.tz
    return tuple(Week(bounds[i].astimezone(tz).date(), received[i], closed[i]) for i in range(weeks))


def to_csv(fig: Figures, cat: Catalogue) -> str:
    """One long table (figure, key, label, value) that any spreadsheet opens."""

    out = io.StringIO()
    w = csvsafe.Writer(out, lineterminator="\n")
    w.writerow(["figure", "key", "label", "value"])
    w.writerow(["as_of", "", "", fig.as_of.isoformat()])
    w.writerow(["open_total", "", "", fig.open_total])
    w.writerow(["overdue_rate", "", "overdue / open", f"{fig.overdue_rate:.4f}"])
    for right_id, n in fig.open_by_right.items():
        w.writerow(["open_by_right", right_id, cat.right_title(right_id), n])
    for state in STATES:
        w.writerow(["open_by_deadline_state", state, state.replace("_", " "), fig.by_deadline_state.get(state, 0)])
    since = fig.median_since.isoformat() if fig.median_since else ""
    for right_id, days in fig.median_days_to_close.items():
        w.writerow(["median_days_to_close", right_id, f"{cat.right_title(right_id)} (closed since {since}, "
                    f"n={fig.closed_counted.get(right_id, 0)})", f"{days:.2f}"])
    for week in fig.weeks:
        w.writerow(["received_per_week", week.start.isoformat(), "week starting", week.received])
    for week in fig.weeks:
        w.writerow(["closed_per_week", week.start.isoformat(), "week starting", week.closed])
    return out.getvalue()


def export_csv(fig: Figures, cat: Catalogue, path: str | Path) -> Path:
    """Write the figures to ``path`` (UTF-8); a path that cannot be written says so plainly."""
    p = Path(path)
    try:
        p.write_text(to_csv(fig, cat), encoding="utf-8")
    except OSError as exc:
        raise ValidationError(f"Cannot write {p}: {exc.strerror or exc}") from None
    return p
