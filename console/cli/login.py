"""``privacy-console login`` / ``logout`` / ``whoami``: the CLI signs in like the window.

The session token goes to the OS keyring (never a file); every later command resumes it. On a
host without a keyring (a headless server's cron job), ``--print-token`` prints it instead, for
the ``PRIVACY_CONSOLE_SESSION`` environment variable.
With ``--password-stdin`` the password is the first line of standard input and, when the
account needs one, the authenticator code the next line (for scripts and tests).
"""

from __future__ import annotations

import argparse
import sys

from console import config, keychain
from console.cli import prompt
from console.cli.app import open_database
from console.cli.args import command
from console.cli.output import emit_json
from console.errors import ValidationError
from console.security import auth, totp
from console.session import local_actor, resolve_actor, session_secret_name
from console.uow import Database


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = command(sub, "login", common, cmd_login, "sign in; the session is kept in the OS keyring")
    p.add_argument("username", nargs="?", help="your user name (asked when omitted)")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password (and then the code, if needed) from standard input")
    p.add_argument("--code", help="the 6-digit authenticator code (asked when needed)")
    p.add_argument("--qr", metavar="FILE.png", help="at enrolment, also write the QR code as a PNG file")
    p.add_argument("--print-token", action="store_true",
                   help="print the session token instead of keeping it in the keyring (a host without one: "
                        "export PRIVACY_CONSOLE_SESSION=TOKEN)")
    command(sub, "logout", common, cmd_logout, "end the session kept in the keyring")
    command(sub, "whoami", common, cmd_whoami, "who the console acts as on this database")


class _Input:
    """Answers from stdin lines (scripts) or from the terminal (people)."""

    def __init__(self, from_stdin: bool) -> None:
        self.from_stdin = from_stdin

    def secret(self, question: str) -> str:
        if self.from_stdin:
            return sys.stdin.readline().rstrip("\r\n")
        return prompt.secret(question, "password", "--password-stdin")

    def text(self, question: str, what: str = "user name") -> str:
        if self.from_stdin:
            return sys.stdin.readline().strip()
        hint = ("give it as an argument (privacy-console login USERNAME --password-stdin)" if what == "user name"
                else "give --code, or --password-stdin with the code on the line after the password")
        return prompt.text(question, what, "--password-stdin", hint)


def _enrol(db: Database, username: str, password: str, ask: _Input, qr_path: str | None) -> auth.SignedIn:
    enrolment = auth.begin_enrolment(db, username, password)
    if qr_path:
        with open(qr_path, "wb") as f:
            f.write(enrolment.qr_png)
    print("Your role needs a second factor. Scan this QR code with an authenticator app:")
    if not ask.from_stdin:
        print(totp.qr_text(enrolment.uri))
    print(f"or enter this key by hand: {enrolment.secret}")
    print(f"otpauth URI: {enrolment.uri}")
    sys.stdout.flush()
    code = ask.text("Code shown by the app: ", "authenticator code")
    return auth.finish_enrolment(db, username, password, enrolment.secret, code, client="cli")


def cmd_login(args: argparse.Namespace) -> int:
    db = open_database(args)
    if not auth.sign_in_required(db):
        raise ValidationError(
            f"Sign-in is off for this local database: you act as its owner ({local_actor().username}). "
            "Turn it on with 'privacy-console account enable-sign-in USERNAME'.")
    ask = _Input(args.password_stdin)
    username = args.username or ask.text("User name: ")
    password = ask.secret(f"Password for {username}: ")
    if not username or not password:
        raise ValidationError("A user name and a password are needed to sign in.")
    try:
        signed = auth.sign_in(db, username, password, args.code, client="cli")
    except auth.CodeRequired:
        signed = auth.sign_in(db, username, password, ask.text("Authenticator code: ", "authenticator code"), client="cli")
    except auth.EnrolmentRequired:
        signed = _enrol(db, username, password, ask, args.qr)
    if args.print_token:
        print(signed.token)
        return 0
    keychain.set_secret(session_secret_name(db), signed.token)
    if args.json:
        emit_json({"username": signed.actor.username, "role": signed.actor.role.value, "expires_at": signed.expires_at})
    else:
        print(f"Signed in as {signed.actor.username} ({signed.actor.role.value}) on {db.safe_url}; "
              f"the session ends by {signed.expires_at.strftime('%Y-%m-%d %H:%M')} UTC.")
    return 0


def cmd_logout(args: argparse.Namespace) -> int:
    db = open_database(args)
    name = session_secret_name(db)
    from_env = config.SESSION.get()
    token = from_env or keychain.get_secret(name)
    if not token:
        print("You were not signed in on this database.")
        return 0
    auth.sign_out(db, token)
    if not from_env:
        keychain.delete_secret(name)
    print("Signed out.")
    return 0


def cmd_whoami(args: argparse.Namespace) -> int:
    db = open_database(args)
    actor = resolve_actor(db)
    if args.json:
        emit_json({"username": actor.username, "role": actor.role.value, "database": db.safe_url})
    else:
        print(f"{actor.username} ({actor.role.value}) on {db.safe_url}")
    return 0
