"""Faults a person meets: a busy database, a repeated demo, work after a commit."""

from __future__ import annotations

import contextlib
import io
import sqlite3
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.errors import BusyError, DamagedError
from console.store.models import AuditEntry, Request
from tests.console.procs import cli


def _count(ctx, model) -> int:  # type: ignore[no-untyped-def]
    with ctx.db.read(ctx.actor) as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


def test_a_writer_that_waits_too_long_is_told_busy_try_again_and_nothing_is_written(ctx, db_url, monkeypatch) -> None:
    if ctx.db.dialect != "sqlite":
        pytest.skip("the file lock is SQLite's")
    monkeypatch.setenv("PRIVACY_CONSOLE_BUSY_TIMEOUT", "0.2")
    monkeypatch.setenv("PRIVACY_CONSOLE_DB", db_url)
    holder = sqlite3.connect(db_url.removeprefix("sqlite:///"), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of a long save
    try:
        code, err = cli(["request", "add", "--right", "access", "--subject-name", "Ann Lee",
                         "--subject-email", "ann@example.com"])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == BusyError.exit_code
    assert err.count("\n") == 1 and "busy" in err and "try again" in err and "SQL" not in err
    assert _count(ctx, Request) == 0


def test_demo_refuses_a_seed_it_already_used_before_writing(ctx, db_url, monkeypatch) -> None:
    monkeypatch.setenv("PRIVACY_CONSOLE_DB", db_url)
    if ctx.db.dialect == "postgresql":
        from tests.console.test_security_helpers import session_token

        monkeypatch.setenv("PRIVACY_CONSOLE_SESSION", session_token(ctx.db, "dpo"))
    assert cli(["demo", "--requests", "30", "--seed", "4"])[0] == 0
    requests, entries = _count(ctx, Request), _count(ctx, AuditEntry)
    code, err = cli(["demo", "--requests", "30", "--seed", "4"])
    assert code == 2, err
    assert "seed 4" in err and "--seed 5" in err
    assert (_count(ctx, Request), _count(ctx, AuditEntry)) == (requests, entries)
    assert cli(["demo", "--requests", "30", "--seed", "5"])[0] == 0
    assert _count(ctx, Request) == requests + 30


def test_demo_rows_and_their_audit_entry_commit_together(ctx) -> None:
    from console.demo import fill

    fill(ctx, 25, seed=9, sample_company=False)
    with ctx.db.read(ctx.actor) as s:
        entries = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "demo.fill")).all()
    assert entries == ["25 requests (seed 9)"]


def _sqlite_path(db_url: str) -> Path:
    return Path(db_url.removeprefix("sqlite:///"))


@pytest.fixture
def sqlite_only(ctx, db_url, monkeypatch):  # type: ignore[no-untyped-def]
    if ctx.db.dialect != "sqlite":
        pytest.skip("file damage is a local-file matter; a server checks its own storage")
    monkeypatch.setenv("PRIVACY_CONSOLE_DB", db_url)
    return _sqlite_path(db_url)


def test_an_empty_or_foreign_file_is_refused_and_left_as_it_is(tmp_path, monkeypatch) -> None:
    empty, text, other = tmp_path / "empty.sqlite3", tmp_path / "notes.sqlite3", tmp_path / "other.sqlite3"
    empty.touch()
    text.write_text("shopping list\n")
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    for path, says in ((empty, "empty (0 bytes)"), (text, "not an SQLite file"), (other, "another application's")):
        before = path.read_bytes()
        code, err = cli(["--db", f"sqlite:///{path}", "request", "list"])
        assert (code, err.count("\n")) == (DamagedError.exit_code, 1), err
        assert says in err and "left as it is" in err
        assert path.read_bytes() == before


