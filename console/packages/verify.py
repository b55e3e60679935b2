"""Check a package folder or .zip the way a recipient or an auditor would, and say what is wrong.

Four layers (see :mod:`console.packages.builder`): every file against ``manifest.json``; the
letter's signature (intact, valid, by a trusted certificate, nothing but validation data or a
document time stamp after it); the binding the signed revision states (reference, kind,
outcome, subject, language, template version and every data file's SHA-256) recomputed from the
files found and matched against the folder's name; and, with the database, the console's own
record of the packages it built. Each failure has a class and the class its exit code, so a
script can tell a forged signer from a swapped letter.
"""

from __future__ import annotations

import hashlib
import os
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from console.documents.binding import PackageBinding, StatedBinding, read_keywords
from console.documents.manifest import MANIFEST_NAME, Manifest, check_manifest, read_manifest
from console.errors import ConsoleError, DocumentError

if TYPE_CHECKING:
    from console.context import Context
    from console.documents.verify import SignatureReport

_UNTRUSTED = "The signer's certificate is not trusted"

# Failure classes, most serious first; the first one found sets the exit code.
UNSIGNED, BROKEN, CHANGED, BINDING, FILES, UNTRUSTED, UNVERIFIED = (
    "unsigned", "broken", "changed", "binding", "files", "untrusted", "unverified")
EXIT_CODES: dict[str, int] = {
    UNSIGNED: 26, BROKEN: 22, CHANGED: 23, BINDING: 24, FILES: 25, UNTRUSTED: 21, UNVERIFIED: 20,
}
EXIT_HELP = (
    "exit codes: 0 intact, bound to its request and signed by a trusted certificate; "
    "20 intact but signer not verified (no trust anchor: run 'privacy-console cert trust FILE.pem' "
    "or give --trust); 21 signer not trusted (a certificate other than the trusted one, e.g. a "
    "forged one with the right name, or expired/revoked); 22 signature broken or the signed "
    "content changed; 23 changed after signing (a later revision other than validation data or "
    "a document time stamp); 24 letter not bound to this package (another request, kind or "
    "fingerprint, or not what this console recorded); 25 files differ from the manifest or the "
    "signed letter (changed, missing or extra); 26 no single signed letter; 2 bad arguments; "
    "10 the path is not a package."
)
_SUMMARY = {
    UNSIGNED: "NOT OK: the package has no single signed letter",
    BROKEN: "NOT OK: the signature is broken or the signed letter was changed",
    CHANGED: "NOT OK: the letter was changed after it was signed",
    BINDING: "NOT OK: the letter is not bound to this package",
    FILES: "NOT OK: files differ from the manifest or the signed letter",
    UNTRUSTED: "NOT OK: the signer is not trusted",
    UNVERIFIED: "INTACT, SIGNER NOT VERIFIED: no trust anchor is configured",
}
_PACKAGE_NAME = re.compile(r"^(?P<stem>.+?)(?:-\d+)?(?:\.zip)?$")


@dataclass(frozen=True)
class VerifyReport:
    """The verdict; ``ok`` only when nothing failed and the signer is trusted."""

    path: str
    ok: bool
    problems: tuple[str, ...]
    notes: tuple[str, ...]
    letter: str
    kind: str
    files_checked: int
    manifest_hash: str
    data_manifest_hash: str
    signed: bool
    intact: bool
    valid: bool
    trusted: bool
    modified_after_signing: bool
    signer_subject: str
    signer_fingerprint: str
    signed_at: str | None
    failures: tuple[str, ...] = ()
    exit_code: int = 0
    summary: str = ""
    reference: str = ""
    level: str = ""
    recorded: bool | None = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


