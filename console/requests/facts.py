"""Record what was done for a request, so that its letter can say it: erasures (or retentions
with the catalogue's legal reason), corrections, inquiry answers and decisions.

Each record names the system, the person who did it and when; a letter is built only from
these rows (see :mod:`console.packages.recorded`) and never states more than they hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.context import Context
from console.errors import TransitionError, ValidationError
from console.requests.commands import CLOCK_SKEW, add_event, load_request
from console.requests.lifecycle import ACTING, STATUS_TITLES, VERIFYING, Status, check_acting
from console.requests.sources import as_text, source_name
from console.security.roles import Perm
from console.store.fact_models import (
    AnswerRecord,
    CorrectionRecord,
    ErasureRecord,
    RestrictionRecord,
)
from console.store.models import Request, SubjectRecord
from console.store.withdrawal_models import ConsentWithdrawal
from console.timefmt import human

DECISIONS = ("granted", "partly_granted", "refused")
MAX_TEXT = 4000


@dataclass(frozen=True)
class ErasureFact:
    system: str
    category: str
    outcome: str  # erased | retained
    method: str | None
    legal_reason: str | None
    done_at: datetime
    done_by: str


@dataclass(frozen=True)
class CorrectionFact:
    system: str
    field: str
    old_value: str | None
    new_value: str | None
    description: str | None
    done_at: datetime
    done_by: str


@dataclass(frozen=True)
class AnswerFact:
    decision: str | None
    text: str
    answered_at: datetime
    answered_by: str


@dataclass(frozen=True)
class RestrictionFact:
    applied_at: datetime
    how: str
    applied_by: str


@dataclass(frozen=True)
class Withdrawal:
    target_kind: str  # cookie_category | activity
    target_id: str
    outcome: str  # withdrawn | not_withdrawable
    continues_on: str | None
    reason: str | None
    effective_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class Facts:
    """Everything recorded as done for one request; empty until somebody records it."""

    erasures: tuple[ErasureFact, ...] = ()
    corrections: tuple[CorrectionFact, ...] = ()
    answer: AnswerFact | None = None
    withdrawals: tuple[Withdrawal, ...] = ()  # consent withdrawn (console.processing.withdrawals records them)
    restriction: RestrictionFact | None = None  # the latest record of when the restriction took effect

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        for item in data["withdrawals"]:
            item["effective_at"] = item["effective_at"].isoformat()
        for group in ("erasures", "corrections"):
            for item in data[group]:
                item["done_at"] = item["done_at"].isoformat()
        if data["answer"]:
            data["answer"]["answered_at"] = data["answer"]["answered_at"].isoformat()
        if data["restriction"]:
            data["restriction"]["applied_at"] = data["restriction"]["applied_at"].isoformat()
        return data


def _text(value: str | None, what: str, *, limit: int = MAX_TEXT, required: bool = True) -> str | None:
    cleaned = (value or "").strip()
    if not cleaned:
        if required:
            raise ValidationError(f"{what} is required.")
        return None
    if len(cleaned) > limit:
        raise ValidationError(f"{what} is {len(cleaned):,} characters long; at most {limit:,} are kept.")
    return cleaned


def _when(ctx: Context, at: datetime | None) -> datetime:
    when = at or ctx.now()
    if when.tzinfo is None:
        raise ValidationError("The time it was done needs a time zone, e.g. 2026-12-01T10:00:00+00:00.")
    if when > ctx.now() + CLOCK_SKEW:
        raise ValidationError(f"{human(when)} is in the future; record what was done once it is done.")
    return when


def _acting_on(ctx: Context, row: Request, package: str, what: str) -> None:
    """Only after identity was confirmed, and only for a request whose answer is that package."""
    right = ctx.catalogue.right(row.right_id)
    if right.package != package:
        raise ValidationError(f"{row.reference} is a request under '{right.title}'; {what} belongs to "
                              f"a {package} request, not to this one.")
    check_acting(row.reference, Status(row.status), what)


def _held_systems(session: Session, row: Request) -> dict[str, set[str]]:
    """category -> systems the person's data was gathered from."""

    held: dict[str, set[str]] = {}
    for category, source in session.execute(select(SubjectRecord.category, SubjectRecord.source)
                                             .where(SubjectRecord.request_id == row.id).distinct()):
        held.setdefault(category, set()).add(source_name(source))
    return held


