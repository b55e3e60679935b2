"""`package verify` catches each kind of tampering and each attack, names it, and exits with the
code of its class (documented in `package verify --help`).

Each test builds a real signed package, changes one thing the way someone might, and runs the
command as a person would (the CLI entry point, in this process for the in-memory keyring).
"""

from __future__ import annotations

import io
import json
import re
import shutil
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from console.cli import main
from console.documents import build_manifest, create_self_signed, write_manifest
from console.packages import build_package, configure_signing
from console.packages.settings import set_trust_anchor
from console.packages.verify import EXIT_CODES
from tests.console.inprocess import run_cli
from tests.console.test_packages_support import PASSPHRASE, add_request, ready_request

NAME = ("Miximonster DPO", "Miximonster", "privacy@miximonster.com")


@pytest.fixture(autouse=True)
def console_db(ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`package verify` and `cert trust` run against the test's database."""
    from console.cli import cert, package

    monkeypatch.setattr(package, "context", lambda args: ctx)
    monkeypatch.setattr(cert, "context", lambda args: ctx)


@pytest.fixture(scope="module")
def p12() -> bytes:
    return create_self_signed(*NAME, passphrase=PASSPHRASE)


@pytest.fixture
def signing(ctx, tmp_path: Path, p12: bytes) -> Path:  # type: ignore[no-untyped-def]
    """The organisation's certificate configured for signing; its public part published as org.pem."""
    path = tmp_path / "org.p12"
    path.write_bytes(p12)
    info = configure_signing(ctx, path, PASSPHRASE)
    (tmp_path / "org.pem").write_bytes(info.pem)
    return tmp_path / "org.pem"


@pytest.fixture
def trusted(ctx, signing: Path) -> Path:  # type: ignore[no-untyped-def]
    set_trust_anchor(ctx, signing)
    return signing


@pytest.fixture
def package(ctx, tmp_path: Path, trusted: Path):  # type: ignore[no-untyped-def]
    """A signed portability package (letter plus data files), its certificate trusted."""
    ref = ready_request(ctx, tmp_path, "portability", details={"format": "json", "destination": "me"})
    return build_package(ctx, ref, tmp_path / "out")


def verify(path: str | Path, *extra: str, capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["package", "verify", str(path), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def swap_letter(into: Path, letter: Path) -> None:
    """What an attacker does: replace the package's letter and recompute the manifest."""
    for old in into.glob("*.pdf"):
        old.unlink()
    shutil.copy(letter, into / f"{into.name}.pdf")
    write_manifest(build_manifest(into), into)


def test_an_untouched_package_verifies(package, capsys) -> None:
    code, out, err = verify(package.path, capsys=capsys)
    assert code == 0, err
    assert "intact, valid, PAdES B-B; signer trusted; no change after signing" in out
    assert "OK: the package is intact, bound to its request and signed by a trusted certificate" in out
    assert "built by this console" in out and "Miximonster DPO" in out and err == ""


def test_without_a_trust_anchor_it_is_intact_but_never_plain_ok(ctx, package, capsys) -> None:
    set_trust_anchor(ctx, None)
    code, out, err = verify(package.path, capsys=capsys)
    assert code == EXIT_CODES["unverified"] == 20
    assert "INTACT, SIGNER NOT VERIFIED" in out and "OK:" not in out.replace("NOT OK", "")
    assert "signer NOT verified" in out and "compare its SHA-256 fingerprint" in out


def test_a_forged_self_signed_certificate_with_the_right_name(ctx, package, tmp_path: Path, capsys) -> None:
    """Attack 3: a stranger makes a certificate with the organisation's very name and signs with it."""
    forged = tmp_path / "forged.p12"
    forged.write_bytes(create_self_signed(*NAME, passphrase="pw"))
    ref = package.reference
    fake = build_package(ctx, ref, tmp_path / "forged", kind="receipt", cert_path=forged, passphrase="pw")
    code, out, err = verify(fake.path, capsys=capsys)
    assert code == EXIT_CODES["untrusted"] == 21
    assert "NOT OK: the signer is not trusted" in out and "not trusted on this computer" in err
    set_trust_anchor(ctx, None)  # without a trust anchor: still not OK, its own code
    code, out, err = verify(fake.path, capsys=capsys)
    assert code == 20 and "SIGNER NOT VERIFIED" in out
    code, out, err = verify(fake.path, "--no-db", "--trust", str(tmp_path / "org.pem"), capsys=capsys)
    assert code == 21


def test_one_byte_changed_in_the_pdf_is_caught(package, capsys) -> None:
    letter = Path(package.path) / package.letter
    data = bytearray(letter.read_bytes())
    start = int(re.search(rb"/ByteRange \[\s*0 (\d+)", bytes(data)).group(1)) // 2  # inside the signed bytes
    at = data.index(b"stream", start) + 20
    data[at] ^= 0x01
    letter.write_bytes(bytes(data))
    code, out, err = verify(package.path, capsys=capsys)
    assert code == EXIT_CODES["broken"] == 22
    assert f"{package.letter} was changed: its SHA-256 does not match the manifest" in err
    assert "changed after it was signed: the signed content no longer matches" in err
    assert "signature  BROKEN" in out and "no change after signing" not in out and "valid" not in out.split("signer")[0]


def test_a_change_appended_after_signing_is_caught(package, capsys) -> None:
    """Content added in a later revision, with manifest.json rewritten to match: the signature check catches it."""
    root = Path(package.path)
    letter = root / package.letter
    writer = IncrementalPdfFileWriter(io.BytesIO(letter.read_bytes()))
    stamp = generic.StreamObject(stream_data=b"BT /F1 36 Tf 200 400 Td (PAID) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stamp))
    buffer = io.BytesIO()
    writer.write(buffer)
    letter.write_bytes(buffer.getvalue())
    write_manifest(build_manifest(root), root)  # the tamperer covers their tracks
    code, out, err = verify(root, capsys=capsys)
    assert code == EXIT_CODES["changed"] == 23
    assert "content was added in a later revision" in err and package.letter in err
    assert "CHANGED after signing" in out
    assert "does not match the manifest" not in err  # the manifest alone would have missed it


def test_a_metadata_only_update_rewriting_the_keywords_is_refused(package, capsys) -> None:
    """Attack 1: edit data.json, recompute the manifest, and append a revision whose document
    keywords state the new hashes; pyHanko alone counts such a revision as harmless."""
    root = Path(package.path)
    data = json.loads((root / "data.json").read_text(encoding="utf-8"))
    data["categories"]["account"]["records"][0]["data"]["email"] = "someone.else@example.org"
    (root / "data.json").write_text(json.dumps(data), encoding="utf-8")
    letter = root / package.letter
    writer = IncrementalPdfFileWriter(io.BytesIO(letter.read_bytes()))
    info = writer.trailer["/Info"]
    from console.documents.binding import read_keywords

    old = read_keywords(str(info["/Keywords"])).binding
    forged = old.with_files({n: (root / n).read_bytes() for n, _ in old.files})
    info["/Keywords"] = generic.TextStringObject(", ".join(forged.keywords()))
    writer.update_container(info)
    buffer = io.BytesIO()
    writer.write(buffer)
    letter.write_bytes(buffer.getvalue())
    write_manifest(build_manifest(root), root)
    code, out, err = verify(root, capsys=capsys)
    assert code == EXIT_CODES["changed"] == 23
    assert "a later revision rewrote its document properties (Keywords" in err
    assert "data.json was changed: its SHA-256 differs from the one in the signed letter" in err
    assert "CHANGED after signing" in out and "NOT OK: the letter was changed after it was signed" in out


def test_a_changed_data_file_with_a_rewritten_manifest_is_still_caught(package, capsys) -> None:
    root = Path(package.path)
    data = json.loads((root / "data.json").read_text(encoding="utf-8"))
    data["categories"]["account"]["records"][0]["data"]["email"] = "someone.else@example.org"
    (root / "data.json").write_text(json.dumps(data), encoding="utf-8")
    write_manifest(build_manifest(root), root)
    code, out, err = verify(root, capsys=capsys)
    assert code == EXIT_CODES["binding"] == 24
    assert "data.json was changed: its SHA-256 differs from the one in the signed letter" in err
    assert f"does not match the fingerprint {package.data_manifest_hash} printed in the signed letter" in err


def test_another_persons_letter_swapped_in_is_refused(ctx, package, tmp_path: Path, capsys) -> None:
    """Attack 2a: the signed access letter of another person, with the manifest recomputed."""
    other = add_request(ctx, "portability", name="Other Person", email="other@example.org", account=None,
                        details={"format": "json", "destination": "me"})
    from tests.console.test_packages_support import verify_identity

    verify_identity(ctx, other)
    theirs = build_package(ctx, other, tmp_path / "theirs", kind="receipt")
    swap_letter(Path(package.path), Path(theirs.path) / theirs.letter)
    code, out, err = verify(package.path, capsys=capsys)
    assert code == 24
    assert f"is the signed receipt letter of {other}" in err
    assert f"but the package {Path(package.path).name} is not {other}-receipt" in err
    assert "data.json is not one of the files the signed letter names" in err


def test_a_rejection_letter_in_an_access_package_is_refused(ctx, tmp_path: Path, trusted: Path, capsys) -> None:
    """Attack 2b: the same person's rejection letter put into their access package."""
    ref = ready_request(ctx, tmp_path, "access")
    access = build_package(ctx, ref, tmp_path / "out")
    from console.requests import commands

    commands.reject(ctx, ref, "manifestly_unfounded", "Asked again within a week")
    rejection = build_package(ctx, ref, tmp_path / "rej", kind="rejection")
    assert access.data_manifest_hash != rejection.data_manifest_hash
    swap_letter(Path(access.path), Path(rejection.path) / rejection.letter)
    code, out, err = verify(access.path, capsys=capsys)
    assert code == 24 and "NOT OK: the letter is not bound to this package" in out
    assert f"is the rejection letter of {ref}, but the package {ref}-access is not {ref}-rejection" in err


def test_letter_only_packages_each_have_their_own_fingerprint(ctx, tmp_path: Path, signing: Path) -> None:
    one = add_request(ctx, "access")
    two = add_request(ctx, "access", name="Ann Other", email="ann@example.org", account=None)
    a = build_package(ctx, one, tmp_path / "a", kind="receipt")
    b = build_package(ctx, two, tmp_path / "b", kind="receipt")
    assert a.data_manifest_hash != b.data_manifest_hash


def test_a_package_this_console_never_recorded_is_named(ctx, package, capsys) -> None:
    from sqlalchemy import update

    from console.store.models import Package

    with ctx.db.engine.begin() as conn:
        conn.execute(update(Package).values(binding_sha256="0" * 64))
    code, out, err = verify(package.path, capsys=capsys)
    assert code == 24 and "This console never built a portability package of" in err
    assert "NOT recorded by this console" in out
    code, out, err = verify(package.path, "--no-db", "--trust", str(Path(package.path).parents[1] / "org.pem"),
                            capsys=capsys)
    assert code == 0, err  # the package alone is sound: only the console's record disagrees


def test_a_changed_data_file_is_caught(package, capsys) -> None:
    target = Path(package.path) / "csv" / "usage.csv"
    target.write_bytes(target.read_bytes().replace(b"/settings", b"/sett1ngs", 1))
    code, out, err = verify(package.path, capsys=capsys)
    assert code == 24
    assert "csv/usage.csv was changed: its SHA-256 does not match the manifest" in err


def test_an_added_or_removed_file_is_named(package, capsys) -> None:
    root = Path(package.path)
    (root / "schema.json").unlink()
    (root / "extra.txt").write_text("hello", encoding="utf-8")
    code, out, err = verify(root, capsys=capsys)
    assert code == 24
    assert "schema.json is missing" in err and "extra.txt is not listed in the manifest" in err


def test_help_documents_every_exit_code(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["package", "verify", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    for code in (20, 21, 22, 23, 24, 25, 26):
        assert f"{code} " in text


def test_verify_json_and_the_exit_code(package, tmp_path: Path) -> None:
    """As a person runs it (the CLI in-process, no database): JSON out, the exit status a script checks."""
    args = ("package", "verify", package.path, "--json", "--no-db", "--trust", str(tmp_path / "org.pem"))
    good = run_cli(*args)
    assert good.returncode == 0, good.stderr
    report = json.loads(good.stdout)
    assert report["ok"] and report["kind"] == "portability" and report["files_checked"] == len(package.files)
    (Path(package.path) / "data.json").write_text("{}", encoding="utf-8")
    bad = run_cli(*args)
    assert bad.returncode == 24 and "data.json was changed" in bad.stderr
    assert not json.loads(bad.stdout)["ok"] and json.loads(bad.stdout)["failures"] == ["binding", "files"]
