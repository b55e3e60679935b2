"""`package verify` catches each kind of tampering and names it; the CLI exits non-zero.

Each test builds a real signed package, changes one thing the way someone might, and runs the
command as a person would (the CLI entry point, in this process for the in-memory keyring).
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

from console.cli import main
from console.documents import build_manifest, create_self_signed, write_manifest
from console.packages import build_package, configure_signing
from tests.console.test_packages_support import PASSPHRASE, ready_request

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def p12() -> bytes:
    return create_self_signed("Miximonster DPO", "Miximonster", "privacy@miximonster.com", passphrase=PASSPHRASE)


@pytest.fixture
def package(ctx, tmp_path: Path, p12: bytes):  # type: ignore[no-untyped-def]
    """A signed portability package (letter plus data files) and the certificate to trust."""
    path = tmp_path / "org.p12"
    path.write_bytes(p12)
    info = configure_signing(ctx, path, PASSPHRASE)
    (tmp_path / "org.pem").write_bytes(info.pem)
    ref = ready_request(ctx, tmp_path, "portability", details={"format": "json", "destination": "me"})
    return build_package(ctx, ref, tmp_path / "out")


def verify(path: str | Path, *extra: str, capsys) -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    code = main(["package", "verify", str(path), *extra])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_an_untouched_package_verifies(package, tmp_path: Path, capsys) -> None:
    code, out, err = verify(package.path, "--trust", str(tmp_path / "org.pem"), capsys=capsys)
    assert code == 0, err
    assert "intact, valid, trusted; no change after signing" in out and "OK: the package is intact" in out
    assert "Miximonster DPO" in out and err == ""


def test_untrusted_without_trust_is_a_note_but_a_wrong_trust_root_fails(package, tmp_path: Path, capsys) -> None:
    code, out, err = verify(package.path, capsys=capsys)
    assert code == 0 and "note:" in out and "fingerprint" in out
    stranger = tmp_path / "stranger.pem"
    from console.packages import certificate_info

    stranger.write_bytes(certificate_info(create_self_signed("X", "Y", "x@y.example", passphrase="pw"), "pw").pem)
    code, out, err = verify(package.path, "--trust", str(stranger), capsys=capsys)
    assert code != 0 and "not trusted" in err


def test_one_byte_changed_in_the_pdf_is_caught(package, capsys) -> None:
    letter = Path(package.path) / package.letter
    data = bytearray(letter.read_bytes())
    start = int(re.search(rb"/ByteRange \[\s*0 (\d+)", bytes(data)).group(1)) // 2  # inside the signed bytes
    at = data.index(b"stream", start) + 20
    data[at] ^= 0x01
    letter.write_bytes(bytes(data))
    code, out, err = verify(package.path, capsys=capsys)
    assert code != 0
    assert f"{package.letter} was changed: its SHA-256 does not match the manifest" in err
    assert "changed after it was signed: the signed content no longer matches" in err


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
    assert code != 0
    assert "content was added in a later revision" in err and package.letter in err
    assert "CHANGED after signing" in out
    assert "does not match the manifest" not in err  # the manifest alone would have missed it


def test_a_changed_data_file_is_caught(package, capsys) -> None:
    target = Path(package.path) / "csv" / "usage.csv"
    target.write_bytes(target.read_bytes().replace(b"/settings", b"/sett1ngs", 1))
    code, out, err = verify(package.path, capsys=capsys)
    assert code != 0
    assert "csv/usage.csv was changed: its SHA-256 does not match the manifest" in err


def test_a_changed_data_file_with_a_rewritten_manifest_is_still_caught(package, capsys) -> None:
    root = Path(package.path)
    data = json.loads((root / "data.json").read_text(encoding="utf-8"))
    data["categories"]["account"]["records"][0]["data"]["email"] = "someone.else@example.org"
    (root / "data.json").write_text(json.dumps(data), encoding="utf-8")
    write_manifest(build_manifest(root), root)
    code, out, err = verify(root, capsys=capsys)
    assert code != 0
    assert "data.json was changed: its SHA-256 differs from the one in the signed letter" in err
    assert "do not match the package fingerprint" in err


def test_an_added_or_removed_file_is_named(package, capsys) -> None:
    root = Path(package.path)
    (root / "schema.json").unlink()
    (root / "extra.txt").write_text("hello", encoding="utf-8")
    code, out, err = verify(root, capsys=capsys)
    assert code != 0
    assert "schema.json is missing" in err and "extra.txt is not listed in the manifest" in err


def test_verify_json_and_a_subprocess_exit_code(package, tmp_path: Path) -> None:
    """As a person runs it: a separate process, JSON out, and the exit status a script checks."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.keyring_memory.MemoryKeyring", "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "console.cli", "package", "verify", package.path, "--json",
           "--trust", str(tmp_path / "org.pem")]
    good = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert good.returncode == 0, good.stderr
    report = json.loads(good.stdout)
    assert report["ok"] and report["kind"] == "portability" and report["files_checked"] == len(package.files)
    (Path(package.path) / "data.json").write_text("{}", encoding="utf-8")
    bad = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert bad.returncode != 0 and "data.json was changed" in bad.stderr
    assert not json.loads(bad.stdout)["ok"]
