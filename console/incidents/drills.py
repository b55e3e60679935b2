"""Response drills: a scenario becomes an incident marked as a drill, run on the real clocks.

A drill is an ordinary incident with ``is_drill`` set and a ``DRILL-`` reference, so the team
uses the same commands and screens; the register and the real figures never count it. The
drill report measures the time from awareness to each milestone against the catalogue's targets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from console.context import Context
from console.errors import TransitionError, ValidationError
from console.incidents.commands import NewIncident, insert_incident, validate_new
from console.incidents.queries import get_incident
from console.incidents.read_models import IncidentView
from console.incidents.scenarios import Expected, Inject, Scenario, find_scenario
from console.incidents.store import add_entry, load
from console.security.roles import Perm
from console.store.incident_models import Drill
from console.timefmt import human

MILESTONES = (
    ("triage", "Triage"),
    ("containment", "Containment"),
    ("decision", "Decision to notify"),
    ("authority_report", "Authority report ready"),
)


@dataclass(frozen=True)
class Milestone:
    """One milestone: when it was reached, hours from awareness, and whether the target held."""

    key: str
    title: str
    target_hours: int
    reached_at: datetime | None
    elapsed: timedelta | None

    @property
    def target(self) -> timedelta:
        return timedelta(hours=self.target_hours)

    def met(self, now: datetime, started_at: datetime) -> bool | None:
        """True / False once decided; None while unreached and still inside the target."""
        if self.elapsed is not None:
            return self.elapsed <= self.target
        return False if now - started_at > self.target else None


@dataclass(frozen=True)
class ReleasedInject:
    after_minutes: int
    text: str
    released_at: datetime


@dataclass(frozen=True)
class DrillStatus:
    """The drill as the facilitator sees it: the incident, the milestones and the injects so far."""

    incident: IncidentView
    scenario_id: str
    scenario_title: str
    summary: str
    started_at: datetime
    finished_at: datetime | None
    milestones: tuple[Milestone, ...]
    met: tuple[bool | None, ...]  # per milestone, at ``as_of``
    released: tuple[ReleasedInject, ...]
    next_inject: ReleasedInject | None
    expected: Expected | None
    debrief: str
    as_of: datetime

    @property
    def reference(self) -> str:
        return self.incident.reference

    @property
    def elapsed(self) -> timedelta:
        return (self.finished_at or self.as_of) - self.started_at


def _reached(view: IncidentView, key: str) -> datetime | None:
    if key == "triage":
        return view.triaged_at
    if key == "containment":
        return view.contained_at
    if key == "decision":
        return view.decided_at
    ready = [t for t in (view.report_ready_at, view.authority_notified_at) if t is not None]
    return min(ready) if ready else None


def milestones(view: IncidentView, targets: dict[str, int]) -> tuple[Milestone, ...]:
    """Time from awareness (the drill's start) to each milestone, pure."""
    out = []
    for key, title in MILESTONES:
        at = _reached(view, key)
        out.append(Milestone(key, title, targets[key], at, None if at is None else max(at - view.became_aware_at, timedelta(0))))
    return tuple(out)


def _scenario_of(data: dict[str, Any]) -> tuple[tuple[Inject, ...], Expected | None, str]:
    """The injects, expected calls and summary from the scenario snapshot stored with the drill."""
    injects = tuple(Inject(int(i["after_minutes"]), str(i["text"])) for i in data.get("injects") or ())
    exp = data.get("expected")
    expected = Expected(**exp) if isinstance(exp, dict) else None
    return injects, expected, str(data.get("summary", ""))


def drill_status(ctx: Context, reference: str) -> DrillStatus:
    """Milestones and injects at ``ctx.now()``; the injects released are those whose minute has come."""
    view = get_incident(ctx, reference)
    if not view.is_drill or view.drill is None:
        raise ValidationError(f"{view.reference} is a real incident, not a drill.")
    with ctx.db.read(ctx.actor) as s:
        drill = load(s, reference).drill
        data = drill.scenario if drill is not None else {}
    injects, expected, summary = _scenario_of(data)
    d = view.drill
    now = min(ctx.now(), d.finished_at) if d.finished_at else ctx.now()
    timed = [ReleasedInject(i.after_minutes, i.text, d.started_at + timedelta(minutes=i.after_minutes)) for i in injects]
    ms = milestones(view, ctx.catalogue.breach.drill_targets)
    return DrillStatus(
        incident=view, scenario_id=d.scenario_id, scenario_title=d.scenario_title, summary=summary,
        started_at=d.started_at, finished_at=d.finished_at, milestones=ms,
        met=tuple(m.met(now, d.started_at) for m in ms),
        released=tuple(i for i in timed if i.released_at <= now),
        next_inject=next((i for i in timed if i.released_at > now), None),
        expected=expected, debrief=d.debrief, as_of=now,
    )


def start_drill(ctx: Context, scenario: str | Scenario) -> DrillStatus:
    """Open the scenario's incident as a drill; awareness (and the 72-hour clock) starts now."""
    sc = find_scenario(scenario, ctx.catalogue) if isinstance(scenario, str) else scenario
    now = ctx.now()
    new = validate_new(ctx.catalogue, NewIncident(
        title=sc.incident_title, became_aware_at=now,
        detected_at=now - timedelta(minutes=sc.detected_minutes_before), description=sc.description,
        discovery=sc.discovery, reported_by=sc.reported_by, natures=sc.natures, cyber=sc.cyber,
        categories=sc.categories, people_count=sc.people_count, records_count=sc.records_count,
        consequences=sc.consequences,
    ), now)
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        row = insert_incident(uow, ctx.catalogue, new, now, drill=True)
        uow.session.add(Drill(incident_id=row.id, scenario_id=sc.id, scenario_title=sc.title,
                              scenario=sc.to_json(), started_at=now, started_by=ctx.actor.username))
        add_entry(uow.session, row, ctx.actor.username, "drill",
                  f"Drill started from the scenario '{sc.title}'. This is an exercise, not a real breach.", now=now)
        uow.audit("drill.start", "incident", row.reference, sc.id)
        ref = row.reference
    return drill_status(ctx, ref)


def finish_drill(ctx: Context, reference: str, debrief: str = "") -> DrillStatus:
    """End the drill: the clock of the exercise stops and its record is kept as it ended."""
    now = ctx.now()
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        row = load(uow.session, reference, lock=True)
        if row.drill is None:
            raise ValidationError(f"{row.reference} is a real incident, not a drill; close it instead.")
        if row.drill.finished_at is not None:
            raise TransitionError(f"The drill {row.reference} already finished on {human(row.drill.finished_at)}.")
        add_entry(uow.session, row, ctx.actor.username, "drill",
                  "Drill finished." + (f" Debrief: {debrief.strip()}" if debrief.strip() else ""), now=now)
        row.drill.finished_at, row.drill.finished_by = now, ctx.actor.username
        row.drill.debrief = debrief.strip()
        uow.audit("drill.finish", "incident", row.reference, row.drill.scenario_id)
    return drill_status(ctx, reference)
