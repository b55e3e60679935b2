"""``privacy-console retention run [--dry-run] [--purge]``: apply the catalogue's periods."""

from __future__ import annotations

import argparse

from console import retention
from console.cli.app import context
from console.cli.args import command
from console.cli.output import Progress, emit_json, table


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("retention", help="apply the retention periods to closed requests, incidents and evidence")
    a = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    run = command(a, "run", common, cmd_run, "anonymise (or purge) what is past its period")
    run.add_argument("--dry-run", action="store_true", help="only list what would go")
    run.add_argument("--purge", action="store_true", help="delete closed requests instead of anonymising them")


def cmd_run(args: argparse.Namespace) -> int:
    ctx = context(args)
    mode = "purge" if args.purge else "anonymise"
    if args.dry_run:
        plan = retention.plan(ctx, mode)
        if args.json:
            emit_json(plan)
            return 0
        table([[it.kind, it.reference, it.action, it.reason] for it in plan.items],
              ["kind", "reference", "would", "why"])
        print(f"Dry run: {len(plan.items):,} record(s) would go "
              f"(requests closed before {plan.requests_closed_before.date().isoformat()}, incidents closed before "
              f"{plan.incidents_closed_before.date().isoformat()}); nothing was changed.")
        return 0
    result = retention.apply(ctx, mode, progress=None if args.json else Progress("retention"))
    if args.json:
        emit_json({"done": result.done, "seconds": round(result.seconds, 3)})
    else:
        done = ", ".join(f"{k}: {v:,}" for k, v in sorted(result.done.items())) or "nothing was due"
        print(f"Retention applied ({mode}): {done}; each is in the audit trail.")
    return 0
