"""Build a response package: data files, the letter that quotes their fingerprint, its signature,
and the manifest over everything; recorded with who built and signed it.

The scheme, in order (so the signature covers every file):

1. The data files (JSON, CSV, schema, the signer's certificate) are made and hashed; their
   manifest's hash is the *package fingerprint*.
2. The letter prints each data file's SHA-256 and the fingerprint, and carries both in its
   document metadata (``data-manifest-sha256:`` and ``file-sha256:`` keywords).
3. The letter is signed (PAdES): changing a data file now contradicts a signed statement.
4. ``manifest.json`` lists every file including the signed letter; its own hash is stored on
   the Package row. ``verify_package`` checks all three layers.

Everything is written into a hidden temporary folder inside the output folder and renamed into
place as the last step of the database transaction: a failure leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from console import private_files
from console.context import Context
from console.documents.binding import PackageBinding, template_version
from console.documents.manifest import ManifestEntry, build_manifest, write_manifest
from console.documents.spec import DocumentSpec, Table
from console.documents.stamp import StampLabels
from console.errors import Cancelled, DocumentError
from console.packages import exports
from console.packages.content import LetterInput, base_values
from console.packages.kinds import DATA_KINDS, NEEDS_RECORDS, choose_kind
from console.packages.letters import letter_spec
from console.packages.recorded import require_facts
from console.packages.settings import Signer, open_signer
from console.packages.templates import Words, letters_root
from console.requests import sources
from console.requests.commands import add_event, get_request, load_request
from console.requests.facts import Facts, facts_for
from console.requests.lifecycle import CLOSED
from console.requests.read_models import RequestView
from console.security import audit_trail
from console.security.roles import Perm, require
from console.store.models import Package

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]
CERT_NAME = "signer-certificate.pem"
CANCELLED = "Cancelled: no package was written."


@dataclass(frozen=True)
class PackageResult:
    """What was built, where, and the values to quote (the UI shows them after a build)."""

    id: int
    reference: str
    kind: str
    path: str
    letter: str
    manifest_hash: str
    data_manifest_hash: str
    files: tuple[ManifestEntry, ...]
    records: int
    pages: int
    size: int
    signed: bool
    signed_by: str | None
    signed_at: datetime | None
    signer_fingerprint: str | None
    warnings: tuple[str, ...] = ()  # what the person building it should know (an overdue answer)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["signed_at"] = self.signed_at.isoformat() if self.signed_at else None
        return data


@dataclass(frozen=True)
class _Prepared:
    view: RequestView
    kind: str
    words: Words
    records: dict[str, list[sources.RecordView]]
    issued: datetime
    facts: Facts


class _Steps:
    """One progress count over the whole build: the letter's table rows plus five fixed steps."""

    def __init__(self, progress: Progress | None, cancel: Cancel | None) -> None:
        self.progress, self.cancel = progress, cancel
        self.done, self.total, self._before_render = 0, 5, 0

    def check(self) -> None:
        if self.cancel is not None and self.cancel():
            raise Cancelled(CANCELLED)

    def start(self, rows: int) -> None:
        """Called once the letter is laid out in blocks, when the row count is known."""
        self.total = rows + 5
        self.step()
        self._before_render = self.done

    def step(self) -> None:
        self.check()
        self.done = min(self.total, self.done + 1)
        if self.progress is not None:
            self.progress(self.done, self.total)

    def rows(self, done: int, total: int) -> None:
        """render_pdf's (rows laid out, rows + 1), folded into the whole build's count."""
        self.done = min(self.total, self._before_render + done)
        if self.progress is not None:
            self.progress(self.done, self.total)


def _prepare(ctx: Context, reference: str, kind: str | None) -> _Prepared:
    view = get_request(ctx, reference)
    chosen = choose_kind(view, ctx.catalogue, kind)
    if chosen in DATA_KINDS:
        release_gate(ctx, view)
    records: dict[str, list[sources.RecordView]] = {}
    if chosen in DATA_KINDS:
        records = sources.records(ctx, view.reference)
    if chosen in NEEDS_RECORDS and not records:
        raise DocumentError(
            f"{view.reference} has no subject data yet, so there is nothing to put in the {chosen} "
            f"package. Gather it first with 'privacy-console data fetch {view.reference}' or "
            f"'privacy-console data import {view.reference} FILE'."
        )
    facts = facts_for(ctx, view.reference)
    require_facts(view.reference, chosen, records, facts)
    issued = ctx.now()
    regime = ctx.catalogue.regime_for(view.right, view.jurisdictions, view.subject_is_child)
    words = Words(view.language or ctx.catalogue.organisation.default_language, regime=regime.templates)
    words = words.with_values(**base_values(view, ctx.catalogue, words, issued))
    return _Prepared(view, chosen, words, records, issued, facts)


def release_gate(ctx: Context, view: RequestView) -> None:
    """No data leaves before the checklist is complete (and second-verified where the right asks)."""
    from console.requests.commands import signs_in
    from console.requests.release import describe, release_problems

    problems = release_problems(ctx.catalogue, view.right, view.subject_is_child, view.checklist,
                                sign_in=signs_in(ctx))
    if problems:
        raise DocumentError(describe(view.reference, problems, "release personal data"))


