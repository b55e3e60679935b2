"""What the database keeps about packages: who built and signed which one, its manifest's hash,
and when it was sent. Plain views out; the UI never sees a Package row.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select

from console.context import Context
from console.errors import DocumentError, NotFoundError, ValidationError
from console.packages.kinds import DATA_KINDS
from console.requests.commands import add_event, load_request, signs_in
from console.requests.release import describe, release_problems
from console.security.roles import Perm
from console.store.models import Package


@dataclass(frozen=True)
class PackageView:
    id: int
    reference: str
    kind: str
    path: str
    manifest_hash: str
    built_at: datetime
    built_by: str
    signed_at: datetime | None
    signed_by: str | None
    sent_at: datetime | None

    @property
    def signed(self) -> bool:
        return self.signed_at is not None

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: v.isoformat() if isinstance(v, datetime) else v for k, v in data.items()}


def _view(row: Package, reference: str) -> PackageView:
    return PackageView(row.id, reference, row.kind, row.path, row.manifest_hash, row.built_at, row.built_by,
                       row.signed_at, row.signed_by, row.sent_at)


def list_packages(ctx: Context, reference: str) -> list[PackageView]:
    """Every package built for the request, newest first."""
    with ctx.db.read(ctx.actor) as s:
        req = load_request(s, reference)
        rows = s.scalars(select(Package).where(Package.request_id == req.id)
                         .order_by(Package.built_at.desc(), Package.id.desc())).all()
        return [_view(r, req.reference) for r in rows]


def recorded_bindings(ctx: Context, reference: str) -> dict[str, str]:
    """The fingerprints of the packages built for a request, each with its kind."""
    with ctx.db.read(ctx.actor) as s:
        req = load_request(s, reference)
        rows = s.execute(select(Package.binding_sha256, Package.kind)
                         .where(Package.request_id == req.id, Package.binding_sha256.is_not(None))).all()
        return {str(fingerprint): str(kind) for fingerprint, kind in rows}


def mark_sent(ctx: Context, reference: str, package_id: int | None = None,
              sent_at: datetime | None = None) -> PackageView:
    """Record that a signed package went out (by default the newest one not yet sent)."""
    from console.documents.manifest import MANIFEST_NAME, read_manifest

    when = sent_at or ctx.now()
    if when.tzinfo is None:
        raise ValidationError("The time a package was sent needs a time zone.")
    with ctx.db.unit(ctx.actor, Perm.SIGN) as uow:
        req = load_request(uow.session, reference, lock=True)
        stmt = select(Package).where(Package.request_id == req.id)
        if package_id is not None:
            stmt = stmt.where(Package.id == package_id)
        else:
            stmt = stmt.where(Package.sent_at.is_(None)).order_by(Package.built_at.desc(), Package.id.desc())
        row = uow.session.scalars(stmt.limit(1)).first()
        if row is None:
            what = f"package {package_id}" if package_id is not None else "package waiting to be sent"
            raise NotFoundError(f"{req.reference} has no {what}; build one with 'privacy-console package build'.")
        if row.sent_at is not None:
            raise ValidationError(f"Package {row.id} of {req.reference} was already sent on {row.sent_at.isoformat()}.")
        if row.kind in DATA_KINDS:
            problems = release_problems(ctx.catalogue, req.right_id, req.subject_is_child, req.checklist,
                                        sign_in=signs_in(ctx))
            if problems:
                raise DocumentError(describe(req.reference, problems, "have its data sent"))
        if row.signed_at is None:
            raise DocumentError(f"Package {row.id} of {req.reference} is an unsigned draft and must not be "
                                "sent; build a signed package first.")
        manifest = Path(row.path) / MANIFEST_NAME
        if manifest.is_file() and read_manifest(manifest.read_bytes()).manifest_hash != row.manifest_hash:
            raise DocumentError(f"The package at {row.path} was changed after it was built; build it again.")
        row.sent_at = when
        add_event(uow.session, req, ctx.actor.username, "package_sent", f"{row.kind} package {row.manifest_hash[:16]}…")
        uow.audit("package.sent", "request", req.reference, f"package {row.id} {row.manifest_hash}")
        uow.session.flush()
        return _view(row, req.reference)