def retention_reason(ctx: Context, category: str, ground: str | None = None) -> str:
    """The legal reason to keep a category, in the catalogue's words (retention and legal basis)."""
    known = ctx.catalogue.category(category)
    reason = f"{known.retention.text}. Legal basis: {known.legal_basis}."
    if ground:
        special = {g.lower(): g for g in ctx.catalogue.retention_special}
        if ground.strip().lower() not in special:
            raise ValidationError(f"{ground!r} is not a ground the policy names for keeping data. "
                                  f"Grounds: {', '.join(ctx.catalogue.retention_special)}.")
        reason = f"{special[ground.strip().lower()]}: {reason}"
    return reason


def record_erasure(ctx: Context, reference: str, system: str, category: str, *, erased: bool,
                   method: str | None = None, ground: str | None = None, at: datetime | None = None) -> Facts:
    """One system and category: erased (and how), or retained (with the catalogue's legal reason)."""
    system_name = _text(system, "The system the data was in", limit=120)
    ctx.catalogue.category(category)
    how = _text(method, "How the data was erased (e.g. 'account row deleted, backups expire in 30 days')") \
        if erased else None
    if erased and ground:
        raise ValidationError("A ground for keeping data applies only to data that is retained (--retained).")
    reason = None if erased else retention_reason(ctx, category, ground)
    when = _when(ctx, at)
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        s = uow.session
        row = load_request(s, reference, lock=True)
        _acting_on(ctx, row, "erasure", "an erasure record")
        held = _held_systems(s, row)
        if held and system_name not in set().union(*held.values()):
            raise ValidationError(f"{row.reference}: the person's data was gathered from "
                                  f"{', '.join(sorted(set().union(*held.values())))}, not from {system_name!r}.")
        existing = s.scalar(select(ErasureRecord).where(ErasureRecord.request_id == row.id,
                                                        ErasureRecord.system == system_name,
                                                        ErasureRecord.category == category))
        if existing is not None:
            raise ValidationError(f"{row.reference}: {category} in {system_name} was already recorded as "
                                  f"{existing.outcome} on {human(existing.done_at)} by {existing.done_by}.")
        s.add(ErasureRecord(request_id=row.id, system=system_name, category=category,
                            outcome="erased" if erased else "retained", method=how, legal_reason=reason,
                            done_at=when, done_by=ctx.actor.username))
        outcome = "erased" if erased else "retained"
        add_event(s, row, ctx.actor.username, f"data_{outcome}", f"{category} in {system_name}: {how or reason}")
        uow.audit(f"erasure.{outcome}", "request", row.reference, f"{system_name}/{category}")
    return facts_for(ctx, reference)


def _before(session: Session, row: Request, system: str, field: str) -> str | None:
    """The value the gathered records show for ``field`` in ``system``, when there is exactly one."""

    def norm(name: str) -> str:
        return "".join(ch for ch in name.lower() if ch.isalnum())

    wanted, values = norm(field), set()
    for source, data in session.execute(select(SubjectRecord.source, SubjectRecord.data)
                                        .where(SubjectRecord.request_id == row.id)):
        if source_name(source) != system:
            continue
        for key, value in (data or {}).items():
            if norm(str(key)) == wanted and value not in (None, ""):
                values.add(as_text(value))
    return values.pop() if len(values) == 1 else None


def record_correction(ctx: Context, reference: str, system: str, field: str, *, new: str | None = None,
                      old: str | None = None, description: str | None = None,
                      at: datetime | None = None) -> Facts:
    """One correction made in one system: old -> new value, or a description of what changed."""
    system_name = _text(system, "The system that was corrected", limit=120)
    field_name = _text(field, "The field that was corrected", limit=120)
    new_value = _text(new, "The new value", required=False)
    what = _text(description, "A description of the correction", required=False)
    if new_value is None and what is None:
        raise ValidationError("Say what the field now holds (--to) or describe the correction (--description).")
    old_value = _text(old, "The old value", required=False)
    when = _when(ctx, at)
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        s = uow.session
        row = load_request(s, reference, lock=True)
        _acting_on(ctx, row, "rectification", "a correction")
        if old_value is None and new_value is not None:
            old_value = _before(s, row, system_name or "", field_name or "")
        s.add(CorrectionRecord(request_id=row.id, system=system_name, field=field_name, old_value=old_value,
                               new_value=new_value, description=what, done_at=when, done_by=ctx.actor.username))
        add_event(s, row, ctx.actor.username, "corrected", f"{field_name} in {system_name}")
        uow.audit("rectification.correct", "request", row.reference, f"{system_name}/{field_name}")
    return facts_for(ctx, reference)


