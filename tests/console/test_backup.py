"""Encrypted backup and checked restore: a restored database is identical, row for row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from console import backup, verification
from console.context import Context
from console.security import accounts
from tests import factories
from tests.console.test_security_helpers import cli, fast_hashes  # noqa: F401

PASSPHRASE = "a long backup passphrase"
pytestmark = pytest.mark.usefixtures("fast_hashes")


def _sqlite(ctx: Context) -> Path:
    if ctx.db.dialect != "sqlite":
        pytest.skip("backup copies a local SQLite database")
    return Path(ctx.db.engine.url.database or "")


def _fill(ctx: Context, tmp_path: Path) -> None:
    doc = tmp_path / "id.png"
    doc.write_bytes(b"identity document")
    for i in range(12):
        ref = factories.add_request(ctx, name=f"Backup Person {i}", email=f"backup{i}@example.org", notes="Łódź ünïcode")
        verification.check_item(ctx, ref, "government_id", evidence=doc)
    accounts.create_account(ctx, "ana.user", "Ana", "analyst", "a long enough phrase")


def _dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        # sorted here: the name search's FTS5 tables include WITHOUT ROWID ones (no rowid to order by)
        return {t: sorted(conn.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        conn.close()


def test_backup_is_encrypted_and_restores_to_an_identical_database(ctx: Context, tmp_path: Path) -> None:
    source = _sqlite(ctx)
    _fill(ctx, tmp_path)
    dest = tmp_path / "out" / "console.pcbak"
    dest.parent.mkdir()
    report = backup.backup(ctx, dest, PASSPHRASE)
    data = dest.read_bytes()
    assert data.startswith(backup.MAGIC) and report.bytes_written == len(data)
    for clear in (b"Backup Person", b"backup3@example.org", b"SQLite format 3", b"ana.user", "Łódź".encode()):
        assert clear not in data  # nothing of the database is readable without the passphrase
    assert report.tables["requests"] == 12 and report.tables["audit_log"] > 12

    restored = tmp_path / "restored" / "console.sqlite3"
    result = backup.restore(dest, PASSPHRASE, restored)
    assert result.integrity == "ok" and result.tables == report.tables
    ctx.db.dispose()
    before, after = _dump(source), _dump(restored)
    # the live database went on after the copy by one step: the backup's own audit entry (and head)
    assert [r for r in before["audit_log"] if r[3] != "backup.create"] == after["audit_log"]
    assert [r for r in before["settings"] if r[0] != "audit.head"] == [r for r in after["settings"] if r[0] != "audit.head"]
    for table in set(before) - {"audit_log", "settings"}:
        assert before[table] == after[table], table
    assert not list(restored.parent.glob("*.restoring*"))


def test_restore_of_a_quiet_database_is_byte_for_byte_the_same_rows(ctx: Context, tmp_path: Path) -> None:
    """No write after the copy: every table, the audit trail and its head included, is identical."""
    source = _sqlite(ctx)
    _fill(ctx, tmp_path)
    dest = tmp_path / "b.pcbak"
    snapshot_before = _dump(source)
    backup.backup(ctx, dest, PASSPHRASE)
    restored = tmp_path / "r.sqlite3"
    backup.restore(dest, PASSPHRASE, restored)
    assert _dump(restored) == snapshot_before


def test_wrong_passphrase_tampering_and_truncation_are_refused(ctx: Context, tmp_path: Path) -> None:
    _sqlite(ctx)
    _fill(ctx, tmp_path)
    dest = tmp_path / "b.pcbak"
    backup.backup(ctx, dest, PASSPHRASE)
    target = tmp_path / "r.sqlite3"
    with pytest.raises(backup.BackupError, match="Wrong passphrase"):
        backup.restore(dest, "not the passphrase!", target)
    data = bytearray(dest.read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered = tmp_path / "t.pcbak"
    tampered.write_bytes(bytes(data))
    with pytest.raises(backup.BackupError, match="changed|damaged"):
        backup.restore(tampered, PASSPHRASE, target)
    truncated = tmp_path / "c.pcbak"
    truncated.write_bytes(dest.read_bytes()[:-100])
    with pytest.raises(backup.BackupError, match="truncated|damaged"):
        backup.restore(truncated, PASSPHRASE, target)
    assert not target.exists()
    with pytest.raises(backup.BackupError, match="not a Privacy Console backup"):
        backup.restore(Path(ctx.db.engine.url.database or ""), PASSPHRASE, target)


def test_restore_check_refuses_a_copy_that_does_not_match(ctx: Context, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    _sqlite(ctx)
    _fill(ctx, tmp_path)
    real = backup.table_counts
    monkeypatch.setattr(backup, "table_counts", lambda conn: {**real(conn), "requests": 13})
    dest = tmp_path / "b.pcbak"
    backup.backup(ctx, dest, PASSPHRASE)
    monkeypatch.setattr(backup, "table_counts", real)
    with pytest.raises(backup.BackupError, match="table requests: 12 rows, the backup had 13"):
        backup.restore(dest, PASSPHRASE, tmp_path / "r.sqlite3")
    assert not (tmp_path / "r.sqlite3").exists()


def test_restore_check_refuses_a_tampered_audit_trail(ctx: Context, tmp_path: Path) -> None:
    _sqlite(ctx)
    _fill(ctx, tmp_path)
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_log SET actor = 'mallory' WHERE id = 3")
    dest = tmp_path / "b.pcbak"
    backup.backup(ctx, dest, PASSPHRASE)
    with pytest.raises(backup.BackupError, match="audit entry 3: its content was changed"):
        backup.restore(dest, PASSPHRASE, tmp_path / "r.sqlite3")


def test_short_passphrase_existing_files_and_servers_are_refused(ctx: Context, tmp_path: Path) -> None:
    if ctx.db.dialect != "sqlite":
        with pytest.raises(backup.BackupError, match="pg_dump"):
            backup.backup(ctx, tmp_path / "b.pcbak", PASSPHRASE)
        return
    with pytest.raises(Exception, match="at least 12"):
        backup.backup(ctx, tmp_path / "b.pcbak", "short")
    (tmp_path / "b.pcbak").write_text("x")
    with pytest.raises(backup.BackupError, match="exists"):
        backup.backup(ctx, tmp_path / "b.pcbak", PASSPHRASE)


def test_cli_backup_and_restore(ctx: Context, db_url: str, tmp_path: Path) -> None:
    _sqlite(ctx)
    _fill(ctx, tmp_path)
    keyring = tmp_path / "k.json"
    dest = tmp_path / "cli.pcbak"
    out = cli("backup", str(dest), "--passphrase-stdin", db=db_url, keyring_file=keyring, stdin=PASSPHRASE + "\n")
    assert out.returncode == 0 and "Encrypted backup written" in out.stdout, out.stderr
    target = tmp_path / "cli-restored.sqlite3"
    out = cli("restore", str(dest), "--to", str(target), "--passphrase-stdin", db=db_url, keyring_file=keyring,
              stdin="wrong passphrase!!\n")
    assert out.returncode == 11 and out.stderr.strip().endswith("nothing was restored.")
    out = cli("restore", str(dest), "--to", str(target), "--passphrase-stdin", db=db_url, keyring_file=keyring,
              stdin=PASSPHRASE + "\n")
    assert out.returncode == 0 and "integrity ok, audit chain intact" in out.stdout, out.stderr
    listed = cli("request", "list", "--json", db=f"sqlite:///{target}", keyring_file=keyring)
    assert listed.returncode == 0 and '"count": 12' in listed.stdout
