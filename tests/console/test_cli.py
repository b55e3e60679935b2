"""The CLI as a person uses it: real SQLite file, JSON out, one-line errors. In-process, but for a
few smoke tests through the entry point in a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.console.inprocess import Ran, run_cli

ROOT = Path(__file__).resolve().parents[2]


def run_process(*args: str, db: str | None = None) -> subprocess.CompletedProcess:
    """The installed entry point's code in a real process (the smoke tests below)."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.keyring_memory.MemoryKeyring", "PYTHONPATH": str(ROOT)}
    env.pop("PRIVACY_CONSOLE_DB", None)
    cmd = [sys.executable, "-c", "from ui.launch import main; raise SystemExit(main())", *args]
    if db:
        cmd[3:3] = ["--db", db]
    return subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


def run(*args: str, db: str | None = None, env: dict | None = None, stdin: str | None = None) -> Ran:
    return run_cli(*args, db=db, env=env, stdin=stdin)


@pytest.fixture
def dburl(db_url: str, db, monkeypatch: pytest.MonkeyPatch) -> str:
    """The db fixture migrates (and cleans PostgreSQL); a server needs a signed-in account."""
    if db.dialect == "postgresql":
        from tests.console.test_security_helpers import session_token

        monkeypatch.setenv("PRIVACY_CONSOLE_SESSION", session_token(db, "dpo"))
    return db_url


def test_a_new_shared_database_lets_its_creator_set_it_up(pg_url, db) -> None:
    """Before any account exists, the one who sets up a server acts as its owner, with a warning."""
    if db.dialect != "postgresql":
        pytest.skip("only a shared server requires sign-in")
    out = run("demo", "--requests", "20", db=pg_url)
    assert out.returncode == 0, out.stderr
    assert "no accounts yet" in out.stderr and "enable-sign-in" in out.stderr


def test_policy_show_json_has_windows_and_checklists() -> None:
    out = run_process("policy", "show", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    rights = {r["id"]: r for r in data["rights"]}
    assert rights["access"]["window"] == {"amount": 30, "unit": "calendar_days"}
    assert rights["inquiry"]["window"] == {"amount": 48, "unit": "hours"}
    assert rights["restriction"]["window"]["amount"] == 7
    assert [i["label"] for i in rights["portability"]["checklist"]] == [
        "Account authentication", "Format specifications", "Transfer destination details"]


def test_request_add_json_and_lifecycle(dburl: str) -> None:
    out = run("request", "add", "--right", "access", "--subject-email", "a@example.com", "--subject-name", "A B",
              "--received", "2026-03-10T10:00:00+00:00", "--jurisdiction", "EU", "--json", db=dburl)
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["reference"] == "DSR-2026-000001" and data["right"] == "access" and data["status"] == "received"
    assert data["received_at"] == "2026-03-10T10:00:00+00:00"
    assert data["due_at"] == "2026-04-09T23:00:00+00:00" and data["due_rule"] == "Company policy: 30 days"
    ref = data["reference"]
    for item in ("government_id", "proof_of_address", "account_verification"):
        assert run("request", "verify", ref, item, db=dburl).returncode == 0
    steps = [json.loads(run("request", "advance", ref, "--json", db=dburl).stdout)["status"] for _ in range(2)]
    out = run("request", "advance", ref, db=dburl)
    assert out.returncode == 2 and "no response has been sent" in out.stderr
    done = json.loads(run("request", "advance", ref, "--reason", "Answered in person at the front desk", "--json",
                          db=dburl).stdout)
    assert steps + [done["status"]] == ["in_progress", "awaiting_approval", "completed"]
    assert done["outcome_reason"] == "No response sent: Answered in person at the front desk"
    listing = json.loads(run("request", "list", "--queue", "closed", "--json", db=dburl).stdout)
    assert listing["count"] == 1 and listing["rows"][0]["reference"] == ref


@pytest.mark.parametrize(
    ("args", "message", "code"),
    [
        (["request", "add", "--right", "access", "--subject-email", "nope", "--subject-name", "X"], "not a valid email", 2),
        (["request", "add", "--right", "teleport", "--subject-email", "a@example.com", "--subject-name", "X"], "Unknown right", 2),
        (["request", "add", "--right", "access", "--subject-email", "a@example.com", "--subject-name", "X",
          "--received", "2099-01-01T00:00:00+00:00"], "in the future", 2),
        (["request", "advance", "DSR-2026-000404"], "No request with reference", 3),
        (["frobnicate"], "unknown command", 2),
    ],
)
def test_bad_input_one_line_non_zero(dburl: str, args: list[str], message: str, code: int) -> None:
    out = run(*args, db=dburl)
    assert out.returncode == code, (out.returncode, out.stderr)
    assert message in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1 and "Traceback" not in out.stderr


def test_disallowed_transition_and_extension_exit_non_zero(dburl: str) -> None:
    ref = json.loads(run("request", "add", "--right", "access", "--subject-email", "a@example.com", "--subject-name", "A",
                         "--received", "2026-11-25T10:00:00+00:00", "--json", db=dburl).stdout)["reference"]
    out = run("request", "advance", ref, "--to", "completed", db=dburl)
    assert out.returncode == 4 and "From there it can go to" in out.stderr
    out = run("request", "extend", ref, "--amount", "5", "--reason", "complex", "--notified-on", "2026-11-26", db=dburl)
    assert out.returncode == 4 and "at most 2 months" in out.stderr
    shown = json.loads(run("request", "show", ref, "--json", db=dburl).stdout)
    assert shown["status"] == "received" and shown["extensions"] == []


def test_unreachable_database_and_bad_catalogue(tmp_path: Path) -> None:
    out = run("request", "list", db="postgresql+psycopg://nobody@127.0.0.1:1/none")
    assert out.returncode == 8 and "Cannot open the database" in out.stderr and len(out.stderr.splitlines()) == 1
    bad = tmp_path / "bad.toml"
    bad.write_text("[organisation]\nname = 1\n", encoding="utf-8")
    out = run("policy", "show", "--policy", str(bad))
    assert out.returncode == 7 and "bad.toml" in out.stderr
    out = run("request", "list", "--policy", str(bad), db=f"sqlite:///{tmp_path / 'never.sqlite3'}")
    assert out.returncode == 7
    assert not (tmp_path / "never.sqlite3").exists(), "a bad catalogue must fail before touching the database"


def test_newer_schema_cli(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'f.sqlite3'}"
    assert run("db", "upgrade", db=url).returncode == 0
    import sqlite3

    con = sqlite3.connect(tmp_path / "f.sqlite3")
    con.execute("UPDATE alembic_version SET version_num='9999'")
    con.commit()
    out = run("request", "list", db=url)
    assert out.returncode == 8 and "newer than this version" in out.stderr


def test_import_with_bad_lines_cli(dburl: str, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_text("right,subject_name,subject_email,received_at\naccess,A,a@example.com,2026-11-01T10:00:00+00:00\n"
                    "access,B,broken,2026-11-01T10:00:00+00:00\n", encoding="utf-8")
    out = run("request", "import", str(path), db=dburl)
    assert out.returncode == 2 and "line 3:" in out.stderr and "Nothing imported" in out.stderr
    assert json.loads(run("request", "list", "--queue", "all", "--json", db=dburl).stdout)["count"] == 0


def test_demo_fills_with_progress(dburl: str) -> None:
    out = run("demo", "--requests", "1000", db=dburl)
    assert out.returncode == 0, out.stderr
    assert "Added 1,000 requests" in out.stdout and "100%" in out.stderr
