"""Write services for requests: each runs in one unit of work (role check, change, audit)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from console import bounds, deadlines
from console.context import Context
from console.errors import DeadlineError, TransitionError, ValidationError
from console.policy import Catalogue
from console.requests.lifecycle import (
    CLOSED,
    OPEN,
    STATUS_TITLES,
    RejectReason,
    Status,
    check_transition,
    next_status,
    parse_status,
)
from console.requests.read_models import RequestView, RuleDue, request_view
from console.security.roles import Perm
from console.store.loading import check_version, load_one
from console.store.models import (
    ChecklistEntry,
    Counter,
    Package,
    Request,
    RequestEvent,
    RequestExtension,
    RequestPause,
)
from console.timefmt import due as due_text
from console.timefmt import human
from console.uow import UnitOfWork

CHANNELS = ("email", "web_form", "letter", "phone")
PRIORITIES = ("low", "normal", "high", "urgent")
CLOCK_SKEW = timedelta(minutes=5)


@dataclass(frozen=True)
class NewRequest:
    """What intake knows about a request before it exists."""

    right: str
    subject_name: str
    subject_email: str
    received_at: datetime
    jurisdictions: tuple[str, ...] = ()
    channel: str = "email"
    language: str = ""
    subject_account_id: str | None = None
    subject_is_child: bool = False
    guardian_name: str | None = None
    guardian_email: str | None = None
    assignee: str | None = None
    priority: str = "normal"
    notes: str = ""
    categories: tuple[str, ...] = ()
    details: dict[str, Any] = field(default_factory=dict)


def check_email(value: str, what: str = "email address") -> str:
    from email_validator import (  # loaded when an address is checked
        EmailNotValidError,
        validate_email,
    )

    bounds.text(value, f"The {what}", Request.subject_email)
    quick = _plain_address(value.strip())
    if quick is not None:
        return quick
    try:
        # Lower-cased whole: mailboxes are case-insensitive in practice, and the queue's
        # email search walks an index on the stored form.
        return validate_email(value.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise ValidationError(f"{value!r} is not a valid {what}: {exc}") from None


# A plain address: a dot-atom of common characters, a lower-case-able ASCII domain. It needs no
# normalisation beyond lower case, so only its domain goes through email_validator, once per domain
# (a 10,000-line import spent half its checking time validating example.org 10,000 times).
_PLAIN_LOCAL = re.compile(r"[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*")
_PLAIN_DOMAIN = re.compile(r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}")


def _plain_address(value: str) -> str | None:
    """``value`` lower-cased if it is a plain address email_validator accepts as it is; None when
    the full check must decide (anything unusual, and every address it would refuse)."""
    local, at, domain = value.rpartition("@")
    if not at or len(value) > 254 or len(local) > 64 or not _PLAIN_LOCAL.fullmatch(local):
        return None
    if not _PLAIN_DOMAIN.fullmatch(domain) or not _domain_accepted(domain.lower()):
        return None
    return value.lower()


@lru_cache(maxsize=1024)
def _domain_accepted(domain: str) -> bool:
    from email_validator import EmailNotValidError, validate_email

    try:
        return validate_email(f"a@{domain}", check_deliverability=False).domain == domain
    except EmailNotValidError:
        return False


def validate_new(cat: Catalogue, new: NewRequest, now: datetime) -> NewRequest:
    """Check every field a person typed; returns a cleaned copy or raises with the first problem."""
    _check_bounds(new)
    right = cat.right(new.right)
    if not new.subject_name.strip():
        raise ValidationError("The data subject's name is required.")
    email = check_email(new.subject_email, "email address for the data subject")
    if new.received_at > now + CLOCK_SKEW:
        raise ValidationError(
            f"The receipt time {human(new.received_at)} is in the future; a request cannot be received later than now."
        )
    jurisdictions = tuple(dict.fromkeys(j.strip() for j in new.jurisdictions if j.strip())) or (
        cat.organisation.default_jurisdiction,
    )
    for j in jurisdictions:
        cat.jurisdiction(j)
    if new.channel not in CHANNELS:
        raise ValidationError(f"Unknown channel {new.channel!r}. Channels: {', '.join(CHANNELS)}")
    if new.priority not in PRIORITIES:
        raise ValidationError(f"Unknown priority {new.priority!r}. Priorities: {', '.join(PRIORITIES)}")
    language = new.language or cat.organisation.default_language
    if language not in cat.organisation.languages:
        raise ValidationError(f"Unknown language {language!r}. Languages: {', '.join(cat.organisation.languages)}")
    for c in new.categories:
        cat.category(c)
    guardian_email = new.guardian_email
    if new.subject_is_child:
        if not (new.guardian_name or "").strip() or not (new.guardian_email or "").strip():
            raise ValidationError(
                f"The subject is under {cat.child_age_threshold}: the parent or guardian who acts "
                "for them needs a name and an email address."
            )
        guardian_email = check_email(new.guardian_email or "", "email address for the parent or guardian")
    details = dict(new.details)
    for need in right.needs:
        if need == "corrections" and not details.get("corrections"):
            raise ValidationError("A rectification request needs the corrections asked for (what is wrong, what it should be).")
        if need == "restriction" and not details.get("restriction"):
            raise ValidationError("A restriction request needs the restriction parameters and the purposes concerned.")
    return replace(
        new, subject_name=new.subject_name.strip(), subject_email=email, jurisdictions=jurisdictions,
        language=language, guardian_email=guardian_email, details=details,
    )


def _check_bounds(new: NewRequest) -> None:
    """Lengths from the schema, no hidden characters, a receipt time in the console's years."""
    c = Request.__table__.c
    for value, what, column in ((new.right, "The right", c.right_id), (new.subject_name, "The data subject's name", c.subject_name),
                                (new.channel, "The channel", c.channel), (new.language, "The language", c.language),
                                (new.subject_account_id, "The account id", c.subject_account_id),
                                (new.guardian_name, "The guardian's name", c.guardian_name),
                                (new.assignee, "The assignee", c.assignee), (new.priority, "The priority", c.priority)):
        bounds.optional_text(value, what, column)
    for j in new.jurisdictions:
        bounds.text(j, "A jurisdiction", 20)
    for category in new.categories:
        bounds.text(category, "A data category", 40)
    bounds.text(new.notes, "The notes", c.notes, multiline=True)
    _check_details(new.details, "The request details")
    bounds.instant(new.received_at, "The receipt time")


