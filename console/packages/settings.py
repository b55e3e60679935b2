"""Where the organisation's signing certificate lives, and how to open it for one package.

The PKCS#12 file's path and the optional RFC 3161 time-stamp server are shared settings (every
client of one database signs with the same certificate); the passphrase is in the OS keyring
(``signing-passphrase``), never in the database. ``PRIVACY_CONSOLE_SIGNING_CERT`` or an explicit
path (``--cert``) overrides the setting for one run.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from console import config, keychain
from console.context import Context
from console.documents.finish import Signing
from console.errors import DocumentError, ValidationError, WrongPassphrase
from console.security.roles import Perm
from console.store.models import Setting

if TYPE_CHECKING:
    from pyhanko.sign.signers import SimpleSigner

PKCS12_PATH = "signing.pkcs12_path"
TIMESTAMP_URL = "signing.timestamp_url"
LOCATION = "signing.location"
TRUST_ANCHORS = "signing.trust_anchors"  # PEM text of the organisation's published certificate(s)
SIGNING_CERT_ENV = config.SIGNING_CERT.name
PASSPHRASE_SECRET = "signing-passphrase"  # the same entry console.documents.signing reads
UNCHANGED: Any = object()

NO_CERTIFICATE = (
    "No signing certificate is configured: run 'privacy-console cert use FILE.p12' (or make one "
    "for trials with 'privacy-console cert create-self-signed'), give --cert FILE.p12, or build "
    "an unsigned draft with --no-sign."
)


@dataclass(frozen=True)
class SigningSettings:
    pkcs12_path: str | None
    timestamp_url: str | None
    location: str | None


@dataclass(frozen=True)
class CertificateInfo:
    """What a person checks about a certificate before trusting letters signed with it."""

    common_name: str
    organisation: str
    email: str
    subject: str
    fingerprint: str
    not_before: datetime
    not_after: datetime
    pem: bytes


@dataclass(frozen=True)
class Signer:
    """An opened certificate, ready to sign one package."""

    signer: SimpleSigner
    info: CertificateInfo
    timestamp_url: str | None
    location: str
    trust_roots: tuple[bytes, ...] = ()  # the configured anchors: chains they accept get B-LT data


def signing_settings(ctx: Context) -> SigningSettings:
    with ctx.db.read(ctx.actor) as s:
        rows: dict[str, object] = dict(s.execute(select(Setting.key, Setting.value).where(Setting.key.like("signing.%"))).all())
    return SigningSettings(_str(rows.get(PKCS12_PATH)), _str(rows.get(TIMESTAMP_URL)), _str(rows.get(LOCATION)))


def _str(value: object) -> str | None:
    return str(value) if isinstance(value, str) and value.strip() else None


def _store(ctx: Context, values: dict[str, str | None], detail: str, action: str = "signing.configure") -> None:
    with ctx.db.unit(ctx.actor, Perm.SETTINGS) as uow:
        for key, value in values.items():
            row = uow.session.get(Setting, key)
            if value is None:
                if row is not None:
                    uow.session.delete(row)
            elif row is None:
                uow.session.add(Setting(key=key, value=value))
            else:
                row.value = value
        uow.audit(action, "setting", "signing", detail)


def certificate_info(p12: bytes, passphrase: str) -> CertificateInfo:
    """Open the file (checking passphrase, key and dates) and describe its certificate."""
    from cryptography.hazmat.primitives.serialization import Encoding
    from cryptography.x509.oid import NameOID

    from console.documents.certs import fingerprint, open_pkcs12

    cert, _ = open_pkcs12(p12, passphrase)

    def attr(oid: Any) -> str:
        found = cert.subject.get_attributes_for_oid(oid)
        return str(found[0].value) if found else ""

    names = (attr(NameOID.COMMON_NAME), attr(NameOID.ORGANIZATION_NAME), attr(NameOID.EMAIL_ADDRESS))
    return CertificateInfo(
        common_name=names[0], organisation=names[1], email=names[2],
        subject=", ".join(n for n in names if n) or cert.subject.rfc4514_string(),
        fingerprint=fingerprint(cert.public_bytes(Encoding.DER)),
        not_before=cert.not_valid_before_utc, not_after=cert.not_valid_after_utc,
        pem=cert.public_bytes(Encoding.PEM),
    )


def read_pkcs12(path: str | os.PathLike[str], where: str = "") -> bytes:
    p = Path(path).expanduser()
    try:
        return p.read_bytes()
    except FileNotFoundError:
        raise DocumentError(
            f"The signing certificate file {p} does not exist{where}; point to the right file "
            "with 'privacy-console cert use FILE.p12'."
        ) from None
    except OSError as exc:
        raise DocumentError(f"The signing certificate file {p} cannot be read: {exc.strerror or exc}.") from None


def configure_signing(ctx: Context, pkcs12_path: str | os.PathLike[str], passphrase: str, *,
                      store_passphrase: bool = True, timestamp_url: str | None = UNCHANGED,
                      location: str | None = UNCHANGED) -> CertificateInfo:
    """Use this PKCS#12 file from now on; it is opened first, so a bad file or passphrase is refused."""
    path = Path(pkcs12_path).expanduser().resolve()
    info = certificate_info(read_pkcs12(path), passphrase)
    values: dict[str, str | None] = {PKCS12_PATH: str(path)}
    if timestamp_url is not UNCHANGED:
        values[TIMESTAMP_URL] = check_timestamp_url(timestamp_url)
    if location is not UNCHANGED:
        values[LOCATION] = (location or "").strip() or None
    if store_passphrase:  # first: without a keyring nothing is recorded as configured
        keychain.set_secret(PASSPHRASE_SECRET, passphrase)
    _store(ctx, values, f"{path} ({info.fingerprint})")
    return info


