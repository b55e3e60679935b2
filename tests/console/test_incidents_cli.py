"""``privacy-console incident`` and ``drill`` as a person types them (in-process), one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.console.inprocess import Ran, run_cli

AWARE = "2026-03-10T09:30:00+00:00"


def run(db: str, *args: str) -> Ran:
    return run_cli(*args, db=db, env={"PRIVACY_CONSOLE_USER": "ria.patel", "PRIVACY_CONSOLE_SIGNING_CERT": None})


def ok(db: str, *args: str) -> dict:
    out = run(db, *args, "--json")
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def refused(db: str, *args: str, code: int, message: str) -> None:
    out = run(db, *args)
    assert out.returncode == code, (out.returncode, out.stdout, out.stderr)
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], out.stderr
    assert "Traceback" not in out.stderr


@pytest.fixture
def dburl(tmp_path: Path) -> str:
    """Always a local SQLite file: a shared server asks for a signed-in account, which is the
    security tests' subject; the services below the CLI run on PostgreSQL in test_incidents.py."""
    return f"sqlite:///{tmp_path / 'cli.sqlite3'}"


def test_open_prints_reference_and_authority_due_at(dburl: str) -> None:
    data = ok(dburl, "incident", "open", "--title", "T", "--aware-at", AWARE)
    assert data["reference"] == "BR-2026-0001"
    assert data["authority_due_at"] == "2026-03-13T09:30:00+00:00"
    assert data["created_by"] == "ria.patel" and data["is_drill"] is False
    listed = ok(dburl, "incident", "list")
    assert listed["count"] == 1 and listed["rows"][0]["state"] == "overdue"


def test_a_breach_through_the_cli(dburl: str, tmp_path: Path) -> None:
    ref = ok(dburl, "incident", "open", "--title", "Support mailbox read", "--aware-at", AWARE,
             "--detected-at", "2026-03-10T08:50:00+00:00", "--nature", "confidentiality", "--category", "communication",
             "--people", "1200", "--cyber")["reference"]
    ok(dburl, "incident", "log", ref, "Mailbox rules removed", "--kind", "action")
    fixed = ok(dburl, "incident", "log", ref, "Two rules, not one", "--corrects", "3")
    assert fixed["timeline"][-1]["corrects"] == 3 or any(e["corrects"] == 3 for e in fixed["timeline"])
    ok(dburl, "incident", "advance", ref)
    ok(dburl, "incident", "advance", ref, "--note", "Password reset; MFA enforced")
    ok(dburl, "incident", "assess", ref, "--risk", "high_risk", "--reasoning", "Health details in the mails")
    refused(dburl, "incident", "decide", ref, "--people", "not_notify", "--reason", "too many", code=2,
            message="risk to people is high")
    refused(dburl, "incident", "notify", ref, "--authority", "--sent-at", "2026-03-14T10:00:00+00:00", code=2,
            message="requires the reasons for the delay")
    ok(dburl, "incident", "notify", ref, "--authority", "--sent-at", "2026-03-14T10:00:00+00:00",
       "--late-reason", "Logs came late", "--authority-ref", "DPC-9")
    ok(dburl, "incident", "notify", ref, "--people", "--channel", "email", "--count", "1200",
       "--sent-at", "2026-03-14T12:00:00+00:00")
    ok(dburl, "incident", "advance", ref)
    closed = ok(dburl, "incident", "close", ref)
    assert closed["status"] == "closed" and closed["clock"] == "notified_late"
    out = tmp_path / "authority.pdf"
    result = ok(dburl, "incident", "report", "authority", ref, "--out", str(out))
    assert result["signed"] is False and out.read_bytes().startswith(b"%PDF-")
    reg = ok(dburl, "incident", "report", "register", "--out", str(tmp_path / "r.pdf"), "--csv", str(tmp_path / "r.csv"))
    assert reg["bytes"] > 1000 and ref in (tmp_path / "r.csv").read_text(encoding="utf-8")


def test_bad_input_exits_non_zero_with_one_line_and_changes_nothing(dburl: str) -> None:
    refused(dburl, "incident", "open", "--title", "T", "--aware-at", AWARE, "--detected-at", "2026-03-10T10:00:00+00:00",
            code=2, message="Awareness (2026-03-10 09:30 UTC) cannot come before detection")
    assert ok(dburl, "incident", "list", "--queue", "all")["count"] == 0
    ref = ok(dburl, "incident", "open", "--title", "T", "--aware-at", AWARE)["reference"]
    refused(dburl, "incident", "notify", ref, "--authority", "--sent-at", "2026-03-10T09:00:00+00:00", code=2,
            message="before the organisation became aware")
    ok(dburl, "incident", "assess", ref, "--risk", "risk", "--reasoning", "Contact details")
    for _ in range(3):
        ok(dburl, "incident", "advance", ref, "--note", "done")
    refused(dburl, "incident", "close", ref, code=4, message="supervisory authority has not been notified")
    view = ok(dburl, "incident", "show", ref)
    assert view["status"] == "resolved" and view["notifications"] == [] and view["closed_at"] is None
    refused(dburl, "incident", "show", "BR-1999-0001", code=3, message="No incident with reference")
    refused(dburl, "incident", "open", "--title", "T", "--aware-at", "2026-03-10T09:30:00", code=2,
            message="has no time zone")


def test_drill_start_status_finish(dburl: str, tmp_path: Path) -> None:
    assert {s["id"] for s in ok(dburl, "drill", "scenarios")} >= {"ransomware-support-server", "lost-encrypted-laptop"}
    started = ok(dburl, "drill", "start", "lost-encrypted-laptop")
    ref = started["reference"]
    assert ref.startswith("DRILL-") and [m["key"] for m in started["milestones"]] == [
        "triage", "containment", "decision", "authority_report"]
    ok(dburl, "incident", "advance", ref)
    status = ok(dburl, "drill", "status", ref)
    assert status["milestones"][0]["met"] is True and status["milestones"][0]["elapsed_seconds"] >= 0
    report = tmp_path / "drill.pdf"
    done = ok(dburl, "drill", "finish", ref, "--debrief", "Quick triage", "--out", str(report))
    assert done["finished_at"] and report.read_bytes().startswith(b"%PDF-")
    assert ok(dburl, "incident", "list", "--queue", "all")["count"] == 0  # drills stay out of real lists
    refused(dburl, "drill", "finish", ref, code=4, message="already finished")
    refused(dburl, "drill", "start", "volcano", code=2, message="No drill scenario 'volcano'")
    custom = ok(dburl, "drill", "start", "--custom", "Tabletop: USB stick with payroll")
    assert custom["scenario"] == "custom"


def test_a_signing_problem_leaves_no_document_behind(dburl: str, tmp_path: Path) -> None:
    from console.documents.certs import create_self_signed

    ref = ok(dburl, "incident", "open", "--title", "T", "--aware-at", AWARE)["reference"]
    p12 = tmp_path / "org.p12"
    p12.write_bytes(create_self_signed("Ria Patel", "Miximonster", "privacy@miximonster.com", passphrase="pw"))
    out = tmp_path / "authority.pdf"
    refused(dburl, "incident", "report", "authority", ref, "--out", str(out), "--cert", str(p12), code=10,
            message="passphrase is not in the keyring")
    assert not out.exists() and not list(tmp_path.glob("*.part"))
    refused(dburl, "incident", "report", "authority", "--out", str(out), code=2, message="needs the incident reference")
