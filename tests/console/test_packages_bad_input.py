"""What goes wrong says so plainly, and leaves nothing half-written: no files, no Package row."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.documents import create_self_signed
from console.errors import Cancelled, ConsoleError, DocumentError, PermissionDenied, WrongPassphrase
from console.keychain import set_secret
from console.packages import build_package, configure_signing, preview_pdf
from console.packages.templates import LETTERS_ENV
from console.resources import resource_path
from console.security.roles import Actor, Role
from console.store.models import Package
from tests.console.test_packages_support import (
    PASSPHRASE,
    add_request,
    listing,
    org_p12_file,
    ready_request,
)


@pytest.fixture
def cert_path(ctx, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    path = org_p12_file(tmp_path)
    configure_signing(ctx, path, PASSPHRASE)
    return path


@pytest.fixture
def out(tmp_path: Path) -> Path:
    """An output folder that already holds a file of its own, which must stay exactly as it is."""
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "earlier.txt").write_text("an earlier file", encoding="utf-8")
    return folder


def _fails(ctx, ref: str, out: Path, match: str, error: type[ConsoleError] = DocumentError,  # type: ignore[no-untyped-def]
           **kwargs) -> ConsoleError:
    before = listing(out)
    with pytest.raises(error, match=match) as caught:
        build_package(ctx, ref, out, **kwargs)
    assert listing(out) == before, "the output folder gained something"
    with ctx.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Package)) == 0
    return caught.value


def test_wrong_passphrase(ctx, tmp_path: Path, cert_path: Path, out: Path) -> None:
    ref = ready_request(ctx, tmp_path)
    set_secret("signing-passphrase", "not the passphrase")
    error = _fails(ctx, ref, out, "passphrase is wrong")
    assert "cert use" in str(error) and isinstance(error, WrongPassphrase)  # the hint added, the class kept


def test_expired_certificate(ctx, tmp_path: Path, out: Path) -> None:
    ref = ready_request(ctx, tmp_path)
    old = create_self_signed("Old DPO", "Miximonster", "p@m.example", days=30, passphrase="pw",
                             valid_from=datetime.now(UTC) - timedelta(days=400))
    path = tmp_path / "old.p12"
    path.write_bytes(old)
    set_secret("signing-passphrase", "pw")
    _fails(ctx, ref, out, "expired on", cert_path=path)


def test_no_certificate_configured(ctx, tmp_path: Path, out: Path) -> None:
    ref = ready_request(ctx, tmp_path)
    error = _fails(ctx, ref, out, "No signing certificate is configured")
    assert "cert use" in str(error) and "--no-sign" in str(error)


def test_certificate_file_gone(ctx, tmp_path: Path, cert_path: Path, out: Path) -> None:
    ref = ready_request(ctx, tmp_path)
    cert_path.unlink()
    _fails(ctx, ref, out, "does not exist .setting signing.pkcs12_path.")


def test_passphrase_missing_from_the_keyring(ctx, tmp_path: Path, cert_path: Path, out: Path, memory_keyring) -> None:
    ref = ready_request(ctx, tmp_path)
    memory_keyring.store.clear()
    _fails(ctx, ref, out, "passphrase is not in the keyring")


def test_access_without_data_suggests_fetch_or_import(ctx, tmp_path: Path, cert_path: Path, out: Path) -> None:
    from tests.console.test_packages_support import verify_identity

    ref = add_request(ctx)
    verify_identity(ctx, ref)
    error = _fails(ctx, ref, out, "has no subject data")
    assert f"data fetch {ref}" in str(error) and f"data import {ref}" in str(error)


def test_portability_without_data_too(ctx, tmp_path: Path, cert_path: Path, out: Path) -> None:
    from tests.console.test_packages_support import verify_identity

    ref = add_request(ctx, "portability", details={"format": "json", "destination": "me"})
    verify_identity(ctx, ref)
    _fails(ctx, ref, out, "data fetch")


def test_data_is_never_sent_before_identity_is_confirmed(ctx, tmp_path: Path, cert_path: Path, out: Path) -> None:
    ref = add_request(ctx)
    _fails(ctx, ref, out, "has not passed identity verification")


def test_missing_template(ctx, tmp_path: Path, cert_path: Path, out: Path, monkeypatch) -> None:
    ref = ready_request(ctx, tmp_path)
    letters = tmp_path / "letters"
    shutil.copytree(resource_path("templates", "letters"), letters)
    (letters / "en" / "access.toml").unlink()
    monkeypatch.setenv(LETTERS_ENV, str(letters))
    _fails(ctx, ref, out, r"letter template .*en/access\.toml is missing")


def test_template_with_an_unknown_placeholder(ctx, tmp_path: Path, cert_path: Path, out: Path, monkeypatch) -> None:
    ref = ready_request(ctx, tmp_path)
    letters = tmp_path / "letters"
    shutil.copytree(resource_path("templates", "letters"), letters)
    path = letters / "en" / "access.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("{received}", "{shoe_size}", 1), encoding="utf-8")
    monkeypatch.setenv(LETTERS_ENV, str(letters))
    error = _fails(ctx, ref, out, r"en/access\.toml 'intro' uses the placeholder \{shoe_size\}")
    assert "{received}" in str(error)  # it lists what is available


def test_language_without_templates(ctx, tmp_path: Path, cert_path: Path, out: Path, monkeypatch) -> None:
    ref = ready_request(ctx, tmp_path, language="de")
    letters = tmp_path / "letters"
    shutil.copytree(resource_path("templates", "letters"), letters)
    shutil.rmtree(letters / "de")
    monkeypatch.setenv(LETTERS_ENV, str(letters))
    _fails(ctx, ref, out, "no letter templates in the language 'de'")


def test_cancel_leaves_nothing(ctx, tmp_path: Path, cert_path: Path, out: Path) -> None:
    ref = ready_request(ctx, tmp_path)
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 2

    _fails(ctx, ref, out, "Cancelled: no package was written", Cancelled, cancel=cancel)


def test_a_failed_commit_removes_the_package_again(ctx, tmp_path: Path, cert_path: Path, out: Path,
                                                   monkeypatch) -> None:
    """The rename happens inside the transaction; if the commit then fails, the folder goes again."""
    from console.security import audit

    ref = ready_request(ctx, tmp_path)

    real = audit.append
    reached = []

    def broken_append(session, actor, records):  # type: ignore[no-untyped-def]
        if any(r.action == "package.build" for r in records):
            reached.append(sorted(p.name for p in out.iterdir()))  # the package is in place by now
            raise OSError("disk full")
        return real(session, actor, records)

    monkeypatch.setattr(audit, "append", broken_append)
    before = listing(out)
    with pytest.raises(OSError, match="disk full"):
        build_package(ctx, ref, out)
    assert listing(out) == before
    assert reached and "DSR-2026-000001-access" in reached[0]
    monkeypatch.undo()
    with ctx.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Package)) == 0


def test_new_output_folder_is_not_left_behind(ctx, tmp_path: Path) -> None:
    ref = ready_request(ctx, tmp_path)
    target = tmp_path / "new" / "folder"
    with pytest.raises(DocumentError):
        build_package(ctx, ref, target)  # no certificate configured
    assert not target.exists()


def test_signing_needs_the_sign_permission(ctx, tmp_path: Path, cert_path: Path, out: Path) -> None:
    ref = ready_request(ctx, tmp_path)
    analyst = ctx.as_actor(Actor("ria.patel", Role.ANALYST))
    with pytest.raises(PermissionDenied, match="may not sign"):
        build_package(analyst, ref, out)
    assert preview_pdf(analyst, ref).startswith(b"%PDF")  # an analyst may still prepare and preview
    assert listing(out) == {"earlier.txt"}


def test_time_stamp_server_not_answering(ctx, tmp_path: Path, cert_path: Path, out: Path) -> None:
    from console.packages import set_timestamp_url, signing_settings

    ref = ready_request(ctx, tmp_path)
    set_timestamp_url(ctx, "http://127.0.0.1:9/tsa")  # the discard port: nobody answers
    assert signing_settings(ctx).timestamp_url == "http://127.0.0.1:9/tsa"
    _fails(ctx, ref, out, "time-stamping service at http://127.0.0.1:9/tsa did not answer")
