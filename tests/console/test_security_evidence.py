"""Identity documents: never in the clear on disk or in logs, gone once verification is over."""

from __future__ import annotations

import logging
import os
import sqlite3
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from console import retention, verification
from console.context import Context
from console.errors import AuthenticationError, SecretStoreError
from console.requests import commands
from console.security import auth
from console.store.models import AuditEntry, Evidence, RequestEvent
from tests import factories
from tests.console.test_security_helpers import ROLE_PASSWORDS, add_staff, cli, fast_hashes  # noqa: F401
from tests.factories import add_request

pytestmark = pytest.mark.usefixtures("fast_hashes")


def _files_containing(marker: bytes, *roots: Path, source: Path | None = None) -> list[Path]:
    """Every file under ``roots`` holding ``marker``, except the person's own ``source`` file."""
    hits = []
    for root in roots:
        for dirpath, _dirs, files in os.walk(root):
            for f in files:
                p = Path(dirpath) / f
                if p == source:
                    continue
                try:
                    if marker in p.read_bytes():
                        hits.append(p)
                except OSError:
                    pass
    return hits


def _sqlite_file(ctx: Context) -> Path:
    if ctx.db.dialect != "sqlite":
        pytest.skip("searches the SQLite file on disk")
    return Path(ctx.db.engine.url.database or "")


def test_no_evidence_bytes_in_the_clear_on_disk(ctx: Context, tmp_path: Path, isolated_home: Path) -> None:
    db_file = _sqlite_file(ctx)
    marker = f"EVIDENCE-MARKER-{uuid.uuid4().hex}".encode()
    incoming = tmp_path / "incoming"
    incoming.mkdir()
    doc = incoming / "passport.jpg"
    doc.write_bytes(b"\xff\xd8\xff\xe0 fake jpeg " + marker + b" more bytes " * 100)
    keeper = sqlite3.connect(db_file)  # hold the file open, so the WAL stays on disk to be searched
    keeper.execute("SELECT count(*) FROM requests").fetchone()
    ref = add_request(ctx)
    verification.check_item(ctx, ref, "government_id", evidence=doc)
    assert verification.read_evidence(ctx, ref, "government_id")[0][1].count(marker) == 1  # it is there, encrypted
    wal = Path(str(db_file) + "-wal")
    assert db_file.exists() and wal.exists()  # WAL mode: both are searched while the database is open
    roots = [db_file.parent, isolated_home]
    assert _files_containing(marker, *roots, source=doc) == []
    assert wal.stat().st_size > 0
    # the search does find what is stored in the clear (so the empty result above means something)
    name_marker = f"NAME-{uuid.uuid4().hex}"
    add_request(ctx, name=name_marker, email="someone@example.org")
    assert _files_containing(name_marker.encode(), db_file.parent)
    assert _files_containing(marker, *roots, source=doc) == []
    keeper.close()
    assert _files_containing(marker, *roots, source=doc) == []  # after the last close: checkpointed into the file


def test_cli_attached_evidence_is_encrypted_with_the_keyring_key(ctx: Context, db_url: str, tmp_path: Path) -> None:
    db_file = _sqlite_file(ctx)
    marker = f"CLI-MARKER-{uuid.uuid4().hex}".encode()
    doc = tmp_path / "licence.pdf"
    doc.write_bytes(b"%PDF-1.4 " + marker)
    ref = add_request(ctx)
    out = cli("request", "verify", ref, "government_id", "--evidence", str(doc), db=db_url,
              keyring_file=tmp_path / "k.json")
    assert out.returncode == 0, out.stderr
    assert "evidence-key" in (tmp_path / "k.json").read_text()  # the key went to the keyring, not the disk
    assert _files_containing(marker, db_file.parent, source=doc) == []