def _check_details(value: Any, what: str, depth: int = 0) -> None:
    """Corrections, restriction parameters, format, destination: free text, a few levels deep."""
    if depth > 4:
        raise ValidationError(f"{what} are nested too deeply.")
    if isinstance(value, str):
        bounds.text(value, what, bounds.FREE_TEXT, multiline=True)
    elif isinstance(value, dict):
        for k, v in value.items():
            bounds.text(str(k), what, 80)
            _check_details(v, what, depth + 1)
    elif isinstance(value, list | tuple):
        if len(value) > 1000:
            raise ValidationError(f"{what} hold more than 1,000 entries.")
        for v in value:
            _check_details(v, what, depth + 1)


def deadline_for(cat: Catalogue, right: str, jurisdictions: tuple[str, ...], received_at: datetime,
                 pauses: tuple[deadlines.Pause, ...] = (),
                 extensions: tuple[deadlines.Extension, ...] = (),
                 rules: list[deadlines.Rule] | None = None) -> deadlines.Deadline:
    """The deadline the request gets; the New request dialog shows it before saving.

    Once the person has been told of a lawful extension, the company's own promise (the
    ``policy.*`` window) gives way to it; otherwise an extension could never move the date.
    """
    rules = cat.deadline_rules(right, jurisdictions) if rules is None else rules  # given: a bulk caller's cache
    if extensions:
        rules = [r for r in rules if not r.id.startswith("policy.")]
    return deadlines.compute_deadline(received_at, rules, cat.organisation.tz, pauses, extensions)


def next_reference(session: Session, prefix: str, year: int, width: int = 6) -> str:
    """Allocate the next reference of the year in the caller's transaction (row lock on servers)."""
    name = f"{prefix}-{year}"
    stmt = update(Counter).where(Counter.name == name).values(value=Counter.value + 1).returning(Counter.value)
    value = session.execute(stmt).scalar()
    if value is None:
        session.add(Counter(name=name, value=1))
        session.flush()
        value = 1
    return f"{name}-{value:0{width}d}"


def add_event(session: Session, row: Request, actor: str, action: str, detail: str = "",
           from_status: str | None = None, to_status: str | None = None, at: datetime | None = None) -> None:
    session.add(RequestEvent(request_id=row.id, actor=actor, action=action, detail=detail,
                             from_status=from_status, to_status=to_status, **({"at": at} if at else {})))


