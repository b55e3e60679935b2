"""Which requests just crossed into "due soon" or "overdue": what the window's notices announce.

For the whole database, not only the rows on screen: the most recently crossed requests sit at
the top of the overdue and due-soon queues sorted by due date descending, so one small page of
each answers the question.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.context import Context
from console.requests import queries
from console.requests.queries import QueueFilter, QueueRow

LOOK_AT = 50


@dataclass(frozen=True)
class Crossings:
    due_soon: tuple[QueueRow, ...]
    overdue: tuple[QueueRow, ...]


def find_crossings(ctx: Context, since: datetime, now: datetime) -> Crossings:
    """Open, running requests whose due-soon or overdue threshold fell in (since, now]."""
    soon = ctx.catalogue.due_soon
    late = queries.fetch_page(ctx, QueueFilter(queue="overdue", sort="due_at", descending=True), limit=LOOK_AT, now=now)
    near = queries.fetch_page(ctx, QueueFilter(queue="due_soon", sort="due_at", descending=True), limit=LOOK_AT, now=now)
    return Crossings(
        due_soon=tuple(r for r in near.rows if since < r.due_at - soon <= now),
        overdue=tuple(r for r in late.rows if since < r.due_at <= now),
    )
