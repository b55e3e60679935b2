"""Turn parsed options into a Context: database, catalogue and the acting user.

Who acts: on a local SQLite file without sign-in, the OS user as the database's owner; on a
shared server (or a file whose owner turned sign-in on), the account of the session that
``privacy-console login`` keeps in the OS keyring (or that ``PRIVACY_CONSOLE_SESSION`` holds, on
a host without a keyring), with its current role.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from console import config
from console.context import Context
from console.errors import AuthenticationError
from console.policy import load_catalogue
from console.security import auth
from console.security.roles import Actor, Role
from console.store.uow import Database

SIGN_IN_FIRST = "Sign in first: privacy-console login"
SESSION_ENV = config.SESSION.name  # a session token for hosts without a keyring (login --print-token)


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


def resolve_actor(db: Database) -> Actor:
    """The owner where sign-in is off; else the signed-in account, or a clear 'sign in first'."""
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


def open_database(args: argparse.Namespace) -> Database:
    return Database(getattr(args, "db", None))


def context(args: argparse.Namespace) -> Context:
    """Load the catalogue first (cheap, and a bad one must fail before touching the database)."""
    catalogue = load_catalogue(getattr(args, "policy", None))
    db = open_database(args)
    return Context(db, catalogue, resolve_actor(db))
