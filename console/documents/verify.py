"""Check a signed PDF and say, in words a person can act on, whether it can be relied on.

Judged by pyHanko's ``bottom_line`` plus its parts: a change appended after signing leaves the
signed bytes ``intact`` and the signature ``valid``, and only the difference analysis (the
modification level) catches it. Nothing is fetched from the network: revocation is not checked.
"""

from __future__ import annotations

import io
import logging
import re
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, TypeAlias

from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509 as pyca_x509
from cryptography.hazmat.primitives.serialization import Encoding
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.diff_analysis import ModificationLevel
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.errors import NoDSSFoundError
from pyhanko.sign.validation.status import PdfSignatureStatus
from pyhanko_certvalidator import ValidationContext

from console.documents.certs import fingerprint
from console.errors import DocumentError

# pyHanko logs a long traceback for every self-signed certificate it cannot trust; the report
# below says the same in one sentence.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

TrustRoot: TypeAlias = asn1_x509.Certificate | pyca_x509.Certificate | bytes

NOT_SIGNED = "The document carries no digital signature."
CHANGED_INSIDE = (
    "The document was changed after it was signed: the signed content no longer matches."
)
CHANGED_AFTER = (
    "The document was changed after it was signed: content was added in a later revision."
)
ANNOTATED = "Comments or annotations were added after the document was signed."
PROPERTIES_REWRITTEN = (
    "The document was changed after it was signed: a later revision rewrote its document "
    "properties ({keys}); only validation data or a document time stamp may follow a signature."
)
BROKEN = "The signature does not match the signer's certificate (the signature itself is broken)."


@dataclass(frozen=True)
class SignatureReport:
    """The verdict on a PDF's signatures; ``problems`` is empty exactly when all is well."""

    signed: bool
    intact: bool
    valid: bool
    trusted: bool
    modified_after_signing: bool
    modification_level: str
    signer_subject: str
    signer_fingerprint: str
    signed_at: datetime | None
    bottom_line: bool
    problems: tuple[str, ...]
    timestamped: bool = False
    signature_count: int = 0
    level: str = ""
    keywords: str = ""


def verify_pdf(pdf_bytes: bytes, trust_roots: list[TrustRoot] | None = None) -> SignatureReport:
    """Verify every signature; the signer fields describe the first (the letter's own).

    ``trust_roots`` are the certificates to trust (e.g. the organisation's self-signed one);
    without them nothing is trusted, so ``trusted`` and ``bottom_line`` are False even for an
    intact, valid signature.
    """
    try:
        reader = PdfFileReader(io.BytesIO(pdf_bytes), strict=False)
        signatures = list(reader.embedded_regular_signatures)
        stamps = list(reader.embedded_timestamp_signatures)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise DocumentError("The file is not a readable PDF document.") from exc
    if not signatures:
        return SignatureReport(
            signed=False,
            intact=False,
            valid=False,
            trusted=False,
            modified_after_signing=False,
            modification_level="",
            signer_subject="",
            signer_fingerprint="",
            signed_at=None,
            bottom_line=False,
            problems=(NOT_SIGNED,),
        )
    roots = [_as_asn1(root) for root in trust_roots or ()]
    statuses: list[PdfSignatureStatus] = []
    for signature in signatures:
        # An explicit list, even empty: pyHanko's fallback to the OS trust store is deprecated
        # and would make the verdict depend on the machine that checks.
        context = ValidationContext(trust_roots=roots, allow_fetching=False)
        try:
            statuses.append(validate_pdf_signature(signature, context))
        except Exception as exc:  # a malformed CMS blob raises from deep inside pyHanko
            raise DocumentError(f"The signature in the document is damaged: {exc}") from exc
    rewritten = _properties_rewritten(reader, signatures[-1].signed_revision)
    report = _report(statuses, rewritten)
    return replace(report, level=_level(report, statuses[0], reader, bool(stamps)),
                   keywords=signed_keywords(reader, signatures[0].signed_revision))


