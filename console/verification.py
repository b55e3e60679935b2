"""Identity-verification checklists: tick, fail, second-verify, attach encrypted evidence."""

from __future__ import annotations

import hashlib
from pathlib import Path

from sqlalchemy import select

from console import bounds
from console.context import Context
from console.errors import PermissionDenied, TransitionError, ValidationError
from console.requests.commands import add_event, get_request, load_request
from console.requests.lifecycle import OPEN, VERIFYING, Status
from console.requests.read_models import RequestView
from console.security import crypto
from console.security.roles import Perm, Role
from console.store.models import ChecklistEntry, Evidence, Request

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
RESULTS = ("passed", "failed")


def _item(row: Request, item_id: str) -> ChecklistEntry:
    for entry in row.checklist:
        if entry.item_id == item_id:
            return entry
    known = ", ".join(e.item_id for e in row.checklist) or "none"
    raise ValidationError(f"{row.reference} has no checklist item {item_id!r}. Items: {known}")


def _evidence_bytes(path: str | Path) -> tuple[str, bytes]:
    p = Path(path)
    if not p.is_file():
        raise ValidationError(f"Evidence file {str(p)!r} does not exist.")
    data = p.read_bytes()
    if len(data) > MAX_EVIDENCE_BYTES:
        raise ValidationError(f"Evidence file {p.name!r} is larger than {MAX_EVIDENCE_BYTES // (1024 * 1024)} MB.")
    if not data:
        raise ValidationError(f"Evidence file {p.name!r} is empty.")
    return p.name, data


def check_item(ctx: Context, reference: str, item_id: str, result: str = "passed", comment: str = "",
               evidence: str | Path | None = None, evidence_bytes: tuple[str, bytes] | None = None) -> RequestView:
    """Record one check by the acting user; a request still 'received' moves to verification."""
    if result not in RESULTS:
        raise ValidationError(f"A check is 'passed' or 'failed', not {result!r}.")
    bounds.text(comment, "The comment", bounds.FREE_TEXT, multiline=True)
    if result == "failed" and not comment.strip():
        raise ValidationError("Say why the check failed; the reason is kept with the request.")
    attachment = _evidence_bytes(evidence) if evidence else evidence_bytes
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        s = uow.session
        row = load_request(s, reference, full=True, lock=True)
        status = Status(row.status)
        if status not in VERIFYING:
            raise TransitionError(f"{row.reference} is past verification ({status.value}); its checklist is closed.")
        entry = _item(row, item_id)
        now = ctx.now()
        entry.result, entry.done_by, entry.done_at, entry.comment = result, ctx.actor.username, now, comment.strip()
        entry.second_by = entry.second_at = None
        if status == Status.RECEIVED:
            row.status = Status.AWAITING_VERIFICATION.value
            add_event(s, row, ctx.actor.username, "status", "Verification started", status.value, row.status)
        if attachment:
            name, data = attachment
            key_id, nonce, ciphertext = crypto.encrypt(data, f"{row.reference}/{item_id}")
            s.add(Evidence(request_id=row.id, item_id=item_id, filename=name, size=len(data),
                           sha256=hashlib.sha256(data).hexdigest(), key_id=key_id, nonce=nonce,
                           ciphertext=ciphertext, added_by=ctx.actor.username))
            uow.audit("evidence.add", "request", row.reference, f"{item_id}: {len(data)} bytes")
        add_event(s, row, ctx.actor.username, f"check_{result}", f"{entry.label}{': ' + comment.strip() if comment.strip() else ''}")
        uow.audit(f"verification.{result}", "request", row.reference, item_id)
    return get_request(ctx, reference)


def second_check(ctx: Context, reference: str, item_id: str, comment: str = "") -> RequestView:
    """The second verifier confirms an item: a different *signed-in* account than the first.

    Where nobody signs in, the actor is whoever runs the console (or whatever name the
    environment gives it), which cannot stand for a second person; so it is refused.
    """
    if ctx.actor.role == Role.OWNER:
        raise PermissionDenied(
            "A second verifier must be a different signed-in account, and on this database nobody signs in: "
            "the name you act under is not proof of a second person. Turn sign-in on with 'privacy-console "
            "account enable-sign-in USERNAME', then have a second account confirm the check.")
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        row = load_request(uow.session, reference, full=True, lock=True)
        if Status(row.status) not in OPEN:
            raise TransitionError(f"{row.reference} is closed.")
        entry = _item(row, item_id)
        if entry.result != "passed":
            raise ValidationError(f"'{entry.label}' must pass its first check before a second verifier confirms it.")
        if entry.done_by == ctx.actor.username:
            raise PermissionDenied(f"'{entry.label}' was checked by {entry.done_by}; the second verifier must be somebody else.")
        entry.second_by, entry.second_at = ctx.actor.username, ctx.now()
        add_event(uow.session, row, ctx.actor.username, "second_check", f"{entry.label}{': ' + comment.strip() if comment.strip() else ''}")
        uow.audit("verification.second", "request", row.reference, item_id)
    return get_request(ctx, reference)


def read_evidence(ctx: Context, reference: str, item_id: str) -> list[tuple[str, bytes]]:
    """Decrypt the evidence of one item (audited as a read of personal data)."""
    with ctx.db.unit(ctx.actor, Perm.READ_SUBJECT_DATA) as uow:
        row = load_request(uow.session, reference)
        files = uow.session.scalars(select(Evidence).where(
            Evidence.request_id == row.id, Evidence.item_id == item_id, Evidence.purged_at.is_(None))).all()
        out = [(e.filename, crypto.decrypt(e.key_id, e.nonce or b"", e.ciphertext or b"", f"{row.reference}/{item_id}"))
               for e in files]
        uow.audit("evidence.read", "request", row.reference, item_id)
    return out