def add_request(ctx: Context, new: NewRequest) -> RequestView:
    """Register a request: reference, deadline, checklist, duplicate flag, first history line."""
    now = ctx.now()
    cat = ctx.catalogue
    new = validate_new(cat, new, now)
    deadline = deadline_for(cat, new.right, new.jurisdictions, new.received_at)
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        row = insert_request(uow, cat, new, deadline)
        ref = row.reference
    return get_request(ctx, ref)


def open_duplicate(session: Session, email: str, right: str) -> str | None:
    """The reference of an open request of the same subject and right, if any."""
    return session.scalar(
        select(Request.reference).where(
            Request.subject_email == email, Request.right_id == right,
            Request.status.in_([st.value for st in OPEN]),
        ).limit(1)
    )


def insert_request(uow: UnitOfWork, cat: Catalogue, new: NewRequest, deadline: deadlines.Deadline,
                   duplicate: str | None = None) -> Request:
    """Write one validated request with its checklist and first history line (caller's transaction)."""
    s = uow.session
    duplicate = duplicate or open_duplicate(s, new.subject_email, new.right)
    row = Request(
        reference=next_reference(s, cat.request_prefix, new.received_at.astimezone(cat.organisation.tz).year),
        right_id=new.right, jurisdictions=",".join(new.jurisdictions), channel=new.channel,
        language=new.language, received_at=new.received_at, subject_name=new.subject_name,
        subject_email=new.subject_email, subject_account_id=new.subject_account_id or None,
        subject_is_child=new.subject_is_child, guardian_name=new.guardian_name,
        guardian_email=new.guardian_email, assignee=new.assignee or None, priority=new.priority,
        status=Status.RECEIVED.value, notes=new.notes, categories=list(new.categories),
        details=new.details, due_at=deadline.due_at, due_rule_id=deadline.rule.id,
        due_rule_label=deadline.label, acknowledge_due_at=deadline.acknowledge_at,
        duplicate_of=duplicate,
    )
    s.add(row)
    s.flush()
    for pos, item in enumerate(cat.checklist_for(new.right, new.subject_is_child)):
        s.add(ChecklistEntry(request_id=row.id, position=pos, item_id=item.id, label=item.label, required=item.required))
    actor = uow.actor.username
    add_event(s, row, actor, "received", f"{cat.right(new.right).title} via {new.channel}; due "
           f"{due_text(deadline.due_at, cat.organisation.tz)} ({deadline.label})", None, Status.RECEIVED.value)
    if duplicate:
        add_event(s, row, actor, "duplicate", f"Possible duplicate of {duplicate} (same subject and right, still open)")
    uow.audit("request.create", "request", row.reference, new.right)
    return row


def load_request(session: Session, reference: str, *, full: bool = False, lock: bool = False) -> Request:
    bounds.text(reference, "The reference", Request.reference)
    stmt = select(Request).where(Request.reference == reference.strip().upper())
    if full:
        stmt = stmt.options(selectinload(Request.checklist), selectinload(Request.events),
                            selectinload(Request.pauses), selectinload(Request.extensions))
    return load_one(session, stmt, f"No request with reference {reference!r}.", lock=lock)



def _rules_due(ctx: Context, row: Request) -> tuple[RuleDue, ...]:
    d = _deadline_of(ctx, row)
    return tuple(RuleDue(r.rule.id, r.label, r.rule.milestone.value, r.due_at) for r in d.per_rule)


def _deadline_of(ctx: Context, row: Request) -> deadlines.Deadline:
    pauses = tuple(deadlines.Pause(p.started_at, p.ended_at) for p in row.pauses)
    exts = tuple(deadlines.Extension(x.rule_id, x.amount, deadlines.Unit(x.unit), x.reason, x.notified_on, x.granted_at)
                 for x in row.extensions)
    return deadline_for(ctx.catalogue, row.right_id, tuple(row.jurisdictions.split(",")), row.received_at,
                        pauses, exts)


def _recompute(ctx: Context, row: Request) -> None:
    d = _deadline_of(ctx, row)
    row.due_at, row.due_rule_id, row.due_rule_label = d.due_at, d.rule.id, d.label
    row.acknowledge_due_at = d.acknowledge_at