# What every incremental writer (pyHanko adding validation data too) updates: says nothing.
_BOOKKEEPING = frozenset({"/ModDate", "/Producer"})
_XMP_BOOKKEEPING = re.compile(r'(xmp:ModifyDate|xmp:MetadataDate|pdf:Producer)(="[^"]*"|>[^<]*</\1>)')


def signed_keywords(reader: PdfFileReader, revision: int) -> str:
    """The document keywords as the given (signed) revision has them, not as a later one says."""
    try:
        view = reader.get_historical_resolver(revision)
        return str(_resolve(view, view.trailer_view.raw_get("/Info")).get("/Keywords", ""))
    except (PdfError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        return ""


def _resolve(view: Any, value: Any) -> Any:
    """An object as that revision has it: ``get_object()`` would read the newest revision."""
    return view.get_object(value.reference) if isinstance(value, generic.IndirectObject) else value


def _properties(reader: PdfFileReader, revision: int) -> dict[str, str]:
    """Document information and the XMP metadata of one revision, as comparable text."""
    out: dict[str, str] = {}
    try:
        view = reader.get_historical_resolver(revision)
        trailer = view.trailer_view
        if "/Info" in trailer:
            info = _resolve(view, trailer.raw_get("/Info"))
            out.update({str(k): str(v) for k, v in info.items()})
        root = _resolve(view, trailer.raw_get("/Root"))
        if "/Metadata" in root:
            xmp = _resolve(view, root.raw_get("/Metadata")).data.decode("utf-8", "replace")
            out["XMP metadata"] = _XMP_BOOKKEEPING.sub("", xmp)
    except (PdfError, ValueError, KeyError, IndexError, TypeError, AttributeError):
        out["unreadable"] = str(revision)
    return out


def _properties_rewritten(reader: PdfFileReader, signed_revision: int) -> list[str]:
    """Names of document properties that any revision after the signature changed.

    pyHanko's difference analysis does not look at the document information dictionary (it
    hangs off the trailer), so a later revision could rewrite /Keywords and still count as
    harmless; the signed revision is what counts, and any such rewrite is refused.
    """
    signed = _properties(reader, signed_revision)
    changed: set[str] = set()
    for revision in range(signed_revision + 1, reader.xrefs.total_revisions):
        later = _properties(reader, revision)
        changed |= {k for k in set(signed) | set(later) if signed.get(k) != later.get(k)}
    return sorted(k.lstrip("/") for k in changed - _BOOKKEEPING)


def _level(report: SignatureReport, status: PdfSignatureStatus, reader: PdfFileReader,
           document_stamp: bool) -> str:
    """The PAdES baseline level the letter's signature reaches: B-B, B-T, B-LT or B-LTA."""
    if not (report.intact and report.valid):
        return ""
    stamp = status.timestamp_validity
    if stamp is None or not (stamp.intact and stamp.valid):
        return "B-B"
    try:
        from pyhanko.sign.validation.dss import DocumentSecurityStore

        dss = DocumentSecurityStore.read_dss(reader)
        embedded = {c.sha256 for c in dss.load_certs()}
    except (PdfError, ValueError, KeyError, TypeError, AttributeError, NoDSSFoundError):
        return "B-T"
    if status.signing_cert.sha256 not in embedded:
        return "B-T"
    return "B-LTA" if document_stamp else "B-LT"


def _report(statuses: list[PdfSignatureStatus], rewritten: list[str] | None = None) -> SignatureReport:
    first = statuses[0]
    last = len(statuses) - 1
    problems: list[str] = []
    for number, status in enumerate(statuses):
        for problem in _problems(status, is_last=number == last):
            if problem not in problems:
                problems.append(problem)
    if rewritten:
        problems.append(PROPERTIES_REWRITTEN.format(keys=", ".join(rewritten)))
    timestamp = first.timestamp_validity
    return SignatureReport(
        signed=True,
        intact=all(s.intact for s in statuses),
        valid=all(s.valid for s in statuses),
        trusted=all(s.trusted for s in statuses),
        modified_after_signing=bool(rewritten) or any(
            _changed_after(s, is_last=n == last) for n, s in enumerate(statuses)
        ),
        modification_level=_level_name(statuses[-1].modification_level),
        signer_subject=first.signing_cert.subject.human_friendly,
        signer_fingerprint=fingerprint(first.signing_cert.dump()),
        signed_at=timestamp.timestamp if timestamp is not None else first.signer_reported_dt,
        bottom_line=all(s.bottom_line for s in statuses),
        problems=tuple(problems),
        timestamped=timestamp is not None,
        signature_count=len(statuses),
    )


def _changed_after(status: PdfSignatureStatus, *, is_last: bool) -> bool:
    """After the last signature only validation data may follow; after others, further signatures."""
    level = status.modification_level
    allowed = ModificationLevel.LTA_UPDATES if is_last else ModificationLevel.FORM_FILLING
    return status.docmdp_ok is False or level is None or level > allowed


def _problems(status: PdfSignatureStatus, *, is_last: bool) -> list[str]:
    """One sentence per thing a person should know, most serious first."""
    out: list[str] = []
    if not status.intact:
        out.append(CHANGED_INSIDE)
    elif not status.valid:
        out.append(BROKEN)
    elif _changed_after(status, is_last=is_last):
        annotated = status.modification_level == ModificationLevel.ANNOTATIONS
        out.append(ANNOTATED if annotated else CHANGED_AFTER)
    if status.intact and status.valid and not status.trusted:
        out.append(
            _trust_problem(status.trust_problem_indic, fingerprint(status.signing_cert.dump()))
        )
    timestamp = status.timestamp_validity
    if timestamp is not None and not (timestamp.intact and timestamp.valid):
        out.append(
            "The time stamp on the signature is broken, so the signing time is not vouched for."
        )
    return out


def _trust_problem(indication: object, cert_fp: str) -> str:
    if indication in (AdESFailure.REVOKED, AdESIndeterminate.REVOKED_NO_POE):
        return "The signer's certificate has been revoked."
    if indication in (
        AdESIndeterminate.EXPIRED,
        AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
        AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
    ):
        return (
            "The signer's certificate has expired, and no time stamp proves it was valid when used."
        )
    if indication in (AdESFailure.NOT_YET_VALID, AdESIndeterminate.NOT_YET_VALID):
        return "The signer's certificate was not yet valid when the document was signed."
    return _untrusted(cert_fp)


def _untrusted(cert_fp: str) -> str:
    return (
        "The signer's certificate is not trusted on this computer (self-signed or from an unknown "
        f"issuer): compare its SHA-256 fingerprint {cert_fp} with the one the sender publishes."
    )


def _level_name(level: ModificationLevel | None) -> str:
    """'none', 'lta_updates', 'form_filling', 'annotations', 'other' or 'unknown'."""
    return "unknown" if level is None else level.name.lower()


def _as_asn1(root: TrustRoot) -> asn1_x509.Certificate:
    """Trust roots arrive as asn1crypto or cryptography objects, or PEM/DER bytes."""
    if isinstance(root, asn1_x509.Certificate):
        return root
    if isinstance(root, pyca_x509.Certificate):
        return asn1_x509.Certificate.load(root.public_bytes(Encoding.DER))
    data = bytes(root)
    if pem.detect(data):
        _, _, data = pem.unarmor(data)
    try:
        cert = asn1_x509.Certificate.load(data)
        cert.native  # noqa: B018 - force a full parse so garbage fails here, not mid-validation
    except (ValueError, TypeError) as exc:
        raise DocumentError(
            "A trusted certificate given for checking is not a certificate."
        ) from exc
    return cert
