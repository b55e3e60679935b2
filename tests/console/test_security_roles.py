"""Each role is refused what it may not do: from the service layer, the CLI in-process, and the
CLI (non-zero exit, one clear line on stderr, nothing written)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from console import backup, retention
from console.cli import main
from console.context import Context
from console.errors import ConsoleError, PermissionDenied
from console.keychain import set_secret
from console.requests import access, commands
from console.security import accounts, audit_trail, auth
from console.security.roles import Actor, Role
from console.session import session_secret_name
from console.store.models import AuditEntry
from tests.console.inprocess import Ran, run_cli
from tests.console.test_security_helpers import (  # noqa: F401
    ROLE_PASSWORDS,
    add_staff,
    cli,
    cli_process,
    enrol,
    fast_hashes,
    one_line_error,
)
from tests.factories import new_request

pytestmark = pytest.mark.usefixtures("fast_hashes")

ALL = ("administrator", "dpo", "analyst", "auditor")


def _new(ctx: Context) -> commands.NewRequest:
    return new_request(ctx, name="Role Test", email="role.test@example.org")


# operation -> (what it does, the roles allowed to)
OPERATIONS: dict[str, tuple[Callable[[Context, str], object], set[str]]] = {
    "create account": (lambda c, ref: accounts.create_account(c, "new.person", "New", "analyst", "a long enough phrase"), {"administrator"}),
    "change role": (lambda c, ref: accounts.change_role(c, "ana.user", "auditor"), {"administrator"}),
    "disable account": (lambda c, ref: accounts.disable_account(c, "aud.user"), {"administrator"}),
    "reset password": (lambda c, ref: accounts.set_password(c, "ana.user", "another long phrase"), {"administrator"}),
    "change settings": (lambda c, ref: accounts.set_totp_roles(c, ["administrator"]), {"administrator"}),
    "add request": (lambda c, ref: commands.add_request(c, _new(c)), {"dpo", "analyst"}),
    "complete request": (lambda c, ref: commands.transition(c, ref, "completed", reason="Answered by phone"), {"dpo"}),
    "open personal data": (lambda c, ref: access.open_request(c, ref), {"dpo", "analyst", "auditor"}),
    "read audit trail": (lambda c, ref: audit_trail.list_audit(c), {"administrator", "dpo", "auditor"}),
    "verify audit trail": (lambda c, ref: audit_trail.verify_audit(c), {"administrator", "dpo", "auditor"}),
    "retention": (lambda c, ref: retention.plan(c), {"administrator", "dpo"}),
    "backup": (lambda c, ref: backup.backup(c, "/nonexistent-dir/x.pcbak", "a long enough phrase"), {"administrator"}),
}


@pytest.fixture
def staffed(ctx: Context):  # type: ignore[no-untyped-def]
    actors = add_staff(ctx, totp_roles=("administrator",))
    ref = commands.add_request(ctx, _new(ctx)).reference
    return actors, ref


def _audit_count(ctx: Context) -> int:
    with ctx.db.sessions() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry)) or 0


@pytest.mark.parametrize("role", ALL)
@pytest.mark.parametrize("operation", list(OPERATIONS))
def test_service_layer_refuses_each_role_what_it_may_not_do(ctx: Context, staffed, role: str, operation: str) -> None:  # type: ignore[no-untyped-def]
    actors, ref = staffed
    call, allowed = OPERATIONS[operation]
    as_role = ctx.as_actor(actors[role])
    before = _audit_count(ctx)
    if role in allowed:
        try:
            call(as_role, ref)
        except PermissionDenied as exc:  # pragma: no cover - the failure we test for
            pytest.fail(f"{role} was refused {operation}: {exc}")
        except ConsoleError:
            pass  # allowed, but the operation itself may have nothing to do (e.g. a transition rule)
    else:
        with pytest.raises(PermissionDenied) as err:
            call(as_role, ref)
        assert f"({accounts_title(role)})" in str(err.value) and "that needs the role" in str(err.value)
        assert _audit_count(ctx) == before  # nothing half-written, not even an audit entry


def accounts_title(role: str) -> str:
    from console.security.roles import ROLE_TITLES

    return ROLE_TITLES[Role(role)]


def test_owner_of_a_local_database_may_do_everything(ctx: Context, staffed) -> None:  # type: ignore[no-untyped-def]
    _, ref = staffed
    assert ctx.actor.role == Role.OWNER
    for operation, (call, _allowed) in OPERATIONS.items():
        try:
            call(ctx, ref)
        except PermissionDenied as exc:  # pragma: no cover - the failure we test for
            pytest.fail(f"the owner was refused {operation}: {exc}")
        except ConsoleError:
            pass


def test_last_administrator_cannot_be_disabled_or_demoted(ctx: Context, staffed) -> None:  # type: ignore[no-untyped-def]
    actors, _ = staffed
    admin = ctx.as_actor(actors["administrator"])
    with pytest.raises(ConsoleError, match="last active administrator"):
        accounts.disable_account(admin, "adm.user")
    with pytest.raises(ConsoleError, match="last active administrator"):
        accounts.change_role(admin, "adm.user", "dpo")
    accounts.create_account(admin, "second.admin", "Second", "administrator", "a long enough phrase")
    assert accounts.change_role(admin, "adm.user", "dpo").role == "dpo"


def test_everybody_may_change_their_own_password_with_the_current_one(ctx: Context, staffed, clock) -> None:  # type: ignore[no-untyped-def]
    actors, _ = staffed
    me = ctx.as_actor(actors["auditor"])
    with pytest.raises(ConsoleError, match="current password is wrong"):
        accounts.set_password(me, "aud.user", "a brand new phrase", current_password="not it at all")
    accounts.set_password(me, "aud.user", "a brand new phrase", current_password=ROLE_PASSWORDS["auditor"])
    assert auth.sign_in(ctx.db, "aud.user", "a brand new phrase", clock=clock).actor.role == Role.AUDITOR
    with pytest.raises(PermissionDenied):  # but nobody else's
        accounts.set_password(me, "ana.user", "a brand new phrase", current_password=ROLE_PASSWORDS["auditor"])


# ---- the CLI, in-process: the same refusals, as one line on stderr -------------------------------

CLI_REFUSALS = [
    ("analyst", ["account", "add", "x.person", "--role", "analyst", "--password-stdin"], "may not manage accounts"),
    ("analyst", ["audit", "list"], "may not read audit"),
    ("analyst", ["retention", "run", "--dry-run"], "may not retention"),
    ("auditor", ["request", "add", "--right", "access", "--subject-name", "A", "--subject-email", "a@example.org"],
     "may not work requests"),
    ("auditor", ["account", "role", "ana.user", "dpo"], "may not manage accounts"),
    ("auditor", ["backup", "x.pcbak", "--passphrase-stdin"], "may not backup"),
    ("dpo", ["account", "disable", "ana.user"], "may not manage accounts"),
    ("dpo", ["account", "totp-roles", "administrator"], "may not settings"),
    ("administrator", ["request", "add", "--right", "access", "--subject-name", "A", "--subject-email", "a@example.org"],
     "may not work requests"),
]


@pytest.mark.parametrize(("role", "argv", "message"), CLI_REFUSALS)
def test_cli_in_process_refuses_with_one_line(ctx: Context, staffed, db_url: str, role: str, argv: list[str],  # type: ignore[no-untyped-def]
                                              message: str, capsys, monkeypatch) -> None:
    actors, _ = staffed
    accounts.enable_sign_in(ctx.db, "first.admin", "", "a long enough phrase", by="owner") if ctx.db.dialect == "sqlite" else None
    username = actors[role].username
    when = datetime.now(UTC)
    if role == "administrator":
        _, signed = enrol(ctx.db, username, ROLE_PASSWORDS[role], when)
    else:
        signed = auth.sign_in(ctx.db, username, ROLE_PASSWORDS[role])
    set_secret(session_secret_name(ctx.db), signed.token)
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("a long enough phrase\n"))
    code = main([*argv, "--db", db_url])
    err = capsys.readouterr().err.strip().splitlines()
    assert code == PermissionDenied.exit_code
    assert len(err) == 1 and message in err[0] and username in err[0], err


def test_cli_says_sign_in_first_when_no_session(ctx: Context, staffed, db_url: str, capsys) -> None:  # type: ignore[no-untyped-def]
    accounts.enable_sign_in(ctx.db, "first.admin", "", "a long enough phrase", by="owner") if ctx.db.dialect == "sqlite" else None
    assert main(["request", "list", "--db", db_url]) == 6
    assert capsys.readouterr().err.strip() == "privacy-console: Sign in first: privacy-console login"


# ---- the CLI as a person types it (in-process; one real-process test of the kept session) --------

def run(*args: str, db: str, stdin: str | None = None, env: dict[str, str] | None = None) -> Ran:
    """The CLI in this process, as the OS user owner.person; the test's keyring keeps sessions."""
    return run_cli(*args, db=db, stdin=stdin, env={"PRIVACY_CONSOLE_USER": "owner.person", **(env or {})})