class _Findings:
    """Problems with their class, in the order found."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []
        self.notes: list[str] = []

    def add(self, failure: str, message: str) -> None:
        if (failure, message) not in self.items:
            self.items.append((failure, message))

    @property
    def failures(self) -> tuple[str, ...]:
        return tuple(f for f in EXIT_CODES if any(c == f for c, _ in self.items))


def _reader(path: Path) -> tuple[list[str], Any]:
    """File names in the package and a function that reads one."""
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as archive:
            names = [n for n in archive.namelist() if not n.endswith("/")]

        def read_zip(name: str) -> bytes:
            with zipfile.ZipFile(path) as archive:
                return archive.read(name)

        return names, read_zip
    if path.is_dir():
        names = [p.relative_to(path).as_posix() for p in path.rglob("*") if p.is_file()]
        return names, lambda name: (path / name).read_bytes()
    raise DocumentError(f"{path} is neither a package folder nor a .zip file.")


def verify_package(path: str | os.PathLike[str], trust_roots: list[bytes] | None = None, *,
                   ctx: Context | None = None) -> VerifyReport:
    """Verify a package; ``trust_roots`` are certificates (PEM/DER) to trust, added to those
    configured with ``cert trust`` when ``ctx`` (the database) is given, which also checks the
    package against the console's record of what it built."""
    from console.documents.verify import verify_pdf

    root = Path(path)
    if not root.exists():
        raise DocumentError(f"{root} does not exist.")
    names, read = _reader(root)
    found = _Findings()
    for problem in check_manifest(root):
        found.add(FILES, problem)
    manifest: Manifest | None = None
    if MANIFEST_NAME in names:
        try:
            manifest = read_manifest(read(MANIFEST_NAME))
        except DocumentError:
            manifest = None  # check_manifest has said why
    roots = list(trust_roots or []) + (_configured_roots(ctx, found) if ctx is not None else [])
    letters = sorted(n for n in names if "/" not in n and n.lower().endswith(".pdf"))
    if len(letters) != 1:
        found.add(UNSIGNED, "The package holds no letter (PDF)." if not letters else
                  f"The package holds {len(letters)} letters ({', '.join(letters)}); expected one.")
        return _report(root, found, "", None, manifest, "", None)
    letter = letters[0]
    try:
        signature = verify_pdf(read(letter), trust_roots=roots or None)
    except DocumentError as exc:
        found.add(BROKEN, f"{letter}: {exc}")
        return _report(root, found, letter, None, manifest, "", None)
    _judge_signature(letter, signature, bool(roots), found)
    stated = read_keywords(signature.keywords)
    data_hash = ""
    if signature.signed:
        data_hash = _check_binding(root, letter, stated, names, read, found)
    recorded = _check_record(ctx, stated, found) if ctx is not None and stated.binding else None
    return _report(root, found, letter, stated, manifest, data_hash, signature, recorded)


def _judge_signature(letter: str, signature: SignatureReport, anchored: bool, found: _Findings) -> None:
    from console.documents.verify import CHANGED_INSIDE, NOT_SIGNED

    for problem in signature.problems:
        if problem == NOT_SIGNED:
            found.add(UNSIGNED, f"{letter}: {problem}")
        elif problem.startswith(_UNTRUSTED):
            found.add(UNTRUSTED if anchored else UNVERIFIED, f"{letter}: {problem}")
        elif problem == CHANGED_INSIDE or not (signature.intact and signature.valid):
            found.add(BROKEN, f"{letter}: {problem}")
        elif "changed after it was signed" in problem or "added after" in problem:
            found.add(CHANGED, f"{letter}: {problem}")
        else:
            found.add(UNTRUSTED, f"{letter}: {problem}")  # expired, revoked, broken time stamp


