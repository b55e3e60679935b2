"""Input bounds, the same for every way in (CLI, import files, the window's dialogs, data sources).

Lengths come from the schema, so what passes here always fits the column on SQLite and on a
server alike. Names and identifiers refuse control characters (a NUL, an ANSI escape that
repaints a terminal) and bidirectional overrides (U+202E makes "gpj.exe" read "exe.jpg");
free text keeps its line breaks. A lone surrogate (bytes from a terminal that is not UTF-8)
is refused with a hint instead of failing deep inside the database driver.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime
from functools import lru_cache

from console.errors import ValidationError

EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)  # nothing the console tracks was received before this
LATEST = datetime(9000, 1, 1, tzinfo=UTC)  # far beyond any deadline, well inside what datetimes hold
FREE_TEXT = 20_000  # notes, reasons, details: a page or so; the columns are unbounded TEXT
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")


@lru_cache(maxsize=256)
def column_length(column: object) -> int:
    """The length a String column holds (FREE_TEXT for TEXT); duck-typed, so no SQLAlchemy import."""
    length = getattr(getattr(column, "type", None), "length", None)
    return int(length) if isinstance(length, int) and length > 0 else FREE_TEXT


def text(value: str, what: str, limit: int | object, *, multiline: bool = False) -> str:
    """``value`` if a person could have meant it: no stray bytes, no hidden controls, not too long."""
    size = limit if isinstance(limit, int) else column_length(limit)
    if len(value) > size:
        raise ValidationError(f"{what} is {len(value):,} characters long; at most {size:,} fit.")
    if value.isascii() and value.isprintable():  # the usual case: no surrogates, controls or bidi marks
        return value
    for ch in value:
        if "\ud800" <= ch <= "\udfff":
            raise ValidationError(f"{what} holds bytes that are not UTF-8 text (a terminal or file in another "
                                  "encoding, such as Latin-1?); type it again in UTF-8.")
        if ch in BIDI_CONTROLS:
            raise ValidationError(f"{what} contains an invisible text-direction control (U+{ord(ch):04X}) that "
                                  "can make it read differently from what it is; remove it.")
        if unicodedata.category(ch) == "Cc" and not (multiline and ch in "\n\r\t"):
            raise ValidationError(f"{what} contains a control character (U+{ord(ch):04X}); remove it.")
    return value


def optional_text(value: str | None, what: str, limit: int | object, *, multiline: bool = False) -> str | None:
    return None if value is None else text(value, what, limit, multiline=multiline)


def instant(value: datetime, what: str) -> datetime:
    """A date-time within the years the console works in (2000 to far in the future)."""
    if value.tzinfo is None:
        raise ValidationError(f"{what} needs a time zone, e.g. 2026-03-10T10:00:00+00:00.")
    try:
        in_utc = value.astimezone(UTC)
    except (OverflowError, ValueError):
        in_utc = None
    if in_utc is None or not EARLIEST <= in_utc < LATEST:
        raise ValidationError(f"{what} {value.isoformat()} is outside the years the console works with "
                              f"({EARLIEST.year} on).")
    return value


def number(value: int, what: str, low: int, high: int) -> int:
    if not low <= value <= high:
        raise ValidationError(f"{what} must be between {low:,} and {high:,}, not {value:,}.")
    return value
