"""``privacy-console backup FILE`` and ``privacy-console restore FILE --to PATH``.

The passphrase is asked twice on the terminal, or read from the first line of standard input
with ``--passphrase-stdin``; it is never an argument and never stored.
"""

from __future__ import annotations

import argparse

from console import backup
from console.cli import prompt
from console.cli.app import context
from console.cli.args import command
from console.cli.output import Progress, emit_json
from console.security.roles import Perm, require


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    b = command(sub, "backup", common, cmd_backup, "write an encrypted backup of the local database")
    b.add_argument("file", help="the backup file to write")
    b.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from standard input")
    b.add_argument("--force", action="store_true", help="replace an existing file")
    r = command(sub, "restore", common, cmd_restore, "restore a backup into a new database file, and check it")
    r.add_argument("file", help="the backup file")
    r.add_argument("--to", required=True, metavar="PATH", help="the database file to create")
    r.add_argument("--passphrase-stdin", action="store_true", help="read the passphrase from standard input")
    r.add_argument("--force", action="store_true", help="replace an existing file at PATH")


def _passphrase(from_stdin: bool, confirm: bool) -> str:
    if from_stdin:
        return prompt.stdin_line("backup passphrase", "--passphrase-stdin")
    return prompt.secret("Backup passphrase: ", "backup passphrase", "--passphrase-stdin", confirm=confirm)


def cmd_backup(args: argparse.Namespace) -> int:
    ctx = context(args)
    require(ctx.actor, Perm.BACKUP)  # before asking for a passphrase
    passphrase = _passphrase(args.passphrase_stdin, confirm=True)
    report = backup.backup(ctx, args.file, passphrase, overwrite=args.force,
                           progress=None if args.json else Progress("backup"))
    if args.json:
        emit_json(report)
    else:
        print(f"Encrypted backup written to {report.path}: {report.bytes_written:,} bytes, "
              f"{sum(report.tables.values()):,} rows in {len(report.tables)} tables, {report.seconds:.1f} s. "
              "Keep the passphrase safe: without it the backup cannot be opened.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    passphrase = _passphrase(args.passphrase_stdin, confirm=False)
    report = backup.restore(args.file, passphrase, args.to, overwrite=args.force)
    if args.json:
        emit_json(report)
    else:
        print(f"Restored to {report.path} (backup of {report.created_at}): integrity {report.integrity}, "
              f"audit chain intact, {sum(report.tables.values()):,} rows in {len(report.tables)} tables "
              f"match the backup ({report.seconds:.1f} s).")
        print(f"Open it with --db sqlite:///{report.path}")
    return 0