def record_answer(ctx: Context, reference: str, text: str, decision: str | None = None) -> Facts:
    """The answer to an inquiry, or the decision on a request, exactly as its letter will state it."""
    body = _text(text, "The answer's text")
    chosen = (decision or "").strip().lower() or None
    if chosen is not None and chosen not in DECISIONS:
        raise ValidationError(f"Unknown decision {decision!r}. Decisions: {', '.join(DECISIONS)}.")
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        s = uow.session
        row = load_request(s, reference, lock=True)
        right = ctx.catalogue.right(row.right_id)
        if right.package not in ("letter", "decision"):
            raise ValidationError(f"{row.reference} is a request under '{right.title}'; its answer is the "
                                  f"{right.package} package, built from its own records, not a written answer.")
        if right.package == "decision" and chosen is None:
            raise ValidationError(f"{row.reference} needs a decision: {', '.join(DECISIONS)} (--decision), "
                                  "with the text that explains it.")
        if right.package == "letter" and chosen is not None:
            raise ValidationError(f"{row.reference} is an inquiry: it gets an answer, not a decision.")
        status = Status(row.status)
        if status not in VERIFYING | ACTING:
            raise TransitionError(f"{row.reference} is {STATUS_TITLES[status].lower()}; reopen it to answer again.")
        s.add(AnswerRecord(request_id=row.id, decision=chosen, text=body, answered_at=ctx.now(),
                           answered_by=ctx.actor.username))
        add_event(s, row, ctx.actor.username, "answered", f"decision: {chosen}" if chosen else "answer recorded")
        uow.audit("request.answer", "request", row.reference, chosen or "answer")
    return facts_for(ctx, reference)


def record_restriction(ctx: Context, reference: str, *, at: datetime | None = None, how: str | None = None) -> Facts:
    """When the restriction took effect (and how it was applied): the date the letter states."""
    method = _text(how, "How the processing was restricted", required=False) or ""
    when = _when(ctx, at)
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        s = uow.session
        row = load_request(s, reference, lock=True)
        _acting_on(ctx, row, "restriction", "the date the restriction took effect")
        if when < row.received_at:
            raise ValidationError(f"{row.reference} was received on {human(row.received_at)}; the restriction "
                                  "cannot have taken effect before that.")
        s.add(RestrictionRecord(request_id=row.id, applied_at=when, how=method, applied_by=ctx.actor.username))
        add_event(s, row, ctx.actor.username, "restricted", f"processing restricted from {human(when)}"
               + (f": {method}" if method else ""))
        uow.audit("restriction.apply", "request", row.reference, when.isoformat())
    return facts_for(ctx, reference)


def facts_for(ctx: Context, reference: str) -> Facts:
    """The records of one request, oldest first; the latest answer counts."""
    with ctx.db.read(ctx.actor) as s:
        row = load_request(s, reference)
        return load_facts(s, row.id)


def load_facts(session: Session, request_id: int) -> Facts:
    erasures = session.scalars(select(ErasureRecord).where(ErasureRecord.request_id == request_id)
                               .order_by(ErasureRecord.id)).all()
    corrections = session.scalars(select(CorrectionRecord).where(CorrectionRecord.request_id == request_id)
                                  .order_by(CorrectionRecord.id)).all()
    answer = session.scalars(select(AnswerRecord).where(AnswerRecord.request_id == request_id)
                             .order_by(AnswerRecord.id.desc()).limit(1)).first()
    restriction = session.scalars(select(RestrictionRecord).where(RestrictionRecord.request_id == request_id)
                                  .order_by(RestrictionRecord.id.desc()).limit(1)).first()
    return Facts(
        erasures=tuple(ErasureFact(e.system, e.category, e.outcome, e.method, e.legal_reason, e.done_at, e.done_by)
                       for e in erasures),
        corrections=tuple(CorrectionFact(c.system, c.field, c.old_value, c.new_value, c.description, c.done_at,
                                         c.done_by) for c in corrections),
        answer=AnswerFact(answer.decision, answer.text, answer.answered_at, answer.answered_by) if answer else None,
        withdrawals=load_withdrawals(session, request_id),
        restriction=RestrictionFact(restriction.applied_at, restriction.how, restriction.applied_by)
        if restriction else None,
    )


def withdrawal_rows(s: Session, request_id: int) -> Sequence[ConsentWithdrawal]:
    return s.scalars(select(ConsentWithdrawal).where(ConsentWithdrawal.request_id == request_id)
                     .order_by(ConsentWithdrawal.id)).all()


def load_withdrawals(s: Session, request_id: int) -> tuple[Withdrawal, ...]:
    return tuple(Withdrawal(w.target_kind, w.target_id, w.outcome, w.continues_on, w.reason, w.effective_at,
                            w.recorded_by) for w in withdrawal_rows(s, request_id))
