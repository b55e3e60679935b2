"""Argument types shared by the command groups: instants and dates as people type them."""

from __future__ import annotations

import argparse
from datetime import date, datetime


def instant(value: str) -> datetime:
    """An ISO 8601 date-time with its zone; without a zone it would be ambiguous, so refused."""
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date-time like 2026-03-10T10:00:00+00:00") from None
    if parsed.tzinfo is None:
        raise argparse.ArgumentTypeError(f"{value!r} has no time zone; add one, e.g. +00:00")
    return parsed


def day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date like 2026-03-10") from None
