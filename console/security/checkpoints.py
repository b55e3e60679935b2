"""Audit checkpoints: the chain head sealed with a key outside the database, at intervals and on demand.

A checkpoint records (number, time, entry id, that entry's hash) and a keyed BLAKE2b over them
and the previous checkpoint's seal, with the keyring's ``audit-key`` (console.security.seals).
One is written with the first sealed entry, then whenever the trail passes a multiple of
``EVERY`` entries, and on demand (``audit checkpoint``, which also exports it to a file). The
newest checkpoint this workstation wrote is also kept in its keyring, so deleting checkpoints
or the whole trail is noticed even without an exported file.

``verify`` compares the trail with every stored checkpoint, the keyring's, and an exported file:
a tail cut back below a checkpoint, an entry rewritten and re-chained, a forged or deleted
checkpoint, and entries appended after the first checkpoint without the key are each named.
Entries appended after the newest checkpoint and then cut are not: that is the interval's price.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console import keychain
from console.errors import SecretStoreError, ValidationError
from console.security import seals
from console.store.base import utcnow
from console.store.models import AuditCheckpoint, AuditEntry

EVERY = 100  # entries between automatic checkpoints
GENESIS = "0" * 64
FORMAT = "privacy-console-audit-checkpoint/1"


@dataclass(frozen=True)
class Sealed:
    """A checkpoint as stored, kept in the keyring or exported."""

    id: int
    at: str
    entry_id: int
    head_hash: str
    prev_mac: str
    key_id: str
    mac: str

    @property
    def short(self) -> str:
        """What packages and reports print: 'checkpoint 12: entry 1,204, head 3f9a0c1e'."""
        return f"checkpoint {self.id}: entry {self.entry_id:,}, head {self.head_hash[:8]}"

    def document(self, database: str) -> dict[str, Any]:
        return {"format": FORMAT, "database": database, **vars(self)}


def _sealed(cp: AuditCheckpoint) -> Sealed:
    return Sealed(cp.id, cp.at.isoformat(timespec="microseconds"), cp.entry_id, cp.head_hash, cp.prev_mac,
                  cp.key_id, cp.mac)


def _mac(key: bytes, cp: Sealed | AuditCheckpoint, at: str) -> str:
    return seals.mac(key, "checkpoint", cp.id, at, cp.entry_id, cp.head_hash, cp.prev_mac)


def anchor_name(database: str) -> str:
    return f"audit-checkpoint:{database}"


def after_append(session: Session, actor: str, prev_id: int, head_id: int, head_hash: str) -> None:
    """Write a checkpoint when this append started sealing, crossed ``EVERY`` or one was asked for."""
    key = seals.audit_key()
    if key is None:
        return
    last = session.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc()).limit(1)).first()
    asked = session.info.pop("checkpoint_now", False)
    if last is not None and not asked and head_id // EVERY == prev_id // EVERY:
        return
    at = utcnow()
    cp = AuditCheckpoint(id=(last.id + 1) if last else 1, at=at, actor=actor[:80], entry_id=head_id,
                         head_hash=head_hash, prev_mac=last.mac if last else GENESIS, key_id=key[0], mac="")
    cp.mac = _mac(key[1], cp, at.isoformat(timespec="microseconds"))
    session.add(cp)
    session.info["checkpoint_written"] = cp


def after_commit(session: Session, database: str) -> Sealed | None:
    """Keep the checkpoint just committed in this workstation's keyring (outside the database)."""
    cp = session.info.pop("checkpoint_written", None)
    if cp is None:
        return None
    sealed = _sealed(cp)
    try:
        keychain.set_secret(anchor_name(database), json.dumps(sealed.document(database)))
    except SecretStoreError:
        pass  # the checkpoint is in the database; only the keyring's copy is missing
    return sealed


def latest(session: Session) -> Sealed | None:
    cp = session.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.id.desc()).limit(1)).first()
    return _sealed(cp) if cp else None


def write_file(sealed: Sealed, database: str, out: str | Path) -> Path:
    path = Path(out).expanduser()
    part = path.with_name(path.name + ".part")
    part.write_text(json.dumps(sealed.document(database), indent=2) + "\n", encoding="utf-8")
    part.replace(path)
    return path


def read_file(path: str | Path) -> Sealed:
    p = Path(path).expanduser()
    try:
        doc = json.loads(p.read_text(encoding="utf-8"))
        if doc.get("format") != FORMAT:
            raise ValueError
        return Sealed(int(doc["id"]), str(doc["at"]), int(doc["entry_id"]), str(doc["head_hash"]),
                      str(doc["prev_mac"]), str(doc["key_id"]), str(doc["mac"]))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        raise ValidationError(f"{p} is not an audit checkpoint file written by 'audit checkpoint --out'.") from None


# --- checking -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Finding:
    where: str  # "checkpoint 3", "entry 57", "account jo", "file cp.json"
    problem: str

    def __str__(self) -> str:
        return f"{self.where}: {self.problem}"


