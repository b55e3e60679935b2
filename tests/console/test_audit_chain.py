"""Tampering with the audit table directly in SQL makes `audit verify` fail, naming the entry.

Runs on SQLite and, with PRIVACY_CONSOLE_TEST_PG, on PostgreSQL (whose test database has no
append-only trigger installed: what somebody with the owner's rights could reach).
"""

from __future__ import annotations

import json
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from console.context import Context
from console.security import audit, audit_trail
from console.security.audit import GENESIS, entry_hash
from console.store.base import utcnow
from console.store.models import AuditEntry
from tests import factories
from tests.console.test_security_helpers import cli, cli_session, fast_hashes  # noqa: F401

pytestmark = pytest.mark.usefixtures("fast_hashes")


@dataclass
class Trail:
    ids: list[int]  # the ids of the four entries the test made (after any set-up entries)
    run: Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def trail(ctx: Context, db_url: str, tmp_path: Path) -> Trail:
    keyring = tmp_path / "keyring.json"
    cli_session(ctx, keyring)  # a server requires sign-in: an auditor's session for the CLI
    for i in range(4):
        factories.add_request(ctx, name=f"Person {i}", email=f"p{i}@example.org")
    with ctx.db.sessions() as s:
        last = s.scalar(select(func.max(AuditEntry.id))) or 0
    return Trail(list(range(last - 3, last + 1)), lambda *a: cli(*a, db=db_url, keyring_file=keyring))


def _sql(ctx: Context, stmt: str, **params: object) -> None:
    with ctx.db.engine.begin() as conn:
        conn.execute(text(stmt), params)


def _at(ctx: Context):  # type: ignore[no-untyped-def]
    now = utcnow()
    return now.replace(tzinfo=None) if ctx.db.dialect == "sqlite" else now


def _problems(ctx: Context) -> list[tuple[int, str]]:
    return [(p.entry_id, p.problem) for p in audit_trail.verify_audit(ctx).problems]


def test_an_untouched_chain_verifies_and_names_its_head(ctx: Context, trail: Trail) -> None:
    report = audit_trail.verify_audit(ctx)
    assert report.ok and report.entries == trail.ids[-1] and report.head is not None and report.head[0] == trail.ids[-1]
    out = trail.run("audit", "verify", "--json")
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["ok"] is True
    assert "Audit trail intact" in trail.run("audit", "verify").stdout


def test_edited_entry_is_named(ctx: Context, trail: Trail) -> None:
    victim = trail.ids[1]
    _sql(ctx, "UPDATE audit_log SET detail = 'nothing to see' WHERE id = :i", i=victim)
    assert _problems(ctx) == [(victim, "its content was changed after it was written")]
    out = trail.run("audit", "verify", "--json")
    assert out.returncode == 12
    assert json.loads(out.stdout)["problems"] == [{"entry": victim, "problem": "its content was changed after it was written"}]
    assert out.stderr.strip() == f"privacy-console: The audit trail was tampered with: 1 problem(s) at entries {victim}."


def test_edited_entry_with_recomputed_hash_is_named_by_the_next_link(ctx: Context, trail: Trail) -> None:
    victim = trail.ids[1]
    with ctx.db.sessions() as s:
        e = s.get(audit.AuditEntry, victim)
        assert e is not None
        forged = entry_hash(e.prev_hash, victim, e.at, "someone.else", e.action, e.target_type, e.target_id, e.detail)
    _sql(ctx, "UPDATE audit_log SET actor = 'someone.else', hash = :h WHERE id = :i", h=forged, i=victim)
    problems = _problems(ctx)
    assert [p[0] for p in problems] == [victim + 1] and "does not follow the entry before it" in problems[0][1]


def test_deleted_entry_in_the_middle_is_named(ctx: Context, trail: Trail) -> None:
    victim = trail.ids[2]
    _sql(ctx, "DELETE FROM audit_log WHERE id = :i", i=victim)
    assert _problems(ctx) == [(victim, f"entry {victim} is missing (deleted); entry {victim + 1} came next")]
    out = trail.run("audit", "verify")
    assert out.returncode == 12 and f"entry {victim}: entry {victim} is missing (deleted)" in out.stdout


def test_deleted_entries_at_the_end_are_named(ctx: Context, trail: Trail) -> None:
    first = trail.ids[2]
    _sql(ctx, "DELETE FROM audit_log WHERE id >= :i", i=first)
    assert _problems(ctx) == [(first, f"entries {first}..{first + 1} are missing at the end (deleted)")]
    assert trail.run("audit", "verify").returncode == 12


def test_inserted_entry_is_named(ctx: Context, trail: Trail) -> None:
    last = trail.ids[-1]
    at = utcnow()
    with ctx.db.sessions() as s:
        prev = s.get(audit.AuditEntry, last)
        assert prev is not None
        digest = entry_hash(prev.hash, last + 1, at, "intruder", "request.create", "request", "DSR-X", "")
    _sql(ctx, "INSERT INTO audit_log (id, at, actor, action, target_type, target_id, detail, prev_hash, hash) "
              "VALUES (:i, :at, 'intruder', 'request.create', 'request', 'DSR-X', '', :prev, :h)",
         i=last + 1, at=at.replace(tzinfo=None) if ctx.db.dialect == "sqlite" else at, prev=prev.hash, h=digest)
    new = last + 1
    assert _problems(ctx) == [(new, f"entries {new}..{new} were added after the newest recorded entry (inserted)")]
    out = trail.run("audit", "verify")
    assert out.returncode == 12 and f"entry {new}:" in out.stdout


def test_inserted_entry_between_two_is_named(ctx: Context, trail: Trail) -> None:
    at = trail.ids[2]
    _sql(ctx, "UPDATE audit_log SET id = id + 10 WHERE id >= :i", i=at)  # make room, as an intruder would
    _sql(ctx, "INSERT INTO audit_log (id, at, actor, action, target_type, target_id, detail, prev_hash, hash) "
              "VALUES (:i, :at, 'intruder', 'x', '', '', '', :g, :g)", i=at, at=_at(ctx), g=GENESIS)
    ids = {p[0] for p in _problems(ctx)}
    assert at in ids and at + 1 in ids  # the forged entry, and where the chain then jumps


def test_chain_stays_whole_under_concurrent_writers(ctx: Context, trail: Trail) -> None:
    import threading

    errors: list[BaseException] = []
    writers = 4 if ctx.db.dialect == "postgresql" else 1  # SQLite has one writer at a time by design

    def work(i: int) -> None:
        try:
            for j in range(5):
                factories.add_request(ctx, "inquiry", name=f"T{i}", email=f"t{i}.{j}@example.org")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    report = audit_trail.verify_audit(ctx)
    assert report.ok and report.entries == trail.ids[-1] + 5 * writers


@pytest.mark.parametrize("batch", [1, 3, 5000])
def test_verification_reads_in_batches(ctx: Context, trail: Trail, batch: int) -> None:
    victim = trail.ids[-1]
    _sql(ctx, "UPDATE audit_log SET target_id = 'other' WHERE id = :i", i=victim)
    with ctx.db.sessions() as s:
        assert [p.entry_id for p in audit.verify_chain(s, batch=batch)] == [victim]
