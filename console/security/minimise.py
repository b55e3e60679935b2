"""Data minimisation at the moment it is due: evidence goes when a request leaves verification.

Whatever service moves a request on (advance, reject, withdraw, a bulk change), the same
transaction drops the identity documents' ciphertext and keeps the file name, size, hash and
the checklist outcome. It is a ``before_flush`` hook on the database's sessions, so no
service can forget it; on SQLite ``secure_delete`` zeroes the freed bytes as well.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import inspect, select, text, update
from sqlalchemy.orm import Session

from console.store.base import utcnow
from console.store.models import Evidence, Request, RequestEvent
from console.store.states import Status

IN_VERIFICATION = frozenset({Status.RECEIVED.value, Status.AWAITING_VERIFICATION.value})


def purge_evidence_rows(session: Session, request_ids: list[int], now: datetime | None = None) -> int:
    """Drop the ciphertext of every live evidence file of these requests; returns how many."""
    if not request_ids:
        return 0
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("PRAGMA secure_delete = ON"))
    result = session.execute(
        update(Evidence)
        .where(Evidence.request_id.in_(request_ids), Evidence.purged_at.is_(None))
        .values(ciphertext=None, nonce=None, purged_at=now or utcnow())
        .execution_options(synchronize_session=False)
    )
    return int(result.rowcount or 0)  # type: ignore[attr-defined]


def before_flush(session: Session, _flush_context: Any, _instances: Any) -> None:
    """Purge the evidence of each request whose status just left verification."""
    leaving = []
    for obj in session.dirty:
        if not isinstance(obj, Request) or obj.status in IN_VERIFICATION:
            continue
        history = inspect(obj).attrs.status.history
        if history.deleted and any(old in IN_VERIFICATION for old in history.deleted):
            leaving.append(obj)
    if not leaving:
        return
    uow = session.info.get("uow")
    actor = uow.actor.username if uow is not None else "system"
    for row in leaving:
        live = session.execute(select(Evidence.id).where(
            Evidence.request_id == row.id, Evidence.purged_at.is_(None))).all()
        if not live:
            continue
        purge_evidence_rows(session, [row.id])
        session.add(RequestEvent(request_id=row.id, actor=actor, action="evidence_purged",
                                 detail=f"{len(live)} evidence file(s) deleted when verification ended; the outcome is kept"))
        if uow is not None:
            uow.audit("evidence.purge", "request", row.reference, f"{len(live)} file(s), verification ended")
