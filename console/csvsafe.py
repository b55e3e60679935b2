"""CSV for spreadsheets: a cell somebody typed must never run as a formula when opened.

Excel, LibreOffice and Google Sheets evaluate a cell that starts with = + - @ (and, after a
tab or carriage return, whatever follows); ``=cmd|' /C calc'!A0`` in a subject's name would
run on the analyst's machine. Such cells get a leading apostrophe (OWASP's advice), which
spreadsheets show as text; plain numbers such as -12.5 are left as they are. Every CSV the
console writes goes through here: package data files, the incident register, the audit trail.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from typing import IO, Any

TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\n")
_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")


def cell(value: Any) -> Any:
    """The value as a spreadsheet may safely show it."""
    if value is None or isinstance(value, bool | int | float):
        return value
    text = value.isoformat() if isinstance(value, datetime | date) else str(value)
    if text[:1] in TRIGGERS and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


class Writer:
    """``csv.writer`` whose every cell is neutralised."""

    def __init__(self, out: IO[str], **kwargs: Any) -> None:
        self._writer = csv.writer(out, **kwargs)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([cell(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]]) -> None:
        for row in rows:
            self.writerow(row)


class DictWriter(csv.DictWriter):
    """``csv.DictWriter`` whose every value is neutralised (the header is ours, left as is)."""

    def writerow(self, rowdict: Mapping[str, Any]) -> Any:
        return super().writerow({k: cell(v) for k, v in rowdict.items()})

    def writerows(self, rowdicts: Iterable[Mapping[str, Any]]) -> None:
        for row in rowdicts:
            self.writerow(row)