def get_request(ctx: Context, reference: str) -> RequestView:
    """The whole request, with checklist, history, pauses, extensions and every rule's deadline."""
    from console.requests import full  # one statement on the driver, no ORM loading

    row = full.load(ctx, reference)
    evidence: dict[str, tuple[str, ...]] = {}
    for e in row.evidence:
        evidence[e.item_id] = evidence.get(e.item_id, ()) + (e.filename,)
    return request_view(row, ctx.catalogue, ctx.now(), full=True, rules=_rules_due(ctx, row),  # type: ignore[arg-type]
                        evidence=evidence)


def _verification_problems(ctx: Context, row: Request) -> list[str]:
    """The release gate's objections (console.requests.release), for leaving verification or completing."""
    from console.requests.release import release_problems

    return release_problems(ctx.catalogue, row.right_id, row.subject_is_child, row.checklist,
                            sign_in=signs_in(ctx))


def signs_in(ctx: Context) -> bool:
    """Whether actors are signed-in accounts (a server, or a local file with sign-in on)."""
    from console.security import auth

    return auth.sign_in_required(ctx.db)


def transition(ctx: Context, reference: str, target: str | Status, *, reason: str = "",
               outcome: str | None = None, expected_version: int | None = None) -> RequestView:
    """Move a request along its lifecycle, enforcing the machine, the checklist and the role."""
    target = parse_status(target) if isinstance(target, str) else target
    perm = Perm.APPROVE if target in (Status.COMPLETED, Status.REJECTED) else Perm.WORK_REQUESTS
    bounds.text(reason, "The reason", Request.outcome_reason, multiline=True)
    with ctx.db.unit(ctx.actor, perm) as uow:
        s = uow.session
        row = load_request(s, reference, full=True, lock=True)
        check_version(row, expected_version)
        current = Status(row.status)
        check_transition(current, target)
        if (current, target) in ((Status.AWAITING_VERIFICATION, Status.IN_PROGRESS),
                                 (Status.AWAITING_APPROVAL, Status.COMPLETED)):
            problems = _verification_problems(ctx, row)
            if problems:
                what = "leave verification" if target == Status.IN_PROGRESS else "be completed"
                raise TransitionError(f"{row.reference} cannot {what} yet: " + "; ".join(problems) + ".")
        if target == Status.COMPLETED:
            reason = _completion_reason(s, row, reason)
        if target in (Status.REJECTED, Status.WITHDRAWN) or current == Status.COMPLETED:
            if not reason.strip():
                what = {Status.REJECTED: "A rejection", Status.WITHDRAWN: "A withdrawal"}.get(target, "Reopening")
                raise ValidationError(f"{what} needs a reason; it is recorded and shown to the person.")
        if target == Status.REJECTED:
            try:
                outcome = RejectReason(outcome or "").value
            except ValueError:
                known = ", ".join(r.value for r in RejectReason)
                raise ValidationError(f"A rejection needs one of these grounds: {known}.") from None
        now = ctx.now()
        if row.paused_since is not None and target in CLOSED:
            _end_pause(row, now)
        row.status = target.value
        if target in CLOSED:
            row.closed_at = now
            row.outcome = outcome or target.value
            row.outcome_reason = reason.strip() or None
        elif current in CLOSED:
            row.closed_at, row.outcome, row.outcome_reason = None, None, None
        action = "reopened" if current == Status.COMPLETED else "status"
        moved = f"{STATUS_TITLES[current]} → {STATUS_TITLES[target]}"
        add_event(s, row, ctx.actor.username, action, f"{moved}: {reason.strip()}" if reason.strip() else moved,
               current.value, target.value)
        uow.audit(f"request.{target.value}", "request", row.reference, f"{current.value} -> {target.value}")
    return get_request(ctx, reference)


def _completion_reason(s: Session, row: Request, reason: str) -> str:
    """Completing needs a sent response, or the recorded reason why no answer is sent."""
    if _last_sent(s, row.id) is not None:
        return reason
    if not reason.strip():
        raise ValidationError(
            f"{row.reference} cannot be completed: no response has been sent to the person. Send the signed "
            "package first, or give the reason why no answer is sent (it is recorded with the request).")
    return f"{NO_ANSWER_PREFIX}{reason.strip()}"


NO_ANSWER_PREFIX = "No response sent: "


def _last_sent(s: Session, request_id: int) -> datetime | None:
    return s.scalar(select(Package.sent_at).where(Package.request_id == request_id, Package.sent_at.is_not(None))
                    .order_by(Package.sent_at.desc()).limit(1))


def sent_response(ctx: Context, reference: str) -> datetime | None:
    """When the latest response package went out (None: nothing sent yet), for the completion question."""
    with ctx.db.read(ctx.actor) as s:
        return _last_sent(s, load_request(s, reference).id)


