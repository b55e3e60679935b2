"""The tamper-evident audit trail: an append-only SHA-256 hash chain.

Each entry's hash covers its own fields and the previous entry's hash, so a changed,
deleted or inserted row breaks the chain at that row and ``verify_chain`` names it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from console.store.base import utcnow
from console.store.models import AuditEntry

GENESIS = "0" * 64


def entry_hash(prev_hash: str, entry_id: int, at: datetime, actor: str, action: str, target_type: str, target_id: str, detail: str) -> str:
    payload = json.dumps(
        [prev_hash, entry_id, at.isoformat(timespec="microseconds"), actor, action, target_type, target_id, detail],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class AuditRecord:
    action: str
    target_type: str = ""
    target_id: str = ""
    detail: str = ""


def _lock_chain(session: Session) -> None:
    """Serialise appends so two writers never both chain onto the same previous entry."""
    if session.bind is not None and session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(727172)"))


def append(session: Session, actor: str, records: Iterable[AuditRecord]) -> None:
    """Write ``records`` at the end of the chain, in the caller's transaction."""
    records = list(records)
    if not records:
        return
    _lock_chain(session)
    last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    prev_id, prev_hash = (last[0], last[1]) if last else (0, GENESIS)
    for offset, rec in enumerate(records, start=1):
        at = utcnow()
        entry_id = prev_id + offset
        digest = entry_hash(prev_hash, entry_id, at, actor, rec.action, rec.target_type, rec.target_id, rec.detail)
        session.add(
            AuditEntry(
                id=entry_id, at=at, actor=actor, action=rec.action, target_type=rec.target_type,
                target_id=rec.target_id, detail=rec.detail, prev_hash=prev_hash, hash=digest,
            )
        )
        prev_hash = digest
    session.flush()


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int
    problem: str


def verify_chain(session: Session, batch: int = 5000) -> list[ChainProblem]:
    """Walk the whole chain; every broken link is reported with the entry it starts at."""
    problems: list[ChainProblem] = []
    prev_hash, expected_id, last_id = GENESIS, 1, 0
    while True:
        rows = session.scalars(select(AuditEntry).where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)).all()
        if not rows:
            break
        for e in rows:
            if e.id != expected_id:
                problems.append(ChainProblem(e.id, f"entries {expected_id}..{e.id - 1} are missing (deleted)"))
            if e.prev_hash != prev_hash:
                problems.append(ChainProblem(e.id, "does not follow the entry before it (inserted or reordered)"))
            digest = entry_hash(e.prev_hash, e.id, e.at, e.actor, e.action, e.target_type, e.target_id, e.detail)
            if digest != e.hash:
                problems.append(ChainProblem(e.id, "its content was changed after it was written"))
            prev_hash, expected_id, last_id = e.hash, e.id + 1, e.id
    return problems
