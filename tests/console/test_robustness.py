"""Faults a person meets: a busy database, a repeated demo, work after a commit."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from console.errors import BusyError
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
