"""An insider with the SQLite file but not the keyring: each direct edit is named by audit verify, or refused.

The trail is checkpointed (and exported) first, as an auditor would; then the file is edited
with the sqlite3 module (dropping the append-only triggers, as such a person would), or with the
console's own functions under another keyring. ``audit verify --checkpoint FILE`` must name it.
"""

from __future__ import annotations

import contextlib
import io
import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import keyring
import pytest

from console.context import Context
from console.errors import DamagedError
from console.security import accounts, audit, audit_trail, seals
from console.uow import Database
from tests import factories
from tests.console.test_security_helpers import add_staff, fast_hashes  # noqa: F401
from tests.keyring_memory import MemoryKeyring

pytestmark = pytest.mark.usefixtures("fast_hashes")


@pytest.fixture
def trail(ctx: Context, tmp_path: Path) -> tuple[Context, Path, Path]:
    """A used database, checkpointed and exported, then a little more work after the checkpoint."""
    if ctx.db.dialect != "sqlite":
        pytest.skip("direct edits of a local file; the server refuses them itself (issue 11, secpg)")
    add_staff(ctx)
    for i in range(3):
        factories.add_request(ctx, name=f"Tamper Person {i}", email=f"tamper{i}@example.org")
    exported = tmp_path / "checkpoint.json"
    audit_trail.create_checkpoint(ctx, exported)
    factories.add_request(ctx, "erasure", name="Later Person", email="later@example.org")
    assert audit_trail.verify_audit(ctx, exported).ok
    return ctx, Path(ctx.db.engine.url.database or ""), exported


def _sql(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
    conn.execute("DROP TRIGGER IF EXISTS audit_log_no_delete")
    for stmt in statements:
        conn.execute(stmt)
    conn.commit()
    conn.close()


def _rechain(path: Path, from_id: int) -> None:
    """Recompute every hash from ``from_id`` on and the head record, as the app's own function does."""
    conn = sqlite3.connect(path)
    prev = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (from_id - 1,)).fetchone()
    prev_hash = prev[0] if prev else audit.GENESIS
    rows = conn.execute("SELECT id, at, actor, action, target_type, target_id, detail FROM audit_log "
                        "WHERE id >= ? ORDER BY id", (from_id,)).fetchall()
    for r in rows:
        at = datetime.fromisoformat(r[1]).replace(tzinfo=UTC)
        digest = audit.entry_hash(prev_hash, r[0], at, r[2], r[3], r[4], r[5], r[6])
        conn.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev_hash, digest, r[0]))
        prev_hash = digest
    last = conn.execute("SELECT max(id) FROM audit_log").fetchone()[0] or 0
    conn.execute("UPDATE settings SET value = ? WHERE key = 'audit.head'", (f'{{"id": {last}, "hash": "{prev_hash}"}}',))
    conn.commit()
    conn.close()


def _last_id(path: Path) -> int:
    with contextlib.closing(sqlite3.connect(path)) as conn:
        return conn.execute("SELECT max(id) FROM audit_log").fetchone()[0]


def _forged_append(ctx: Context, path: Path, own_keyring: object) -> None:
    """The console's own append, run with a keyring that is not the owner's (no audit key in it)."""
    keyring.set_keyring(MemoryKeyring())
    try:
        db = Database(ctx.db.url)
        with db.sessions(bind=db.writer) as s:
            audit.append(s, "eve.intruder", [audit.AuditRecord("account.create", "user", "eve", "administrator")])
            s.commit()
        db.dispose()
    finally:
        keyring.set_keyring(own_keyring)  # type: ignore[arg-type]


def _cut_tail_and_move_head(path: Path) -> None:
    keep = _last_id(path) - 8  # below the exported checkpoint
    _sql(path, f"DELETE FROM audit_log WHERE id > {keep}", "DELETE FROM audit_checkpoints WHERE entry_id > "
         f"{keep}")
    _rechain(path, keep + 1)


