"""A request from intake to completion through the services, as a privacy officer walks it."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from console import verification
from console.errors import (
    ConflictError,
    DeadlineError,
    NotFoundError,
    PermissionDenied,
    TransitionError,
    ValidationError,
)
from console.requests import commands
from console.requests.commands import NewRequest
from console.security.audit import verify_chain
from console.security.roles import Actor, Role
from console.store.models import AuditEntry, Request


def new(**kw) -> NewRequest:
    base = dict(right="access", subject_name="Zofia Dąbrowski", subject_email="zofia@example.org",
                received_at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC), jurisdictions=("EU",))
    base.update(kw)
    return NewRequest(**base)


def test_add_gives_reference_deadline_and_checklist(ctx) -> None:
    view = commands.add_request(ctx, new())
    assert view.reference == "DSR-2026-000001"
    assert view.status == "received"
    # Received 20 Nov: the policy's 30 days end on 20 Dec (Dublin), before GDPR's month (21 Dec is a Monday).
    assert view.due_at == datetime(2026, 12, 21, 0, 0, tzinfo=UTC)
    assert view.due_rule == "Company policy: 30 days"
    assert [c.label for c in view.checklist] == ["Government-issued identification", "Proof of address", "Account verification"]
    assert view.events[0].action == "received"
    assert commands.add_request(ctx, new(subject_email="other@example.org")).reference == "DSR-2026-000002"


def test_restriction_is_due_in_seven_days(ctx) -> None:
    view = commands.add_request(ctx, new(right="restriction", details={"restriction": {"parameters": "stop profiling"}}))
    assert view.due_at == datetime(2026, 11, 28, 0, 0, tzinfo=UTC)
    assert view.deadline_state == "overdue"


def test_bad_input_is_refused_and_nothing_written(ctx) -> None:
    cases = [
        (new(subject_email="not-an-email"), "not a valid email"),
        (new(right="teleport"), "Unknown right"),
        (new(received_at=datetime(2026, 12, 30, tzinfo=UTC)), "in the future"),
        (new(jurisdictions=("MARS",)), "Unknown jurisdiction"),
        (new(right="rectification"), "corrections"),
        (new(subject_is_child=True), "parent or guardian"),
        (new(subject_name="  "), "name is required"),
    ]
    for request, message in cases:
        with pytest.raises(ValidationError, match=message):
            commands.add_request(ctx, request)
    with ctx.db.sessions() as s:
        assert s.query(Request).count() == 0


def test_full_lifecycle_with_history(ctx, clock) -> None:
    ref = commands.add_request(ctx, new()).reference
    with pytest.raises(TransitionError, match="not done"):
        commands.transition(ctx, ref, "awaiting_verification") and commands.advance(ctx, ref)
    for item in ("government_id", "proof_of_address", "account_verification"):
        verification.check_item(ctx, ref, item, comment="seen")
    assert commands.advance(ctx, ref).status == "in_progress"
    assert commands.advance(ctx, ref).status == "awaiting_approval"
    done = commands.advance(ctx, ref, reason="Answered by phone; the person wanted no letter")
    assert done.status == "completed" and done.closed_at == clock.now and done.deadline_state == "closed"
    with pytest.raises(TransitionError, match="no next step"):
        commands.advance(ctx, ref)
    with pytest.raises(ValidationError, match="needs a reason"):
        commands.reopen(ctx, ref, "")
    reopened = commands.reopen(ctx, ref, "More data found in the billing system")
    assert reopened.status == "in_progress" and reopened.closed_at is None
    actions = [e.action for e in reopened.events]
    assert actions[:2] == ["received", "status"] and actions[-1] == "reopened"
    assert all(e.actor == "alex.morgan" for e in reopened.events)


def test_refused_transition_names_the_allowed_ones(ctx) -> None:
    ref = commands.add_request(ctx, new()).reference
    with pytest.raises(TransitionError, match="From there it can go to: Awaiting verification, Rejected, Withdrawn"):
        commands.transition(ctx, ref, "completed")


def test_reject_needs_grounds_and_reason(ctx) -> None:
    ref = commands.add_request(ctx, new()).reference
    with pytest.raises(ValidationError, match="grounds"):
        commands.transition(ctx, ref, "rejected", reason="x", outcome="because")
    with pytest.raises(ValidationError, match="needs a reason"):
        commands.reject(ctx, ref, "unverifiable", " ")
    view = commands.reject(ctx, ref, "unverifiable", "The documents did not match the account holder.")
    assert (view.status, view.outcome) == ("rejected", "unverifiable")
    assert view.outcome_reason == "The documents did not match the account holder."
    with pytest.raises(TransitionError, match="closed and cannot change"):
        commands.reopen(ctx, ref, "try again")


def test_failed_check_blocks_progress_until_rejected(ctx) -> None:
    ref = commands.add_request(ctx, new()).reference
    with pytest.raises(ValidationError, match="why the check failed"):
        verification.check_item(ctx, ref, "government_id", "failed")
    verification.check_item(ctx, ref, "government_id", "failed", comment="Name does not match")
    for item in ("proof_of_address", "account_verification"):
        verification.check_item(ctx, ref, item)
    with pytest.raises(TransitionError, match="'Government-issued identification' failed"):
        commands.advance(ctx, ref)


def test_erasure_needs_a_second_verifier(ctx) -> None:
    ref = commands.add_request(ctx, new(right="erasure")).reference
    items = ("password_confirmation", "written_confirmation", "identity_verification")
    for item in items:
        verification.check_item(ctx, ref, item)
    with pytest.raises(TransitionError, match="needs a second verifier"):
        commands.advance(ctx, ref)
    with pytest.raises(PermissionDenied, match="must be a different signed-in account"):
        verification.second_check(ctx, ref, items[0])
    first = ctx.as_actor(Actor("first.dpo", Role.DPO))
    verification.check_item(first, ref, items[0])
    with pytest.raises(PermissionDenied, match="must be somebody else"):
        verification.second_check(first, ref, items[0])
    other = ctx.as_actor(Actor("sam.keane", Role.DPO))
    for item in items:
        verification.second_check(other, ref, item)
    assert commands.advance(ctx, ref).status == "in_progress"


def test_pause_moves_the_deadline_by_the_time_stood_still(ctx, clock) -> None:
    clock.now = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    view = commands.add_request(ctx, new())
    due = view.due_at
    paused = commands.pause(ctx, view.reference, "Waiting for proof of address")
    assert paused.deadline_state == "paused" and paused.paused_since == clock.now
    with pytest.raises(DeadlineError, match="already paused"):
        commands.pause(ctx, view.reference, "again")
    clock.advance(days=5)
    resumed = commands.resume(ctx, view.reference)
    assert resumed.paused_since is None
    assert (resumed.due_at - due).days == 5
    assert resumed.pauses[0].ended_at == clock.now


def test_extension_within_the_law_and_refusals(ctx, clock) -> None:
    clock.now = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    ref = commands.add_request(ctx, new()).reference
    with pytest.raises(DeadlineError, match="at most 2 months"):
        commands.extend(ctx, ref, 3, "Complex request", date(2026, 11, 25))
    view = commands.extend(ctx, ref, 2, "Many systems to search", date(2026, 11, 25))
    assert view.due_rule_id == "gdpr.art12"
    assert view.due_at.date() > date(2027, 2, 19)
    assert view.extensions[0].reason == "Many systems to search"


def test_extension_after_the_original_deadline_is_refused(ctx, clock) -> None:
    ref = commands.add_request(ctx, new(received_at=datetime(2026, 9, 1, 9, tzinfo=UTC))).reference
    with pytest.raises(DeadlineError, match="within the first period"):
        commands.extend(ctx, ref, 1, "late", date(2026, 11, 29))


def test_inquiry_cannot_be_extended(ctx) -> None:
    ref = commands.add_request(ctx, new(right="inquiry", jurisdictions=("OTHER",))).reference
    with pytest.raises(DeadlineError, match="can be extended"):
        commands.extend(ctx, ref, 1, "busy", date(2026, 11, 20))


def test_stale_version_is_a_conflict_not_an_overwrite(ctx) -> None:
    view = commands.add_request(ctx, new())
    commands.update_request(ctx, view.reference, {"notes": "first"}, expected_version=view.version)
    with pytest.raises(ConflictError, match="changed by somebody else"):
        commands.update_request(ctx, view.reference, {"notes": "second"}, expected_version=view.version)
    assert commands.get_request(ctx, view.reference).notes == "first"


def test_concurrent_sessions_detect_each_other(ctx) -> None:
    """Two sessions load the same row; the second flush fails instead of silently winning.

    On a server the version column catches it; SQLite already refuses the write of a transaction
    whose snapshot is older than the last commit (its reads happen inside the transaction).
    """
    from sqlalchemy.exc import OperationalError
    from sqlalchemy.orm.exc import StaleDataError

    ref = commands.add_request(ctx, new()).reference
    s1, s2 = ctx.db.sessions(), ctx.db.sessions()
    a = s1.query(Request).filter_by(reference=ref).one()
    b = s2.query(Request).filter_by(reference=ref).one()
    a.notes = "from one"
    s1.commit()
    b.notes = "from two"
    with pytest.raises((StaleDataError, OperationalError)):
        s2.commit()
    s1.close()
    s2.close()


def test_duplicate_is_flagged(ctx) -> None:
    first = commands.add_request(ctx, new())
    second = commands.add_request(ctx, new())
    assert second.duplicate_of == first.reference
    assert any(e.action == "duplicate" for e in second.events)


def test_unknown_reference(ctx) -> None:
    with pytest.raises(NotFoundError, match="No request"):
        commands.get_request(ctx, "DSR-2026-999999")


def test_every_change_is_in_the_audit_chain(ctx) -> None:
    ref = commands.add_request(ctx, new()).reference
    commands.assign(ctx, ref, "sam.keane")
    with ctx.db.sessions() as s:
        actions = [a for (a,) in s.query(AuditEntry.action).order_by(AuditEntry.id)]
        assert actions == ["request.create", "request.assign"]
        assert verify_chain(s) == []


def test_auditor_cannot_change_anything(ctx) -> None:
    ref = commands.add_request(ctx, new()).reference
    auditor = ctx.as_actor(Actor("ines.audit", Role.AUDITOR))
    assert commands.get_request(auditor, ref).reference == ref
    with pytest.raises(PermissionDenied, match="auditor"):
        commands.assign(auditor, ref, "ines.audit")
    analyst = ctx.as_actor(Actor("ana.lyst", Role.ANALYST))
    with pytest.raises(PermissionDenied):
        commands.reject(analyst, ref, "excessive", "too many")


def test_ccpa_request_shows_every_clock(ctx) -> None:
    view = commands.add_request(ctx, new(right="ccpa_delete", jurisdictions=("US-CA",)))
    ids = {r.rule_id for r in view.rules}
    assert ids == {"policy.ccpa_delete", "ccpa.answer", "ccpa.acknowledge"}
    # 30-day promise beats CCPA's 45 days; receipt must be confirmed within 10 business days.
    assert view.due_rule_id == "policy.ccpa_delete"
    assert view.acknowledge_due_at is not None and view.acknowledge_due_at < view.due_at
    acked = commands.acknowledge(ctx, view.reference)
    assert acked.acknowledged_at is not None


def test_an_overdue_request_cannot_be_paused_out_of_the_overdue_queue(ctx, clock) -> None:
    from console.requests import queries

    ref = commands.add_request(ctx, new(right="restriction", details={"restriction": {"parameters": "stop"}})).reference
    assert commands.get_request(ctx, ref).deadline_state == "overdue"
    with pytest.raises(DeadlineError, match="cannot stop a clock that has already run out"):
        commands.pause(ctx, ref, "waiting for documents")
    overdue = queries.fetch_page(ctx, queries.QueueFilter(queue="overdue")).rows
    assert [r.reference for r in overdue] == [ref]


def test_completion_needs_a_sent_response_or_the_reason_none_is_sent(ctx, tmp_path) -> None:
    """Closing a request as answered while nothing went out would leave the person without an answer."""
    from console.documents import create_self_signed
    from console.packages import build_package, configure_signing, mark_sent
    from tests.console.test_packages_support import PASSPHRASE, ready_request

    ref = ready_request(ctx, tmp_path)
    assert commands.advance(ctx, ref).status == "awaiting_approval"
    with pytest.raises(ValidationError, match="no response has been sent to the person"):
        commands.advance(ctx, ref)
    with pytest.raises(ValidationError, match="no response has been sent"):
        commands.transition(ctx, ref, "completed", reason="   ")
    assert commands.get_request(ctx, ref).status == "awaiting_approval"
    p12 = tmp_path / "org.p12"
    p12.write_bytes(create_self_signed("Team", "Org", "privacy@example.org", passphrase=PASSPHRASE))
    configure_signing(ctx, p12, PASSPHRASE)
    build_package(ctx, ref, tmp_path / "out")
    assert commands.sent_response(ctx, ref) is None
    sent = mark_sent(ctx, ref)
    assert commands.sent_response(ctx, ref) == sent.sent_at
    done = commands.advance(ctx, ref)
    assert done.status == "completed" and done.outcome_reason is None


def test_completion_without_sending_records_why(ctx) -> None:
    ref = commands.add_request(ctx, new()).reference
    for item in ("government_id", "proof_of_address", "account_verification"):
        verification.check_item(ctx, ref, item)
    commands.advance(ctx, ref)
    commands.advance(ctx, ref)
    done = commands.advance(ctx, ref, reason="The person withdrew by phone before the answer was ready")
    assert done.status == "completed"
    assert done.outcome_reason == "No response sent: The person withdrew by phone before the answer was ready"
    assert "No response sent: The person withdrew" in commands.get_request(ctx, ref).events[-1].detail
