"""Secrets and personal data on disk: no plaintext keyring, owner-only files, bounded backup headers."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import time
from pathlib import Path

import keyring
import pytest
from keyring.backends import chainer, null
from keyrings.alt.file import PlaintextKeyring

from console import backup, keychain
from console.errors import SecretStoreError
from console.store.engine import data_dir
from console.uow import Database
from tests.console.inprocess import run_cli


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_keyrings_alt_installed_and_no_backend_chosen_is_refused_by_the_cli(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """keyring picks keyrings.alt's plaintext file on its own here; the console refuses it and writes nothing."""
    for name in ("PYTHON_KEYRING_BACKEND", "DBUS_SESSION_BUS_ADDRESS", "PRIVACY_CONSOLE_DB"):
        monkeypatch.delenv(name, raising=False)
    for name, value in (("HOME", tmp_path), ("XDG_CONFIG_HOME", tmp_path / "config"),
                        ("XDG_DATA_HOME", tmp_path / "data")):
        monkeypatch.setenv(name, str(value))
    # keyring's own choice for this environment, as a fresh process makes it (without the tests' backends)
    monkeypatch.setattr(keyring.backend, "_limit", getattr(keyring.backend, "_limit", None))  # put back after
    keyring.core.init_backend(limit=lambda backend: not type(backend).__module__.startswith("tests."))
    assert type(keyring.get_keyring()).__name__ == "PlaintextKeyring"  # what keyring alone would use: a file
    out = run_cli("db", "login", "postgresql+psycopg://jo@db.example.invalid:5432/privacy", "--password-stdin",
                  stdin="a database password\n")
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1, out.stderr
    assert "keyrings.alt.file.PlaintextKeyring" in lines[0] and "refuses it" in lines[0]
    written = [p for p in (tmp_path / "data").rglob("*") if p.is_file()] if (tmp_path / "data").exists() else []
    assert written == []  # no keyring_pass.cfg with the password in it


@pytest.mark.parametrize("backend", [PlaintextKeyring, null.Keyring], ids=["plaintext", "null"])
def test_plaintext_and_null_backends_are_refused_alone_or_in_a_chain(backend, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.keyring_memory import MemoryKeyring

    chain = chainer.ChainerBackend()
    chain.__dict__["backends"] = [MemoryKeyring(), backend()]
    for chosen in (backend(), chain):
        keyring.set_keyring(chosen)
        for call in (lambda: keychain.get_secret("x"), lambda: keychain.set_secret("x", "y"),
                     lambda: keychain.delete_secret("x")):
            with pytest.raises(SecretStoreError, match="plain text or not at all"):
                call()
        assert not keychain.keyring_available()


def test_the_in_memory_backend_a_test_asks_for_is_accepted(memory_keyring) -> None:  # type: ignore[no-untyped-def]
    keychain.set_secret("x", "y")
    assert keychain.get_secret("x") == "y" and memory_keyring.store


def test_database_file_is_0600_and_the_data_folder_0700(isolated_home: Path) -> None:
    os.umask(0o022)
    db = Database()
    db.dispose()
    path = data_dir() / "console.sqlite3"
    assert _mode(data_dir()) == 0o700 and _mode(path) == 0o600
    for extra in (Path(str(path) + "-wal"), Path(str(path) + "-shm")):
        if extra.exists():
            assert _mode(extra) & 0o077 == 0


def test_an_existing_readable_database_file_is_tightened(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    Database(f"sqlite:///{path}").dispose()
    os.chmod(path, 0o644)
    Database(f"sqlite:///{path}").dispose()
    assert _mode(path) == 0o600


def _extreme_header(src: Path, dest: Path, **kdf: int) -> None:
    data = src.read_bytes()
    head, rest = data[len(backup.MAGIC):].split(b"\n", 1)
    doc = json.loads(head)
    doc.update(kdf)
    dest.write_bytes(backup.MAGIC + json.dumps(doc, sort_keys=True).encode() + b"\n" + rest)


def test_a_backup_header_asking_for_extreme_key_derivation_is_refused_at_once(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    if ctx.db.dialect != "sqlite":
        pytest.skip("backup copies a local SQLite database")
    good = tmp_path / "b.pcbak"
    backup.backup(ctx, good, "a long backup passphrase")
    said = {}
    for name, kdf in (("4 GiB", {"n": 1 << 20, "r": 32}), ("minutes", {"p": 16}), ("damaged", {"n": 1000})):
        bad = tmp_path / f"{name}.pcbak"
        _extreme_header(good, bad, **kdf)
        start = time.perf_counter()
        with pytest.raises(backup.BackupError, match="nothing was restored") as err:
            backup.restore(bad, "a long backup passphrase", tmp_path / "r.sqlite3")
        assert time.perf_counter() - start < 0.5, name
        said[name] = str(err.value)
        assert "\n" not in said[name]
    assert "4,096 MiB of memory" in said["4 GiB"] and "limit (256 MiB" in said["4 GiB"]
    assert "damaged" in said["damaged"]
    assert not (tmp_path / "r.sqlite3").exists()


def test_package_staging_is_0700_and_a_killed_builds_leftover_goes_at_the_next_build(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from console.packages import build_package
    from tests.console.test_packages_support import ready_request

    ref = ready_request(ctx, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    dead = subprocess.Popen(["true"])  # the smallest process: its id, once it is gone, is a killed build's
    dead.wait()
    leftover = out / f".{ref}-access.{dead.pid}.0123456789ab.partial"
    leftover.mkdir()
    (leftover / "data.json").write_text('{"name": "synthetic person"}')
    running = out / f".{ref}-access.{os.getpid()}.ba9876543210.partial"  # a build still going: kept
    running.mkdir()
    modes: list[int] = []

    def progress(_done: int, _total: int) -> None:
        modes.extend(_mode(p) for p in out.glob(f".{ref}-access.{os.getpid()}.*.partial") if p != running)

    build_package(ctx, ref, out, sign=False, progress=progress)
    assert modes and set(modes) == {0o700}
    assert not leftover.exists() and running.exists()


def test_the_sample_company_file_is_owner_only_in_an_owner_only_folder(ctx, isolated_home: Path) -> None:  # type: ignore[no-untyped-def]
    from console.sample_company import make_sample_company

    path = make_sample_company(data_dir() / "sample-company.sqlite3", [("ada@example.org", None, "Ada Example")])
    assert _mode(data_dir()) == 0o700 and _mode(path) == 0o600
