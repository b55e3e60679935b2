"""``privacy-console data`` and ``source``: the subject's data and the systems it comes from."""

from __future__ import annotations

import argparse
import tomllib
from pathlib import Path

from console.cli import prompt
from console.cli.app import context
from console.cli.args import command
from console.cli.output import Progress, emit_json
from console.errors import ValidationError
from console.requests import sources


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("data", help="a request's subject data: import a file, fetch from sources, show")
    ds = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    command(ds, "import", common, cmd_import, "add records from a CSV/JSON export", "reference", "file")
    command(ds, "fetch", common, cmd_fetch, "query every configured data source for the subject", "reference")
    command(ds, "show", common, cmd_show, "the records by data category", "reference")

    s = sub.add_parser("source", help="data sources: company systems queried for a subject's data")
    ss = s.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = command(ss, "add", common, cmd_source_add, "register a source: URL and a TOML file of queries", "name")
    add.add_argument("url", help="SQLAlchemy URL without a password")
    add.add_argument("--queries", required=True, help="TOML file with a [queries] table: category = \"SELECT ... :email\"")
    add.add_argument("--ask-password", action="store_true", help="ask for the password and keep it in the keyring")
    add.add_argument("--password-stdin", action="store_true",
                     help="read the password from the first line of standard input and keep it in the keyring")
    command(ss, "list", common, cmd_source_list, "configured sources")
    command(ss, "remove", common, cmd_source_remove, "forget a source and its password", "name")


def cmd_import(args: argparse.Namespace) -> int:
    n = sources.import_records(context(args), args.reference, args.file)
    emit_json({"imported": n}) if args.json else print(f"Imported {n} records into {args.reference.upper()}")
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    result = sources.fetch_from_sources(context(args), args.reference, progress=None if args.json else Progress("sources"))
    if args.json:
        emit_json(result)
    else:
        for name, n in result.by_source.items():
            print(f"{name}: {n} records")
        for problem in result.problems:
            print(f"failed: {problem}")
    return 1 if result.problems and not result.records else 0


def cmd_show(args: argparse.Namespace) -> int:
    grouped = sources.records(context(args), args.reference)
    if args.json:
        emit_json(grouped)
        return 0
    if not grouped:
        print("No records yet: import a file or fetch from the data sources.")
    for category, rows in grouped.items():
        print(f"{category} ({len(rows)})")
        for r in rows:
            print("   " + "; ".join(f"{k}={v}" for k, v in r.data.items()) + f"   [{r.source}]")
    return 0


def cmd_source_add(args: argparse.Namespace) -> int:
    path = Path(args.queries)
    try:
        queries = tomllib.loads(path.read_text(encoding="utf-8"))["queries"]
    except FileNotFoundError:
        raise ValidationError(f"{args.queries!r} does not exist.") from None
    except (tomllib.TOMLDecodeError, KeyError, TypeError):
        raise ValidationError(f"{path.name}: expected TOML with a [queries] table of category = \"SQL\"") from None
    password = None
    if args.password_stdin:
        password = prompt.stdin_line("data source password", "--password-stdin")
    elif args.ask_password:
        password = prompt.secret(f"Password for {args.url}: ", "data source password", "--password-stdin")
    view = sources.add_source(context(args), args.name, args.url, queries, password)
    emit_json(view) if args.json else print(f"Added data source {view.name} ({', '.join(view.categories)})")
    return 0


def cmd_source_list(args: argparse.Namespace) -> int:
    found = sources.list_sources(context(args))
    if args.json:
        emit_json(found)
    else:
        for s in found:
            print(f"{s.name:<20} {s.url}  [{', '.join(s.categories)}]" + ("" if s.enabled else " (disabled)"))
    return 0


def cmd_source_remove(args: argparse.Namespace) -> int:
    sources.remove_source(context(args), args.name)
    print(f"Removed data source {args.name}")
    return 0