def advance(ctx: Context, reference: str, expected_version: int | None = None, reason: str = "") -> RequestView:
    """One step forward on the main line (received -> ... -> completed)."""
    with ctx.db.read(ctx.actor) as s:
        current = Status(load_request(s, reference).status)
    return transition(ctx, reference, next_status(current), reason=reason, expected_version=expected_version)


def reject(ctx: Context, reference: str, grounds: str, reason: str) -> RequestView:
    return transition(ctx, reference, Status.REJECTED, reason=reason, outcome=grounds)


def withdraw(ctx: Context, reference: str, reason: str) -> RequestView:
    return transition(ctx, reference, Status.WITHDRAWN, reason=reason)


def reopen(ctx: Context, reference: str, reason: str) -> RequestView:
    return transition(ctx, reference, Status.IN_PROGRESS, reason=reason)


def assign(ctx: Context, reference: str, assignee: str | None, expected_version: int | None = None) -> RequestView:
    bounds.optional_text(assignee, "The assignee", Request.assignee)
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        row = load_request(uow.session, reference, lock=True)
        check_version(row, expected_version)
        if Status(row.status) in CLOSED:
            raise TransitionError(f"{row.reference} is {STATUS_TITLES[Status(row.status)].lower()}: a closed request "
                                  "is not reassigned. Reopen it first if there is more to do.")
        before = row.assignee
        row.assignee = (assignee or "").strip() or None
        add_event(uow.session, row, ctx.actor.username, "assigned", f"{before or 'nobody'} -> {row.assignee or 'nobody'}")
        uow.audit("request.assign", "request", row.reference, row.assignee or "")
    return get_request(ctx, reference)


EDITABLE = {"priority", "notes", "categories", "details", "channel", "language", "subject_account_id"}