def set_timestamp_url(ctx: Context, url: str | None) -> None:
    """The RFC 3161 time-stamp server to ask on every signature (None: sign without a time stamp)."""
    _store(ctx, {TIMESTAMP_URL: check_timestamp_url(url)}, f"timestamp {url or 'off'}")


def check_timestamp_url(url: str | None) -> str | None:
    url = (url or "").strip() or None
    if url is not None and not url.startswith(("http://", "https://")):
        raise ValidationError(f"{url!r} is not a time-stamp server address (http:// or https://).")
    return url


def trust_anchors(ctx: Context) -> list[bytes]:
    """The certificates (or CA) this organisation publishes and `package verify` trusts."""
    with ctx.db.read(ctx.actor) as s:
        row = s.get(Setting, TRUST_ANCHORS)
        text = row.value if row is not None and isinstance(row.value, str) else ""
    return [block.encode("ascii") for block in _pem_blocks(text)]


def set_trust_anchor(ctx: Context, path: str | os.PathLike[str] | None) -> list[str]:
    """Trust the certificate(s) in ``path`` (PEM or DER) from now on; None clears the list.

    Returns each certificate's subject and fingerprint, for the person to compare with what
    the organisation publishes.
    """
    if path is None:
        _store(ctx, {TRUST_ANCHORS: None}, "trust anchors cleared", action="signing.trust")
        return []
    p = Path(path).expanduser()
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise ValidationError(f"The certificate {p} cannot be read: {exc.strerror or exc}.") from None
    pems, described = _certificates(data, str(p))
    _store(ctx, {TRUST_ANCHORS: "".join(pems)}, f"trust {'; '.join(described)}", action="signing.trust")
    return described


def _pem_blocks(text: str) -> list[str]:
    import re

    return re.findall(r"-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----\n?", text)


def _certificates(data: bytes, where: str) -> tuple[list[str], list[str]]:
    """PEM text and 'subject (fingerprint)' of each certificate in a PEM or DER file."""
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    from console.documents.certs import fingerprint

    try:
        certs = x509.load_pem_x509_certificates(data) if b"-----BEGIN" in data else [x509.load_der_x509_certificate(data)]
    except ValueError:
        raise ValidationError(f"{where} holds no certificate (PEM or DER); give the organisation's published "
                              ".pem file, not its private .p12.") from None
    pems = [c.public_bytes(Encoding.PEM).decode("ascii") for c in certs]
    described = [f"{c.subject.rfc4514_string()} ({fingerprint(c.public_bytes(Encoding.DER))})" for c in certs]
    return pems, described


def open_signer(ctx: Context, pkcs12_path: str | os.PathLike[str] | None = None,
                passphrase: str | None = None) -> Signer:
    """The certificate to sign with: explicit path, else the environment, else the setting."""
    from console.documents.certs import load_signer

    settings = signing_settings(ctx)
    where = ""
    if pkcs12_path is None and config.SIGNING_CERT.is_set():
        pkcs12_path, where = config.SIGNING_CERT.get(), f" (from {SIGNING_CERT_ENV})"
    if pkcs12_path is None and settings.pkcs12_path:
        pkcs12_path, where = settings.pkcs12_path, f" (setting {PKCS12_PATH})"
    if pkcs12_path is None:
        raise DocumentError(NO_CERTIFICATE)
    p12 = read_pkcs12(pkcs12_path, where)
    if passphrase is None:
        passphrase = keychain.get_secret(PASSPHRASE_SECRET)
        if passphrase is None:
            raise DocumentError(
                "The signing certificate's passphrase is not in the keyring: store it with "
                "'privacy-console cert use FILE.p12' (Settings, Signing certificate, in the window)."
            )
    try:
        info = certificate_info(p12, passphrase)
    except WrongPassphrase as exc:
        raise WrongPassphrase(f"{exc} Store the right one with 'privacy-console cert use {pkcs12_path}'.") from None
    location = settings.location or ctx.catalogue.organisation.time_zone.split("/")[-1].replace("_", " ")
    return Signer(load_signer(p12, passphrase), info, settings.timestamp_url, location, tuple(trust_anchors(ctx)))


def configured_signing(ctx: Context, pkcs12_path: str | None = None) -> Signing | None:
    """The organisation's certificate exactly as response packages use it, or None if none is set.

    Configured means: an explicit path, ``PRIVACY_CONSOLE_SIGNING_CERT``, or the shared setting
    (``privacy-console cert use FILE.p12``). A configured certificate that cannot be opened
    (missing file, wrong passphrase, expired) is an error, never a silent unsigned document.
    """
    if not (pkcs12_path or config.SIGNING_CERT.is_set() or signing_settings(ctx).pkcs12_path):
        return None
    opened = open_signer(ctx, pkcs12_path)
    return Signing(opened.signer, None, opened.info.common_name or opened.info.subject, opened.location,
                   opened.timestamp_url)
