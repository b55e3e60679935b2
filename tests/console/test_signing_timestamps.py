"""PAdES B-T and B-LT against a real RFC 3161 time-stamp server on 127.0.0.1, judged by pyHanko.

The server is pyHanko's own test TSA (DummyTimeStamper) behind http.server: real DER requests
over HTTP, real tokens signed by a TSA certificate that a local CA issued.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.timestamps.dummy_client import DummyTimeStamper
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.dss import DocumentSecurityStore
from pyhanko_certvalidator import ValidationContext

from console.cli import main
from console.documents import DocumentSpec, Paragraph, create_self_signed, render_pdf
from console.documents.certs import open_pkcs12
from console.documents.signing import sign_pdf
from console.documents.verify import verify_pdf
from console.packages import build_package, configure_signing, set_timestamp_url
from console.packages.settings import set_trust_anchor
from tests.console.test_packages_support import PASSPHRASE, ready_request
from tests.console.tsa_server import serve_tsa

DER = serialization.Encoding.DER


@dataclass(frozen=True)
class TimeStampServer:
    url: str
    ca_pem: bytes


def _name(cn: str) -> x509.Name:
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)])


def _tsa_certificates() -> tuple[x509.Certificate, x509.Certificate, rsa.RSAPrivateKey]:
    """A CA and a time-stamping certificate it issued (pyHanko's test TSA signs with RSA only)."""
    start = datetime.now(UTC) - timedelta(minutes=5)
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca = (x509.CertificateBuilder().subject_name(_name("Test Time-Stamp CA")).issuer_name(_name("Test Time-Stamp CA"))
          .public_key(ca_key.public_key()).serial_number(1).not_valid_before(start)
          .not_valid_after(start + timedelta(days=30))
          .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
          .add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False), critical=True)
          .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), critical=False)
          .sign(ca_key, hashes.SHA256()))
    tsa_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    tsa = (x509.CertificateBuilder().subject_name(_name("Test TSA")).issuer_name(ca.subject)
           .public_key(tsa_key.public_key()).serial_number(2).not_valid_before(start)
           .not_valid_after(start + timedelta(days=30))
           .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
           .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
           .sign(ca_key, hashes.SHA256()))
    return ca, tsa, tsa_key


@pytest.fixture(scope="module")
def tsa() -> Iterator[TimeStampServer]:
    ca, tsa_cert, tsa_key = _tsa_certificates()
    key_der = tsa_key.private_bytes(DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    stamper = DummyTimeStamper(tsa_cert=asn1_x509.Certificate.load(tsa_cert.public_bytes(DER)),
                               tsa_key=asn1_keys.PrivateKeyInfo.load(key_der),
                               certs_to_embed=[asn1_x509.Certificate.load(ca.public_bytes(DER))])
    with serve_tsa(stamper) as url:
        yield TimeStampServer(url, ca.public_bytes(serialization.Encoding.PEM))


@pytest.fixture(scope="module")
def p12() -> bytes:
    return create_self_signed("Miximonster DPO", "Miximonster", "privacy@miximonster.com", passphrase=PASSPHRASE)


def _letter() -> bytes:
    return render_pdf(DocumentSpec(title="Answer", reference="DSR-2026-000001", organisation="Miximonster",
                                   blocks=(Paragraph("Your data."),)))


def _pyhanko_status(pdf: bytes, *roots: bytes):  # type: ignore[no-untyped-def]
    reader = PdfFileReader(io.BytesIO(pdf))
    trust = [asn1_x509.Certificate.load(x509.load_pem_x509_certificate(r).public_bytes(DER)) for r in roots]
    status = validate_pdf_signature(reader.embedded_signatures[0],
                                    ValidationContext(trust_roots=trust, allow_fetching=False))
    return reader, status


def test_a_time_stamp_makes_b_t_and_pyhanko_trusts_it(tsa: TimeStampServer, p12: bytes) -> None:
    pdf = sign_pdf(_letter(), p12, PASSPHRASE, reason="Answer", location="Dublin", signer_name="DPO",
                   reference="DSR-2026-000001", timestamp_url=tsa.url)
    signer_pem = open_pkcs12(p12, PASSPHRASE)[0].public_bytes(serialization.Encoding.PEM)
    _, status = _pyhanko_status(pdf, signer_pem, tsa.ca_pem)
    stamp = status.timestamp_validity
    assert status.bottom_line and stamp is not None and stamp.intact and stamp.valid and stamp.trusted
    report = verify_pdf(pdf, [signer_pem, tsa.ca_pem])
    assert report.timestamped and report.level == "B-T"  # the TSA's CA is not one the signer knew


def test_with_the_tsa_chain_known_validation_data_is_embedded_b_lt(tsa: TimeStampServer, p12: bytes) -> None:
    pdf = sign_pdf(_letter(), p12, PASSPHRASE, reason="Answer", location="Dublin", signer_name="DPO",
                   reference="DSR-2026-000001", timestamp_url=tsa.url, trust_roots=[tsa.ca_pem])
    signer_pem = open_pkcs12(p12, PASSPHRASE)[0].public_bytes(serialization.Encoding.PEM)
    reader, status = _pyhanko_status(pdf, signer_pem, tsa.ca_pem)
    assert status.bottom_line and status.timestamp_validity.trusted
    dss = DocumentSecurityStore.read_dss(reader)
    embedded = {c.subject.human_friendly for c in dss.load_certs()}
    assert {"Common Name: Test TSA", "Common Name: Test Time-Stamp CA"} <= embedded
    assert status.signing_cert.sha256 in {c.sha256 for c in dss.load_certs()}
    report = verify_pdf(pdf, [signer_pem, tsa.ca_pem])
    assert report.level == "B-LT" and not report.problems  # the validation-data revision is allowed


def test_a_package_signed_with_the_configured_server_verifies_at_b_lt(
        ctx, tmp_path: Path, tsa: TimeStampServer, p12: bytes, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from console.cli import package

    path = tmp_path / "org.p12"
    path.write_bytes(p12)
    info = configure_signing(ctx, path, PASSPHRASE)
    set_timestamp_url(ctx, tsa.url)  # Settings, Signing certificate, Time stamps
    (tmp_path / "anchors.pem").write_bytes(info.pem + tsa.ca_pem)
    set_trust_anchor(ctx, tmp_path / "anchors.pem")
    ref = ready_request(ctx, tmp_path, "access")
    result = build_package(ctx, ref, tmp_path / "out")
    monkeypatch.setattr(package, "context", lambda args: ctx)
    code = main(["package", "verify", result.path])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "PAdES B-LT; signer trusted; no change after signing" in out
