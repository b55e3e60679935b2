"""Breach facts that the documents stand on: the initial report frozen as sent, the categories of
data subjects recorded for the incident, and text fields within bounds."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import update

from console.errors import DocumentError, ValidationError
from console.incidents import commands, notifications, queries
from console.incidents.letters import authority_report
from console.store.incident_models import Incident, IncidentNotification
from tests.console.inprocess import run_cli
from tests.console.test_drills import pdf_text
from tests.console.test_incidents_documents import _breach


def cli(db: str, *args: str) -> tuple[int, str, str]:
    ran = run_cli(*args, db=db, env={"PRIVACY_CONSOLE_USER": "ria.patel", "PRIVACY_CONSOLE_SIGNING_CERT": None})
    return ran.returncode, ran.stdout, ran.stderr


def test_the_initial_report_is_kept_as_sent_and_rebuilt_identically(ctx, clock, tmp_path: Path) -> None:
    ref = _breach(ctx, clock, subject_categories=("users",))
    sent = authority_report(ctx, ref, phase="initial")  # what the team sends
    clock.advance(hours=2)
    notifications.notify_authority(ctx, ref, document=sent, authority_reference="DPC-BN-2026-0441")
    # Afterwards the facts move on: more people, a timeline entry, a follow-up report.
    clock.advance(hours=30)
    commands.update_incident(ctx, ref, {"people_count": 61000})
    commands.log_entry(ctx, ref, "Forensic firm confirmed the download came from two addresses")
    notifications.notify_authority(ctx, ref, phase="follow_up", summary="Updated numbers")
    again = authority_report(ctx, ref, phase="initial")
    assert again == sent  # byte for byte
    view = queries.get_incident(ctx, ref)
    initial = next(n for n in view.authority_reports if n.phase == "initial")
    assert initial.document_sha256 == hashlib.sha256(sent).hexdigest()
    text = pdf_text(again, tmp_path)
    assert "48,210" in text and "61,000" not in text and "Forensic firm" not in text
    follow = pdf_text(authority_report(ctx, ref, phase="follow_up"), tmp_path)
    assert "61,000" in follow and "Forensic firm" in follow  # updates go in the follow-up


def test_without_the_sent_pdf_the_report_of_the_day_is_kept(ctx, clock, tmp_path: Path) -> None:
    ref = _breach(ctx, clock)
    notifications.notify_authority(ctx, ref)
    first = authority_report(ctx, ref, phase="initial")
    clock.advance(days=3)
    commands.log_entry(ctx, ref, "Later finding that the initial report must not show")
    assert authority_report(ctx, ref, phase="initial") == first
    text = pdf_text(first, tmp_path)
    assert "Later finding" not in text and "Initial report sent" not in text  # as it stood when sent
    assert "This is the initial notification" in text


def test_a_changed_stored_report_is_refused_not_handed_out(ctx, clock, db) -> None:
    ref = _breach(ctx, clock)
    notifications.notify_authority(ctx, ref)
    with db.engine.begin() as conn:
        conn.execute(update(IncidentNotification).values(document=b"%PDF-1.7 forged"))
    with pytest.raises(DocumentError, match="does not match the SHA-256 recorded"):
        authority_report(ctx, ref, phase="initial")


def test_the_cli_keeps_the_file_that_was_sent(ctx, clock, db_url: str, tmp_path: Path) -> None:
    ref = _breach(ctx, clock)
    sent = tmp_path / "sent.pdf"
    code, out, err = cli(db_url, "incident", "report", "authority", ref, "--phase", "initial",
                              "--out", str(sent))
    assert code == 0, err
    code, out, err = cli(db_url, "incident", "notify", ref, "--authority", "--document", str(sent),
                         "--sent-at", clock.now.isoformat())
    assert code == 0, err
    digest = hashlib.sha256(sent.read_bytes()).hexdigest()
    assert f"document SHA-256 {digest}" in out
    code, out, err = cli(db_url, "incident", "log", ref, "A new fact after sending")
    assert code == 0, err
    again = tmp_path / "again.pdf"
    code, out, err = cli(db_url, "incident", "report", "authority", ref, "--phase", "initial",
                              "--out", str(again))
    assert code == 0, err
    assert again.read_bytes() == sent.read_bytes()
    assert f"The initial report as sent, unchanged (SHA-256 {digest})" in out
    code, _, err = cli(db_url, "incident", "notify", ref, "--authority", "--follow-up",
                            "--document", str(sent))
    assert code == 2 and "initial report only" in err
    not_pdf = tmp_path / "notes.txt"
    not_pdf.write_text("notes")
    other = _breach(ctx, clock, title="Second breach")
    code, _, err = cli(db_url, "incident", "notify", other, "--authority", "--document", str(not_pdf))
    assert code == 2 and "%PDF-" in err
    assert queries.get_incident(ctx, other).authority_reports == ()  # nothing recorded


def test_categories_of_data_subjects_are_a_fact_of_the_incident(ctx, clock, db_url: str, tmp_path: Path) -> None:
    derived = _breach(ctx, clock)
    text = pdf_text(authority_report(ctx, derived), tmp_path)
    assert "not recorded for this incident" in text  # until recorded, said to be derived from the record
    code, out, err = cli(db_url, "incident", "open", "--title", "Payroll file emailed to a supplier",
                              "--category", "account", "--subjects", "Employees", "--subjects", "users",
                              "--subjects", "users")
    assert code == 0, err
    ref = out.split()[0]
    assert queries.get_incident(ctx, ref).subject_categories == ("Employees", "users")
    assert "subjects  Employees, Service users with an account" in out
    text = pdf_text(authority_report(ctx, ref), tmp_path)
    block = text.split("Categories of data subjects")[1].split("Categories of personal data")[0]
    assert "Employees" in block and "Service users with an account" in block
    assert "not recorded for this incident" not in block and "Children" not in block
    code, _, err = cli(db_url, "incident", "update", ref, "--subjects", "usres")
    assert code == 2 and "Unknown category of data subjects 'usres'" in err and "visitors" in err
    code, out, err = cli(db_url, "incident", "update", ref, "--subjects", "customers")
    assert code == 0, err
    assert queries.get_incident(ctx, ref).subject_categories == ("customers",)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("title", "Breach \u202e report", "text-direction control"),
    ("reported_by", "Mallory\x00", "control character"),
    ("reported_by", "x" * 201, "at most 200 fit"),
    ("description", "y" * 20_001, "at most 20,000 fit"),
    ("measures", "ok\udcfc", "not UTF-8"),
])
def test_incident_text_fields_have_the_bounds_of_request_fields(ctx, clock, field: str, value: str, message: str) -> None:
    base = {"title": "Bounds", "became_aware_at": clock.now - timedelta(hours=1)}
    with pytest.raises(ValidationError, match=message):
        commands.open_incident(ctx, commands.NewIncident(**{**base, field: value}))  # type: ignore[arg-type]
    ref = commands.open_incident(ctx, commands.NewIncident(**base)).reference  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match=message):
        commands.update_incident(ctx, ref, {field: value})
    with ctx.db.read(ctx.actor) as s:
        assert s.query(Incident).count() == 1  # the refused open left nothing


def test_timeline_notes_reasons_and_summaries_are_bounded_too(ctx, clock) -> None:
    ref = _breach(ctx, clock)
    for call in (lambda: commands.log_entry(ctx, ref, "z" * 20_001),
                 lambda: notifications.assess(ctx, ref, "high_risk", "because\x1b[2J"),
                 lambda: notifications.notify_authority(ctx, ref, summary="s" * 20_001),
                 lambda: notifications.notify_authority(ctx, ref, authority_reference="R" * 121),
                 lambda: commands.transition(ctx, ref, "triaged", note="\u202eevil")):
        with pytest.raises(ValidationError):
            call()
    view = queries.get_incident(ctx, ref)
    assert view.authority_reports == () and view.status == "open"