EDITS: dict[str, tuple[Callable[..., None], str]] = {
    "entry content edited": (lambda ctx, p, k: _sql(p, "UPDATE audit_log SET detail = 'nothing' WHERE id = 3"),
                             "entry 3: its content was changed"),
    "entry deleted in the middle": (lambda ctx, p, k: _sql(p, "DELETE FROM audit_log WHERE id = 4"),
                                    "entry 4: entry 4 is missing"),
    "entry appended by SQL": (lambda ctx, p, k: _sql(
        p, "INSERT INTO audit_log (id, at, actor, action, target_type, target_id, detail, prev_hash, hash) "
           "SELECT id + 1, at, 'eve', 'account.create', 'user', 'eve', '', hash, hash FROM audit_log "
           "WHERE id = (SELECT max(id) FROM audit_log)"),
        "added after the newest recorded entry"),
    "tail cut, head left": (lambda ctx, p, k: _sql(p, f"DELETE FROM audit_log WHERE id > {_last_id(p) - 2}"),
                            "missing at the end"),
    "head record deleted": (lambda ctx, p, k: _sql(p, "DELETE FROM settings WHERE key = 'audit.head'"),
                            "record of the newest entry is missing"),
    "forged append (app functions, other keyring)": (lambda ctx, p, k: _forged_append(ctx, p, k),
                                                     "is sealed with another key"),
    "forged append (app functions, no seal)": (lambda ctx, p, k: (_forged_append(ctx, p, k), _sql(
        p, f"UPDATE audit_log SET seal = NULL WHERE id = {_last_id(p)}")), "carries no seal"),
    "table plus head deleted": (lambda ctx, p, k: _sql(p, "DELETE FROM audit_log", "DELETE FROM settings WHERE key = 'audit.head'"),
                                "which is gone"),
    "table, head and checkpoints deleted": (lambda ctx, p, k: _sql(
        p, "DELETE FROM audit_log", "DELETE FROM settings WHERE key = 'audit.head'", "DELETE FROM audit_checkpoints"),
        "checkpoint file"),
    "re-chained edit": (lambda ctx, p, k: (_sql(p, "UPDATE audit_log SET detail = 'nothing' WHERE id = 3"), _rechain(p, 3)),
                        "entry 3: does not match its seal"),
    "tail cut with the head moved back": (lambda ctx, p, k: _cut_tail_and_move_head(p), "which is gone"),
    "role flipped in users": (lambda ctx, p, k: _sql(p, "UPDATE users SET role = 'administrator' WHERE username = 'ana.user'"),
                              "account ana.user: (role administrator, active) does not match its seal"),
    "new administrator inserted in users": (lambda ctx, p, k: _sql(
        p, "INSERT INTO users (username, display_name, role, active, failed_attempts, created_at) "
           "VALUES ('eve', 'Eve', 'administrator', 1, 0, '2026-11-30 09:00:00.000000')"),
        "account eve: (role administrator, active) carries no seal"),
    "sign-in flag flipped in users": (lambda ctx, p, k: _sql(p, "UPDATE users SET active = 1 - active WHERE username = 'aud.user'"),
                                      "account aud.user: (role auditor, disabled) does not match its seal"),
    "sign-in requirement turned off": (lambda ctx, p, k: (
        accounts.enable_sign_in(ctx.db, "boss.person", "", "a long enough phrase", by="owner"), ctx.db.dispose(),
        _sql(p, "UPDATE settings SET value = 'false' WHERE key = 'security.sign_in_required'")),
        "setting security.sign_in_required: (= false) does not match its seal"),
    "request edited directly": (lambda ctx, p, k: _sql(
        p, "UPDATE requests SET status = 'completed' WHERE reference = (SELECT min(reference) FROM requests)"),
        "(status completed) does not match its seal"),
    "checkpoint forged": (lambda ctx, p, k: _sql(p, "UPDATE audit_checkpoints SET head_hash = 'f' || substr(head_hash, 2)"),
                          "does not match its seal"),
}


def _names(ctx: Context, exported: Path) -> list[str]:
    report = audit_trail.verify_audit(ctx, exported)
    return [f"entry {p.entry_id}: {p.problem}" for p in report.problems] + [str(f) for f in report.findings]


