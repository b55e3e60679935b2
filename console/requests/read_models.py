"""Plain frozen objects the services return; the UI and CLI never see ORM rows."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime
from typing import Any

from console.deadlines import DeadlineState, deadline_state, time_left
from console.policy import Catalogue
from console.requests.lifecycle import CLOSED, Status
from console.store import models


@dataclass(frozen=True)
class EventView:
    at: datetime
    actor: str
    action: str
    detail: str
    from_status: str | None
    to_status: str | None


@dataclass(frozen=True)
class ChecklistView:
    item_id: str
    label: str
    required: bool
    result: str | None
    done_by: str | None
    done_at: datetime | None
    comment: str
    second_by: str | None
    second_at: datetime | None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class ExtensionView:
    rule_id: str
    amount: int
    unit: str
    reason: str
    notified_on: date
    granted_at: datetime
    granted_by: str


@dataclass(frozen=True)
class PauseView:
    started_at: datetime
    ended_at: datetime | None
    reason: str
    started_by: str


@dataclass(frozen=True)
class RuleDue:
    rule_id: str
    label: str
    milestone: str
    due_at: datetime


@dataclass(frozen=True)
class RequestView:
    """A request as people see it, with its deadline worked out at ``as_of``."""

    id: int
    reference: str
    right: str
    right_title: str
    jurisdictions: tuple[str, ...]
    channel: str
    language: str
    received_at: datetime
    subject_name: str
    subject_email: str
    subject_account_id: str | None
    subject_is_child: bool
    guardian_name: str | None
    guardian_email: str | None
    assignee: str | None
    priority: str
    status: str
    notes: str
    categories: tuple[str, ...]
    details: dict[str, Any]
    outcome: str | None
    outcome_reason: str | None
    due_at: datetime
    due_rule_id: str
    due_rule: str
    acknowledge_due_at: datetime | None
    acknowledged_at: datetime | None
    paused_since: datetime | None
    duplicate_of: str | None
    closed_at: datetime | None
    version: int
    deadline_state: str
    seconds_left: int  # frozen while paused: what was left when the clock stopped
    as_of: datetime
    checklist: tuple[ChecklistView, ...] = ()
    events: tuple[EventView, ...] = ()
    pauses: tuple[PauseView, ...] = ()
    extensions: tuple[ExtensionView, ...] = ()
    rules: tuple[RuleDue, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def state_of(row: models.Request, catalogue: Catalogue, now: datetime) -> DeadlineState:
    closed = Status(row.status) in CLOSED
    return deadline_state(
        row.due_at, now, catalogue.organisation.tz, catalogue.due_soon, paused=row.paused_since is not None, closed=closed
    )


def request_view(row: models.Request, catalogue: Catalogue, now: datetime, *, full: bool = False,
                 rules: tuple[RuleDue, ...] = (), evidence: dict[str, tuple[str, ...]] | None = None) -> RequestView:
    """Turn a row into a view; ``full`` also copies checklist, history, pauses, extensions."""
    title = catalogue.right_title(row.right_id)  # a right removed from a later catalogue still shows
    evidence = evidence or {}
    return RequestView(
        id=row.id, reference=row.reference, right=row.right_id, right_title=title,
        jurisdictions=tuple(j for j in row.jurisdictions.split(",") if j), channel=row.channel,
        language=row.language, received_at=row.received_at, subject_name=row.subject_name,
        subject_email=row.subject_email, subject_account_id=row.subject_account_id,
        subject_is_child=row.subject_is_child, guardian_name=row.guardian_name,
        guardian_email=row.guardian_email, assignee=row.assignee, priority=row.priority,
        status=row.status, notes=row.notes, categories=tuple(row.categories or ()),
        details=dict(row.details or {}), outcome=row.outcome, outcome_reason=row.outcome_reason,
        due_at=row.due_at, due_rule_id=row.due_rule_id, due_rule=row.due_rule_label,
        acknowledge_due_at=row.acknowledge_due_at, acknowledged_at=row.acknowledged_at,
        paused_since=row.paused_since, duplicate_of=row.duplicate_of, closed_at=row.closed_at,
        version=row.version, deadline_state=state_of(row, catalogue, now).value,
        seconds_left=int(time_left(row.due_at, now, row.paused_since).total_seconds()), as_of=now,
        checklist=tuple(
            ChecklistView(c.item_id, c.label, c.required, c.result, c.done_by, c.done_at, c.comment,
                          c.second_by, c.second_at, evidence.get(c.item_id, ()))
            for c in row.checklist
        ) if full else (),
        events=tuple(EventView(e.at, e.actor, e.action, e.detail, e.from_status, e.to_status) for e in row.events) if full else (),
        pauses=tuple(PauseView(p.started_at, p.ended_at, p.reason, p.started_by) for p in row.pauses) if full else (),
        extensions=tuple(
            ExtensionView(x.rule_id, x.amount, x.unit, x.reason, x.notified_on, x.granted_at, x.granted_by)
            for x in row.extensions
        ) if full else (),
        rules=rules,
    )
