"""Argument types shared by the command groups: instants, dates and numbers as people type them.

Each is bounded (console.bounds), so a year 1 or a 20-digit limit is a usage error on one line,
never an overflow deep in the database driver.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import date, datetime

from console import bounds
from console.errors import ValidationError


def instant(value: str) -> datetime:
    """An ISO 8601 date-time with its zone; without a zone it would be ambiguous, so refused."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date-time like 2026-03-10T10:00:00+00:00") from None
    if parsed.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{value!r} has no time zone; add one, e.g. +00:00")
    try:
        return bounds.instant(parsed, "The time")
    except ValidationError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def day(value: str) -> date:
    try:
        parsed = date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-03-10") from None
    if not bounds.EARLIEST.date() <= parsed < bounds.LATEST.date():
        raise argparse.ArgumentTypeError(f"{value!r} is outside the years the console works with ({bounds.EARLIEST.year} on)")
    return parsed


def bounded(low: int, high: int) -> Callable[[str], int]:
    """A whole number between ``low`` and ``high``."""

    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
        try:
            return bounds.number(number, "it", low, high)
        except ValidationError:
            raise argparse.ArgumentTypeError(f"{value[:30]!r} is not between {low:,} and {high:,}") from None

    parse.__name__ = "number"  # argparse names the type in its messages
    return parse


LIMIT = bounded(1, 100_000)  # rows to show
ID = bounded(1, 2**63 - 1)  # a database id
COUNT = bounded(0, 10**10)  # people, records: more than there are people



def command(group: argparse._SubParsersAction, name: str, common: argparse.ArgumentParser,
            func: Callable[[argparse.Namespace], int], help: str, *positional: str) -> argparse.ArgumentParser:
    """``group``'s subcommand ``name``: the common options (--db, --json, ...), the plain positional
    arguments named (a ``reference``, say), run by ``func``; the caller adds the rest."""
    parser = group.add_parser(name, parents=[common], help=help)
    for arg in positional:
        parser.add_argument(arg)
    parser.set_defaults(func=func)
    return parser
