"""Who acts on a database, and opening it: the one place the CLI and the window both ask.

On a local SQLite file without sign-in the OS user acts as the database's owner; on a shared
server (or a file whose owner turned sign-in on), the account of the session kept in the OS
keyring under :func:`session_secret_name` (or held in ``PRIVACY_CONSOLE_SESSION``, on a host
without a keyring), with its current role. The window runs these in its writer thread.
"""

from __future__ import annotations

import getpass
import sys
from dataclasses import dataclass

from console import config
from console.context import Context
from console.errors import AuthenticationError, SecretStoreError
from console.policy import load_catalogue
from console.security import auth
from console.security.roles import Actor, Role
from console.store.engine import default_url, parse_url, secret_name_for
from console.uow import Database

SIGN_IN_FIRST = "Sign in first: privacy-console login"
SESSION_ENV = config.SESSION.name  # a session token for hosts without a keyring (login --print-token)

__all__ = ["SESSION_ENV", "SIGN_IN_FIRST", "Access", "Database", "Kept", "check_database", "default_url",
           "find_access", "finish_and_keep", "forget_session", "keep_session", "local_actor", "open_context",
           "open_database", "parse_url", "register_models", "resolve_actor", "secret_name_for", "session_secret_name", "sign_in_and_keep",
           "sign_out"]


def local_actor() -> Actor:
    """The owner of a local database that has no sign-in."""
    try:
        name = config.USER.get() or getpass.getuser()
    except (KeyError, OSError):
        name = "owner"
    return Actor(name, Role.OWNER)


def session_secret_name(db: Database) -> str:
    """One keyring entry a database, so being signed in on two databases never mixes up."""
    return f"session:{db.safe_url}"


def open_database(url: str | None = None, *, upgrade: bool = True) -> Database:
    """The database at ``url`` (else PRIVACY_CONSOLE_DB, else the local file), schema brought up to date."""
    return Database(url, upgrade=upgrade)


def register_models() -> None:
    """Every mapped class, before the first query of a program that runs queries on several
    threads (the window): a model module first imported on one thread (a view loading in the
    background) is half-defined for a moment, and a query configuring the mappers on another
    thread then fails with 'failed to locate a name'."""
    import console.store.all_models  # noqa: F401 - registers every table and class


def check_database(url: str) -> str:
    """Open the database without changing it; returns its safe URL (or raises StorageError)."""
    db = Database(url, upgrade=False)
    try:
        return db.safe_url
    finally:
        db.dispose()


def open_context(url: str | None, policy: str | None = None) -> Context:
    """Catalogue first (cheap, and a bad one must fail before the database is touched), then who acts."""
    catalogue = load_catalogue(policy)
    db = open_database(url)
    try:
        return Context(db, catalogue, resolve_actor(db))
    except BaseException:
        db.dispose()
        raise


def resolve_actor(db: Database) -> Actor:
    """The command line's actor: the owner where sign-in is off; else the signed-in account, or 'sign in first'."""
    if not auth.sign_in_required(db):
        return local_actor()
    from_env = config.SESSION.get()
    from console import keychain  # the keyring loads only where sign-in is on

    token = from_env or keychain.get_secret(session_secret_name(db))
    if not token:
        if db.dialect != "sqlite" and not auth.accounts_exist(db):
            # Setting up: whoever creates a shared database acts as its owner until the first
            # account exists (then sign-in is required); say so on every command.
            sys.stderr.write(
                "privacy-console: warning: this shared database has no accounts yet; you act as its "
                "owner until you create the first administrator with "
                "'privacy-console account enable-sign-in USERNAME'\n")
            return local_actor()
        raise AuthenticationError(SIGN_IN_FIRST)
    try:
        return auth.resume_session(db, token).actor
    except auth.SessionExpired as exc:
        if not from_env:
            keychain.delete_secret(session_secret_name(db))
        raise AuthenticationError(f"{exc} {SIGN_IN_FIRST}") from None


# --- the window's start-up: an answer instead of an error, so it can ask for a sign-in ----------


@dataclass(frozen=True)
class Access:
    """Who may use the database, as start-up finds it: an actor, or why sign-in is needed."""

    actor: Actor | None  # None: sign in first
    session: auth.SignedIn | None = None
    first_run: bool = False  # a shared database with no accounts yet
    notice: str = ""  # the console's reason when a kept session ended
    keyring_missing: bool = False
    from_env: bool = False  # the token came from PRIVACY_CONSOLE_SESSION, not the keyring


@dataclass(frozen=True)
class Kept:
    """A new session, and whether the keyring took its token (else: sign in at every start)."""

    signed: auth.SignedIn
    remembered: bool


def find_access(db: Database) -> Access:
    """The owner where sign-in is off; a kept session that is still live; else sign in (or set up)."""
    if not auth.sign_in_required(db):
        return Access(local_actor())
    from_env = config.SESSION.get()
    missing = False
    from console import keychain
    try:
        token = from_env or keychain.get_secret(session_secret_name(db))
    except SecretStoreError:
        token, missing = None, True
    if not token:
        first = db.dialect != "sqlite" and not auth.accounts_exist(db)
        return Access(None, first_run=first, keyring_missing=missing)
    try:
        signed = auth.resume_session(db, token)
    except auth.SessionExpired as exc:
        if not from_env:
            forget_session(db)
        return Access(None, notice=str(exc))
    return Access(signed.actor, signed, from_env=bool(from_env))


def keep_session(db: Database, signed: auth.SignedIn) -> bool:
    from console import keychain

    try:
        keychain.set_secret(session_secret_name(db), signed.token)
    except SecretStoreError:
        return False
    return True


def forget_session(db: Database) -> None:
    from console import keychain

    try:
        keychain.delete_secret(session_secret_name(db))
    except SecretStoreError:
        pass  # nothing could be kept there either


def sign_in_and_keep(db: Database, username: str, password: str, code: str | None) -> Kept:
    signed = auth.sign_in(db, username, password, code or None, client="desktop")
    return Kept(signed, keep_session(db, signed))


def finish_and_keep(db: Database, username: str, password: str, secret: str, code: str) -> Kept:
    signed = auth.finish_enrolment(db, username, password, secret, code, client="desktop")
    return Kept(signed, keep_session(db, signed))


def sign_out(db: Database, token: str, from_env: bool = False) -> None:
    """End the session on the database and drop the kept token (an ended one is fine too)."""
    try:
        auth.sign_out(db, token)
    finally:
        if not from_env:
            forget_session(db)
