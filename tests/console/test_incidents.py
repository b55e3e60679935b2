"""A breach from the first alert to closing, through the services, as the privacy team works it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from console.context import Context
from console.errors import (
    ConflictError,
    NotFoundError,
    PermissionDenied,
    TransitionError,
    ValidationError,
)
from console.incidents import commands, notifications, queries, rules
from console.incidents.commands import NewIncident
from console.requests import commands as requests
from console.security.audit import verify_chain
from console.security.roles import Actor, Role
from console.store.incident_models import Incident, IncidentEntry, IncidentNotification
from console.store.models import AuditEntry

AWARE = datetime(2026, 11, 28, 9, 30, tzinfo=UTC)  # the clock fixture stands at 2026-11-30 09:00


def new(**kw: object) -> NewIncident:
    base: dict[str, object] = dict(
        title="Support mailbox read by an intruder", became_aware_at=AWARE,
        detected_at=AWARE - timedelta(minutes=40), description="A phished password let someone read the mailbox.",
        natures=("confidentiality",), cyber=True, categories=("communication", "account"), people_count=1200,
        records_count=5400, consequences="Targeted phishing", reported_by="Support lead")
    base.update(kw)
    return NewIncident(**base)  # type: ignore[arg-type]


def opened(ctx: Context, **kw: object) -> str:
    return commands.open_incident(ctx, new(**kw)).reference


def rows(ctx: Context, model: type) -> int:
    with ctx.db.sessions() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


# --- the 72-hour clock ---------------------------------------------------------------------


def test_open_starts_the_72_hour_clock_at_awareness(ctx) -> None:
    view = commands.open_incident(ctx, new())
    assert view.reference == "BR-2026-0001"
    assert view.authority_due_at == AWARE + timedelta(hours=72)
    assert view.status == "open" and view.clock == "running" and not view.is_drill
    # 2026-11-30 09:00 with 24 h 30 min left: a third of 72 h is the "due soon" line for breaches.
    assert view.state == "on_track"
    assert view.time_left() == timedelta(hours=24, minutes=30)
    assert [e.kind for e in view.timeline] == ["detected", "aware"]
    assert view.timeline[0].at == AWARE - timedelta(minutes=40)
    assert "Data Protection Team" in view.contact_point
    assert commands.open_incident(ctx, new()).reference == "BR-2026-0002"


def test_clock_states_follow_the_deadline_engine(ctx, clock) -> None:
    ref = opened(ctx)
    clock.advance(hours=1)
    assert queries.get_incident(ctx, ref).state == "due_soon"
    clock.now = AWARE + timedelta(hours=71, minutes=59)
    assert queries.get_incident(ctx, ref).state == "due_today"
    clock.now = AWARE + timedelta(hours=72)
    view = queries.get_incident(ctx, ref)
    assert view.state == "overdue" and view.time_left() == timedelta(0)


def test_late_authority_report_needs_a_reason(ctx, clock) -> None:
    ref = opened(ctx)
    clock.now = AWARE + timedelta(hours=80)
    with pytest.raises(ValidationError, match="8 h 00 min late .*reasons for the delay"):
        notifications.notify_authority(ctx, ref)
    assert rows(ctx, IncidentNotification) == 0
    view = notifications.notify_authority(ctx, ref, late_reason="The mailbox logs took a week to obtain",
                                          authority_reference="DPC-BN-77")
    report = view.authority_reports[0]
    assert report.late and report.late_reason == "The mailbox logs took a week to obtain"
    assert view.clock == "notified_late" and view.clock_stopped and view.state == "closed"
    assert "late by 8 h 00 min" in view.timeline[-1].text


def test_report_on_time_needs_no_reason_and_stops_the_clock(ctx, clock) -> None:
    ref = opened(ctx)
    view = notifications.notify_authority(ctx, ref, sent_at=AWARE + timedelta(hours=47), authority_reference="DPC-1")
    assert view.clock == "notified" and not view.authority_reports[0].late
    assert view.authority_notified_at == AWARE + timedelta(hours=47)
    assert view.decided_at == AWARE + timedelta(hours=47)  # sending is itself the decision
    clock.advance(days=10)
    assert queries.get_incident(ctx, ref).state == "closed"
    follow = notifications.notify_authority(ctx, ref, phase="follow_up", summary="Forensics complete")
    assert [n.phase for n in follow.authority_reports] == ["initial", "follow_up"]
    assert follow.authority_reports[1].authority_reference == "DPC-1"  # carried over
    with pytest.raises(ValidationError, match="initial report .* was recorded"):
        notifications.notify_authority(ctx, ref)


def test_moving_awareness_moves_the_clock(ctx) -> None:
    ref = opened(ctx)
    view = commands.update_incident(ctx, ref, {"became_aware_at": AWARE + timedelta(hours=2), "people_count": 15000})
    assert view.authority_due_at == AWARE + timedelta(hours=74)
    assert "people_count: 1200 -> 15000" in view.timeline[-1].text


# --- bad input: clear messages, nothing changed -------------------------------------------


def test_awareness_before_detection_is_refused(ctx) -> None:
    with pytest.raises(ValidationError, match="Awareness .* cannot come before detection"):
        commands.open_incident(ctx, new(detected_at=AWARE + timedelta(hours=1)))
    with pytest.raises(ValidationError, match="in the future"):
        commands.open_incident(ctx, new(became_aware_at=datetime(2027, 1, 1, tzinfo=UTC)))
    assert rows(ctx, Incident) == 0
    ref = opened(ctx)
    with pytest.raises(ValidationError, match="cannot come before detection"):
        commands.update_incident(ctx, ref, {"detected_at": AWARE + timedelta(hours=3)})
    assert queries.get_incident(ctx, ref).detected_at == AWARE - timedelta(minutes=40)


def test_notification_before_awareness_is_refused(ctx) -> None:
    ref = opened(ctx)
    before = AWARE - timedelta(minutes=1)
    with pytest.raises(ValidationError, match="before the organisation became aware"):
        notifications.notify_authority(ctx, ref, sent_at=before)
    with pytest.raises(ValidationError, match="before the organisation became aware"):
        notifications.notify_people(ctx, ref, channel="email", recipients=10, sent_at=before)
    assert rows(ctx, IncidentNotification) == 0
    assert queries.get_incident(ctx, ref).authority_notified_at is None


def test_other_bad_input(ctx) -> None:
    cases = [
        (lambda: commands.open_incident(ctx, new(title="  ")), ValidationError, "needs a title"),
        (lambda: commands.open_incident(ctx, new(natures=("secrecy",))), ValidationError, "Unknown breach nature"),
        (lambda: commands.open_incident(ctx, new(categories=("dreams",))), ValidationError, "Unknown data category"),
        (lambda: commands.open_incident(ctx, new(people_count=-3)), ValidationError, "cannot be negative"),
        (lambda: commands.open_incident(ctx, new(linked_requests=("DSR-2026-999999",))), NotFoundError, "No request"),
        (lambda: queries.get_incident(ctx, "BR-1999-0001"), NotFoundError, "No incident"),
    ]
    for call, error, message in cases:
        with pytest.raises(error, match=message):
            call()
    assert rows(ctx, Incident) == 0


# --- lifecycle -----------------------------------------------------------------------------


def test_lifecycle_moves_one_step_at_a_time(ctx) -> None:
    ref = opened(ctx)
    with pytest.raises(TransitionError, match="must be triaged, then contained before it can be resolved"):
        commands.transition(ctx, ref, "resolved")
    assert commands.advance(ctx, ref).status == "triaged"
    with pytest.raises(ValidationError, match="Describe how .* was contained"):
        commands.advance(ctx, ref)
    view = commands.advance(ctx, ref, note="Password reset, sessions revoked")
    assert view.status == "contained" and view.measures == "Password reset, sessions revoked"
    with pytest.raises(TransitionError, match="cannot go back to triaged"):
        commands.transition(ctx, ref, "triaged")
    with pytest.raises(ValidationError, match="Unknown incident status"):
        commands.transition(ctx, ref, "vanished")
    assert commands.advance(ctx, ref).status == "resolved"
    assert [e.kind for e in queries.get_incident(ctx, ref).timeline][-3:] == ["triaged", "contained", "resolved"]


def _resolved(ctx: Context, **kw: object) -> str:
    ref = opened(ctx, measures="Mailbox secured", **kw)
    for _ in range(3):
        commands.advance(ctx, ref)
    return ref


def test_closing_a_reportable_breach_needs_the_authority_notice(ctx) -> None:
    ref = _resolved(ctx)
    with pytest.raises(TransitionError, match="risk has not been assessed"):
        commands.close(ctx, ref)
    notifications.assess(ctx, ref, "risk", "Contact details of 1,200 customers read by an unknown party")
    version = queries.get_incident(ctx, ref).version
    with pytest.raises(TransitionError, match="authority has not been notified .* no decision not to notify"):
        commands.close(ctx, ref)
    after = queries.get_incident(ctx, ref)
    assert after.status == "resolved" and after.version == version and after.closed_at is None
    assert after.closing_problems
    notifications.notify_authority(ctx, ref, sent_at=AWARE + timedelta(hours=30))
    closed = commands.close(ctx, ref, "Review done")
    assert closed.status == "closed" and closed.closed_at is not None and closed.clock == "notified"
    with pytest.raises(TransitionError, match="closed; reopen it"):
        notifications.assess(ctx, ref, "high_risk", "new facts")
    with pytest.raises(ValidationError, match="needs a reason"):
        commands.reopen(ctx, ref, "")
    assert commands.reopen(ctx, ref, "The attacker published the data").status == "resolved"


def test_no_risk_closes_with_a_documented_decision_not_to_notify(ctx) -> None:
    ref = _resolved(ctx, title="Encrypted laptop lost")
    notifications.assess(ctx, ref, "no_risk", "Full-disk encryption, key in escrow only")
    with pytest.raises(TransitionError, match="decision not to notify the authority is not recorded"):
        commands.close(ctx, ref)
    with pytest.raises(ValidationError, match="needs its reasoning"):
        notifications.decide(ctx, ref, authority=False, reason=" ")
    view = notifications.decide(ctx, ref, authority=False, people=False, reason="Data unintelligible; no risk")
    assert view.clock == "not_notifying" and view.clock_stopped
    assert commands.close(ctx, ref).status == "closed"


# --- who must be told ----------------------------------------------------------------------


def test_people_must_be_told_when_the_risk_is_high(ctx) -> None:
    ref = _resolved(ctx)
    notifications.assess(ctx, ref, "high_risk", "Conversations with health details were read")
    assert queries.get_incident(ctx, ref).people_required
    with pytest.raises(ValidationError, match="risk to people is high.*unintelligible.*mitigated"):
        notifications.decide(ctx, ref, people=False, reason="Too many to write to")
    with pytest.raises(ValidationError, match="Art. 33\\(1\\) requires notifying"):
        notifications.decide(ctx, ref, authority=False, reason="We would rather not")
    notifications.notify_authority(ctx, ref, sent_at=AWARE + timedelta(hours=20))
    with pytest.raises(TransitionError, match="risk to people is high and they have not been told"):
        commands.close(ctx, ref)
    with pytest.raises(ValidationError, match="affects about 1,200"):
        notifications.notify_people(ctx, ref, channel="email", recipients=5000)
    view = notifications.notify_people(ctx, ref, channel="email", recipients=1200, sent_at=AWARE + timedelta(hours=30))
    assert view.people_notices[0].recipients == 1200 and view.people_notified_at == AWARE + timedelta(hours=30)
    assert not view.people_required or view.people_notices
    assert commands.close(ctx, ref).status == "closed"


@pytest.mark.parametrize("ground", ["unintelligible", "mitigated"])
def test_an_art_34_3_ground_lifts_the_duty_to_tell_people(ctx, ground: str) -> None:
    ref = _resolved(ctx)
    notifications.assess(ctx, ref, "high_risk", "Card data in the export")
    view = notifications.decide(ctx, ref, authority=True, people=False, exemption=ground,
                                reason="AES-256 with the key held separately" if ground == "unintelligible"
                                else "All cards cancelled and reissued before any misuse")
    assert not view.people_required and view.people_exemption == ground
    assert "Do not tell the people affected" in view.timeline[-1].text
    notifications.notify_authority(ctx, ref, sent_at=AWARE + timedelta(hours=10))
    assert commands.close(ctx, ref).status == "closed"


def test_risk_rules_are_pure() -> None:
    assert rules.people_required("high_risk", None)
    assert not rules.people_required("high_risk", "mitigated")
    assert not rules.people_required("risk", None)
    assert rules.authority_required(None) and rules.authority_required("risk") and not rules.authority_required("no_risk")
    with pytest.raises(ValidationError, match="needs its reasoning"):
        rules.check_people_decision(False, "risk", None, "")
    rules.check_people_decision(False, "risk", None, "Low impact")  # no duty below high risk
    with pytest.raises(ValidationError, match="Name the ground"):
        rules.check_people_decision(False, "high_risk", None, "Too many letters")
    rules.check_people_decision(False, "high_risk", "unintelligible", "Encrypted")
    assert rules.clock_outcome("open", None, datetime(2026, 1, 1, tzinfo=UTC), None) == "running"


def test_reassessing_upwards_withdraws_a_decision_not_to_notify(ctx, clock) -> None:
    ref = opened(ctx)
    notifications.assess(ctx, ref, "no_risk", "Encrypted")
    assert notifications.decide(ctx, ref, authority=False, reason="Encrypted").clock == "not_notifying"
    view = notifications.assess(ctx, ref, "risk", "The key was on a sticky note")
    assert view.authority_decision is None and view.clock == "running"
    assert "withdrawn" in view.timeline[-1].text


# --- the timeline --------------------------------------------------------------------------


def test_timeline_entries_are_final_and_corrected_by_new_entries(ctx, clock) -> None:
    ref = opened(ctx)
    clock.advance(minutes=5)
    view = commands.log_entry(ctx, ref, "Firewall rule blocks the attacker's IP", kind="action")
    entry = view.timeline[-1]
    assert (entry.seq, entry.actor, entry.kind, entry.recorded_at) == (3, "alex.morgan", "action", clock.now)
    with pytest.raises(ValidationError, match="names the entry it corrects"):
        commands.log_entry(ctx, ref, "oops", kind="correction")
    with pytest.raises(NotFoundError, match="no timeline entry #9"):
        commands.log_entry(ctx, ref, "Wrong", corrects=9)
    fixed = commands.log_entry(ctx, ref, "It was a block of the whole /24 range", corrects=3)
    by_seq = {e.seq: e for e in fixed.timeline}
    assert by_seq[3].text == "Firewall rule blocks the attacker's IP"  # unchanged
    assert by_seq[3].corrected_by == (4,) and by_seq[4].corrects == 3 and by_seq[4].kind == "correction"
    # The ORM refuses to change or delete an entry, whoever asks.
    with ctx.db.sessions() as s:
        row = s.scalars(select(IncidentEntry).where(IncidentEntry.seq == 3)).one()
        row.text = "rewritten history"
        with pytest.raises(TransitionError, match="cannot be edited"):
            s.flush()
        s.rollback()
        s.delete(s.scalars(select(IncidentEntry).where(IncidentEntry.seq == 3)).one())
        with pytest.raises(TransitionError, match="cannot be deleted"):
            s.flush()
        s.rollback()
    assert queries.get_incident(ctx, ref).timeline[2].text == "Firewall rule blocks the attacker's IP"
    assert not hasattr(commands, "update_entry") and not hasattr(commands, "delete_entry")


def test_entries_keep_who_and_when(ctx, clock) -> None:
    ref = opened(ctx)
    other = ctx.as_actor(Actor("ria.patel", Role.DPO))
    at = clock.now - timedelta(hours=3)
    view = commands.log_entry(other, ref, "Vendor confirmed the log retention", kind="finding", at=at)
    assert (view.timeline[-1].actor, view.timeline[-1].at, view.timeline[-1].recorded_at) == ("ria.patel", at, clock.now)
    with pytest.raises(ValidationError, match="cannot describe the future"):
        commands.log_entry(ctx, ref, "later", at=clock.now + timedelta(hours=1))


# --- links, lists, roles, audit ------------------------------------------------------------


def test_linked_requests(ctx) -> None:
    req = requests.add_request(ctx, requests.NewRequest(
        right="access", subject_name="Zofia Dąbrowski", subject_email="zofia@example.org",
        received_at=datetime(2026, 11, 29, 10, 0, tzinfo=UTC), jurisdictions=("EU",))).reference
    view = commands.open_incident(ctx, new(linked_requests=(req,)))
    assert [link.reference for link in view.linked_requests] == [req]
    with pytest.raises(ValidationError, match="already linked"):
        commands.link_request(ctx, view.reference, req.lower())
    assert commands.unlink_request(ctx, view.reference, req, "Unrelated after all").linked_requests == ()


def test_list_pages_and_filters_and_keeps_drills_apart(ctx, clock) -> None:
    refs = [opened(ctx, became_aware_at=AWARE - timedelta(hours=i), detected_at=None) for i in range(5)]
    from console.incidents.drills import start_drill

    drill = start_drill(ctx, "misdirected-export").reference
    notifications.notify_authority(ctx, refs[0], sent_at=AWARE + timedelta(hours=1))
    page = queries.list_incidents(ctx, queries.IncidentFilter(), limit=2)
    assert [r.reference for r in page.rows] == [refs[4], refs[3]]  # earliest deadline first
    rest = queries.list_incidents(ctx, queries.IncidentFilter(), cursor=page.cursor, limit=10)
    assert [r.reference for r in rest.rows] == [refs[2], refs[1], refs[0]] and rest.cursor is None
    assert all(not r.is_drill for r in page.rows + rest.rows)
    only = queries.list_incidents(ctx, queries.IncidentFilter(drills="only")).rows
    assert [r.reference for r in only] == [drill] and only[0].state == "on_track"
    running = queries.list_incidents(ctx, queries.IncidentFilter(queue="clock_running")).rows
    assert refs[0] not in [r.reference for r in running]
    row = running[0]
    assert row.state_at(row.authority_due_at + timedelta(seconds=1), ctx.catalogue) == "overdue"
    counts = queries.incident_counts(ctx)
    assert counts["open"] == 5 and counts["drills"] == 1 and counts["clock_running"] == 4
    assert queries.count_incidents(ctx, queries.IncidentFilter(search="mailbox")) == 5
    with pytest.raises(ValidationError, match="Unknown incident list"):
        queries.list_incidents(ctx, queries.IncidentFilter(queue="hidden"))


def test_roles_and_audit(ctx) -> None:
    analyst = ctx.as_actor(Actor("sam.keane", Role.ANALYST))
    with pytest.raises(PermissionDenied, match="may not incidents"):
        commands.open_incident(analyst, new())
    ref = opened(ctx)
    assert queries.get_incident(analyst, ref).reference == ref  # reading is allowed
    dpo = ctx.as_actor(Actor("ria.patel", Role.DPO))
    notifications.assess(dpo, ref, "risk", "Contact details")
    with ctx.db.sessions() as s:
        assert verify_chain(s) == []
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.target_id == ref).order_by(AuditEntry.id)).all()
        actors = s.scalars(select(AuditEntry.actor).where(AuditEntry.action == "incident.assess")).all()
    assert actions == ["incident.open", "incident.assess"] and actors == ["ria.patel"]


def test_stale_version_is_refused(ctx) -> None:
    ref = opened(ctx)
    version = queries.get_incident(ctx, ref).version
    commands.update_incident(ctx, ref, {"people_count": 1300}, expected_version=version)
    with pytest.raises(ConflictError, match="changed by somebody else"):
        commands.update_incident(ctx, ref, {"people_count": 1400}, expected_version=version)
    assert queries.get_incident(ctx, ref).people_count == 1300


def test_clock_alerts_name_the_clocks_that_need_attention(ctx, clock) -> None:
    soon = opened(ctx)  # 24 h 30 min left at 09:00: not yet due soon
    over = opened(ctx, became_aware_at=clock.now - timedelta(hours=80), detected_at=None)
    opened(ctx, became_aware_at=clock.now - timedelta(hours=1), detected_at=None)
    done = opened(ctx, became_aware_at=clock.now - timedelta(hours=70), detected_at=None)
    notifications.notify_authority(ctx, done)
    assert {r.reference: r.state for r in queries.clock_alerts(ctx)} == {over: "overdue"}
    clock.advance(hours=1)
    assert {r.reference: r.state for r in queries.clock_alerts(ctx)} == {over: "overdue", soon: "due_soon"}


def test_demo_adds_incidents_with_histories_that_fit_their_age(ctx) -> None:
    from console.demo import fill

    result = fill(ctx, 10, 30, seed=3)
    assert result.incidents == 30
    counts = queries.incident_counts(ctx)
    assert counts["all"] == 28 and counts["drills"] <= 2  # one in twelve is a drill
    every = queries.list_incidents(ctx, queries.IncidentFilter(queue="all", drills="include"), limit=100).rows
    assert len(every) == 30 and len({r.status for r in every}) >= 3
    for row in every:
        view = queries.get_incident(ctx, row.reference)
        assert view.timeline and view.timeline[0].kind == "detected"
        if view.status == "closed":
            assert view.closing_problems == ()
