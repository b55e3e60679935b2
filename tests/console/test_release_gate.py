"""The release gate: data leaves only with a complete checklist, second-verified by a different
signed-in account where the right asks for it; status alone proves nothing."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from sqlalchemy import delete

from console import verification
from console.cli import main
from console.demo import fill
from console.errors import DocumentError, PermissionDenied, TransitionError
from console.packages import build_package, mark_sent
from console.requests import commands
from console.requests.lifecycle import Status
from console.requests.release import release_problems
from console.security.roles import Actor, Role
from console.store.models import ChecklistEntry, Request
from tests.console.test_packages_support import add_request, ready_request, sign_as_org


@pytest.fixture
def signing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sign_as_org(ctx, tmp_path)


def _empty_checklist(db, ref: str) -> None:  # type: ignore[no-untyped-def]
    """What a script or an old import can leave: a request in progress whose checklist is gone."""
    with db.sessions() as s:
        rid = s.query(Request.id).filter(Request.reference == ref).scalar()
        s.execute(delete(ChecklistEntry).where(ChecklistEntry.request_id == rid))
        s.commit()


def test_no_data_leaves_with_an_empty_checklist(ctx, db, tmp_path: Path, signing) -> None:
    ref = ready_request(ctx, tmp_path)
    built = build_package(ctx, ref, tmp_path / "out")
    _empty_checklist(db, ref)
    assert commands.get_request(ctx, ref).status == "in_progress"  # the status still says verified
    with pytest.raises(DocumentError, match="cannot have its data sent yet: 'Government-issued identification' "
                                            "is missing from its checklist"):
        mark_sent(ctx, ref, built.id)
    with pytest.raises(DocumentError, match="cannot release personal data yet: .* missing from its checklist"):
        build_package(ctx, ref, tmp_path / "out")
    assert build_package(ctx, ref, tmp_path / "out", kind="receipt").kind == "receipt"  # a letter without data may go


def test_a_second_verifier_must_be_a_signed_in_account(ctx, tmp_path: Path, capsys, monkeypatch) -> None:
    ref = add_request(ctx, "erasure")
    for item in ("password_confirmation", "written_confirmation", "identity_verification"):
        verification.check_item(ctx, ref, item)
    # Without sign-in, the name in PRIVACY_CONSOLE_USER is nobody's proof of a second person.
    from console.cli import request

    monkeypatch.setenv("PRIVACY_CONSOLE_USER", "somebody.else")
    monkeypatch.setattr(request, "context", lambda args: ctx.as_actor(Actor("somebody.else", Role.OWNER)))
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code = main(["request", "verify", ref, "password_confirmation", "--second"])
    err = capsys.readouterr().err
    assert code == 6 and "must be a different signed-in account" in err and "enable-sign-in" in err
    hint = "; Without sign-in nobody can stand for a second person" if ctx.db.dialect == "sqlite" else ""
    with pytest.raises(TransitionError, match="needs a second verifier, a different signed-in account" + hint):
        commands.advance(ctx, ref)
    with pytest.raises(PermissionDenied, match="signed-in account"):
        verification.second_check(ctx, ref, "password_confirmation")
    signed_in = ctx.as_actor(Actor("sam.keane", Role.DPO))
    for item in ("password_confirmation", "written_confirmation", "identity_verification"):
        verification.second_check(signed_in, ref, item)
    assert commands.advance(ctx, ref).status == "in_progress"


def test_completing_checks_the_checklist_again(ctx, db, tmp_path: Path) -> None:
    ref = ready_request(ctx, tmp_path)
    commands.advance(ctx, ref)  # awaiting approval
    _empty_checklist(db, ref)
    with pytest.raises(TransitionError, match="cannot be completed yet: .* missing from its checklist"):
        commands.advance(ctx, ref)


def test_demo_requests_past_verification_pass_the_gate(ctx, db) -> None:
    fill(ctx, 300, 0, seed=7, sample_company=False)
    with db.sessions() as s:
        rows = s.query(Request).filter(Request.status.in_(
            [Status.IN_PROGRESS.value, Status.AWAITING_APPROVAL.value, Status.COMPLETED.value])).all()
        assert len(rows) > 30
        for row in rows:
            assert release_problems(ctx.catalogue, row.right_id, row.subject_is_child, row.checklist) == [], row.reference
