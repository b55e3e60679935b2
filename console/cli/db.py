"""``privacy-console db``: upgrade the schema, store a server password, show where data lives."""

from __future__ import annotations

import argparse

from console import keychain
from console.cli import prompt
from console.cli.args import command
from console.cli.output import emit_json
from console.errors import DamagedError, ValidationError
from console.security import server
from console.store import integrity, migrate
from console.store.engine import data_dir, display_url, parse_url, resolve_url, secret_name_for
from console.uow import Database


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("db", help="database: upgrade, login, info")
    psub = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    command(psub, "upgrade", common, upgrade, "apply the schema migrations")
    ss = psub.add_parser("setup-server", parents=[common],
                         help="PostgreSQL: make the server enforce the roles (run once by the database owner)")
    ss.add_argument("--prefix", help="prefix of the roles made (roles are shared by every database of the server; "
                                     "default: the database name)")
    ss.set_defaults(func=setup_server)
    command(psub, "info", common, show_info, "which database, which schema revision")
    command(psub, "check", common, check_db, "check every page of the database file (exit 14 if damaged)")
    login = command(psub, "login", common, db_login, "store a server password in the OS keyring")
    login.add_argument("url", help="postgresql+psycopg://user@host:5432/dbname (no password in it)")
    login.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    command(psub, "logout", common, db_logout, "forget a stored server password", "url")


def upgrade(args: argparse.Namespace) -> int:
    db = Database(args.db, upgrade=False)
    if db.dialect == "postgresql":
        with db.engine.connect() as conn:
            has_settings = conn.exec_driver_sql("SELECT to_regclass('settings')").scalar()
            server.require_owner(conn, server.installed(conn) if has_settings else None, "db upgrade")
    before, after = db.upgrade()
    if args.json:
        emit_json({"database": db.safe_url, "from": before, "to": after})
    else:
        print(f"{db.safe_url}: schema {before or 'empty'} -> {after}")
    return 0


def setup_server(args: argparse.Namespace) -> int:
    db = Database(args.db, upgrade=False)
    if db.dialect != "postgresql":
        raise ValidationError("db setup-server is for a shared PostgreSQL database; a local file has no database roles "
                              "(use 'privacy-console audit protect' there).")
    with db.engine.connect() as conn:
        has_settings = conn.exec_driver_sql("SELECT to_regclass('settings')").scalar()
        server.require_owner(conn, server.installed(conn) if has_settings else None, "db setup-server")
    db.upgrade()
    with db.engine.begin() as conn:
        report = server.setup_server(conn, args.prefix)
    r = report.roles
    if args.json:
        emit_json({"database": db.safe_url, "owner": r.owner, "groups": r.groups, "statements": report.statements,
                   "logins": report.logins, "skipped": report.skipped, "revoked": report.revoked})
        return 0
    print(f"{db.safe_url}: set up with {report.statements} statements; tables and functions owned by {r.owner}.")
    print("Group roles: " + ", ".join(r.groups) + ". Each account connects as its own login role (its user name).")
    if report.revoked:
        print("Table grants taken back from: " + ", ".join(report.revoked))
    if report.logins:
        print("Login roles for existing accounts (set each one's database password, e.g. ALTER ROLE ... PASSWORD, "
              "or 'account password' by an administrator): " + ", ".join(report.logins))
    if report.skipped:
        print("Accounts NOT given a login role (a privileged role has that name): " + ", ".join(report.skipped))
    return 0


def show_info(args: argparse.Namespace) -> int:
    db = Database(args.db, upgrade=False)
    info = {"database": db.safe_url, "dialect": db.dialect, "revision": migrate.current_revision(db.engine),
            "latest": migrate.head_revision(), "data_dir": str(data_dir())}
    if args.json:
        emit_json(info)
    else:
        for k, v in info.items():
            print(f"{k:<9} {v}")
    return 0


def check_db(args: argparse.Namespace) -> int:
    db = Database(args.db, upgrade=False)
    found = integrity.problems(db.engine, db.safe_url)
    if args.json:
        emit_json({"database": db.safe_url, "ok": not found, "problems": found})
    else:
        for line in found:
            print(line)
    if found:
        raise DamagedError(f"{db.safe_url} is damaged: {len(found)} problem(s). {integrity.RESTORE}")
    if not args.json:
        print(f"{db.safe_url}: every page and reference checked, no damage found"
              if db.dialect == "sqlite" else f"{db.safe_url}: the server checks its own storage; connection and schema fine")
    return 0


def db_login(args: argparse.Namespace) -> int:
    url = parse_url(args.url)
    if url.get_backend_name() != "postgresql" or not url.username:
        raise ValidationError("db login is for a server URL with a user: postgresql+psycopg://user@host:5432/dbname")
    if url.password is not None:
        raise ValidationError("Give the URL without the password; you are asked for it instead.")
    if args.password_stdin:
        password = prompt.stdin_line("database password", "--password-stdin")
    else:
        password = prompt.secret(f"Password for {display_url(args.url)}: ", "database password", "--password-stdin")
    keychain.set_secret(secret_name_for(url), password)
    try:
        Database(args.url, upgrade=False)
    except Exception:
        keychain.delete_secret(secret_name_for(url))
        raise
    print(f"Password for {display_url(args.url)} stored in the OS keyring; the connection works.")
    return 0


def db_logout(args: argparse.Namespace) -> int:
    url = parse_url(resolve_url(args.url))
    removed = keychain.delete_secret(secret_name_for(url))
    print("Forgotten." if removed else "No password was stored for that URL.")
    return 0
