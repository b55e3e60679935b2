"""Signing certificates: make a self-signed one for a first run, and open a PKCS#12 file safely.

Opening is checked step by step so a person reads *why* a certificate cannot sign (wrong
passphrase, damaged file, expired, no private key) instead of a library's stack trace.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Literal

from asn1crypto import pkcs12 as asn1_pkcs12
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.sign.signers import SimpleSigner

from console.errors import DocumentError, WrongPassphrase

WRONG_PASSPHRASE = "The signing certificate's passphrase is wrong."
DOCUMENT_SIGNING = x509.ObjectIdentifier("1.3.6.1.5.5.7.3.36")  # id-kp-documentSigning (RFC 9336)


def create_self_signed(
    common_name: str,
    organisation: str,
    email: str,
    days: int = 365,
    key_type: Literal["ec", "rsa"] = "ec",
    *,
    passphrase: str,
    valid_from: datetime | None = None,
) -> bytes:
    """A PKCS#12 file with a fresh key and a self-signed document-signing certificate.

    Self-signed means nobody vouches for it: recipients check it by its fingerprint, which the
    organisation publishes. ``valid_from`` exists so tests can make expired certificates.
    """
    if not passphrase:
        raise DocumentError("Choose a passphrase to protect the signing certificate.")
    if days < 1:
        raise DocumentError("A signing certificate must be valid for at least one day.")
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey
    if key_type == "ec":
        key = ec.generate_private_key(ec.SECP256R1())
    elif key_type == "rsa":
        key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    else:
        raise DocumentError(f"Unknown key type {key_type!r}: use 'ec' or 'rsa'.")
    start = (valid_from or datetime.now(UTC)) - timedelta(minutes=5)  # tolerate clock skew
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation),
            x509.NameAttribute(NameOID.EMAIL_ADDRESS, email),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(start + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage([DOCUMENT_SIGNING, ExtendedKeyUsageOID.EMAIL_PROTECTION]),
            critical=False,
        )
        .add_extension(x509.SubjectAlternativeName([x509.RFC822Name(email)]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        common_name.encode("utf-8"),
        key,
        cert,
        None,
        serialization.BestAvailableEncryption(passphrase.encode("utf-8")),
    )


def open_pkcs12(
    p12_bytes: bytes, passphrase: str, *, now: datetime | None = None
) -> tuple[x509.Certificate, list[x509.Certificate]]:
    """The certificate (and its chain) after every check a signer needs; raises DocumentError."""
    try:
        asn1_pkcs12.Pfx.load(p12_bytes).native  # noqa: B018 - parses the whole structure
    except Exception as exc:  # asn1crypto raises ValueError, TypeError, ... on garbage
        raise DocumentError(
            "The signing certificate file is damaged or is not a PKCS#12 (.p12/.pfx) file."
        ) from exc
    try:
        key, cert, chain = pkcs12.load_key_and_certificates(p12_bytes, passphrase.encode("utf-8"))
    except ValueError as exc:
        raise WrongPassphrase(WRONG_PASSPHRASE) from exc
    if key is None:
        raise DocumentError(
            "The signing certificate file holds no private key, so it cannot sign; "
            "export it again with its private key."
        )
    if cert is None:
        raise DocumentError("The signing certificate file holds a key but no certificate.")
    if _spki(key.public_key()) != _spki(cert.public_key()):
        raise DocumentError(
            "The private key in the signing certificate file does not match its certificate."
        )
    check_validity(cert, now=now)
    return cert, list(chain)


def check_validity(cert: x509.Certificate, *, now: datetime | None = None) -> None:
    """A signature made outside the certificate's dates would fail every later check."""
    now = now or datetime.now(UTC)
    start, end = cert.not_valid_before_utc, cert.not_valid_after_utc
    if now < start:
        raise DocumentError(
            f"The signing certificate is not valid yet: it is valid from {_when(start)} "
            f"until {_when(end)}."
        )
    if now > end:
        raise DocumentError(
            f"The signing certificate expired on {_when(end)} (it was valid from {_when(start)}); "
            "create or import a new one."
        )


def load_signer(p12_bytes: bytes, passphrase: str) -> SimpleSigner:
    """A pyHanko signer from PKCS#12 bytes, after :func:`open_pkcs12` has checked them."""
    open_pkcs12(p12_bytes, passphrase)
    try:
        signer = SimpleSigner.load_pkcs12_data(
            p12_bytes, other_certs=[], passphrase=passphrase.encode("utf-8")
        )
    except Exception as exc:  # already checked above; anything left is unexpected
        raise DocumentError(f"The signing certificate could not be loaded: {exc}") from exc
    return signer


def certificate_pem(p12_bytes: bytes, passphrase: str) -> bytes:
    """The public certificate alone, to publish or ship beside a package for checking."""
    cert, _ = open_pkcs12(p12_bytes, passphrase)
    return cert.public_bytes(serialization.Encoding.PEM)


def fingerprint(cert_der: bytes) -> str:
    """SHA-256 fingerprint as certificate viewers print it (AB:CD:...), to compare by eye."""
    digest = hashes.Hash(hashes.SHA256())
    digest.update(cert_der)
    return ":".join(f"{b:02X}" for b in digest.finalize())


def _spki(public_key: object) -> bytes:
    return public_key.public_bytes(  # type: ignore[attr-defined]
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")
