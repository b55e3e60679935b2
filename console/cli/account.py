"""``privacy-console account ...``: staff accounts, roles, passwords, second factor, sign-in.

Passwords are asked twice on the terminal, or read from the first line of standard input
with ``--password-stdin``; they are never taken as an argument (they would land in the
shell history and the process list).
"""

from __future__ import annotations

import argparse

from console.cli import prompt
from console.cli.app import context, open_database
from console.cli.args import command
from console.cli.output import emit_json, table
from console.errors import ValidationError
from console.security import accounts, auth
from console.security.accounts import AccountView
from console.security.roles import STAFF_ROLES, Perm, require
from console.session import local_actor

ROLE_NAMES = [r.value for r in STAFF_ROLES]
STDIN_HELP = "read the password from the first line of standard input (scripts)"


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("account", help="staff accounts: add, list, disable, role, password, sign-in")
    a = p.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = command(a, "add", common, cmd_add, "create an account (administrator)", "username")
    add.add_argument("--role", required=True, choices=ROLE_NAMES)
    add.add_argument("--name", default="", help="display name")
    add.add_argument("--password-stdin", action="store_true", help=STDIN_HELP)

    command(a, "list", common, cmd_list, "every account with its role and state")

    for name, helptext, func in (("disable", "disable an account and end its sessions", cmd_disable),
                                 ("enable", "enable a disabled account", cmd_enable),
                                 ("unlock", "lift a lockout after failed sign-ins", cmd_unlock),
                                 ("reset-totp", "forget the second factor: the account sets up a new one at sign-in",
                                  cmd_reset_totp)):
        command(a, name, common, func, helptext, "username")

    role = command(a, "role", common, cmd_role, "change an account's role (administrator)", "username")
    role.add_argument("role", choices=ROLE_NAMES)

    pw = a.add_parser("password", parents=[common],
                      help="change your password (asks the current one), or reset another account's (administrator)")
    pw.add_argument("username", nargs="?", help="whose password (default: yours)")
    pw.add_argument("--password-stdin", action="store_true",
                    help="read the new password (for your own: the current one first) from standard input")
    pw.set_defaults(func=cmd_password)

    tk = a.add_parser("totp-key", parents=[common],
                      help="copy the second-factor key to another workstation of this database (administrator)")
    tk.add_argument("direction", choices=["export", "import"],
                    help="export: print the key (one line); import: read it from standard input")
    tk.set_defaults(func=cmd_totp_key)

    tr = command(a, "totp-roles", common, cmd_totp_roles, "show or set which roles need the second factor")
    tr.add_argument("roles", nargs="*", metavar="ROLE", help=f"roles among: {', '.join(ROLE_NAMES)}")

    en = a.add_parser("enable-sign-in", parents=[common],
                      help="create the first administrator and require sign-in from now on")
    en.add_argument("username")
    en.add_argument("--name", default="", help="display name")
    en.add_argument("--password-stdin", action="store_true", help=STDIN_HELP)
    en.set_defaults(func=cmd_enable_sign_in)


def _new_password(from_stdin: bool, question: str = "New password: ") -> str:
    if from_stdin:
        return prompt.stdin_line("password", "--password-stdin")
    return prompt.secret(question, "password", "--password-stdin", confirm=True)


def _print(view: AccountView, args: argparse.Namespace, verb: str) -> int:
    if args.json:
        emit_json(view)
    else:
        print(f"{verb}: {view.username} ({view.role}){'' if view.active else ', disabled'}")
    return 0


def cmd_add(args: argparse.Namespace) -> int:
    ctx = context(args)
    require(ctx.actor, Perm.MANAGE_ACCOUNTS)  # refuse before asking for a password
    view = accounts.create_account(ctx, args.username, args.name, args.role, _new_password(args.password_stdin))
    return _print(view, args, "Created")


def cmd_list(args: argparse.Namespace) -> int:
    rows = accounts.list_accounts(context(args))
    if args.json:
        emit_json(rows)
        return 0
    table([[r.username, r.display_name[:30], r.role, "yes" if r.active else "no", "yes" if r.second_factor else "no",
            r.locked_until.strftime("%Y-%m-%d %H:%M") if r.locked_until else "-",
            r.last_sign_in_at.strftime("%Y-%m-%d %H:%M") if r.last_sign_in_at else "-"] for r in rows],
          ["user", "name", "role", "active", "2fa", "locked until", "last sign-in"])
    return 0


def cmd_disable(args: argparse.Namespace) -> int:
    return _print(accounts.disable_account(context(args), args.username), args, "Disabled")


def cmd_enable(args: argparse.Namespace) -> int:
    return _print(accounts.enable_account(context(args), args.username), args, "Enabled")


def cmd_unlock(args: argparse.Namespace) -> int:
    return _print(accounts.unlock_account(context(args), args.username), args, "Unlocked")


def cmd_reset_totp(args: argparse.Namespace) -> int:
    return _print(accounts.reset_second_factor(context(args), args.username), args,
                  "Second factor reset (set up again at the next sign-in)")


def cmd_totp_key(args: argparse.Namespace) -> int:
    ctx = context(args)
    if args.direction == "export":
        print(accounts.export_totp_key(ctx))
        return 0
    key_id = accounts.import_totp_key(ctx, prompt.stdin_line("second-factor key", "import"))
    print(f"Second-factor key {key_id} kept in this workstation's keyring.")
    return 0


def cmd_role(args: argparse.Namespace) -> int:
    return _print(accounts.change_role(context(args), args.username, args.role), args, "Role changed")


def cmd_password(args: argparse.Namespace) -> int:
    ctx = context(args)
    username = (args.username or ctx.actor.username).strip().lower()
    current = None
    if username == ctx.actor.username:
        current = (prompt.stdin_line("current password", "--password-stdin") if args.password_stdin
                   else prompt.secret("Current password: ", "current password", "--password-stdin"))
    view = accounts.set_password(ctx, username, _new_password(args.password_stdin), current_password=current)
    return _print(view, args, "Password changed" if current is not None else "Password reset")


def cmd_totp_roles(args: argparse.Namespace) -> int:
    ctx = context(args)
    roles = accounts.set_totp_roles(ctx, args.roles) if args.roles else accounts.security_settings(ctx).totp_roles
    names = sorted(r.value for r in roles)
    if args.json:
        emit_json({"totp_roles": names})
    else:
        print("Second factor required for: " + ", ".join(names))
    return 0


def cmd_enable_sign_in(args: argparse.Namespace) -> int:
    db = open_database(args)
    if db.dialect == "sqlite" and auth.sign_in_required(db):
        raise ValidationError("Sign-in is already on for this database; an administrator adds accounts with 'account add'.")
    view = accounts.enable_sign_in(db, args.username, args.name, _new_password(args.password_stdin),
                                   by=local_actor().username)
    if args.json:
        emit_json(view)
    else:
        print(f"Sign-in is on. {view.username} is the first administrator; sign in with 'privacy-console login "
              f"{view.username}' (an administrator sets up a second factor at the first sign-in).")
    return 0
