"""Shared pieces of the security tests (no tests here): a file keyring that survives across CLI
commands and processes (a session kept by `login` must be found by the next command), CLI runners,
cheap argon2 parameters for in-process tests, and account set-up shortcuts."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from console.context import Context
from console.security import accounts, auth, passwords, totp
from console.security.roles import Actor, Role
from tests.console.inprocess import Ran, run_cli

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"
ROLE_PASSWORDS = {r: f"{r}-pass-phrase-9" for r in ("administrator", "dpo", "analyst", "auditor")}


class FileKeyring(KeyringBackend):
    """A keyring in a JSON file named by TEST_KEYRING_FILE (tests only: it is plain text)."""

    priority = -1  # type: ignore[assignment]  # never chosen by auto-detection, only when named

    def __init__(self, path: Path | None = None) -> None:
        super().__init__()
        self.path = path or Path(os.environ.get("TEST_KEYRING_FILE", "keyring-not-configured.json"))

    def _load(self) -> dict[str, str]:
        try:
            return json.loads(self.path.read_text())
        except FileNotFoundError:
            return {}

    def _save(self, data: dict[str, str]) -> None:
        self.path.write_text(json.dumps(data))

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}|{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}|{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if f"{service}|{username}" not in data:
            raise PasswordDeleteError(username)
        del data[f"{service}|{username}"]
        self._save(data)


def cli(*args: str, db: str, keyring_file: Path, stdin: str | None = None,
        env: dict[str, str] | None = None) -> Ran:
    """`privacy-console ARGS --db DB` as the OS user owner.person, run in this process, with a
    keyring kept in a file (a person's keyring outlives each command; tests read it too)."""
    import keyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring(keyring_file))
    try:
        return run_cli(*args, db=db, stdin=stdin,
                       env={"PRIVACY_CONSOLE_USER": "owner.person", "PRIVACY_CONSOLE_DB": None, **(env or {})})
    finally:
        keyring.set_keyring(previous)


def cli_process(*args: str, db: str, keyring_file: Path, stdin: str | None = None,
                env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """The same in a real process (`python -m console.cli`): for the few tests of what only a
    separate process shows, such as a session found again by the next command."""
    full = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHON_KEYRING_BACKEND": "tests.console.test_security_helpers.FileKeyring",
            "TEST_KEYRING_FILE": str(keyring_file), "PRIVACY_CONSOLE_USER": "owner.person"}
    full.pop("PRIVACY_CONSOLE_DB", None)
    full.update(env or {})
    return subprocess.run([sys.executable, "-m", "console.cli", *args, "--db", db], capture_output=True, text=True,
                          cwd=ROOT, env=full, input=stdin, timeout=120)


def one_line_error(out: Ran | subprocess.CompletedProcess[str]) -> str:
    """The CLI's promise: a non-zero exit and exactly one line on stderr, no traceback."""
    assert out.returncode != 0, out.stdout
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr, out.stderr
    return lines[0]


@pytest.fixture
def fast_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id with tiny parameters for in-process tests (the real ones cost 0.2 s a hash)."""
    monkeypatch.setattr(passwords, "HASHER", PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1))
    monkeypatch.setattr(passwords, "_DUMMY", [])


def add_staff(ctx: Context, totp_roles: tuple[str, ...] = ("administrator",)) -> dict[str, Actor]:
    """One account a role (created by the owner); the second factor only for ``totp_roles``."""
    accounts.set_totp_roles(ctx, totp_roles)
    out = {}
    for role, pw in ROLE_PASSWORDS.items():
        accounts.create_account(ctx, role[:3] + ".user", role.title(), role, pw)
        out[role] = Actor(role[:3] + ".user", Role(role))
    return out


def enrol(db, username: str, password: str, when: datetime) -> tuple[str, auth.SignedIn]:  # type: ignore[no-untyped-def]
    """Set up the second factor as the app would; returns (secret, session)."""
    e = auth.begin_enrolment(db, username, password, clock=lambda: when)
    signed = auth.finish_enrolment(db, username, password, e.secret, totp.code_at(e.secret, when), clock=lambda: when)
    return e.secret, signed


def session_token(db, role: str = "auditor") -> str:  # type: ignore[no-untyped-def]
    """Sign a fresh ``cli.<role>`` account in (no second factor) and return its session token.

    For CLI subprocesses on a server, which always requires sign-in: pass the token as
    PRIVACY_CONSOLE_SESSION, or put it in the file keyring with :func:`cli_session`.
    """
    from console.policy import load_catalogue

    username = f"cli.{role}"
    owner = Context(db, load_catalogue(), Actor("test.owner", Role.OWNER))
    accounts.set_totp_roles(owner, ["administrator"])
    accounts.create_account(owner, username, "CLI", role, PASSWORD)
    return auth.sign_in(db, username, PASSWORD).token


def cli_session(ctx: Context, keyring_file: Path, role: str = "auditor") -> None:
    """Where sign-in is required (a server), keep a ``role`` session in the file keyring for the CLI."""
    from console.session import session_secret_name

    if auth.sign_in_required(ctx.db):
        FileKeyring(keyring_file).set_password("privacy-console", session_secret_name(ctx.db), session_token(ctx.db, role))