def update_request(ctx: Context, reference: str, changes: dict[str, Any], expected_version: int | None = None) -> RequestView:
    """Edit the fields a person may change after intake; a stale version is refused."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise ValidationError(f"These fields cannot be edited: {', '.join(sorted(unknown))}")
    if "priority" in changes and changes["priority"] not in PRIORITIES:
        raise ValidationError(f"Unknown priority {changes['priority']!r}. Priorities: {', '.join(PRIORITIES)}")
    for c in changes.get("categories", ()):
        ctx.catalogue.category(c)
    for key in ("notes", "channel", "language", "subject_account_id"):
        if isinstance(changes.get(key), str):
            bounds.text(changes[key], f"The {key.replace('_', ' ')}", Request.__table__.c[key], multiline=key == "notes")
    _check_details(changes.get("details", {}), "The request details")
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        row = load_request(uow.session, reference, lock=True)
        check_version(row, expected_version)
        if Status(row.status) in CLOSED:
            raise TransitionError(f"{row.reference} is closed; reopen it before editing.")
        for key, value in changes.items():
            setattr(row, key, list(value) if key == "categories" else value)
        add_event(uow.session, row, ctx.actor.username, "edited", ", ".join(sorted(changes)))
        uow.audit("request.edit", "request", row.reference, ", ".join(sorted(changes)))
    return get_request(ctx, reference)


def _end_pause(row: Request, now: datetime) -> None:
    for p in row.pauses:
        if p.ended_at is None:
            p.ended_at = now
    row.paused_since = None


def pause(ctx: Context, reference: str, reason: str) -> RequestView:
    """Stop the clock while waiting on the person (identity documents, clarification)."""
    bounds.text(reason, "The reason", bounds.FREE_TEXT, multiline=True)
    if not reason.strip():
        raise ValidationError("Say what the console is waiting for from the person (e.g. identity documents).")
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        row = load_request(uow.session, reference, full=True, lock=True)
        if Status(row.status) not in OPEN:
            raise TransitionError(f"{row.reference} is {STATUS_TITLES[Status(row.status)].lower()}; only an open request can be paused.")
        if row.paused_since is not None:
            raise DeadlineError(f"{row.reference} is already paused since {human(row.paused_since)}.")
        now = ctx.now()
        if row.due_at <= now:
            # The engine ignores a pause that starts after the deadline; allowing one here would
            # only take an overdue request out of the Overdue queue.
            raise DeadlineError(
                f"{row.reference} has been overdue since {human(row.due_at)}; a pause cannot stop a clock "
                "that has already run out. Answer the person, or extend the deadline if the law still allows it."
            )
        row.paused_since = now
        uow.session.add(RequestPause(request_id=row.id, started_at=now, reason=reason.strip(), started_by=ctx.actor.username))
        add_event(uow.session, row, ctx.actor.username, "paused", reason.strip())
        uow.audit("request.pause", "request", row.reference, reason.strip())
    return get_request(ctx, reference)


def resume(ctx: Context, reference: str, note: str = "") -> RequestView:
    """Restart the clock: the deadline moves by the time it stood still (where the law lets it)."""
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        row = load_request(uow.session, reference, full=True, lock=True)
        if row.paused_since is None:
            raise DeadlineError(f"{row.reference} is not paused.")
        _end_pause(row, ctx.now())
        uow.session.flush()
        uow.session.refresh(row, ["pauses"])
        _recompute(ctx, row)
        due = due_text(row.due_at, ctx.catalogue.organisation.tz)
        add_event(uow.session, row, ctx.actor.username, "resumed", f"{note.strip()} — now due {due} ({row.due_rule_label})".strip(" —"))
        uow.audit("request.resume", "request", row.reference)
    return get_request(ctx, reference)


def extend(ctx: Context, reference: str, amount: int, reason: str, notified_on: date, rule_id: str | None = None) -> RequestView:
    """Extend a law's clock (GDPR two months, CCPA 45 days) within its maximum, told in time."""
    bounds.number(amount, "The extension", 1, 1000)
    bounds.text(reason, "The reason", bounds.FREE_TEXT, multiline=True)
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        row = load_request(uow.session, reference, full=True, lock=True)
        if Status(row.status) not in OPEN:
            raise TransitionError(f"{row.reference} is closed; only an open request can be extended.")
        rules = ctx.catalogue.deadline_rules(row.right_id, tuple(row.jurisdictions.split(",")))
        extendable = [r for r in rules if r.extension_amount > 0]
        if rule_id:
            rule = next((r for r in rules if r.id == rule_id), None)
            if rule is None:
                raise ValidationError(f"{rule_id!r} does not apply to {row.reference}. Rules: {', '.join(r.id for r in rules)}")
        elif extendable:
            rule = extendable[0]
        else:
            raise DeadlineError(
                f"No clock of {row.reference} can be extended: " + ", ".join(r.label for r in rules) + "."
            )
        now = ctx.now()
        new = deadlines.Extension(rule.id, amount, rule.extension_unit or rule.unit, reason, notified_on, now)
        existing = tuple(deadlines.Extension(x.rule_id, x.amount, deadlines.Unit(x.unit), x.reason, x.notified_on, x.granted_at)
                         for x in row.extensions)
        pauses = tuple(deadlines.Pause(p.started_at, p.ended_at) for p in row.pauses)
        deadlines.check_extension(row.received_at, rule, existing, new, ctx.catalogue.organisation.tz, pauses, now=now)
        uow.session.add(RequestExtension(request_id=row.id, rule_id=rule.id, amount=amount, unit=new.unit.value,
                                         reason=reason.strip(), notified_on=notified_on, granted_at=now,
                                         granted_by=ctx.actor.username))
        uow.session.flush()
        uow.session.refresh(row, ["extensions"])
        _recompute(ctx, row)
        add_event(uow.session, row, ctx.actor.username, "extended",
               f"{rule.label} +{amount} {new.unit.value.replace('_', ' ')}: {reason.strip()} (told {human(notified_on)}); "
               f"now due {due_text(row.due_at, ctx.catalogue.organisation.tz)} ({row.due_rule_label})")
        # The notice date decides whether it was in time; when it was recorded is kept here.
        uow.audit("request.extend", "request", row.reference,
                  f"{rule.id} +{amount}; told {notified_on.isoformat()}, recorded {human(now)}")
    return get_request(ctx, reference)


def acknowledge(ctx: Context, reference: str) -> RequestView:
    """Record that receipt was confirmed to the person (CCPA's 10 business days)."""
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        row = load_request(uow.session, reference, lock=True)
        if row.acknowledged_at is not None:
            raise ValidationError(f"Receipt of {row.reference} was already confirmed on {human(row.acknowledged_at)}.")
        row.acknowledged_at = ctx.now()
        add_event(uow.session, row, ctx.actor.username, "acknowledged", "Receipt confirmed to the person")
        uow.audit("request.acknowledge", "request", row.reference)
    return get_request(ctx, reference)
