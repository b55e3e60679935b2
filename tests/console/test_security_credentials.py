"""Credentials as an attacker meets them: parallel wrong passwords, weak passwords, stored TOTP secrets."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from console.context import Context
from console.errors import AuthenticationError
from console.security import auth, config
from console.store.models import AuditEntry, User
from console.uow import Database
from tests.console.procs import lockstep
from tests.console.test_security_helpers import add_staff, fast_hashes  # noqa: F401

pytestmark = pytest.mark.usefixtures("fast_hashes")

ATTEMPTS = 12


def test_twelve_parallel_wrong_passwords_are_counted_as_twelve(ctx: Context) -> None:
    add_staff(ctx)
    with ctx.db.unit(ctx.actor, None) as uow:  # a high limit, so every attempt reaches the password check
        config.store(uow.session, config.LOCKOUT_FAILURES, 100)
    url = ctx.db.url
    ctx.db.dispose()

    def wrong(worker: int, _step: int) -> object:
        db = Database(url)
        try:
            auth.sign_in(db, "ana.user", f"wrong guess {worker}")
        except AuthenticationError:
            return "refused"
        finally:
            db.dispose()
        return "signed in"

    outcomes = lockstep([wrong] * ATTEMPTS, 1)
    assert [o.value for o in outcomes] == ["refused"] * ATTEMPTS, outcomes
    with ctx.db.sessions() as s:
        assert s.scalar(select(User.failed_attempts).where(User.username == "ana.user")) == ATTEMPTS
        failed = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "auth.sign_in_failed")).all()
    assert failed == ["wrong password"] * ATTEMPTS


def test_twelve_wrong_passwords_from_threads_are_counted_as_twelve(ctx: Context) -> None:
    from concurrent.futures import ThreadPoolExecutor

    add_staff(ctx)
    with ctx.db.unit(ctx.actor, None) as uow:
        config.store(uow.session, config.LOCKOUT_FAILURES, 100)

    def wrong(n: int) -> str:
        try:
            auth.sign_in(ctx.db, "ana.user", f"wrong guess {n}")
        except AuthenticationError:
            return "refused"
        return "signed in"

    with ThreadPoolExecutor(ATTEMPTS) as pool:
        assert list(pool.map(wrong, range(ATTEMPTS))) == ["refused"] * ATTEMPTS
    with ctx.db.sessions() as s:
        assert s.scalar(select(User.failed_attempts).where(User.username == "ana.user")) == ATTEMPTS


@pytest.mark.parametrize("weak", ["password1234", "123456789012", "qwertyuiop12", "iloveyou1234"])
def test_common_and_guessable_passwords_are_refused(ctx: Context, weak: str) -> None:
    from console.errors import ValidationError
    from console.security import accounts

    with pytest.raises(ValidationError, match="among those guessed first"):
        accounts.create_account(ctx, "jo.lindahl", "Jo", "analyst", weak)
    with ctx.db.sessions() as s:
        assert s.scalar(select(User.id)) is None


def _run_revision(db: Database, name: str, step: str = "upgrade") -> None:
    import importlib.util

    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext

    from console.store import migrate

    spec = importlib.util.spec_from_file_location(name, migrate.MIGRATIONS / "versions" / f"{name}.py")
    assert spec and spec.loader
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    with db.engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
        getattr(revision, step)()


def test_totp_seeds_are_stored_encrypted_and_old_rows_are_migrated(ctx: Context, clock, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import update

    from console.errors import SecretStoreError
    from console.security import accounts, crypto, totp
    from tests.console.test_security_helpers import ROLE_PASSWORDS, enrol

    add_staff(ctx)
    pw = ROLE_PASSWORDS["administrator"]
    seed, _ = enrol(ctx.db, "adm.user", pw, clock.now)
    with ctx.db.sessions() as s:
        stored = s.scalar(select(User.totp_secret).where(User.username == "adm.user"))
    assert stored.startswith(crypto.TOTP_PREFIX) and seed.encode() not in stored
    # A row from before the migration holds the seed in clear; the revision encrypts it.
    with ctx.db.engine.begin() as conn:
        conn.execute(update(User).where(User.username == "adm.user").values(totp_secret=seed.encode("ascii")))
    with pytest.raises(SecretStoreError, match="not stored encrypted"):
        clock.advance(seconds=60)
        auth.sign_in(ctx.db, "adm.user", pw, totp.code_at(seed, clock.now), clock=clock)
    _run_revision(ctx.db, "0008_totp_encrypted")
    with ctx.db.sessions() as s:
        migrated = s.scalar(select(User.totp_secret).where(User.username == "adm.user"))
    assert migrated.startswith(crypto.TOTP_PREFIX) and seed.encode() not in migrated
    clock.advance(seconds=60)
    assert auth.sign_in(ctx.db, "adm.user", pw, totp.code_at(seed, clock.now), clock=clock).actor.username == "adm.user"
    # A seed copied onto another account's row does not decrypt there.
    with ctx.db.engine.begin() as conn:
        conn.execute(update(User).where(User.username == "dpo.user").values(totp_secret=migrated))
    with pytest.raises(SecretStoreError, match="another account"):
        auth.sign_in(ctx.db, "dpo.user", ROLE_PASSWORDS["dpo"], "123456", clock=clock)
    # Another workstation without the key is told how to copy it; with it, the code works.
    exported = accounts.export_totp_key(ctx)
    memory_keyring.store.clear()
    clock.advance(seconds=60)
    with pytest.raises(SecretStoreError, match="totp-key export"):
        auth.sign_in(ctx.db, "adm.user", pw, totp.code_at(seed, clock.now), clock=clock)
    with pytest.raises(Exception, match="not a second-factor key"):
        accounts.import_totp_key(ctx, "not a key")
    accounts.import_totp_key(ctx, exported)
    assert auth.sign_in(ctx.db, "adm.user", pw, totp.code_at(seed, clock.now), clock=clock)
