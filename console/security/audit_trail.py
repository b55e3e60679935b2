"""Reading the audit trail: filtered pages for the Audit view, CSV export, chain verification.

Reads need ``Perm.READ_AUDIT`` (auditor, DPO, administrator, owner). Pages are keyset-paged
newest first by id, so the view scrolls a trail of millions without OFFSET scans.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console import csvsafe
from console.context import Context
from console.errors import Cancelled, SecretStoreError, ValidationError
from console.security import audit, checkpoints, seals, server
from console.security.roles import Perm
from console.store.models import AuditEntry

CSV_HEADER = ["id", "at", "actor", "action", "target_type", "target_id", "detail", "prev_hash", "hash"]


@dataclass(frozen=True)
class AuditFilter:
    """``action`` ending in ``*`` or ``.`` matches a prefix ("auth." = every sign-in event);
    ``target`` is an id ("DSR-2026-000001") or type:id ("user:jo")."""

    actor: str | None = None
    action: str | None = None
    target: str | None = None
    since: datetime | None = None
    until: datetime | None = None

    def describe(self) -> str:
        parts = [f"{k}={v.isoformat() if isinstance(v, datetime) else v}" for k, v in vars(self).items() if v]
        return ", ".join(parts) or "everything"


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: datetime
    actor: str
    action: str
    target_type: str
    target_id: str
    detail: str


@dataclass(frozen=True)
class AuditPage:
    rows: list[AuditRow]
    next_before: int | None  # pass as ``before`` for the next (older) page; None at the end


@dataclass(frozen=True)
class VerifyReport:
    entries: int
    problems: list[audit.ChainProblem]
    head: tuple[int, str] | None
    seconds: float
    server: list[str] = field(default_factory=list)  # PostgreSQL: differences from what setup-server installed
    server_checked: bool = False
    findings: list[checkpoints.Finding] = field(default_factory=list)  # checkpoints, seals, the file
    notes: list[str] = field(default_factory=list)  # what could not be checked here
    checkpoint: checkpoints.Sealed | None = None  # the newest stored

    @property
    def ok(self) -> bool:
        return not self.problems and not self.server and not self.findings


def _conditions(f: AuditFilter) -> list[Any]:
    conds: list[Any] = []
    if f.actor:
        conds.append(AuditEntry.actor == f.actor.strip())
    if f.action:
        a = f.action.strip()
        conds.append(AuditEntry.action.startswith(a.rstrip("*"), autoescape=True) if a.endswith(("*", "."))
                     else AuditEntry.action == a)
    if f.target:
        kind, sep, ident = f.target.strip().partition(":")
        if sep and kind and ident:
            conds += [AuditEntry.target_type == kind, AuditEntry.target_id == ident]
        else:
            conds.append(AuditEntry.target_id == f.target.strip())
    for value in (f.since, f.until):
        if value is not None and value.tzinfo is None:
            raise ValidationError("Give the audit filter's times with a time zone, e.g. 2026-11-30T09:00:00+00:00.")
    if f.since is not None:
        conds.append(AuditEntry.at >= f.since)
    if f.until is not None:
        conds.append(AuditEntry.at < f.until)
    return conds


def _row(e: Any) -> AuditRow:
    return AuditRow(e.id, e.at, e.actor, e.action, e.target_type, e.target_id, e.detail)


def _stmt(f: AuditFilter) -> Any:
    return select(AuditEntry.id, AuditEntry.at, AuditEntry.actor, AuditEntry.action, AuditEntry.target_type,
                  AuditEntry.target_id, AuditEntry.detail).where(*_conditions(f))


def list_audit(ctx: Context, f: AuditFilter | None = None, *, before: int | None = None, limit: int = 200) -> AuditPage:
    """One page, newest first; ``before`` is the ``next_before`` of the previous page."""
    f = f or AuditFilter()
    limit = max(1, min(limit, 5000))
    stmt = _stmt(f)
    if before is not None:
        stmt = stmt.where(AuditEntry.id < before)
    with ctx.db.read(ctx.actor, Perm.READ_AUDIT) as s:
        rows = [_row(e) for e in s.execute(stmt.order_by(AuditEntry.id.desc()).limit(limit + 1))]
    more = len(rows) > limit
    rows = rows[:limit]
    return AuditPage(rows, rows[-1].id if more and rows else None)


def count_audit(ctx: Context, f: AuditFilter | None = None) -> int:
    with ctx.db.read(ctx.actor, Perm.READ_AUDIT) as s:
        return s.scalar(select(func.count()).select_from(AuditEntry).where(*_conditions(f or AuditFilter()))) or 0


def _iter_entries(s: Session, f: AuditFilter, batch: int = 5000) -> Iterator[Any]:
    last = 0
    full = select(AuditEntry).where(*_conditions(f))
    while True:
        rows = s.scalars(full.where(AuditEntry.id > last).order_by(AuditEntry.id).limit(batch)).all()
        if not rows:
            return
        yield from rows
        last = rows[-1].id
        s.expunge_all()


def export_csv(ctx: Context, dest: str | Path | IO[str], f: AuditFilter | None = None, *,
               progress: Callable[[int, int], None] | None = None,
               cancel: Callable[[], bool] | None = None) -> int:
    """Write the filtered trail, oldest first, with its hashes (so a copy can be checked).

    The export itself is audited. Returns the number of rows written.
    """
    f = f or AuditFilter()
    total = count_audit(ctx, f)
    if isinstance(dest, str | Path):
        path = Path(dest)
        part = path.with_name(path.name + ".part")  # a cancelled or failed export leaves no file
        try:
            with part.open("w", encoding="utf-8", newline="") as out:
                written = _write_csv(ctx, out, f, total, progress, cancel)
            part.replace(path)
        except BaseException:
            part.unlink(missing_ok=True)
            raise
    else:
        written = _write_csv(ctx, dest, f, total, progress, cancel)
    with ctx.db.unit(ctx.actor, Perm.READ_AUDIT) as uow:
        uow.audit("audit.export", "audit", "", f"{written} entries; {f.describe()}")
    return written


def _write_csv(ctx: Context, out: IO[str], f: AuditFilter, total: int,
               progress: Callable[[int, int], None] | None, cancel: Callable[[], bool] | None) -> int:
    writer = csvsafe.Writer(out)
    writer.writerow(CSV_HEADER)
    n = 0
    with ctx.db.read(ctx.actor, Perm.READ_AUDIT) as s:
        for e in _iter_entries(s, f):
            writer.writerow([e.id, e.at, e.actor, e.action, e.target_type, e.target_id, e.detail, e.prev_hash, e.hash])
            n += 1
            if n % 5000 == 0:
                if progress:
                    progress(n, total)
                if cancel and cancel():
                    raise Cancelled("Export cancelled; no file was written.")
    if progress:
        progress(n, max(n, total))
    return n


def verify_audit(ctx: Context, checkpoint_file: str | Path | None = None) -> VerifyReport:
    """Walk the whole chain; ``problems`` names each changed, deleted or inserted entry.

    ``findings`` adds what the checkpoints, the seals (entries, accounts, requests, security
    settings), this workstation's keyring and an exported checkpoint file show.
    """
    start = time.perf_counter()
    exported = checkpoints.read_file(checkpoint_file) if checkpoint_file else None
    with ctx.db.read(ctx.actor, Perm.READ_AUDIT) as s:
        problems = audit.verify_chain(s)
        entries = s.scalar(select(func.count()).select_from(AuditEntry)) or 0
        head = audit.head(s)
        checked = server.installed(s) is not None
        differences = server.differences(s) if checked else []
        findings, notes = checkpoints.verify(s, ctx.db.safe_url, ctx.db.dialect == "sqlite", exported,
                                             str(checkpoint_file or ""), entry_seals=not checked)
        newest = checkpoints.latest(s)
    return VerifyReport(entries, problems, head, time.perf_counter() - start, differences, checked,
                        findings, notes, newest)


def create_checkpoint(ctx: Context, out: str | Path | None = None) -> tuple[checkpoints.Sealed, Path | None]:
    """Seal the chain head now (audited), and export the checkpoint to ``out`` when given."""
    if seals.audit_key() is None:
        raise SecretStoreError("A checkpoint is sealed with the audit key from the OS keyring, and no keyring is "
                               "available; start a Secret Service (for example gnome-keyring) and try again.")
    with ctx.db.unit(ctx.actor, Perm.READ_AUDIT) as uow:
        uow.session.info["checkpoint_now"] = True
        uow.audit("audit.checkpoint", "audit", "", f"exported to {Path(out).name}" if out else "")
    with ctx.db.read(ctx.actor, Perm.READ_AUDIT) as s:
        sealed = checkpoints.latest(s)
    if sealed is None:  # a server set up with 'db setup-server' chains the trail itself
        raise ValidationError("This server chains the audit trail itself ('db setup-server'); 'audit verify' checks it there.")
    return sealed, checkpoints.write_file(sealed, ctx.db.safe_url, out) if out else None


def latest_checkpoint(ctx: Context) -> checkpoints.Sealed | None:
    """The newest checkpoint, for packages and reports to print (no permission needed: it is two numbers)."""
    with ctx.db.read(ctx.actor, None) as s:
        return checkpoints.latest(s)


def checkpoint_blocks(ctx: Context) -> list[Any]:
    """A small closing line for signed documents: 'Audit trail: checkpoint 3: entry 1,204, head 3f9a0c1e'."""
    from console.documents.spec import Paragraph

    cp = latest_checkpoint(ctx)
    return [Paragraph(f"Audit trail: {cp.short}", small=True)] if cp else []
