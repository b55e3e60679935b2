"""Plain frozen objects the incident services return; the UI and CLI never see ORM rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from console.deadlines import DeadlineState, deadline_state, time_left
from console.incidents import rules
from console.policy import Catalogue
from console.store.incident_models import Drill, Incident, IncidentEntry, IncidentNotification


@dataclass(frozen=True)
class EntryView:
    """A timeline line; ``corrects`` / ``corrected_by`` are entry numbers (``seq``) in this incident."""

    id: int
    seq: int
    at: datetime
    recorded_at: datetime
    actor: str
    kind: str
    text: str
    corrects: int | None = None
    corrected_by: tuple[int, ...] = ()


@dataclass(frozen=True)
class NotificationView:
    audience: str  # authority | people
    phase: str  # initial | follow_up
    sent_at: datetime
    authority_reference: str | None
    late_reason: str | None
    channel: str | None
    recipients: int | None
    summary: str
    recorded_at: datetime
    recorded_by: str
    late: bool
    document_sha256: str | None = None  # the initial authority report, kept as sent


@dataclass(frozen=True)
class LinkView:
    reference: str
    right: str
    status: str
    linked_at: datetime
    linked_by: str


@dataclass(frozen=True)
class DrillInfo:
    scenario_id: str
    scenario_title: str
    started_at: datetime
    started_by: str
    finished_at: datetime | None
    finished_by: str | None
    debrief: str


@dataclass(frozen=True)
class IncidentRow:
    """One line of the incident list; ``state`` is the authority clock's badge at ``as_of``.

    The window's one-second timer recomputes the badge with :meth:`state_at` instead of
    asking the database again.
    """

    id: int
    reference: str
    title: str
    status: str
    risk: str | None
    is_drill: bool
    became_aware_at: datetime
    authority_due_at: datetime
    authority_notified_at: datetime | None
    authority_decision: str | None
    people_count: int | None
    version: int
    clock_stopped: bool
    clock: str  # running | notified | notified_late | not_notifying | closed
    state: str
    as_of: datetime

    def state_at(self, now: datetime, catalogue: Catalogue) -> DeadlineState:
        return clock_state(self.authority_due_at, now, catalogue, self.clock_stopped)

    def time_left(self, now: datetime) -> timedelta:
        return time_left(self.authority_due_at, now)


@dataclass(frozen=True)
class IncidentView:
    """An incident as people see it, with its clock worked out at ``as_of``."""

    id: int
    reference: str
    is_drill: bool
    title: str
    description: str
    detected_at: datetime
    became_aware_at: datetime
    discovery: str
    reported_by: str
    natures: tuple[str, ...]
    cyber: bool
    categories: tuple[str, ...]
    subject_categories: tuple[str, ...]  # Art. 33(3)(a) as recorded for the incident (may be empty)
    people_count: int | None
    records_count: int | None
    consequences: str
    measures: str
    contact_point: str
    status: str
    risk: str | None
    risk_reasoning: str
    assessed_at: datetime | None
    assessed_by: str | None
    authority_due_at: datetime
    authority_decision: str | None
    authority_decision_reason: str
    people_decision: str | None
    people_decision_reason: str
    people_exemption: str | None
    decided_at: datetime | None
    decided_by: str | None
    authority_notified_at: datetime | None
    people_notified_at: datetime | None
    report_ready_at: datetime | None
    triaged_at: datetime | None
    contained_at: datetime | None
    resolved_at: datetime | None
    closed_at: datetime | None
    created_at: datetime
    created_by: str
    version: int
    as_of: datetime
    clock_stopped: bool
    clock: str  # running | notified | notified_late | not_notifying | closed
    state: str
    authority_required: bool
    people_required: bool
    closing_problems: tuple[str, ...]
    timeline: tuple[EntryView, ...]
    notifications: tuple[NotificationView, ...]
    linked_requests: tuple[LinkView, ...]
    drill: DrillInfo | None

    @property
    def authority_reports(self) -> tuple[NotificationView, ...]:
        return tuple(n for n in self.notifications if n.audience == "authority")

    @property
    def people_notices(self) -> tuple[NotificationView, ...]:
        return tuple(n for n in self.notifications if n.audience == "people")

    def time_left(self, now: datetime | None = None) -> timedelta:
        return time_left(self.authority_due_at, now or self.as_of)


def clock_state(due_at: datetime, now: datetime, catalogue: Catalogue, stopped: bool) -> DeadlineState:
    """The same badge as a request's deadline, with the breach window's own due-soon threshold."""
    soon = rules.authority_due_soon(catalogue.breach.authority_hours)
    return deadline_state(due_at, now, catalogue.organisation.tz, soon, closed=stopped)


def stopped(row: Incident) -> bool:
    return rules.clock_stopped(row.status, row.authority_notified_at, row.authority_decision)


def closing_facts(row: Incident) -> rules.ClosingFacts:
    return rules.ClosingFacts(
        reference=row.reference, status=row.status, risk=row.risk,
        authority_decision=row.authority_decision, people_decision=row.people_decision,
        people_exemption=row.people_exemption, authority_due_at=row.authority_due_at,
        authority_reports=sum(1 for n in row.notifications if n.audience == "authority"),
        people_notices=sum(1 for n in row.notifications if n.audience == "people"),
    )


def _entries(entries: list[IncidentEntry]) -> tuple[EntryView, ...]:
    seq_of = {e.id: e.seq for e in entries}
    corrected: dict[int, list[int]] = {}
    for e in entries:
        if e.corrects_id is not None:
            corrected.setdefault(e.corrects_id, []).append(e.seq)
    ordered = sorted(entries, key=lambda e: (e.at, e.seq))
    return tuple(
        EntryView(e.id, e.seq, e.at, e.recorded_at, e.actor, e.kind, e.text,
                  seq_of.get(e.corrects_id) if e.corrects_id else None, tuple(corrected.get(e.id, ())))
        for e in ordered
    )


def _notification(n: IncidentNotification, due_at: datetime) -> NotificationView:
    return NotificationView(
        n.audience, n.phase, n.sent_at, n.authority_reference, n.late_reason, n.channel, n.recipients,
        n.summary, n.recorded_at, n.recorded_by,
        late=n.audience == "authority" and n.phase == "initial" and n.sent_at > due_at,
        document_sha256=n.document_sha256,
    )


def _drill(d: Drill | None) -> DrillInfo | None:
    if d is None:
        return None
    return DrillInfo(d.scenario_id, d.scenario_title, d.started_at, d.started_by, d.finished_at, d.finished_by, d.debrief)


def incident_view(row: Incident, catalogue: Catalogue, now: datetime, links: tuple[LinkView, ...]) -> IncidentView:
    is_stopped = stopped(row)
    return IncidentView(
        id=row.id, reference=row.reference, is_drill=row.is_drill, title=row.title, description=row.description,
        detected_at=row.detected_at, became_aware_at=row.became_aware_at, discovery=row.discovery,
        reported_by=row.reported_by, natures=tuple(row.natures or ()), cyber=row.cyber,
        categories=tuple(row.categories or ()), subject_categories=tuple(row.subject_categories or ()),
        people_count=row.people_count, records_count=row.records_count,
        consequences=row.consequences, measures=row.measures, contact_point=row.contact_point,
        status=row.status, risk=row.risk, risk_reasoning=row.risk_reasoning, assessed_at=row.assessed_at,
        assessed_by=row.assessed_by, authority_due_at=row.authority_due_at,
        authority_decision=row.authority_decision, authority_decision_reason=row.authority_decision_reason,
        people_decision=row.people_decision, people_decision_reason=row.people_decision_reason,
        people_exemption=row.people_exemption, decided_at=row.decided_at, decided_by=row.decided_by,
        authority_notified_at=row.authority_notified_at, people_notified_at=row.people_notified_at,
        report_ready_at=row.report_ready_at, triaged_at=row.triaged_at, contained_at=row.contained_at,
        resolved_at=row.resolved_at, closed_at=row.closed_at, created_at=row.created_at,
        created_by=row.created_by, version=row.version, as_of=now, clock_stopped=is_stopped,
        clock=rules.clock_outcome(row.status, row.authority_notified_at, row.authority_due_at, row.authority_decision),
        state=clock_state(row.authority_due_at, now, catalogue, is_stopped).value,
        authority_required=rules.authority_required(row.risk),
        people_required=rules.people_required(row.risk, row.people_exemption),
        closing_problems=tuple(rules.closing_problems(closing_facts(row))),
        timeline=_entries(list(row.entries)),
        notifications=tuple(_notification(n, row.authority_due_at) for n in row.notifications),
        linked_requests=links, drill=_drill(row.drill),
    )