def _damage(path: Path) -> None:
    """Garbage over two pages in the middle of the file, as a failing disk leaves it."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2 - (size // 2) % 4096)
        f.write(bytes(range(256)) * 32)


def test_a_damaged_file_is_found_before_backup_and_audit_verify_and_by_db_check(ctx, sqlite_only, tmp_path) -> None:
    from console.demo import fill

    fill(ctx, 400, seed=2, sample_company=False)
    assert cli(["db", "check"]) == (0, "")
    ctx.db.dispose()
    _damage(sqlite_only)
    backup_file = tmp_path / "before-repair.pcb"
    for argv in (["db", "check"], ["audit", "verify"], ["backup", str(backup_file), "--passphrase-stdin"]):
        with contextlib.redirect_stdout(io.StringIO()), _stdin("correct horse battery staple\n"):
            code, err = cli(argv)
        assert code == DamagedError.exit_code, (argv, err)
        assert "damaged" in err and "restore" in err and "SELECT" not in err, err
    assert not backup_file.exists() and not backup_file.with_name(backup_file.name + ".part").exists()


@contextlib.contextmanager
def _stdin(text: str):  # type: ignore[no-untyped-def]
    old = sys.stdin
    sys.stdin = io.StringIO(text)
    try:
        yield
    finally:
        sys.stdin = old


def test_every_csv_export_neutralises_formulas() -> None:
    from console import csvsafe

    out = io.StringIO()
    csvsafe.Writer(out).writerow(["=cmd|' /C calc'!A0", "+1+1", "-2", "-12.5", "@SUM(A1)", "\tx", "Ann", 3])
    assert out.getvalue().strip() == "'=cmd|' /C calc'!A0,'+1+1,-2,-12.5,'@SUM(A1),'\tx,Ann,3"


def test_the_incident_register_and_a_package_csv_neutralise_a_formula_typed_in(ctx) -> None:
    from console.incidents import commands as incident_commands
    from console.incidents import register
    from console.packages.exports import category_csv
    from console.requests.sources import RecordView

    incident_commands.open_incident(ctx, incident_commands.NewIncident("=cmd|' /C calc'!A0", ctx.now()))
    assert "'=cmd|" in register.register_csv(ctx) and ",=cmd" not in register.register_csv(ctx)
    rows = [RecordView("account", "file:crm.csv", {"name": "=HYPERLINK(\"http://x\")", "balance": "-12.5"}, ctx.now())]
    text = category_csv(rows).decode()
    assert "'=HYPERLINK" in text and ",-12.5" in text


def test_an_import_killed_mid_write_leaves_nothing_behind(ctx, sqlite_only, tmp_path) -> None:
    """kill -9 while the rows are being written: the file is sound, no request and no audit entry."""
    import os
    import signal
    import subprocess

    rows = [f"access,Killed Subject {i},killed{i}@example.com,2026-11-20T10:00:00+00:00" for i in range(3000)]
    csv_file = tmp_path / "big.csv"
    csv_file.write_text("right,subject_name,subject_email,received_at\n" + "\n".join(rows) + "\n")
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    proc = subprocess.Popen([sys.executable, "-c", "from console.cli import main; raise SystemExit(main())",
                             "request", "import", str(csv_file)], stderr=subprocess.PIPE, text=True, env=env)
    assert proc.stderr is not None
    for line in proc.stderr:  # progress: the first half checks the lines, the second writes them
        if line.startswith("import: 6"):
            break
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert _count(ctx, Request) == 0 and _count(ctx, AuditEntry) == 0
    assert cli(["db", "check"])[0] == 0
    assert cli(["audit", "verify"])[0] == 0


def test_a_wal_lock_race_is_said_as_busy_not_as_a_database_that_cannot_be_opened() -> None:
    """SQLITE_PROTOCOL ('locking protocol'), met in the window while another process polled the file."""
    import sqlite3

    from console.errors import BusyError, storage_error

    said = storage_error("sqlite:///x.sqlite3", sqlite3.OperationalError("locking protocol"))
    assert isinstance(said, BusyError) and "try again" in str(said) and "Cannot open" not in str(said)
