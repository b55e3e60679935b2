"""The headless CLI: ``privacy-console SUBCOMMAND``; one module a command group.

Errors meant for people print one line on stderr and exit non-zero; nothing prints a traceback
unless PRIVACY_CONSOLE_DEBUG is set.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from console import __version__, config
from console.errors import ConsoleError, storage_error

PROG = "privacy-console"


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake in one line, naming the fix."""

    def error(self, message: str) -> None:  # type: ignore[override]
        message = message.replace("argument COMMAND: invalid choice", "unknown command")
        message = message.replace("argument ACTION: invalid choice", "unknown action")
        sys.stderr.write(f"{self.prog}: {message} (see '{self.prog} --help')\n")
        raise SystemExit(2)


# Each command's module, and the one line ``--help`` shows for it (the module's own parser says
# the same; tests/console/test_cli_cold_start.py keeps the two in step). Only the module of the
# command that runs is imported, so `--version`, `--help` and every command load no more than
# they need.
COMMANDS: dict[str, tuple[str, str]] = {
    "db": ("db", "database: upgrade, login, info"),
    "policy": ("policy", "show the policy catalogue"),
    "records": ("records", "records of processing (Art. 30) and the cookie inventory: show, export"),
    "request": ("request", "rights requests: add, list, show, verify, advance, ..."),
    "data": ("data", "a request's subject data: import a file, fetch from sources, show"),
    "source": ("data", "data sources: company systems queried for a subject's data"),
    "demo": ("demo", "fill the database with synthetic demo data"),
    "package": ("package", "response packages: build and sign, verify, list, record as sent"),
    "incident": ("incident", "breach incidents: open, log, assess, notify, close, list, report"),
    "drill": ("drill", "response drills: scenarios, start, status, finish"),
    "account": ("account", "staff accounts: add, list, disable, role, password, sign-in"),
    "audit": ("audit", "the audit trail: verify, list, export, protect"),
    "backup": ("backup", "write an encrypted backup of the local database"),
    "restore": ("backup", "restore a backup into a new database file, and check it"),
    "cert": ("cert", "the signing certificate: create one for trials, use one, show it"),
    "retention": ("retention", "apply the retention periods to closed requests, incidents and evidence"),
    "login": ("login", "sign in; the session is kept in the OS keyring"),
    "logout": ("login", "end the session kept in the keyring"),
    "whoami": ("login", "who the console acts as on this database"),
    "desktop": ("desktop", "add the console to this user's application menu (Linux, XDG)"),
    "screenshot": ("window", "save a picture of the window, rendered offscreen (OUT.png, --view, --size, --theme)"),
}
VALUED_OPTIONS = ("--db", "--policy")


def command_of(args: Sequence[str]) -> str | None:
    """The command word in ``args`` (skipping the values of global options), or None."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in VALUED_OPTIONS:
            skip = True
        elif not arg.startswith("-"):
            return arg
    return None


def build_parser(command: str | None = None) -> Parser:
    """The parser with ``command``'s module registered in full; every other command is a name and a line."""
    import importlib

    parser = Parser(prog=PROG, description="Privacy Console: data-subject requests, deadlines, breaches. "
                    "With no command it opens the desktop window.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", metavar="URL", default=argparse.SUPPRESS,
                        help="database URL (default: PRIVACY_CONSOLE_DB, else the local SQLite file)")
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help="print JSON")
    common.add_argument("--policy", metavar="PATH", default=argparse.SUPPRESS,
                        help="policy catalogue folder or file (default: PRIVACY_CONSOLE_POLICY, else the shipped one)")
    for action in common._actions:
        parser._add_action(action)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    full = COMMANDS[command][0] if command in COMMANDS else None
    registered: set[str] = set()
    for name, (module, text) in COMMANDS.items():
        if module == full:
            if module not in registered:
                registered.add(module)
                importlib.import_module(f"console.cli.{module}").register(sub, common)
        else:
            sub.add_parser(name, help=text)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    for noisy in ("pyhanko", "pyhanko_certvalidator", "fontTools"):
        logging.getLogger(noisy).setLevel(logging.CRITICAL)
    for i, arg in enumerate(args_list, start=1):
        if any("\ud800" <= ch <= "\udfff" for ch in arg):  # undecodable bytes (a Latin-1 terminal)
            sys.stderr.write(f"{PROG}: argument {i} holds bytes that are not UTF-8 text; set the terminal to "
                             "UTF-8 (or pass the value as UTF-8) and try again. Nothing was changed.\n")
            return 2
    if "request" in args_list and "list" in args_list:
        from console.cli import request_fast  # before the parser: it would load SQLAlchemy

        try:
            fast = request_fast.run(args_list)
        except BrokenPipeError:
            sys.stderr.close()
            return 0
        if fast is not None:
            return fast
    parser = build_parser(command_of(args_list))
    args = parser.parse_args(args_list)
    for key in ("db", "json", "policy"):
        if not hasattr(args, key):
            setattr(args, key, False if key == "json" else None)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    handler = getattr(args, "func", None)
    if handler is None:
        parser.parse_args([*args_list, "--help"])
        return 2
    try:
        return int(handler(args) or 0)
    except ConsoleError as exc:
        sys.stderr.write(f"{PROG}: {exc}\n")
        return exc.exit_code
    except BrokenPipeError:  # output piped into `head`: not an error of ours
        sys.stderr.close()
        return 0
    except KeyboardInterrupt:
        sys.stderr.write(f"{PROG}: interrupted; nothing half-written was kept\n")
        return 130
    except Exception as exc:  # noqa: BLE001 - the last net: one line, details only on request
        from sqlalchemy.exc import DBAPIError

        if isinstance(exc, DBAPIError):  # a driver error no service translated: one line, never the SQL
            err = storage_error(_shown_url(args), exc)
            sys.stderr.write(f"{PROG}: {err}\n")
            return err.exit_code
        if config.DEBUG.is_set():
            raise
        sys.stderr.write(f"{PROG}: unexpected error ({type(exc).__name__}: {exc}). "
                         "Run again with PRIVACY_CONSOLE_DEBUG=1 for details.\n")
        return 70


def _shown_url(args: argparse.Namespace) -> str:
    from console.store.engine import display_url, resolve_url

    try:
        return display_url(resolve_url(getattr(args, "db", None)))
    except ConsoleError:
        return "the database"


def entry_point() -> None:
    raise SystemExit(main())
