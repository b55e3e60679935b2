"""What a queue page is made of, without SQLAlchemy: the filter a person asks for and the rows.

``console.requests.queries`` reads them in SQL; the command line's fast ``request list``
(``console.cli.request_fast``) builds the same rows from the same SQL before SQLAlchemy loads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.requests.lifecycle import CLOSED

CLOSED_VALUES = tuple(s.value for s in CLOSED)
QUEUES = ("mine", "open", "due_soon", "overdue", "awaiting_verification", "paused", "closed", "all")
SORT_KEYS = ("due_at", "received_at", "reference", "status", "subject_name", "right", "assignee", "priority")
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
