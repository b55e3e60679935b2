"""`privacy-console cert ...` and `package build/list/sent` as a person types them."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import keyring
import pytest

from console.cli import main
from console.packages import list_packages, signing_settings
from tests.console.inprocess import Ran, run_cli
from tests.console.test_packages_support import (
    PASSPHRASE,
    add_request,
    listing,
    ready_request,
    record_all_erasures,
    verify_identity,
)
from tests.keyring_memory import MemoryKeyring


@pytest.fixture(autouse=True)
def acting_owner(ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The commands act as the test's owner: who signs in to a shared server is not this feature's
    concern (on PostgreSQL the CLI would otherwise ask for a sign-in first)."""
    from console.cli import cert, package

    monkeypatch.setattr(package, "context", lambda args: ctx)
    monkeypatch.setattr(cert, "context", lambda args: ctx)


def run(args: list[str], capsys, monkeypatch, stdin: str = "") -> tuple[int, str, str]:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    code = main(args)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def configured(ctx, db_url: str, tmp_path: Path, capsys, monkeypatch) -> Path:  # type: ignore[no-untyped-def]
    p12 = tmp_path / "org.p12"
    code, out, err = run(["--db", db_url, "cert", "create-self-signed", "--cn", "Miximonster DPO", "--org", "Miximonster",
                          "--email", "privacy@miximonster.com", "--out", str(p12), "--days", "30",
                          "--passphrase-stdin", "--use", "--pem", str(tmp_path / "org.pem")],
                         capsys, monkeypatch, stdin=f"{PASSPHRASE}\n")
    assert code == 0, err
    assert "fingerprint" in out and p12.stat().st_mode & 0o077 == 0  # the key file is the owner's alone
    return p12


def test_cert_create_use_and_show(ctx, db_url: str, configured: Path, capsys, monkeypatch, memory_keyring) -> None:
    settings = signing_settings(ctx)
    assert settings.pkcs12_path == str(configured.resolve())
    assert memory_keyring.get_password("privacy-console", "signing-passphrase") == PASSPHRASE
    code, out, err = run(["--db", db_url, "cert", "show", "--json"], capsys, monkeypatch)
    assert code == 0, err
    shown = json.loads(out)
    assert shown["common_name"] == "Miximonster DPO" and len(shown["fingerprint"]) == 95


def test_cert_use_refuses_a_wrong_passphrase(ctx, db_url: str, configured: Path, capsys, monkeypatch) -> None:
    code, out, err = run(["--db", db_url, "cert", "use", str(configured), "--passphrase-stdin"], capsys, monkeypatch,
                         stdin="wrong\n")
    assert code != 0 and "passphrase is wrong" in err and err.count("\n") == 1


def test_cert_create_will_not_overwrite(tmp_path: Path, capsys, monkeypatch) -> None:
    existing = tmp_path / "org.p12"
    existing.write_bytes(b"keep me")
    code, out, err = run(["cert", "create-self-signed", "--cn", "A", "--org", "B", "--email", "a@b.example",
                          "--out", str(existing), "--passphrase-stdin"], capsys, monkeypatch, stdin="pw\n")
    assert code != 0 and "--force" in err and existing.read_bytes() == b"keep me"


def test_build_list_sent(ctx, db_url: str, configured: Path, tmp_path: Path, capsys, monkeypatch) -> None:
    ref = ready_request(ctx, tmp_path)
    code, out, err = run(["--db", db_url, "package", "build", ref, "--out", str(tmp_path / "out")], capsys, monkeypatch)
    assert code == 0, err
    assert f"Built access package of {ref}" in out and "signed     by" in out and "100%" in err
    code, out, err = run(["--db", db_url, "package", "list", ref], capsys, monkeypatch)
    assert code == 0 and "access" in out and out.count("\n") == 2
    code, out, err = run(["--db", db_url, "package", "sent", ref], capsys, monkeypatch)
    assert code == 0 and "as sent on" in out
    (view,) = list_packages(ctx, ref)
    assert view.sent_at is not None
    code, out, err = run(["--db", db_url, "package", "sent", ref], capsys, monkeypatch)
    assert code != 0 and "no package waiting to be sent" in err