def _check_binding(root: Path, letter: str, stated: StatedBinding, names: list[str], read: Any,
                   found: _Findings) -> str:
    """The signed binding against the files found, the letter's file name and the folder's name."""
    binding = stated.binding
    if binding is None:
        found.add(BINDING, f"{letter} states no package fingerprint in its signed revision, so it "
                           "cannot be tied to this package.")
        return ""
    if stated.fingerprint != binding.fingerprint:
        found.add(BINDING, f"{letter}: the fingerprint it prints ({stated.fingerprint or 'none'}) is not "
                           f"the one its own binding gives ({binding.fingerprint}).")
    expected = f"{binding.reference}-{binding.kind}"
    if letter != f"{expected}.pdf":
        found.add(BINDING, f"{letter} is the signed {binding.kind} letter of {binding.reference}; in its own "
                           f"package it is named {expected}.pdf.")
    match = _PACKAGE_NAME.match(root.name)
    if match is None or match["stem"] != expected:
        found.add(BINDING, f"The letter is the {binding.kind} letter of {binding.reference}, but the package "
                           f"{root.name} is not {expected}: a letter from another package was put in.")
    present = {n: read(n) for n in sorted(names) if n not in (letter, MANIFEST_NAME)}
    listed = dict(binding.files)
    for name in sorted(set(present) | set(listed)):
        if name not in present:
            found.add(FILES, f"{name} is named in the signed letter but missing from the package.")
        elif name not in listed:
            found.add(FILES, f"{name} is not one of the files the signed letter names.")
        elif hashlib.sha256(present[name]).hexdigest() != listed[name]:
            found.add(FILES, f"{name} was changed: its SHA-256 differs from the one in the signed letter.")
    actual = binding.with_files(present).fingerprint
    if actual != stated.fingerprint:
        found.add(BINDING, f"The package does not match the fingerprint {stated.fingerprint} printed in the "
                           f"signed letter (its files give {actual}).")
    return actual


def _configured_roots(ctx: Context, found: _Findings) -> list[bytes]:
    from console.packages.settings import trust_anchors

    try:
        return trust_anchors(ctx)
    except ConsoleError as exc:
        found.notes.append(f"The configured trust anchors could not be read: {exc}")
        return []


def _check_record(ctx: Context, stated: StatedBinding, found: _Findings) -> bool:
    """Is this exactly a package the console built for that request (same fingerprint and kind)?"""
    from console.packages.records import recorded_bindings

    binding = stated.binding
    assert binding is not None
    try:
        kinds = recorded_bindings(ctx, binding.reference)
    except ConsoleError as exc:
        found.add(BINDING, f"The letter names {binding.reference}, which this console's database cannot "
                           f"confirm: {exc}")
        return False
    if kinds.get(binding.fingerprint) == binding.kind:
        return True
    found.add(BINDING, f"This console never built a {binding.kind} package of {binding.reference} with the "
                       f"fingerprint {binding.fingerprint}: the letter is not one it recorded.")
    return False


def _report(root: Path, found: _Findings, letter: str, stated: StatedBinding | None,
            manifest: Manifest | None, data_hash: str, signature: Any,
            recorded: bool | None = None) -> VerifyReport:
    failures = found.failures
    problems = tuple(m for c, m in found.items if c != UNVERIFIED)
    notes = tuple([*(m for c, m in found.items if c == UNVERIFIED), *found.notes])
    code = EXIT_CODES[failures[0]] if failures else 0
    if failures:
        summary = _SUMMARY[failures[0]]
        if problems:
            summary += f" ({len(problems)} problem{'s' if len(problems) != 1 else ''}, below)."
        else:
            summary += "; the package is intact and bound to its request."
    else:
        summary = "OK: the package is intact, bound to its request and signed by a trusted certificate."
    binding: PackageBinding | None = stated.binding if stated else None
    return VerifyReport(
        path=str(root), ok=not failures, problems=problems, notes=notes, letter=letter,
        kind=binding.kind if binding else (stated.kind if stated else ""),
        files_checked=len(manifest.files) if manifest else 0,
        manifest_hash=manifest.manifest_hash if manifest else "", data_manifest_hash=data_hash,
        signed=bool(signature and signature.signed), intact=bool(signature and signature.intact),
        valid=bool(signature and signature.valid), trusted=bool(signature and signature.trusted),
        modified_after_signing=bool(signature and signature.modified_after_signing),
        signer_subject=signature.signer_subject if signature else "",
        signer_fingerprint=signature.signer_fingerprint if signature else "",
        signed_at=signature.signed_at.isoformat() if signature and signature.signed_at else None,
        failures=failures, exit_code=code, summary=summary,
        reference=binding.reference if binding else "", level=signature.level if signature else "",
        recorded=recorded,
    )
