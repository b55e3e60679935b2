"""Retention: apply the catalogue's periods to the console's own records.

* closed requests older than ``closed_requests_months`` (counted from closing) are anonymised
  (name, email, account, guardian, notes, details, free-text reasons and comments replaced,
  gathered subject records and evidence deleted; reference, right, dates and outcome kept for
  the statistics) or, with ``mode="purge"``, deleted with everything that hangs off them;
* evidence of any request past verification is purged (the policy's data minimisation);
* closed incidents (and drills) older than ``incidents_months`` are deleted.

A plan comes first (the dry run lists it); ``apply`` works in batches, each its own
transaction with one audit entry per record, so a cancel keeps what was finished.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.orm import Session

from console.context import Context
from console.errors import Cancelled, ValidationError
from console.folding import fold
from console.requests.lifecycle import CLOSED
from console.security.minimise import IN_VERIFICATION, purge_evidence_rows
from console.security.roles import Perm
from console.store.base import Base
from console.store.models import (
    ChecklistEntry,
    Evidence,
    Request,
    RequestEvent,
    RequestExtension,
    RequestPause,
    SubjectRecord,
)

ANON_NAME = "[anonymised]"
ANON_TEXT = "[removed]"
MODES = ("anonymise", "purge")
CLOSED_VALUES = tuple(s.value for s in CLOSED)


@dataclass(frozen=True)
class RetentionItem:
    kind: str  # request | evidence | incident
    id: int
    reference: str
    closed_at: datetime | None
    action: str  # anonymise | purge | purge_evidence
    reason: str


@dataclass(frozen=True)
class RetentionPlan:
    as_of: datetime
    mode: str
    requests_closed_before: datetime
    incidents_closed_before: datetime
    items: list[RetentionItem] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for it in self.items:
            key = f"{it.kind}.{it.action}"
            out[key] = out.get(key, 0) + 1
        return out


@dataclass(frozen=True)
class RetentionResult:
    plan: RetentionPlan
    done: dict[str, int]
    seconds: float


def months_before(when: datetime, months: int) -> datetime:
    """The same moment ``months`` calendar months earlier (day clamped to the month's end)."""
    import calendar

    total = when.year * 12 + (when.month - 1) - months
    year, month = divmod(total, 12)
    day = min(when.day, calendar.monthrange(year, month + 1)[1])
    return when.replace(year=year, month=month + 1, day=day)


def _incidents_table() -> Table | None:
    return Base.metadata.tables.get("incidents")


def _plan_requests(s: Session, mode: str, cutoff: datetime, months: int) -> list[RetentionItem]:
    stmt = select(Request.id, Request.reference, Request.closed_at).where(
        Request.status.in_(CLOSED_VALUES), Request.closed_at.is_not(None), Request.closed_at < cutoff)
    if mode == "anonymise":
        stmt = stmt.where(Request.subject_name != ANON_NAME)
    return [RetentionItem("request", r.id, r.reference, r.closed_at, mode,
                          f"closed {r.closed_at.date().isoformat()}, kept {months} months")
            for r in s.execute(stmt.order_by(Request.closed_at, Request.id))]


def _plan_evidence(s: Session, skip: set[int]) -> list[RetentionItem]:
    stmt = (select(Request.id, Request.reference, Request.closed_at, Request.status)
            .where(Request.status.not_in(tuple(IN_VERIFICATION)),
                   Request.id.in_(select(Evidence.request_id).where(Evidence.purged_at.is_(None))))
            .order_by(Request.id))
    return [RetentionItem("evidence", r.id, r.reference, r.closed_at, "purge_evidence",
                          f"verification is over ({r.status})")
            for r in s.execute(stmt) if r.id not in skip]


def _plan_incidents(s: Session, cutoff: datetime, months: int) -> list[RetentionItem]:
    t = _incidents_table()
    if t is None or "closed_at" not in t.c:
        return []
    stmt = select(t.c.id, t.c.reference, t.c.closed_at).where(t.c.closed_at.is_not(None), t.c.closed_at < cutoff)
    return [RetentionItem("incident", r.id, r.reference, r.closed_at, "purge",
                          f"closed {r.closed_at.date().isoformat()}, kept {months} months")
            for r in s.execute(stmt.order_by(t.c.closed_at, t.c.id))]


def plan(ctx: Context, mode: str = "anonymise") -> RetentionPlan:
    """What would go now (the dry run); needs ``Perm.RETENTION``."""
    if mode not in MODES:
        raise ValidationError(f"Retention either anonymises or purges, not {mode!r}.")
    now = ctx.now()
    cat = ctx.catalogue
    req_cutoff = months_before(now, cat.closed_requests_months)
    inc_cutoff = months_before(now, cat.incidents_months)
    with ctx.db.read(ctx.actor, Perm.RETENTION) as s:
        requests = _plan_requests(s, mode, req_cutoff, cat.closed_requests_months)
        evidence = _plan_evidence(s, {r.id for r in requests})
        incidents = _plan_incidents(s, inc_cutoff, cat.incidents_months)
    return RetentionPlan(now, mode, req_cutoff, inc_cutoff, requests + evidence + incidents)


def _anonymise(s: Session, ids: list[int]) -> None:
    s.execute(update(Request).where(Request.id.in_(ids)).values(
        subject_name=ANON_NAME, subject_name_folded=fold(ANON_NAME), subject_email="", subject_account_id=None, guardian_name=None,
        guardian_email=None, notes="", details={}, version=Request.version + 1,
    ).execution_options(synchronize_session=False))
    s.execute(update(Request).where(Request.id.in_(ids), Request.outcome_reason.is_not(None))
              .values(outcome_reason=ANON_TEXT).execution_options(synchronize_session=False))
    s.execute(update(RequestEvent).where(RequestEvent.request_id.in_(ids)).values(detail=""))
    s.execute(update(ChecklistEntry).where(ChecklistEntry.request_id.in_(ids)).values(comment=""))
    s.execute(update(RequestPause).where(RequestPause.request_id.in_(ids)).values(reason=ANON_TEXT))
    s.execute(update(RequestExtension).where(RequestExtension.request_id.in_(ids)).values(reason=ANON_TEXT))
    purge_evidence_rows(s, ids)  # zero the ciphertext's pages before the rows go
    s.execute(delete(Evidence).where(Evidence.request_id.in_(ids)))
    s.execute(delete(SubjectRecord).where(SubjectRecord.request_id.in_(ids)))


def _purge_requests(s: Session, ids: list[int]) -> None:
    purge_evidence_rows(s, ids)
    s.execute(delete(Request).where(Request.id.in_(ids)).execution_options(synchronize_session=False))


def _purge_incidents(s: Session, ids: list[int]) -> None:
    t = _incidents_table()
    assert t is not None
    s.execute(delete(t).where(t.c.id.in_(ids)))


def _apply_batch(ctx: Context, batch: list[RetentionItem]) -> None:
    by_action: dict[tuple[str, str], list[int]] = {}
    for it in batch:
        by_action.setdefault((it.kind, it.action), []).append(it.id)
    handlers: dict[tuple[str, str], Callable[[Session, list[int]], Any]] = {
        ("request", "anonymise"): _anonymise,
        ("request", "purge"): _purge_requests,
        ("evidence", "purge_evidence"): lambda s, ids: purge_evidence_rows(s, ids, ctx.now()),
        ("incident", "purge"): _purge_incidents,
    }
    with ctx.db.unit(ctx.actor, Perm.RETENTION) as uow:
        for key, ids in by_action.items():
            handlers[key](uow.session, ids)
        for it in batch:
            uow.audit(f"retention.{it.action}", it.kind if it.kind != "evidence" else "request", it.reference, it.reason)


def apply(ctx: Context, mode: str = "anonymise", *, batch: int = 500,
          progress: Callable[[int, int], None] | None = None,
          cancel: Callable[[], bool] | None = None) -> RetentionResult:
    """Carry the plan out, batch by batch; a cancel stops between batches (all done so far stays)."""
    start = time.perf_counter()
    p = plan(ctx, mode)
    done: dict[str, int] = {}
    total = len(p.items)
    for i in range(0, total, batch):
        if cancel and cancel():
            raise Cancelled(f"Retention cancelled after {i:,} of {total:,} records; those are done and audited.")
        chunk = p.items[i:i + batch]
        _apply_batch(ctx, chunk)
        for it in chunk:
            done[f"{it.kind}.{it.action}"] = done.get(f"{it.kind}.{it.action}", 0) + 1
        if progress:
            progress(min(i + batch, total), total)
    return RetentionResult(p, done, time.perf_counter() - start)