def test_evidence_is_purged_when_the_request_leaves_verification_keeping_the_outcome(ctx: Context, tmp_path: Path) -> None:
    ref = add_request(ctx)
    doc = tmp_path / "id.png"
    doc.write_bytes(b"\x89PNG identity document")
    verification.check_item(ctx, ref, "government_id", evidence=doc)
    verification.check_item(ctx, ref, "proof_of_address", evidence=doc)
    verification.check_item(ctx, ref, "account_verification")
    with ctx.db.sessions() as s:
        before = {e.item_id: e.ciphertext for e in s.scalars(select(Evidence))}
    assert all(before.values())
    view = commands.advance(ctx, ref)  # awaiting verification -> in progress
    assert view.status == "in_progress"
    with ctx.db.sessions() as s:
        rows = list(s.scalars(select(Evidence)))
        events = [e.action for e in s.scalars(select(RequestEvent).where(RequestEvent.request_id == rows[0].request_id))]
        audits = list(s.scalars(select(AuditEntry.action)))
    assert all(e.ciphertext is None and e.nonce is None and e.purged_at is not None for e in rows)
    assert {e.filename for e in rows} == {"id.png"} and all(e.sha256 and e.size for e in rows)  # what was seen stays
    assert [c.result for c in view.checklist] == ["passed", "passed", "passed"]  # the outcome stays
    assert "evidence_purged" in events and "evidence.purge" in audits
    assert verification.read_evidence(ctx, ref, "government_id") == []
    if ctx.db.dialect == "sqlite":  # secure_delete: not even the ciphertext stays in the file
        db_file = Path(ctx.db.engine.url.database or "")
        ctx.db.dispose()
        with sqlite3.connect(db_file) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        data = db_file.read_bytes()
        assert not any(c[:32] in data for c in before.values() if c)


@pytest.mark.parametrize("how", ["reject", "withdraw"])
def test_evidence_goes_whichever_way_verification_ends(ctx: Context, tmp_path: Path, how: str) -> None:
    ref = add_request(ctx)
    doc = tmp_path / "id.png"
    doc.write_bytes(b"identity document")
    verification.check_item(ctx, ref, "government_id", evidence=doc)
    if how == "reject":
        commands.reject(ctx, ref, "unverifiable", "The document did not match.")
    else:
        commands.withdraw(ctx, ref, "The person withdrew.")
    with ctx.db.sessions() as s:
        assert [e.ciphertext for e in s.scalars(select(Evidence))] == [None]


def test_retention_catches_evidence_left_behind(ctx: Context, tmp_path: Path) -> None:
    """A bulk change that bypassed the ORM hook still gets its evidence purged by retention."""
    from sqlalchemy import update

    from console.store.models import Request

    ref = add_request(ctx)
    doc = tmp_path / "id.png"
    doc.write_bytes(b"identity document")
    verification.check_item(ctx, ref, "government_id", evidence=doc)
    with ctx.db.engine.begin() as conn:
        conn.execute(update(Request).values(status="in_progress"))
    plan = retention.plan(ctx)
    assert [(i.kind, i.reference, i.action) for i in plan.items] == [("evidence", ref, "purge_evidence")]
    retention.apply(ctx)
    with ctx.db.sessions() as s:
        assert [e.ciphertext for e in s.scalars(select(Evidence))] == [None]


def test_evidence_from_another_keyring_is_refused_clearly(ctx: Context, tmp_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    ref = add_request(ctx)
    doc = tmp_path / "id.png"
    doc.write_bytes(b"identity document")
    verification.check_item(ctx, ref, "government_id", evidence=doc)
    memory_keyring.store.clear()  # another workstation: a different evidence key
    with pytest.raises(SecretStoreError, match="another key"):
        verification.read_evidence(ctx, ref, "government_id")


def test_no_personal_data_in_application_logs(ctx: Context, clock, tmp_path: Path, caplog) -> None:  # type: ignore[no-untyped-def]
    caplog.set_level(logging.DEBUG, logger="console")
    add_staff(ctx)
    name, email, note = "Zofia Personal", "zofia.personal@example.org", "lives at 1 Secret Street"
    ref = factories.add_request(ctx, name=name, email=email, notes=note)
    doc = tmp_path / "id.png"
    doc.write_bytes(b"DOC-CONTENT-123")
    verification.check_item(ctx, ref, "government_id", evidence=doc)
    verification.read_evidence(ctx, ref, "government_id")
    auth.sign_in(ctx.db, "ana.user", ROLE_PASSWORDS["analyst"], clock=clock)
    with pytest.raises(AuthenticationError):
        auth.sign_in(ctx.db, "ana.user", "typed-password-guess", clock=clock)
    console_logs = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("console"))
    for secret in (name, email, note, "DOC-CONTENT-123", "typed-password-guess", ROLE_PASSWORDS["analyst"]):
        assert secret not in console_logs
