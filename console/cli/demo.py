"""``privacy-console demo``: fill a database with synthetic, varied data."""

from __future__ import annotations

import argparse

from console.cli import args as args_
from console.cli.app import context
from console.cli.output import Progress, emit_json, warn
from console.demo import fill


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help="fill the database with synthetic demo data",
                       description="Add synthetic requests (invented people at example domains, every right, "
                                   "state and deadline situation) and optionally breach incidents, to try the "
                                   "console or measure it. Adds to what is there; never use it on a live database.")
    p.add_argument("--requests", type=args_.bounded(0, 10_000_000), default=500, metavar="N", help="how many requests to add (default 500)")
    p.add_argument("--incidents", type=args_.bounded(0, 100_000), default=0, metavar="M", help="how many breach incidents to add (default 0)")
    p.add_argument("--seed", type=args_.bounded(0, 2**31 - 1), default=7, metavar="S",
                   help="random seed: the same seed on an empty database gives the same data (default 7)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    ctx = context(args)
    result = fill(ctx, args.requests, args.incidents, seed=args.seed, progress=None if args.json else Progress("requests"))
    if args.json:
        emit_json(result)
    else:
        print(f"Added {result.requests:,} requests and {result.incidents:,} incidents in {result.seconds:.1f} s")
    warn(result.warnings)
    return 0