@pytest.mark.parametrize("edit", list(EDITS))
def test_each_direct_edit_is_named_by_audit_verify(trail, edit: str, memory_keyring, capsys) -> None:  # type: ignore[no-untyped-def]
    ctx, path, exported = trail
    change, expected = EDITS[edit]
    ctx.db.dispose()
    change(ctx, path, memory_keyring)
    seals._cache.clear()
    named = _names(ctx, exported)
    assert any(expected in line for line in named), named
    with capsys.disabled():
        print(f"\n| {edit} | caught | {next(line for line in named if expected in line)} |")


def test_an_emptied_file_is_refused_and_left_as_it_is(trail) -> None:  # type: ignore[no-untyped-def]
    ctx, path, _ = trail
    ctx.db.dispose()
    path.write_bytes(b"")
    for extra in ("-wal", "-shm"):
        Path(str(path) + extra).unlink(missing_ok=True)
    with pytest.raises(DamagedError, match="empty"):
        Database(ctx.db.url)
    assert path.stat().st_size == 0


def test_the_cli_names_the_edit_with_the_checkpoint_file_and_exits_12(trail, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from console.cli import main

    ctx, path, exported = trail
    monkeypatch.setenv("PRIVACY_CONSOLE_USER", "owner.person")
    ctx.db.dispose()

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main([*argv, "--db", ctx.db.url])
        return code, out.getvalue(), err.getvalue()

    code, out, _ = run("audit", "checkpoint", "--out", str(exported))
    assert code == 0 and out.startswith("Sealed checkpoint ") and "exported to" in out
    assert run("audit", "verify", "--checkpoint", str(exported))[0] == 0
    _sql(path, "DELETE FROM audit_log", "DELETE FROM settings WHERE key = 'audit.head'", "DELETE FROM audit_checkpoints")
    code, out, err = run("audit", "verify", "--checkpoint", str(exported))
    assert code == 12 and f"checkpoint file {exported}" in out
    assert len(err.strip().splitlines()) == 1 and "tampered with" in err


def test_accounts_changed_through_the_console_stay_sealed(trail) -> None:  # type: ignore[no-untyped-def]
    ctx, _, exported = trail
    accounts.change_role(ctx, "ana.user", "dpo")
    accounts.disable_account(ctx, "aud.user")
    accounts.set_totp_roles(ctx, ["administrator"])
    assert audit_trail.verify_audit(ctx, exported).ok


def test_signed_documents_name_the_latest_checkpoint(trail) -> None:  # type: ignore[no-untyped-def]
    ctx, _, exported = trail
    latest = audit_trail.latest_checkpoint(ctx)
    assert latest is not None and latest.id >= 2
    line = audit_trail.checkpoint_blocks(ctx)[0].text
    assert line == f"Audit trail: checkpoint {latest.id}: entry {latest.entry_id:,}, head {latest.head_hash[:8]}"


def test_requests_written_in_bulk_are_sealed_like_one_added(trail) -> None:  # type: ignore[no-untyped-def]
    """Demo data and an imported file take the bulk path; storage holds no keys, so they seal on the way."""
    from console import demo
    from console.requests import intake

    ctx, path, exported = trail
    demo.fill(ctx, 20)
    intake.import_lines(ctx, [(1, {"right": "access", "subject_name": "Bulk Person", "subject_email": "bulk@example.org",
                                   "received_at": ctx.now().isoformat(), "jurisdictions": "EU"})])
    assert audit_trail.verify_audit(ctx, exported).ok
    _sql(path, "UPDATE requests SET status = 'completed' WHERE subject_email = 'bulk@example.org'",
         "UPDATE requests SET status = CASE status WHEN 'rejected' THEN 'completed' ELSE 'rejected' END "
         "WHERE id = (SELECT min(id) FROM requests WHERE subject_name NOT LIKE '% Person%')")  # a demo request
    names = _names(ctx, exported)
    assert sum("does not match its seal" in n for n in names) == 2, names