def test_build_without_data_exits_non_zero_and_writes_nothing(ctx, db_url: str, configured: Path, tmp_path: Path,
                                                              capsys, monkeypatch) -> None:
    ref = add_request(ctx)
    verify_identity(ctx, ref)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = run(["--db", db_url, "package", "build", ref, "--out", str(out_dir)], capsys, monkeypatch)
    assert code == 10 and f"privacy-console data fetch {ref}" in err and err.count("\n") == 1
    assert listing(out_dir) == set()


def test_build_with_a_wrong_passphrase_on_stdin(ctx, db_url: str, configured: Path, tmp_path: Path,
                                                capsys, monkeypatch) -> None:
    ref = ready_request(ctx, tmp_path)
    code, out, err = run(["--db", db_url, "package", "build", ref, "--out", str(tmp_path / "out"),
                          "--passphrase-stdin"], capsys, monkeypatch, stdin="not it\n")
    assert code == 10 and "passphrase is wrong" in err
    assert not (tmp_path / "out").exists()


def test_unsigned_draft_and_preview(ctx, db_url: str, tmp_path: Path, capsys, monkeypatch) -> None:
    ref = ready_request(ctx, tmp_path)
    code, out, err = run(["--db", db_url, "package", "build", ref, "--out", str(tmp_path / "out"), "--no-sign",
                          "--zip"], capsys, monkeypatch)
    assert code == 0 and "UNSIGNED draft" in out and ".zip" in out
    code, out, err = run(["--db", db_url, "package", "preview", ref, "--out", str(tmp_path / "p.pdf")],
                         capsys, monkeypatch)
    assert code == 0 and (tmp_path / "p.pdf").read_bytes().startswith(b"%PDF")


def test_the_whole_flow_command_by_command(catalogue, clock, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each command on its own, as in a shell script, on a local SQLite file; the passphrase
    comes on stdin (each command starts with an empty keyring here, so nothing is carried over)."""
    from console.context import Context
    from console.security.roles import Actor, Role
    from console.uow import Database

    url = f"sqlite:///{tmp_path / 'local.sqlite3'}"
    local = Context(Database(url), catalogue, Actor("alex.morgan", Role.OWNER), clock)
    ref = ready_request(local, tmp_path, "erasure")
    record_all_erasures(local, ref)
    local.db.dispose()
    from console.cli import app, cert, package

    monkeypatch.setattr(package, "context", app.context)  # the commands open `url` themselves, as the owner
    monkeypatch.setattr(cert, "context", app.context)

    def cli(*args: str, stdin: str = "") -> Ran:
        keyring.set_keyring(MemoryKeyring())  # the memory_keyring fixture puts the test's back afterwards
        return run_cli(*args, db=url, stdin=stdin)

    p12 = tmp_path / "org.p12"
    made = cli("cert", "create-self-signed", "--cn", "DPO", "--org", "Miximonster", "--email", "p@m.example",
               "--out", str(p12), "--pem", str(tmp_path / "org.pem"), "--use", "--passphrase-stdin", stdin="pw\n")
    assert made.returncode == 0, made.stderr
    built = cli("package", "build", ref, "--out", str(tmp_path / "out"), "--json", "--passphrase-stdin", stdin="pw\n")
    assert built.returncode == 0, built.stderr
    result = json.loads(built.stdout)
    assert result["kind"] == "erasure" and result["signed"]
    checked = cli("package", "verify", result["path"], "--trust", str(tmp_path / "org.pem"))
    assert checked.returncode == 0, checked.stderr
    assert "intact, valid, PAdES B-B; signer trusted" in checked.stdout
    listed = cli("package", "list", ref, "--json")
    assert listed.returncode == 0 and json.loads(listed.stdout)[0]["manifest_hash"] == result["manifest_hash"]