def _data_files(ctx: Context, prep: _Prepared,
                signer: Signer | None) -> tuple[dict[str, bytes], tuple[exports.CategoryFile, ...]]:
    files: dict[str, bytes] = {}
    described: tuple[exports.CategoryFile, ...] = ()
    right = ctx.catalogue.right(prep.view.right)
    if prep.kind == "portability" or (prep.kind == "access" and right.machine_readable):
        files[exports.JSON_NAME] = exports.data_json(prep.view, ctx.catalogue, prep.records, prep.issued)
    if prep.kind == "portability":
        files[exports.SCHEMA_NAME] = exports.schema_json(ctx.catalogue, prep.records)
        csvs, described = exports.csv_files(prep.records)
        files.update(csvs)
    if signer is not None:
        files[CERT_NAME] = signer.info.pem
    return files, described


def package_binding(prep: _Prepared, files: dict[str, bytes], outcome: str | None = None) -> PackageBinding:
    """What the signed letter vouches for: the request's facts, the letter's text and every data file.

    ``outcome`` defaults to the outcome the request records; a letter that states a decision
    recorded elsewhere passes it here so the fingerprint covers it.
    """
    language = prep.words.language
    root = letters_root() / language
    return PackageBinding.of(
        reference=prep.view.reference, kind=prep.kind,
        outcome=prep.view.outcome if outcome is None else outcome,
        subject=prep.view.subject_name, language=language,
        template_version=template_version(root / f"{name}.toml" for name in ("common", "catalogue", prep.kind)),
        files=files,
    )


def stamp_labels(words: Words) -> StampLabels:
    """The signature box's words in the letter's language (English where a template lacks them)."""
    default = StampLabels()
    return StampLabels(**{key: words.optional("common", f"stamp.{key}", getattr(default, key))
                          for key in StampLabels.__dataclass_fields__})


def _letter_input(ctx: Context, prep: _Prepared, files: dict[str, bytes],
                  described: tuple[exports.CategoryFile, ...],
                  signer: Signer | None, binding: PackageBinding) -> LetterInput:
    manifest = build_manifest(files)
    return LetterInput(
        view=prep.view, catalogue=ctx.catalogue, words=prep.words, kind=prep.kind, issued=prep.issued,
        records=prep.records, files=manifest.files, data_hash=binding.fingerprint,
        signer=signer.info if signer else None, category_files=described, facts=prep.facts,
    )


def _spec(inp: LetterInput, binding: PackageBinding) -> DocumentSpec:
    """The letter (which prints the fingerprint), with the whole binding in its document keywords."""
    return replace(letter_spec(inp), keywords=binding.keywords())


def preview_pdf(ctx: Context, reference: str, kind: str | None = None, *,
                progress: Progress | None = None, cancel: Cancel | None = None) -> bytes:
    """The letter exactly as it will be built, but unsigned and marked as a preview."""
    from console.documents.pdf import render_pdf

    require(ctx.actor, Perm.WORK_REQUESTS)
    prep = _prepare(ctx, reference, kind)
    files, described = _data_files(ctx, prep, None)
    binding = package_binding(prep, files)
    return render_pdf(_spec(_letter_input(ctx, prep, files, described, None, binding), binding), progress, cancel)


def _free_name(out: Path, stem: str, suffix: str) -> str:
    for n in range(1, 1000):
        name = f"{stem}{'' if n == 1 else f'-{n}'}{suffix}"
        if not (out / name).exists():
            return name
    raise DocumentError(f"{out} already holds 999 packages named {stem}; choose another folder.")


def _pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))


def build_package(ctx: Context, reference: str, out_dir: str | os.PathLike[str], *, kind: str | None = None,
                  sign: bool = True, zip: bool = False, progress: Progress | None = None,
                  cancel: Cancel | None = None, cert_path: str | os.PathLike[str] | None = None,
                  passphrase: str | None = None) -> PackageResult:
    """Build (and by default sign) the package into ``out_dir``/<REF>-<kind>[.zip]."""
    require(ctx.actor, Perm.WORK_REQUESTS)
    if sign:
        require(ctx.actor, Perm.SIGN)
    steps = _Steps(progress, cancel)
    signer = open_signer(ctx, cert_path, passphrase) if sign else None  # a bad certificate fails first
    prep = _prepare(ctx, reference, kind)
    steps.check()
    out = Path(out_dir).expanduser()
    created = not out.exists()
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DocumentError(f"The output folder {out} cannot be created: {exc.strerror or exc}.") from None
    stem = f"{prep.view.reference}-{prep.kind}"
    private_files.remove_leftovers(out)  # what a killed build left here, in plain text
    try:
        staging = private_files.staging_dir(out, stem)  # 0700: the person's data is in it unsealed
    except OSError as exc:
        raise DocumentError(f"Cannot write into the output folder {out}: {exc.strerror or exc}.") from None
    try:
        return _build(ctx, prep, signer, staging, out, stem, zip, steps)
    except Cancelled:
        raise Cancelled(CANCELLED) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        staging.with_suffix(".zip").unlink(missing_ok=True)
        if created and out.is_dir() and not any(out.iterdir()):
            out.rmdir()