def _against_trail(s: Session, cp: Sealed, source: str) -> list[Finding]:
    found = s.scalar(select(AuditEntry.hash).where(AuditEntry.id == cp.entry_id))
    if found is None:
        newest = s.scalar(select(func.max(AuditEntry.id))) or 0
        return [Finding(source, f"sealed entry {cp.entry_id:,}, which is gone: the trail was cut back to entry {newest:,} "
                                "(entries deleted)")]
    if found != cp.head_hash:
        return [Finding(source, f"sealed entry {cp.entry_id:,} with hash {cp.head_hash[:8]}, the trail now has "
                                f"{found[:8]}: entries up to it were rewritten")]
    return []


def _own(key: tuple[str, bytes] | None, cp: Sealed, source: str, strict: bool) -> list[Finding]:
    if key is None:
        return []
    if cp.key_id != key[0]:
        return [Finding(source, f"is sealed with another key ({cp.key_id[:8]}), not this keyring's")] if strict else []
    if cp.mac != _mac(key[1], cp, cp.at):
        return [Finding(source, "does not match its seal: forged or changed outside the console")]
    return []


def _against_stored(stored: dict[int, Sealed], cp: Sealed, source: str) -> list[Finding]:
    mine = stored.get(cp.id)
    if mine is None:
        return [Finding(source, f"names checkpoint {cp.id} (entry {cp.entry_id:,}), which is no longer in the database "
                                "(checkpoints deleted)")]
    if mine.mac != cp.mac:
        return [Finding(source, f"differs from checkpoint {cp.id} in the database: the stored one was replaced")]
    return []


def verify(s: Session, database: str, strict: bool, exported: Sealed | None = None,
           exported_name: str = "", *, entry_seals: bool = True) -> tuple[list[Finding], list[str]]:
    """(problems, notes): checkpoints, entry seals, the keyring's checkpoint and an exported file."""
    key = seals.audit_key(create=False)
    problems: list[Finding] = []
    notes: list[str] = []
    stored = {cp.id: _sealed(cp) for cp in s.scalars(select(AuditCheckpoint).order_by(AuditCheckpoint.id))}
    prev, expected = GENESIS, 1
    for cp in stored.values():
        where = f"checkpoint {cp.id}"
        if cp.id != expected:
            problems.append(Finding(f"checkpoint {expected}", f"is missing (deleted); checkpoint {cp.id} came next"))
        elif cp.prev_mac != prev:
            problems.append(Finding(where, "does not follow the checkpoint before it (inserted or replaced)"))
        problems += _own(key, cp, where, strict)
        problems += _against_trail(s, cp, where)
        prev, expected = cp.mac, cp.id + 1
    anchor = _keyring_anchor(database)
    if anchor is not None:
        where = f"the newest checkpoint this workstation wrote ({anchor.id}, entry {anchor.entry_id:,})"
        problems += _against_stored(stored, anchor, where) + _against_trail(s, anchor, where)
    if exported is not None:
        where = f"checkpoint file {exported_name}"
        problems += _own(key, exported, where, strict) + _against_stored(stored, exported, where)
        problems += _against_trail(s, exported, where)
    if key is None:
        notes.append("No audit key in this keyring: seals and checkpoint signatures were not checked.")
    elif not entry_seals:
        notes.append("Entries are chained by the server (db setup-server), which no desktop can write: "
                     "entry seals were not checked.")
    elif stored:
        problems += _entry_seals(s, key, min(stored.values(), key=lambda c: c.id).entry_id, strict, notes)
    else:
        sealed_entries = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.seal.is_not(None))) or 0
        if sealed_entries:
            problems.append(Finding("checkpoints", f"none is stored although {sealed_entries:,} entries are sealed: "
                                                   "the checkpoints were deleted"))
    if key is not None:
        rows = seals.row_problems(s, key)
        if strict:
            problems += [Finding(where, why) for where, why in rows]
        elif rows:
            notes.append(f"{len(rows)} rows are sealed with other workstations' keys or not at all (not checked here).")
    return problems, notes


def _entry_seals(s: Session, key: tuple[str, bytes], after: int, strict: bool, notes: list[str],
                 batch: int = 5000) -> list[Finding]:
    """Every entry after the first checkpoint carries this key's seal (the console writes one on each)."""
    out: list[Finding] = []
    other = 0
    last = after
    while True:
        rows = s.execute(select(AuditEntry.id, AuditEntry.hash, AuditEntry.seal).where(AuditEntry.id > last)
                         .order_by(AuditEntry.id).limit(batch)).all()
        if not rows:
            break
        for e in rows:
            why = seals.check(key, "entry", seals.entry_fields(e.hash), e.seal)
            if why is None:
                continue
            if not strict and why.startswith("is sealed with another key"):
                other += 1
                continue
            out.append(Finding(f"entry {e.id}", why.replace("changed outside the console",
                                                            "appended or changed outside the console")))
        last = rows[-1].id
    if other:
        notes.append(f"{other:,} entries are sealed by other workstations' keys (not checked here).")
    return out


def _keyring_anchor(database: str) -> Sealed | None:
    try:
        raw = keychain.get_secret(anchor_name(database))
    except SecretStoreError:
        return None
    if not raw:
        return None
    try:
        doc = json.loads(raw)
        return Sealed(int(doc["id"]), str(doc["at"]), int(doc["entry_id"]), str(doc["head_hash"]),
                      str(doc["prev_mac"]), str(doc["key_id"]), str(doc["mac"]))
    except (ValueError, KeyError, TypeError):
        return None