def test_a_session_kept_by_login_is_found_by_the_next_process(tmp_path, catalogue) -> None:  # type: ignore[no-untyped-def]
    """Real processes sharing a file keyring, as a person's commands share the OS keyring."""
    from console.uow import Database

    keyring_file = tmp_path / "keyring.json"
    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    db = Database(url)
    add_staff(Context(db, catalogue, Actor("owner.person", Role.OWNER)), totp_roles=("administrator",))
    accounts.enable_sign_in(db, "first.admin", "", "a long enough phrase", by="owner")
    db.dispose()
    out = cli_process("login", "aud.user", "--password-stdin", db=url, keyring_file=keyring_file,
                      stdin=ROLE_PASSWORDS["auditor"] + "\n")
    assert out.returncode == 0, out.stderr
    assert "aud.user (auditor)" in cli_process("whoami", db=url, keyring_file=keyring_file).stdout
    assert cli_process("logout", db=url, keyring_file=keyring_file).stdout.strip() == "Signed out."
    assert "Sign in first" in one_line_error(cli_process("whoami", db=url, keyring_file=keyring_file))


def test_cli_login_roles_and_logout(tmp_path, catalogue) -> None:  # type: ignore[no-untyped-def]
    from console.uow import Database

    url = f"sqlite:///{tmp_path / 'team.sqlite3'}"
    db = Database(url)
    owner = Context(db, catalogue, Actor("owner.person", Role.OWNER))
    add_staff(owner, totp_roles=("administrator",))
    # before sign-in is on, the OS user is the owner and may do anything
    out = run("request", "add", "--right", "access", "--subject-name", "Ada Example", "--subject-email",
              "ada@example.org", db=url)
    assert out.returncode == 0, out.stderr
    out = run("login", "ana.user", "--password-stdin", db=url, stdin="x\n")
    assert "Sign-in is off" in one_line_error(out)

    out = run("account", "enable-sign-in", "boss", "--password-stdin", db=url,
              stdin="a long enough phrase\n")
    assert out.returncode == 0 and "Sign-in is on" in out.stdout, out.stderr
    assert one_line_error(run("request", "list", db=url)) == \
        "privacy-console: Sign in first: privacy-console login"

    out = run("login", "ana.user", "--password-stdin", db=url, stdin="wrong password!!\n")
    assert one_line_error(out) == "privacy-console: Wrong user name or password."
    out = run("login", "ana.user", "--password-stdin", db=url,
              stdin=ROLE_PASSWORDS["analyst"] + "\n")
    assert out.returncode == 0 and "Signed in as ana.user (analyst)" in out.stdout, out.stderr
    assert run("request", "list", db=url).returncode == 0
    out = run("account", "add", "eve.person", "--role", "administrator", "--password-stdin", db=url,
              stdin="a long enough phrase\n")
    line = one_line_error(out)
    assert out.returncode == 6 and "ana.user (analyst) may not manage accounts; that needs the role: administrator" in line
    assert "may not read audit" in one_line_error(run("audit", "verify", db=url))

    out = run("login", "aud.user", "--password-stdin", db=url,
              stdin=ROLE_PASSWORDS["auditor"] + "\n")
    assert out.returncode == 0, out.stderr
    assert "aud.user (auditor)" in run("whoami", db=url).stdout
    out = run("request", "advance", "DSR-2026-000001", db=url)
    assert "aud.user (auditor) may not work requests" in one_line_error(out)
    assert run("audit", "verify", db=url).returncode == 0

    # the administrator needs the second factor: wrong code, then the right one
    # enrolled a minute and a half ago (as if in the window), so now's code is a fresh one
    # in this person's keyring (the test's), which holds the second-factor key the CLI decrypts the seed with
    admin_secret, _ = enrol(db, "adm.user", ROLE_PASSWORDS["administrator"], datetime.now(UTC) - timedelta(seconds=90))
    from console.security import totp

    out = run("login", "adm.user", "--password-stdin", db=url,
              stdin=ROLE_PASSWORDS["administrator"] + "\n000000\n")
    assert "Wrong authenticator code" in one_line_error(out)
    code = totp.code_at(admin_secret, datetime.now(UTC))
    out = run("login", "adm.user", "--password-stdin", db=url,
              stdin=ROLE_PASSWORDS["administrator"] + "\n" + code + "\n")
    assert out.returncode == 0 and "(administrator)" in out.stdout, out.stderr
    out = run("request", "add", "--right", "access", "--subject-name", "B", "--subject-email", "b@example.org",
              db=url)
    assert "adm.user (administrator) may not work requests" in one_line_error(out)
    out = run("account", "add", "new.analyst", "--role", "analyst", "--password-stdin", db=url,
              stdin="a long enough phrase\n")
    assert out.returncode == 0, out.stderr

    assert run("logout", db=url).stdout.strip() == "Signed out."
    assert "Sign in first" in one_line_error(run("account", "list", db=url))
    db.dispose()


def test_headless_host_uses_a_printed_token_instead_of_a_keyring(ctx: Context, staffed, db_url: str, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    if ctx.db.dialect == "sqlite":
        accounts.enable_sign_in(ctx.db, "first.admin", "", "a long enough phrase", by="owner")
    out = run("login", "aud.user", "--password-stdin", "--print-token", db=db_url,
              stdin=ROLE_PASSWORDS["auditor"] + "\n")
    token = out.stdout.strip()
    assert out.returncode == 0 and len(token) >= 40 and memory_keyring.get_password("privacy-console", session_secret_name(ctx.db)) is None, out.stderr
    out = run("audit", "verify", db=db_url, env={"PRIVACY_CONSOLE_SESSION": token})
    assert out.returncode == 0, out.stderr
    assert run("logout", db=db_url, env={"PRIVACY_CONSOLE_SESSION": token}).returncode == 0
    out = run("audit", "verify", db=db_url, env={"PRIVACY_CONSOLE_SESSION": token})
    assert "not signed in" in one_line_error(out) and "privacy-console login" in out.stderr