def _build(ctx: Context, prep: _Prepared, signer: Signer | None, staging: Path, out: Path, stem: str,
           as_zip: bool, steps: _Steps) -> PackageResult:
    from console.documents.pdf import render_pdf
    from console.documents.signing import sign_pdf

    files, described = _data_files(ctx, prep, signer)
    for name, data in files.items():
        target = staging / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    binding = package_binding(prep, files)
    inp = _letter_input(ctx, prep, files, described, signer, binding)
    spec = _spec(inp, binding)
    if signer is not None:  # a signed package names the audit checkpoint it was issued under
        spec = replace(spec, blocks=[*spec.blocks, *audit_trail.checkpoint_blocks(ctx)])
    steps.start(sum(len(b.rows) for b in spec.blocks if isinstance(b, Table)))
    pdf = render_pdf(spec, steps.rows, steps.cancel)
    pages = _pages(pdf)  # counted before the signature adds its appearance (a page-like XObject)
    signed_at: datetime | None = None
    if signer is not None:
        signed_at = datetime.now(UTC).replace(microsecond=0)
        pdf = sign_pdf(pdf, signer.signer, None, reason=prep.words.text("common", "package.reason"),
                       location=signer.location, signer_name=signer.info.common_name or signer.info.subject,
                       reference=prep.view.reference, timestamp_url=signer.timestamp_url, signed_at=signed_at,
                       labels=stamp_labels(prep.words), trust_roots=signer.trust_roots)
    steps.step()
    letter = f"{stem}.pdf"
    (staging / letter).write_bytes(pdf)
    manifest = build_manifest(staging)
    write_manifest(manifest, staging)
    staged, name = staging, stem
    if as_zip:
        name = _free_name(out, stem, ".zip")
        staged = staging.with_suffix(".zip")
        _zip(staging, staged)
    else:
        name = _free_name(out, stem, "")
    steps.step()
    signed_by = (f"{ctx.actor.username} with {signer.info.common_name or signer.info.subject} "
                 f"({signer.info.fingerprint[:23]})")[:200] if signer else None
    final = out / name
    package_id = _record(ctx, prep, final, staged, manifest.manifest_hash, signed_at, signed_by, binding.fingerprint)
    steps.step()
    return PackageResult(
        id=package_id, reference=prep.view.reference, kind=prep.kind, path=str(final.resolve()), letter=letter,
        manifest_hash=manifest.manifest_hash, data_manifest_hash=inp.data_hash, files=manifest.files,
        records=inp.record_count, pages=pages, size=sum(e.size for e in manifest.files),
        signed=signer is not None, signed_by=signed_by, signed_at=signed_at,
        signer_fingerprint=signer.info.fingerprint if signer else None,
        warnings=_warnings(prep),
    )


def _warnings(prep: _Prepared) -> tuple[str, ...]:
    from console.timefmt import human

    view = prep.view
    if view.status in CLOSED or view.due_at > prep.issued:
        return ()
    late = (prep.issued - view.due_at).days
    return (f"{view.reference} is overdue: its answer was due {human(view.due_at)} ({late} days ago). The letter "
            "says so and apologises; answer the person without further delay.",)


def _zip(folder: Path, target: Path) -> None:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())


def _record(ctx: Context, prep: _Prepared, final: Path, staged: Path, manifest_hash: str,
            signed_at: datetime | None, signed_by: str | None, binding_sha256: str) -> int:
    """The Package row and the rename into place commit together, or neither happens."""
    placed = False
    try:
        with ctx.db.unit(ctx.actor, Perm.SIGN if signed_at else Perm.WORK_REQUESTS) as uow:
            req = load_request(uow.session, prep.view.reference, lock=True)
            row = Package(request_id=req.id, kind=prep.kind, path=str(final.resolve()), manifest_hash=manifest_hash,
                          built_at=ctx.now(), built_by=ctx.actor.username, signed_at=signed_at, signed_by=signed_by,
                          binding_sha256=binding_sha256)
            uow.session.add(row)
            what = "signed" if signed_at else "unsigned draft"
            add_event(uow.session, req, ctx.actor.username, "package_built",
                   f"{prep.kind} package ({what}), manifest {manifest_hash[:16]}…")
            uow.audit("package.build", "request", req.reference, f"{prep.kind} {what} {manifest_hash}")
            uow.session.flush()
            package_id = row.id
            if final.exists():
                raise DocumentError(f"{final} appeared while the package was being built; build it again.")
            os.rename(staged, final)
            placed = True
        return package_id
    except BaseException:
        if placed:
            if final.is_dir():
                shutil.rmtree(final, ignore_errors=True)
            else:
                final.unlink(missing_ok=True)
        raise
    finally:
        if staged.suffix == ".zip" and staged.exists():
            staged.unlink()
