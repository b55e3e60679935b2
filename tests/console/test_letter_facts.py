"""Letters state only what was recorded: erasures, corrections, answers and decisions are recorded
first (here through the CLI, in-process), and the letter read back from the PDF says exactly that."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy.exc import IntegrityError

from console.cli import main
from console.errors import DocumentError
from console.packages import build_package
from console.requests import commands, facts, sources
from console.requests.commands import NewRequest
from console.store.fact_models import ErasureRecord
from tests.console.test_packages_support import (
    add_request,
    flat,
    pdftotext,
    ready_request,
    sign_as_org,
    tool,
    verify_identity,
)


@pytest.fixture(autouse=True)
def signing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    sign_as_org(ctx, tmp_path)


@pytest.fixture
def cli(ctx, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    """`privacy-console request ...` in-process, acting as the test's owner."""
    from console.cli import request

    monkeypatch.setattr(request, "context", lambda args: ctx)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["request", *args])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def reading_order(pdf: Path) -> str:
    """The page text twice, as pdftotext lays it out (a one-line table row reads across) and in
    reading order (a wrapped cell reads whole): a phrase a reader sees is in one of them."""
    out = subprocess.run([tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True, check=True)
    return flat(pdftotext(pdf)) + " ||| " + flat(out.stdout)


def _letter_text(ctx, ref: str, tmp_path: Path, kind: str | None = None) -> str:  # type: ignore[no-untyped-def]
    result = build_package(ctx, ref, tmp_path / "out", kind=kind)
    return reading_order(Path(result.path) / result.letter)


def test_erasure_certificate_only_from_complete_erasure_records(ctx, cli, tmp_path: Path) -> None:
    ref = ready_request(ctx, tmp_path, "erasure")
    with pytest.raises(DocumentError, match="No erasure is recorded .* erasure-record"):
        build_package(ctx, ref, tmp_path / "out")
    code, out, err = cli("erasure-record", ref, "--system", "sample-company", "--category", "usage", "--erased",
                         "--method", "Login history rows deleted; backups expire after 30 days")
    assert code == 0, err
    assert "erased" in out and "usage" in out
    with pytest.raises(DocumentError, match="no erasure record yet: account in sample-company"):
        build_package(ctx, ref, tmp_path / "out")  # a certificate never leaves a held category out
    held = sorted({c for c in sources.records(ctx, ref)} - {"usage"})
    for category in held:
        kept = category == "transaction"
        code, _, err = cli("erasure-record", ref, "--system", "sample-company", "--category", category,
                           *(["--retained", "--ground", "legal obligations"] if kept
                             else ["--erased", "--method", f"{category} rows deleted"]))
        assert code == 0, err
    text = _letter_text(ctx, ref, tmp_path)
    assert "Login history rows deleted; backups" in text and "Usage data" in text
    assert "Retained Legal obligations: 7 years, to" in text and "comply with financial regulations" in text
    for category in held:
        if category != "transaction":
            assert f"{category} rows deleted" in text, category
    assert text.count("30 November 2026, alex.morgan") >= len(held)
    code, out, _ = cli("facts", ref, "--json")
    recorded = json.loads(out)["erasures"]
    assert code == 0 and len(recorded) == len(held) + 1
    assert {r["outcome"] for r in recorded} == {"erased", "retained"}


def test_erasure_records_refuse_what_a_letter_could_not_stand_behind(ctx, cli, tmp_path: Path, db) -> None:
    waiting = add_request(ctx, "erasure")
    code, _, err = cli("erasure-record", waiting, "--system", "crm", "--category", "usage", "--erased", "--method", "x")
    assert code == 4 and "once identity is confirmed" in err
    ref = ready_request(ctx, tmp_path, "erasure")
    for args, message in (
        (["--category", "usage", "--erased"], "How the data was erased"),
        (["--category", "gossip", "--erased", "--method", "x"], "Unknown data category 'gossip'"),
        (["--category", "usage", "--retained", "--ground", "because"], "not a ground the policy names"),
    ):
        code, _, err = cli("erasure-record", ref, "--system", "sample-company", *args)
        assert code == 2 and message in err, err
    code, _, err = cli("erasure-record", ref, "--system", "crm", "--category", "usage", "--erased", "--method", "x")
    assert code == 2 and "gathered from sample-company, not from 'crm'" in err
    access = ready_request(ctx, tmp_path / "a", "access", email="a@example.org")
    code, _, err = cli("erasure-record", access, "--system", "sample-company", "--category", "usage", "--erased",
                       "--method", "x")
    assert code == 2 and "belongs to a erasure request" in err
    assert facts.facts_for(ctx, ref).erasures == ()  # nothing half-written
    cli("erasure-record", ref, "--system", "sample-company", "--category", "usage", "--erased", "--method", "x")
    code, _, err = cli("erasure-record", ref, "--system", "sample-company", "--category", "usage", "--retained")
    assert code == 2 and "already recorded as erased" in err
    with db.sessions() as s:  # the database itself refuses an erasure without its method
        row = commands.load_request(s, ref)
        s.add(ErasureRecord(request_id=row.id, system="s", category="usage", outcome="erased", method=None,
                            done_at=ctx.now(), done_by="x"))
        with pytest.raises(IntegrityError):
            s.flush()
        s.rollback()


def test_rectification_letter_lists_each_recorded_correction(ctx, cli, tmp_path: Path) -> None:
    ref = ready_request(ctx, tmp_path, "rectification", details={"corrections": [{"field": "username", "to": "zm"}]})
    with pytest.raises(DocumentError, match="No correction is recorded"):
        build_package(ctx, ref, tmp_path / "out")
    code, _, err = cli("correction", ref, "--system", "sample-company", "--field", "username", "--to", "zofia.m")
    assert code == 0, err
    code, _, err = cli("correction", ref, "--system", "billing", "--field", "invoice name",
                       "--description", "Second surname added on every open invoice")
    assert code == 0, err
    code, _, err = cli("correction", ref, "--system", "billing", "--field", "x")
    assert code == 2 and "--to" in err
    text = _letter_text(ctx, ref, tmp_path)
    assert "We have made the corrections listed below" in text
    assert "Username sample-company zofia0 zofia.m" in text  # the before value as the records showed it
    assert "Invoice name billing (not recorded) Second surname added on" in text
    assert "alex.morgan" in text


def test_inquiry_letter_contains_the_recorded_answer(ctx, cli, tmp_path: Path) -> None:
    ref = add_request(ctx, "inquiry")
    with pytest.raises(DocumentError, match="No answer is recorded .* request answer"):
        build_package(ctx, ref, tmp_path / "out")
    answer = "We keep server logs for 6 months; your IP address is in them and is deleted after that."
    code, _, err = cli("answer", ref, "--text", answer)
    assert code == 0, err
    code, _, err = cli("answer", ref, "--text", "x", "--decision", "granted")
    assert code == 2 and "gets an answer, not a decision" in err
    text = _letter_text(ctx, ref, tmp_path)
    assert "Our answer " + answer in text
    assert "answered separately" not in text


def test_coppa_consent_letter_states_the_recorded_decision(ctx, cli, tmp_path: Path) -> None:
    ref = commands.add_request(ctx, NewRequest(
        right="coppa_parental_consent", subject_name="Timmy Example", subject_email="timmy@example.org",
        received_at=ctx.now() - timedelta(days=2), jurisdictions=("US",), subject_is_child=True,
        guardian_name="Dana Example", guardian_email="dana@example.org")).reference
    verify_identity(ctx, ref)
    with pytest.raises(DocumentError, match="No decision is recorded"):
        build_package(ctx, ref, tmp_path / "out")
    code, _, err = cli("answer", ref, "--text", "Consent withdrawn")
    assert code == 2 and "needs a decision" in err
    code, _, err = cli("answer", ref, "--decision", "granted", "--text",
                       "Your consent is withdrawn: Timmy's account is closed and his profile deleted.")
    assert code == 0, err
    text = _letter_text(ctx, ref, tmp_path)
    assert "We have granted your request." in text
    assert "Timmy's account is closed and his profile deleted." in text
    assert "we have acted" not in text.lower()


def test_restriction_date_is_recorded_through_the_cli_and_refused_where_it_cannot_stand(ctx, cli, tmp_path: Path) -> None:
    waiting = add_request(ctx, "restriction", details={"restriction": {"parameters": "stop profiling"}})
    code, _, err = cli("restriction-record", waiting, "--at", "2026-11-29T10:00:00+00:00")
    assert code == 4 and "once identity is confirmed" in err  # not before the request is being acted on
    ref = ready_request(ctx, tmp_path, "restriction", email="r@example.org",
                        details={"restriction": {"parameters": "stop profiling"}})
    code, _, err = cli("restriction-record", ref, "--at", "2026-11-01T10:00:00+00:00")
    assert code == 2 and "cannot have taken effect before" in err
    code, _, err = cli("restriction-record", ref, "--at", "2026-12-24T10:00:00+00:00")
    assert code == 2 and "in the future" in err
    assert facts.facts_for(ctx, ref).restriction is None  # nothing half-written
    code, out, err = cli("restriction-record", ref, "--at", "2026-11-29T10:00:00+00:00", "--how", "CRM flag set")
    assert code == 0, err
    assert "restricted since" in out and "CRM flag set" in out
    code, out, _ = cli("facts", ref, "--json")
    assert json.loads(out)["restriction"]["applied_at"].startswith("2026-11-29T10:00:00")
    events = [e.action for e in commands.get_request(ctx, ref).events]
    assert "restricted" in events
