"""Sign a rendered letter: PAdES, incremental, a visible box on the last page; offline by default.

A time stamp from an RFC 3161 authority is optional: without one the signing time is only the
signer's own claim, with one a third party vouches for it.
"""

from __future__ import annotations

import asyncio
import io
import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from asn1crypto import x509 as asn1_x509
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.misc import PdfError
from pyhanko.sign import fields, signers
from pyhanko.sign.general import SigningError
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.timestamps import HTTPTimeStamper, TimestampRequestError
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.errors import PathError, ValidationError

from console.documents.certs import load_signer
from console.documents.pdf import SIGNATURE_HEIGHT, SIGNATURE_WIDTH, signature_box
from console.documents.stamp import StampLabels, StampText, stamp_style
from console.errors import DocumentError
from console.keychain import get_secret

SIGNING_PASSPHRASE_SECRET = "signing-passphrase"
TIMESTAMP_TIMEOUT_S = 10
DRILL_REASON = "DRILL (exercise, not a real incident):"

logging.getLogger("pyhanko").setLevel(logging.ERROR)


class _PinnedTimeSigner(signers.PdfSigner):
    """Writes one chosen signing time, so the visible box and the signature's /M agree exactly."""

    def __init__(self, *args: object, signing_time: datetime, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._signing_time = signing_time

    def init_signing_session(self, pdf_out, existing_fields_only=False):  # type: ignore[no-untyped-def]
        session = super().init_signing_session(pdf_out, existing_fields_only=existing_fields_only)
        session.system_time = self._signing_time
        return session


def sign_pdf(
    pdf_bytes: bytes,
    signer_or_p12: SimpleSigner | bytes,
    passphrase: str | None,
    *,
    reason: str,
    location: str,
    signer_name: str,
    reference: str,
    timestamp_url: str | None = None,
    field_name: str = "Signature1",
    signed_at: datetime | None = None,
    labels: StampLabels | None = None,
    drill: bool = False,
    trust_roots: Sequence[bytes] = (),
) -> bytes:
    """The signed PDF; the original bytes stay untouched as the first revision.

    ``signer_or_p12`` is a loaded signer or PKCS#12 bytes; with bytes and ``passphrase=None``
    the passphrase comes from the keyring entry ``signing-passphrase``. With ``timestamp_url``
    the signature is PAdES B-T, and B-LT (the certificates of signer and time-stamp authority
    embedded as validation data) when their chains end in the signer's own self-signed
    certificate, its PKCS#12 chain or one of ``trust_roots``. ``drill`` marks the signature
    reason DRILL, for exercise documents that must never pass for real ones.
    """
    _writer(pdf_bytes)  # a file that is not a PDF is named before the certificate is opened
    signer = _signer(signer_or_p12, passphrase)
    signing_time = (signed_at or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    if drill:
        reason = f"{DRILL_REASON} {reason}"
    if timestamp_url:
        roots = _chain_roots(signer, trust_roots)
        try:
            return _sign(pdf_bytes, signer, signing_time, reason, location, signer_name, reference,
                         timestamp_url, field_name, labels, roots)
        except _NoValidationData:
            pass  # the chain cannot be built here: B-T without embedded validation data
    return _sign(pdf_bytes, signer, signing_time, reason, location, signer_name, reference, timestamp_url,
                 field_name, labels, None)


class _NoValidationData(Exception):
    """The certificate chains could not be validated, so nothing could be embedded for B-LT."""


def _chain_roots(signer: SimpleSigner, extra: Sequence[bytes]) -> list[asn1_x509.Certificate]:
    from console.documents.verify import _as_asn1

    roots = [_as_asn1(bytes(root)) for root in extra]
    cert = signer.signing_cert
    if cert is not None and cert.self_signed:
        roots.append(cert)
    if signer.cert_registry is not None:
        roots.extend(c for c in signer.cert_registry if c.self_signed)
    return roots


def _sign(pdf_bytes: bytes, signer: SimpleSigner, signing_time: datetime, reason: str, location: str,
          signer_name: str, reference: str, timestamp_url: str | None, field_name: str,
          labels: StampLabels | None, lt_roots: list[asn1_x509.Certificate] | None) -> bytes:
    writer = _writer(pdf_bytes)
    box = _box_on_last_page(writer)
    cert = signer.signing_cert
    organisation = _organisation(cert) if cert is not None else ""
    text = StampText(signer_name, organisation, signing_time, reference, reason, location,
                     labels or StampLabels())
    validation = None
    if lt_roots is not None:
        validation = ValidationContext(trust_roots=lt_roots, allow_fetching=False, revocation_mode="soft-fail")
    pdf_signer = _PinnedTimeSigner(
        signers.PdfSignatureMetadata(
            field_name=field_name,
            reason=reason,
            location=location,
            name=signer_name,
            subfilter=fields.SigSeedSubFilter.PADES,
            md_algorithm="sha256",
            embed_validation_info=validation is not None,
            validation_context=validation,
        ),
        signer=signer,
        timestamper=HTTPTimeStamper(timestamp_url, timeout=TIMESTAMP_TIMEOUT_S)
        if timestamp_url
        else None,
        stamp_style=stamp_style(text, SIGNATURE_WIDTH, SIGNATURE_HEIGHT),
        new_field_spec=fields.SigFieldSpec(field_name, on_page=-1, box=box),  # type: ignore[arg-type]
        signing_time=signing_time,
    )
    try:
        output = asyncio.run(pdf_signer.async_sign_pdf(writer, output=io.BytesIO()))
    except (PathError, ValidationError) as exc:
        if validation is not None:
            raise _NoValidationData() from exc
        raise DocumentError(f"The document could not be signed: {exc}") from exc
    except TimestampRequestError as exc:
        raise DocumentError(
            f"The time-stamping service at {timestamp_url} did not answer ({exc.__cause__ or exc}); "
            "try again later or sign without a time stamp."
        ) from exc
    except SigningError as exc:
        raise DocumentError(f"The document could not be signed: {exc}") from exc
    except PdfError as exc:
        raise DocumentError(f"The document could not be signed: {exc}") from exc
    return output.getvalue()


def _signer(signer_or_p12: SimpleSigner | bytes, passphrase: str | None) -> SimpleSigner:
    if not isinstance(signer_or_p12, bytes | bytearray):
        cert = signer_or_p12.signing_cert
        if cert is not None:
            _check_dates(cert.not_valid_before, cert.not_valid_after)
        return signer_or_p12
    if passphrase is None:
        passphrase = get_secret(SIGNING_PASSPHRASE_SECRET)
        if passphrase is None:
            raise DocumentError(
                "No signing passphrase is stored in the keyring: enter it in Settings, "
                "Signing certificate."
            )
    return load_signer(bytes(signer_or_p12), passphrase)


def _check_dates(start: datetime, end: datetime) -> None:
    """A pre-loaded signer may have expired since it was loaded (a long-running session)."""
    now = datetime.now(UTC)
    if not start <= now <= end:
        raise DocumentError(
            f"The signing certificate is valid only from {start:%Y-%m-%d %H:%M} UTC "
            f"until {end:%Y-%m-%d %H:%M} UTC; it cannot sign now."
        )


def _writer(pdf_bytes: bytes) -> IncrementalPdfFileWriter:
    try:
        return IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    except (PdfError, ValueError, KeyError, IndexError) as exc:
        raise DocumentError("The file to sign is not a readable PDF document.") from exc


def _box_on_last_page(writer: IncrementalPdfFileWriter) -> tuple[float, float, float, float]:
    """The rectangle ``render_pdf`` kept free, computed from the last page's own size."""
    try:
        page_ref, _ = writer.find_page_for_modification(-1)
        x0, y0, x1, y1 = (float(v) for v in page_ref.get_object()["/MediaBox"])
    except (PdfError, KeyError, IndexError, ValueError) as exc:
        raise DocumentError("The file to sign has no pages, or its last page has no size.") from exc
    bx1, by1, bx2, by2 = signature_box(x1 - x0, y1 - y0)
    return (x0 + bx1, y0 + by1, x0 + bx2, y0 + by2)


def _organisation(cert: object) -> str:
    """The O= of the signer's certificate, shown under the name in the box."""
    try:
        return str(cert.subject.native.get("organization_name", ""))  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return ""
