"""The tamper-evident audit trail: an append-only SHA-256 hash chain.

Each entry's hash covers its own fields and the previous entry's hash, so a changed,
deleted or inserted row breaks the chain at that row and ``verify_chain`` names it. The id
and hash of the newest entry are also kept in the settings table (``audit.head``), written
in the same transaction, so entries cut off the end of the chain are found as well.

A hash chain without a secret shows tampering by anyone who does not also rewrite every
later entry; on a server the application role is further refused UPDATE and DELETE on the
table (``console.security.protect``), and ``audit verify`` prints the head so it can be
recorded elsewhere.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import event, select, text
from sqlalchemy.orm import Session

from console.security import checkpoints, seals, server
from console.store.base import utcnow
from console.store.bulk import insert_rows
from console.store.models import AuditEntry, Setting

GENESIS = "0" * 64
HEAD_KEY = "audit.head"
log = logging.getLogger("console.audit")
# Targets whose ids are references or codes; a user's id is a user name, and a failed sign-in's
# is whatever was typed (an e-mail, perhaps): those are logged by kind only.
_LOGGED_IDS = frozenset({"request", "requests", "incident", "register", "records", "setting", "database", "audit"})
_COMMITTED = "audit.log"


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
    session.info.setdefault(_COMMITTED, []).extend(records)  # logged once the transaction commits
    if server.installed(session) is not None:  # the server chains them, as the session's own role
        written = [str(session.execute(text("SELECT pc_audit_append(:a, :tt, :ti, :d)"), {
            "a": rec.action, "tt": rec.target_type, "ti": rec.target_id, "d": rec.detail}).scalar()).split(" ")
            for rec in records]  # "id hash" of each entry
        checkpoints.after_append(session, actor, int(written[0][0]) - 1, int(written[-1][0]), written[-1][1])
        return
    _lock_chain(session)
    last = session.execute(select(AuditEntry.id, AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)).first()
    prev_id, prev_hash = (last[0], last[1]) if last else (0, GENESIS)
    key = seals.audit_key()  # None without a keyring: entries go unsealed (audit verify says so)
    actor = actor[:80]
    rows = []
    for offset, rec in enumerate(records, start=1):
        rec = AuditRecord(rec.action[:60], rec.target_type[:40], rec.target_id[:80], rec.detail)
        at = utcnow()
        entry_id = prev_id + offset
        digest = entry_hash(prev_hash, entry_id, at, actor, rec.action, rec.target_type, rec.target_id, rec.detail)
        rows.append({"id": entry_id, "at": at, "actor": actor, "action": rec.action, "target_type": rec.target_type,
                     "target_id": rec.target_id, "detail": rec.detail, "prev_hash": prev_hash, "hash": digest,
                     "seal": seals.seal(key, "entry", seals.entry_fields(digest)) if key else None})
        prev_hash = digest
    # One multi-row insert (an import of 20,000 requests writes 20,000 entries while holding the lock).
    insert_rows(session.connection(), AuditEntry.__table__, rows)  # type: ignore[arg-type]
    _store_head(session, prev_id + len(records), prev_hash)
    checkpoints.after_append(session, actor, prev_id, prev_id + len(records), prev_hash)
    session.flush()


def _store_head(session: Session, entry_id: int, digest: str) -> None:
    row = session.get(Setting, HEAD_KEY)
    value = {"id": entry_id, "hash": digest}
    if row is None:
        session.add(Setting(key=HEAD_KEY, value=value))
    else:
        row.value = value


def head(session: Session) -> tuple[int, str] | None:
    """(id, hash) of the newest entry as recorded at its writing, None for an empty trail."""
    row = session.get(Setting, HEAD_KEY)
    if row is None or not isinstance(row.value, dict):
        return None
    try:
        return int(row.value["id"]), str(row.value["hash"])
    except (KeyError, TypeError, ValueError):
        return None


@dataclass(frozen=True)
class ChainProblem:
    entry_id: int
    problem: str


def verify_chain(session: Session, batch: int = 5000) -> list[ChainProblem]:
    """Walk the whole chain; every broken link is reported with the entry it concerns."""
    problems: list[ChainProblem] = []
    prev_hash, expected_id, last_id = GENESIS, 1, 0
    while True:
        rows = session.execute(
            select(AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.target_type,
                   AuditEntry.target_id, AuditEntry.detail, AuditEntry.prev_hash, AuditEntry.hash)
            .where(AuditEntry.id > last_id).order_by(AuditEntry.id).limit(batch)
        ).all()
        if not rows:
            break
        for e in rows:
            if e.id != expected_id:
                span = f"{expected_id}" if e.id - 1 == expected_id else f"{expected_id}..{e.id - 1}"
                problems.append(ChainProblem(expected_id, f"entry {span} is missing (deleted); entry {e.id} came next"))
            elif e.prev_hash != prev_hash:
                problems.append(ChainProblem(e.id, "does not follow the entry before it (inserted or reordered)"))
            digest = entry_hash(e.prev_hash, e.id, e.at, e.actor, e.action, e.target_type, e.target_id, e.detail)
            if digest != e.hash:
                problems.append(ChainProblem(e.id, "its content was changed after it was written"))
            prev_hash, expected_id, last_id = e.hash, e.id + 1, e.id
    problems.extend(_check_head(session, last_id, prev_hash))
    return problems


def _check_head(session: Session, last_id: int, last_hash: str) -> list[ChainProblem]:
    recorded = head(session)
    if recorded is None:
        return [ChainProblem(last_id, "the record of the newest entry is missing (deleted)")] if last_id else []
    head_id, head_hash = recorded
    if head_id > last_id:
        return [ChainProblem(last_id + 1, f"entries {last_id + 1}..{head_id} are missing at the end (deleted)")]
    if head_id < last_id:
        return [ChainProblem(head_id + 1, f"entries {head_id + 1}..{last_id} were added after the newest recorded entry (inserted)")]
    if head_hash != last_hash:
        return [ChainProblem(last_id, "does not match the recorded newest entry (changed)")]
    return []


@event.listens_for(Session, "after_commit")
def _log_committed(session: Session) -> None:
    """The log file's line for each audited change that stuck: its kind and, where safe, its id."""
    for rec in session.info.pop(_COMMITTED, ()):
        safe_id = rec.target_id if rec.target_type in _LOGGED_IDS else ""
        log.info("%s", " ".join(part for part in (rec.action, rec.target_type, safe_id) if part))


@event.listens_for(Session, "after_soft_rollback")
def _forget_rolled_back(session: Session, previous_transaction: object) -> None:
    session.info.pop(_COMMITTED, None)
