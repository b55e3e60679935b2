"""Encrypted backup and checked restore of the local SQLite database.

The copy is taken with SQLite's online backup API into memory (consistent even while the
window is open), compressed, and encrypted with AES-256-GCM under a key derived from a
passphrase by scrypt (n=2^17, r=8, p=1: about 0.3 s and 128 MiB). The plain database image
never touches the disk on the way out. The file is a short clear header (format and KDF
parameters only) followed by 1 MiB chunks, each sealed with its index and an end flag, so a
truncated, reordered or altered file is refused rather than half restored.

Restore writes next to the target, then checks it (``PRAGMA integrity_check``, the audit hash
chain, and every table's row count against the counts sealed inside the backup) before
moving it into place.
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import struct
import time
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from console import __version__, private_files
from console.context import Context
from console.errors import ConsoleError, StorageError, ValidationError
from console.security.roles import Perm, require
from console.store import integrity
from console.store.base import utcnow

MAGIC = b"PRIVACY-CONSOLE-BACKUP 1\n"
CHUNK = 1 << 20
SCRYPT = {"n": 1 << 17, "r": 8, "p": 1}
MIN_PASSPHRASE = 12
Progress = Callable[[int, int], None]


class BackupError(ConsoleError):
    """A backup that cannot be written, read or restored as asked."""

    exit_code = 11


@dataclass(frozen=True)
class BackupReport:
    path: Path
    bytes_written: int
    tables: dict[str, int]
    seconds: float


@dataclass(frozen=True)
class RestoreReport:
    path: Path
    tables: dict[str, int]
    integrity: str
    chain_problems: list[str] = field(default_factory=list)
    created_at: str = ""
    seconds: float = 0.0


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(f"A backup passphrase needs at least {MIN_PASSPHRASE} characters; "
                              "without it nobody (you included) can open the backup, so keep it safe.")


MAX_KDF_MEMORY = 256 << 20  # bytes scrypt may take (128 * n * r): twice what a backup is written with
MAX_KDF_WORK = 4 * SCRYPT["n"] * SCRYPT["r"] * SCRYPT["p"]  # n * r * p: four times the written cost


def _check_kdf(src: Path, n: int, r: int, p: int) -> None:
    """Refuse a header's key-derivation settings before any work: a crafted one could ask for GBs."""
    if n < 2 or n & (n - 1) or r < 1 or p < 1:
        raise BackupError(f"{src}: the backup header's key-derivation settings are damaged; nothing was restored.")
    memory, work = 128 * n * r, n * r * p
    if memory > MAX_KDF_MEMORY or work > MAX_KDF_WORK:
        raise BackupError(
            f"{src}: the backup asks for key derivation with {memory >> 20:,} MiB of memory and {work:,} "
            f"units of work, beyond this version's limit ({MAX_KDF_MEMORY >> 20} MiB, {MAX_KDF_WORK:,}); "
            "nothing was restored.")


