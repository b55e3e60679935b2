"""Check a package folder or .zip the way a recipient or an auditor would, and say what is wrong.

Three layers (see :mod:`console.packages.builder`): every file against ``manifest.json``; the
letter's signature (intact, valid, which certificate, nothing added after signing); and the data
files against the checksums the signed letter itself states, so a data file swapped together
with a rewritten manifest is still caught.
"""

from __future__ import annotations

import io
import os
import re
import zipfile
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from console.documents.manifest import MANIFEST_NAME, Manifest, check_manifest, read_manifest
from console.errors import DocumentError
from console.packages.content import KEYWORD_HASH, KEYWORD_KIND

_FILE = re.compile(r"file-sha256:([0-9a-f]{64}):([^,]+)")
_UNTRUSTED = "The signer's certificate is not trusted"


@dataclass(frozen=True)
class VerifyReport:
    """The verdict; ``problems`` is empty exactly when the package can be relied on."""

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

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


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


def _keywords(pdf: bytes) -> str:
    """The keywords of the revision the first signature covers (or of the unsigned file)."""
    from pyhanko.pdf_utils.misc import PdfError
    from pyhanko.pdf_utils.reader import PdfFileReader

    try:
        reader = PdfFileReader(io.BytesIO(pdf), strict=False)
        signatures = reader.embedded_regular_signatures
        trailer = (reader.get_historical_resolver(signatures[0].signed_revision).trailer_view
                   if signatures else reader.trailer)
        return str(trailer["/Info"].get_object().get("/Keywords", ""))
    except (PdfError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return ""


def verify_package(path: str | os.PathLike[str], trust_roots: list[bytes] | None = None) -> VerifyReport:
    """Verify a package; ``trust_roots`` are certificates (PEM/DER) whose signatures count as trusted."""
    from console.documents.verify import verify_pdf

    root = Path(path)
    if not root.exists():
        raise DocumentError(f"{root} does not exist.")
    names, read = _reader(root)
    problems = list(check_manifest(root))
    notes: list[str] = []
    manifest: Manifest | None = None
    if MANIFEST_NAME in names:
        try:
            manifest = read_manifest(read(MANIFEST_NAME))
        except DocumentError:
            manifest = None  # check_manifest has said why
    letters = sorted(n for n in names if "/" not in n and n.lower().endswith(".pdf"))
    if len(letters) != 1:
        problems.append("The package holds no letter (PDF)." if not letters else
                        f"The package holds {len(letters)} letters ({', '.join(letters)}); expected one.")
        return _report(root, problems, notes, "", "", manifest, "", None)
    letter = letters[0]
    pdf = read(letter)
    try:
        signature = verify_pdf(pdf, trust_roots=list(trust_roots) if trust_roots else None)
    except DocumentError as exc:
        problems.append(f"{letter}: {exc}")
        return _report(root, problems, notes, letter, "", manifest, "", None)
    for problem in signature.problems:
        untrusted = problem.startswith(_UNTRUSTED)
        (notes if untrusted and not trust_roots else problems).append(f"{letter}: {problem}")
    keywords = _keywords(pdf)
    kind = next((k.strip()[len(KEYWORD_KIND):] for k in keywords.split(",") if k.strip().startswith(KEYWORD_KIND)), "")
    stated = next((k.strip()[len(KEYWORD_HASH):] for k in keywords.split(",") if k.strip().startswith(KEYWORD_HASH)), "")
    data_hash = _check_against_letter(letter, keywords, stated, names, read, problems)
    return _report(root, problems, notes, letter, kind, manifest, data_hash, signature)


def _check_against_letter(letter: str, keywords: str, stated: str, names: list[str], read: Any,
                          problems: list[str]) -> str:
    """Each data file against the checksum the signed letter states, then the fingerprint."""
    import hashlib

    if not stated:
        problems.append(f"{letter} states no package fingerprint, so the data files cannot be tied to it.")
        return ""
    listed = {path: digest for digest, path in _FILE.findall(keywords)}
    present = {n for n in names if n not in (letter, MANIFEST_NAME)}
    for name in sorted(present | set(listed)):
        if name not in present:
            problems.append(f"{name} is named in the signed letter but missing from the package.")
        elif name not in listed:
            problems.append(f"{name} is not one of the files the signed letter names.")
        elif hashlib.sha256(read(name)).hexdigest() != listed[name]:
            problems.append(f"{name} was changed: its SHA-256 differs from the one in the signed letter.")
    from console.documents.manifest import build_manifest

    actual = build_manifest({n: read(n) for n in sorted(present)}).manifest_hash
    if actual != stated:
        problems.append(f"The data files do not match the package fingerprint {stated} printed in the signed letter.")
    return actual


def _report(root: Path, problems: list[str], notes: list[str], letter: str, kind: str,
            manifest: Manifest | None, data_hash: str, signature: Any) -> VerifyReport:
    unique = list(dict.fromkeys(problems))
    return VerifyReport(
        path=str(root), ok=not unique, problems=tuple(unique), notes=tuple(notes), letter=letter, kind=kind,
        files_checked=len(manifest.files) if manifest else 0,
        manifest_hash=manifest.manifest_hash if manifest else "", data_manifest_hash=data_hash,
        signed=bool(signature and signature.signed), intact=bool(signature and signature.intact),
        valid=bool(signature and signature.valid), trusted=bool(signature and signature.trusted),
        modified_after_signing=bool(signature and signature.modified_after_signing),
        signer_subject=signature.signer_subject if signature else "",
        signer_fingerprint=signature.signer_fingerprint if signature else "",
        signed_at=signature.signed_at.isoformat() if signature and signature.signed_at else None,
    )
