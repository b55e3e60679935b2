"""Real signatures, checked by pyHanko, poppler and qpdf; tampering, bad certificates, manifests."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from keyring.backend import KeyringBackend
from pyhanko.keys.internal import (
    translate_pyca_cryptography_cert_to_asn1,
    translate_pyca_cryptography_key_to_asn1,
)
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.timestamps import DummyTimeStamper

from console.documents import (
    DocumentSpec,
    Paragraph,
    Table,
    build_manifest,
    certificate_pem,
    check_manifest,
    create_self_signed,
    load_signer,
    read_manifest,
    render_pdf,
    sign_pdf,
    verify_pdf,
    write_manifest,
)
from console.documents.verify import CHANGED_AFTER, CHANGED_INSIDE, NOT_SIGNED
from console.errors import DocumentError, WrongPassphrase
from console.keychain import set_secret
from tests.console.tsa_server import serve_tsa

PASSPHRASE = "correct horse battery staple"
SIGN_ARGS = dict(
    reason="Response to your access request (GDPR Art. 15)",
    location="København, Denmark",
    signer_name="Ærø Jensen",
    reference="DSR-2026-0042",
)


@pytest.fixture(scope="module")
def p12() -> bytes:
    return create_self_signed(
        "Ærø Jensen", "Nordlys Analytics ApS", "dpo@nordlys.example", passphrase=PASSPHRASE
    )


@pytest.fixture(scope="module")
def cert_pem(p12: bytes) -> bytes:
    return certificate_pem(p12, PASSPHRASE)


@pytest.fixture(scope="module")
def letter() -> bytes:
    rows = [(i, f"Müller-Łódź {i}", "Øresund office login") for i in range(120)]
    spec = DocumentSpec(
        title="Response to your data access request",
        reference="DSR-2026-0042",
        organisation="Nordlys Analytics ApS",
        recipient_lines=("Zofia Łódźka-Müller", "90-006 Łódź"),
        blocks=(Paragraph("Dear Ms Łódźka-Müller,"), Table(("#", "Name", "Event"), rows)),
        closing=("Yours sincerely,", "Ærø Jensen"),
    )
    return render_pdf(spec)


@pytest.fixture(scope="module")
def signed(letter: bytes, p12: bytes) -> bytes:
    return sign_pdf(letter, p12, PASSPHRASE, **SIGN_ARGS)


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed")
    return found


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- signatures that hold -------------------------------------------------------------------


def test_pyhanko_finds_it_intact_valid_and_trusted_with_our_root(
    signed: bytes, cert_pem: bytes
) -> None:
    report = verify_pdf(signed, trust_roots=[cert_pem])
    assert (report.signed, report.intact, report.valid, report.trusted) == (True,) * 4
    assert report.bottom_line and report.problems == ()
    assert not report.modified_after_signing and report.modification_level == "none"
    assert "Ærø Jensen" in report.signer_subject
    assert re.fullmatch(r"([0-9A-F]{2}:){31}[0-9A-F]{2}", report.signer_fingerprint)
    assert report.signed_at is not None
    assert abs(report.signed_at - datetime.now(UTC)) < timedelta(minutes=5)


def test_without_trust_root_it_is_intact_but_untrusted_and_says_why(signed: bytes) -> None:
    report = verify_pdf(signed)
    assert report.intact and report.valid and not report.trusted and not report.bottom_line
    assert len(report.problems) == 1
    assert "not trusted" in report.problems[0]
    assert report.signer_fingerprint in report.problems[0]


def test_pdfsig_reports_the_signature_valid(tmp_path: Path, signed: bytes) -> None:
    out = subprocess.run(
        [_tool("pdfsig"), str(_write(tmp_path, "signed.pdf", signed))],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert "Signature Validation: Signature is Valid." in out, out
    assert "Ærø Jensen" in out
    assert "Total document signed" in out
    assert "ETSI.CAdES.detached" in out  # PAdES


def test_qpdf_check_passes_before_and_after_signing(
    tmp_path: Path, letter: bytes, signed: bytes
) -> None:
    for name, data in (("letter.pdf", letter), ("signed.pdf", signed)):
        result = subprocess.run(
            [_tool("qpdf"), "--check", str(_write(tmp_path, name, data))],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_signing_appends_and_keeps_the_original_revision(letter: bytes, signed: bytes) -> None:
    assert signed.startswith(letter)


def test_signing_time_in_the_box_is_the_signature_time(letter: bytes, p12: bytes) -> None:
    when = datetime(2026, 11, 30, 9, 15, 42, tzinfo=UTC)
    out = sign_pdf(letter, p12, PASSPHRASE, signed_at=when, **SIGN_ARGS)
    assert verify_pdf(out).signed_at == when


def test_rsa_certificate_signs_too(letter: bytes, cert_pem: bytes) -> None:
    rsa_p12 = create_self_signed("R", "O", "r@o.example", key_type="rsa", passphrase="pw")
    out = sign_pdf(letter, load_signer(rsa_p12, "pw"), None, **SIGN_ARGS)
    report = verify_pdf(out, trust_roots=[certificate_pem(rsa_p12, "pw")])
    assert report.bottom_line, report.problems


# --- tampering ------------------------------------------------------------------------------


def test_one_byte_changed_inside_the_signed_range_is_caught(signed: bytes, cert_pem: bytes) -> None:
    first_range_end = int(re.search(rb"/ByteRange\s*\[\s*0\s+(\d+)", signed).group(1))  # type: ignore[union-attr]
    at = signed.index(b"Privacy Console")
    assert at < first_range_end
    tampered = signed[:at] + b"Privacy Consolf" + signed[at + 15 :]
    report = verify_pdf(tampered, trust_roots=[cert_pem])
    assert not report.intact and not report.bottom_line
    assert CHANGED_INSIDE in report.problems


def test_content_appended_after_signing_is_caught(signed: bytes, cert_pem: bytes) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(signed))
    stamp = generic.StreamObject(stream_data=b"BT /F1 36 Tf 200 400 Td (PAID) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stamp))
    out = io.BytesIO()
    writer.write(out)
    report = verify_pdf(out.getvalue(), trust_roots=[cert_pem])
    assert report.intact and report.valid  # the signed bytes themselves are untouched...
    assert report.modified_after_signing and not report.bottom_line  # ...but the file is not
    assert CHANGED_AFTER in report.problems


def test_unsigned_pdf_is_reported_as_such(letter: bytes) -> None:
    report = verify_pdf(letter)
    assert not report.signed and not report.bottom_line
    assert report.problems == (NOT_SIGNED,)


def test_garbage_is_not_a_pdf() -> None:
    with pytest.raises(DocumentError, match="not a readable PDF"):
        verify_pdf(b"hello")
    with pytest.raises(DocumentError, match="not a readable PDF"):
        sign_pdf(b"hello", b"", "x", **SIGN_ARGS)


# --- certificates that cannot sign ----------------------------------------------------------


def test_wrong_passphrase_says_so(letter: bytes, p12: bytes) -> None:
    with pytest.raises(DocumentError) as caught:
        sign_pdf(letter, p12, "not it", **SIGN_ARGS)
    assert str(caught.value) == "The signing certificate's passphrase is wrong."
    assert isinstance(caught.value, WrongPassphrase)  # what callers tell it by


def test_expired_certificate_names_its_dates(letter: bytes) -> None:
    start = datetime.now(UTC) - timedelta(days=400)
    old = create_self_signed("Old", "O", "o@o.example", days=30, passphrase="pw", valid_from=start)
    with pytest.raises(DocumentError, match=r"expired on \d{4}-\d\d-\d\d .*valid from \d{4}-"):
        sign_pdf(letter, old, "pw", **SIGN_ARGS)


def test_not_yet_valid_certificate_names_its_dates() -> None:
    start = datetime.now(UTC) + timedelta(days=3)
    future = create_self_signed("New", "O", "n@o.example", passphrase="pw", valid_from=start)
    with pytest.raises(DocumentError, match=rf"not valid yet: it is valid from {start:%Y-%m-%d}"):
        load_signer(future, "pw")


def test_certificate_without_private_key_is_refused(p12: bytes) -> None:
    _, cert, _ = pkcs12.load_key_and_certificates(p12, PASSPHRASE.encode())
    public_only = pkcs12.serialize_key_and_certificates(
        b"public", None, cert, None, serialization.BestAvailableEncryption(b"pw")
    )
    with pytest.raises(DocumentError, match="holds no private key"):
        load_signer(public_only, "pw")


@pytest.mark.parametrize("damage", [b"not a p12 at all", b"\x30\x82\x01"])
def test_damaged_certificate_file_is_refused(damage: bytes) -> None:
    with pytest.raises(DocumentError, match="damaged or is not a PKCS#12"):
        load_signer(damage, "pw")


# --- passphrase from the keyring ------------------------------------------------------------


class _MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self._store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self._store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self._store.pop((service, username), None)


@pytest.fixture
def memory_keyring() -> Iterator[None]:
    previous = keyring.get_keyring()
    keyring.set_keyring(_MemoryKeyring())
    yield
    keyring.set_keyring(previous)


@pytest.mark.usefixtures("memory_keyring")
def test_passphrase_comes_from_the_keyring_when_not_given(letter: bytes, p12: bytes) -> None:
    with pytest.raises(DocumentError, match="No signing passphrase is stored"):
        sign_pdf(letter, p12, None, **SIGN_ARGS)
    set_secret("signing-passphrase", PASSPHRASE)
    assert verify_pdf(sign_pdf(letter, p12, None, **SIGN_ARGS)).intact


# --- RFC 3161 time stamps -------------------------------------------------------------------


def _tsa() -> tuple[DummyTimeStamper, bytes]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Test TSA")])
    now = datetime.now(UTC) - timedelta(minutes=5)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=2))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True)
        .sign(key, hashes.SHA256())
    )
    stamper = DummyTimeStamper(
        tsa_cert=translate_pyca_cryptography_cert_to_asn1(cert),
        tsa_key=translate_pyca_cryptography_key_to_asn1(key),
    )
    return stamper, cert.public_bytes(serialization.Encoding.PEM)


@pytest.fixture
def tsa_url() -> Iterator[tuple[str, bytes]]:
    """A real RFC 3161 server over HTTP on localhost, answering with a test TSA certificate."""
    stamper, tsa_pem = _tsa()
    with serve_tsa(stamper) as url:
        yield url, tsa_pem


def test_time_stamp_from_a_tsa_is_embedded_and_verified(
    letter: bytes, p12: bytes, cert_pem: bytes, tsa_url: tuple[str, bytes]
) -> None:
    url, tsa_pem = tsa_url
    out = sign_pdf(letter, p12, PASSPHRASE, timestamp_url=url, **SIGN_ARGS)
    report = verify_pdf(out, trust_roots=[cert_pem, tsa_pem])
    assert report.timestamped and report.bottom_line, report.problems


def test_unreachable_tsa_is_a_clear_error(letter: bytes, p12: bytes) -> None:
    with pytest.raises(DocumentError, match=r"time-stamping service at http://127\.0\.0\.1:9/"):
        sign_pdf(letter, p12, PASSPHRASE, timestamp_url="http://127.0.0.1:9/", **SIGN_ARGS)


# --- manifests ------------------------------------------------------------------------------


FILES = {
    "letter.pdf": b"%PDF-1.7 signed letter",
    "data/subject.json": '{"name": "Łódź Müller"}'.encode(),
    "data/events.csv": b"when,what\n2026-11-01,login\n",
}


@pytest.fixture
def package(tmp_path: Path) -> Path:
    for name, data in FILES.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    write_manifest(build_manifest(tmp_path), tmp_path)
    return tmp_path


def test_manifest_of_folder_equals_manifest_of_memory(package: Path) -> None:
    from_disk = read_manifest((package / "manifest.json").read_bytes())
    assert from_disk == build_manifest(FILES)
    assert from_disk.manifest_hash == build_manifest(dict(reversed(FILES.items()))).manifest_hash
    assert check_manifest(package) == []


def test_manifest_catches_a_changed_data_file(package: Path) -> None:
    (package / "data/events.csv").write_bytes(b"when,what\n2026-11-01,logout\n")
    assert check_manifest(package) == [
        "data/events.csv was changed: its SHA-256 does not match the manifest."
    ]


def test_manifest_catches_missing_and_extra_files(package: Path) -> None:
    (package / "data/subject.json").unlink()
    (package / "notes.txt").write_text("added later")
    assert check_manifest(package) == [
        "data/subject.json is missing.",
        "notes.txt is not listed in the manifest.",
    ]


def test_manifest_catches_its_own_edit(package: Path) -> None:
    path = package / "manifest.json"
    path.write_bytes(path.read_bytes().replace(b'"size":22', b'"size":23'))
    (problem,) = check_manifest(package)
    assert "edited after it was made" in problem


def test_manifest_checks_a_zip(package: Path, tmp_path_factory: pytest.TempPathFactory) -> None:
    archive = tmp_path_factory.mktemp("zip") / "package.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in sorted(package.rglob("*")):
            if path.is_file():
                data = path.read_bytes()
                if path.name == "subject.json":
                    data = data.replace("Łódź".encode(), b"Lodz")
                zf.writestr(path.relative_to(package).as_posix(), data)
    assert check_manifest(archive) == [
        "data/subject.json was changed: its SHA-256 does not match the manifest."
    ]


def test_manifest_without_manifest_and_unsafe_names(tmp_path: Path) -> None:
    assert check_manifest(tmp_path) == [
        "The manifest manifest.json is missing, so nothing can be checked."
    ]
    with pytest.raises(DocumentError, match="cannot go into a package"):
        build_manifest({"../escape.txt": b""})