def _key(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(passphrase.encode("utf-8"))


def _aad(header: bytes, index: int, last: bool) -> bytes:
    return header + struct.pack(">IB", index, 1 if last else 0)


def _nonce(prefix: bytes, index: int) -> bytes:
    return prefix + struct.pack(">I", index)


def table_counts(conn: sqlite3.Connection) -> dict[str, int]:
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    return {n: conn.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}


def _snapshot(ctx: Context, progress: Progress | None) -> tuple[bytes, dict[str, int]]:
    """A consistent in-memory image of the live database, and its row counts."""
    raw = ctx.db.engine.raw_connection()
    try:
        source = raw.driver_connection
        assert isinstance(source, sqlite3.Connection)
        memory = sqlite3.connect(":memory:")
        try:
            def step(_status: int, remaining: int, total: int) -> None:
                if progress:
                    progress(total - remaining, total)

            source.backup(memory, pages=256, progress=step)
            counts = table_counts(memory)
            return memory.serialize(), counts
        finally:
            memory.close()
    finally:
        raw.close()


def _seal(plain: bytes, passphrase: str, out: IO[bytes]) -> int:
    salt, prefix = os.urandom(16), os.urandom(8)
    header_doc = {"format": 1, "cipher": "AES-256-GCM", "kdf": "scrypt", **SCRYPT,
                  "salt": base64.b64encode(salt).decode(), "nonce_prefix": base64.b64encode(prefix).decode(),
                  "chunk": CHUNK}
    header = MAGIC + json.dumps(header_doc, sort_keys=True).encode() + b"\n"
    aes = AESGCM(_key(passphrase, salt, **SCRYPT))
    out.write(header)
    written = len(header)
    chunks = [plain[i:i + CHUNK] for i in range(0, len(plain), CHUNK)] or [b""]
    for index, chunk in enumerate(chunks):
        sealed = aes.encrypt(_nonce(prefix, index), chunk, _aad(header, index, index == len(chunks) - 1))
        out.write(struct.pack(">I", len(sealed)) + sealed)
        written += 4 + len(sealed)
    return written


def backup(ctx: Context, dest: str | Path, passphrase: str, *, overwrite: bool = False,
           progress: Progress | None = None) -> BackupReport:
    """Write an encrypted copy of the local database to ``dest`` (needs ``Perm.BACKUP``)."""
    start = time.perf_counter()
    require(ctx.actor, Perm.BACKUP)  # before any work
    if ctx.db.dialect != "sqlite":
        raise BackupError("backup copies a local SQLite database; back a PostgreSQL server up with the "
                          "server's own tools (pg_dump / pg_basebackup) under its encryption policy.")
    check_passphrase(passphrase)
    path = Path(dest).expanduser()
    if path.exists() and not overwrite:
        raise BackupError(f"{path} exists; choose another name (nothing was written).")
    integrity.require_sound(ctx.db.engine, ctx.db.safe_url, "the backup")  # its copy could not be restored
    image, counts = _snapshot(ctx, progress)
    manifest = json.dumps({"created_at": utcnow().isoformat(), "app_version": __version__, "tables": counts},
                          sort_keys=True).encode()
    plain = zlib.compress(struct.pack(">I", len(manifest)) + manifest + image, 6)
    del image
    part = path.with_name(path.name + ".part")
    try:
        with part.open("wb") as out:
            size = _seal(plain, passphrase, out)
            out.flush()
            os.fsync(out.fileno())
        part.replace(path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise BackupError(f"Cannot write the backup {path}: {exc.strerror or exc}") from None
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    with ctx.db.unit(ctx.actor, Perm.BACKUP) as uow:
        uow.audit("backup.create", "database", "", f"{path.name}: {size} bytes, {sum(counts.values())} rows")
    return BackupReport(path, size, counts, time.perf_counter() - start)


def _chunks(data: IO[bytes]) -> Iterator[bytes]:
    while True:
        head = data.read(4)
        if not head:
            return
        if len(head) < 4:
            raise BackupError("The backup file is truncated.")
        (length,) = struct.unpack(">I", head)
        body = data.read(length)
        if len(body) != length:
            raise BackupError("The backup file is truncated.")
        yield body


def _open(src: Path, passphrase: str) -> bytes:
    with src.open("rb") as data:
        if data.read(len(MAGIC)) != MAGIC:
            raise BackupError(f"{src} is not a Privacy Console backup.")
        line = data.readline()
        try:
            doc = json.loads(line)
            salt, prefix = base64.b64decode(doc["salt"]), base64.b64decode(doc["nonce_prefix"])
            n, r, p = int(doc["n"]), int(doc["r"]), int(doc["p"])
        except (ValueError, KeyError, TypeError):
            raise BackupError(f"{src}: the backup header is damaged.") from None
        _check_kdf(src, n, r, p)
        header = MAGIC + line
        aes = AESGCM(_key(passphrase, salt, n, r, p))
        sealed = list(_chunks(data))
    if not sealed:
        raise BackupError("The backup file is truncated.")
    parts = []
    for index, chunk in enumerate(sealed):
        try:
            parts.append(aes.decrypt(_nonce(prefix, index), chunk, _aad(header, index, index == len(sealed) - 1)))
        except InvalidTag:
            if index == 0:
                raise BackupError("Wrong passphrase, or the backup file was changed; nothing was restored.") from None
            raise BackupError(f"The backup file is damaged or truncated (part {index + 1}); nothing was restored.") from None
    return b"".join(parts)


def _check(path: Path, expected: dict[str, int]) -> tuple[str, dict[str, int], list[str]]:
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session
    from sqlalchemy.pool import NullPool

    from console.security.audit import verify_chain

    conn = sqlite3.connect(path)
    try:
        integrity = "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check"))
        counts = table_counts(conn)
    finally:
        conn.close()
    problems: list[str] = []
    if integrity != "ok":
        problems.append(f"integrity check: {integrity}")
    if counts != expected:
        diff = sorted(set(counts) | set(expected))
        problems += [f"table {t}: {counts.get(t)} rows, the backup had {expected.get(t)}"
                     for t in diff if counts.get(t) != expected.get(t)]
    if "audit_log" in counts:
        engine = create_engine("sqlite://", poolclass=NullPool,  # read-only: the check changes nothing
                               creator=lambda: sqlite3.connect(f"file:{path}?mode=ro", uri=True))
        try:
            with Session(engine) as s:
                problems += [f"audit entry {p.entry_id}: {p.problem}" for p in verify_chain(s)]
        finally:
            engine.dispose()
    return integrity, counts, problems


def restore(src: str | Path, passphrase: str, to: str | Path, *, overwrite: bool = False) -> RestoreReport:
    """Decrypt ``src`` into a new database file ``to``, and prove it whole before keeping it."""
    start = time.perf_counter()
    src, target = Path(src).expanduser(), Path(to).expanduser()
    if not src.is_file():
        raise BackupError(f"No backup file {src}.")
    if target.exists() and not overwrite:
        raise BackupError(f"{target} exists; restore into a new file (or pass --force to replace it).")
    try:
        plain = zlib.decompress(_open(src, passphrase))
        (mlen,) = struct.unpack(">I", plain[:4])
        manifest = json.loads(plain[4:4 + mlen])
    except (zlib.error, struct.error, ValueError):
        raise BackupError("The backup decrypted but its contents are damaged; nothing was restored.") from None
    target.parent.mkdir(parents=True, exist_ok=True)
    part = target.with_name(target.name + ".restoring")
    try:
        private_files.private_file(part)  # 0600: it holds every person's data
        part.write_bytes(plain[4 + mlen:])
        del plain
        integrity, counts, problems = _check(part, {k: int(v) for k, v in manifest["tables"].items()})
        if problems:
            raise BackupError("The restored copy failed its check, so it was not kept: " + "; ".join(problems[:5]))
        for suffix in ("-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        part.replace(target)
    except OSError as exc:
        raise StorageError(f"Cannot write {target}: {exc.strerror or exc}") from None
    finally:
        for p in (part, Path(str(part) + "-wal"), Path(str(part) + "-shm")):
            p.unlink(missing_ok=True)
    return RestoreReport(target, counts, integrity, [], str(manifest.get("created_at", "")), time.perf_counter() - start)

