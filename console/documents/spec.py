"""What a document says, as plain frozen data: the package builder fills it, ``render_pdf`` prints it.

Nothing here knows about the database or about reportlab, so a letter can be described (and
tested) without either.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from console.errors import DocumentError


@dataclass(frozen=True)
class Heading:
    """A section title; level 1 or 2. It stays on the page of what follows it."""

    text: str
    level: int = 1


@dataclass(frozen=True)
class Paragraph:
    """Plain text (never markup: ``<`` and ``&`` print as typed); newlines become line breaks."""

    text: str
    small: bool = False


@dataclass(frozen=True)
class KeyValue:
    """Label / value pairs, e.g. the facts of a request (received, identity checked, deadline)."""

    pairs: Sequence[tuple[str, str]]


@dataclass(frozen=True)
class Table:
    """A data table that may run over many pages; its header row repeats on each page.

    ``widths`` are relative weights (``(1, 3, 1)``), not points, because the caller does not
    know the page; without them the widths follow the content.
    """

    columns: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: Sequence[float] | None = None


@dataclass(frozen=True)
class Spacer:
    """Vertical room, in millimetres."""

    height_mm: float = 4.0


@dataclass(frozen=True)
class PageBreak:
    """Start the next block on a new page."""


Block = Heading | Paragraph | KeyValue | Table | Spacer | PageBreak


@dataclass(frozen=True)
class Labels:
    """The few words the layout prints itself, so a letter in another language can replace them."""

    date: str = "Date"
    reference: str = "Our reference"
    page: str = "Page {page} of {pages}"
    signature: str = "Digital signature"
    empty_table: str = "No entries."
    months: tuple[str, ...] = (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    )

    def format_date(self, day: datetime.date) -> str:
        """'30 November 2026': unambiguous in every country, unlike 11/30/2026."""
        return f"{day.day} {self.months[day.month - 1]} {day.year}"


@dataclass(frozen=True)
class DocumentSpec:
    """One letter: who sends it, to whom, about what, and the blocks of its body."""

    title: str
    reference: str
    organisation: str
    organisation_lines: Sequence[str] = ()
    recipient_lines: Sequence[str] = ()
    subject: str = ""
    blocks: Sequence[Block] = ()
    closing: Sequence[str] = ()
    language: str = "en"
    author: str = ""
    keywords: Sequence[str] = ()
    issued: datetime.date | None = None
    page_size: Literal["A4", "letter"] = "A4"
    labels: Labels = field(default_factory=Labels)
    marking: str = ""  # printed on every page, e.g. "DRILL" on an exercise's documents

    def validate(self) -> None:
        """Fail before any layout work, naming the block and row that cannot be printed."""
        if not self.title.strip():
            raise DocumentError("The document needs a title.")
        if not self.reference.strip():
            raise DocumentError("The document needs a reference (it is printed on every page).")
        if self.page_size not in ("A4", "letter"):
            raise DocumentError(f"Unknown page size {self.page_size!r}: use 'A4' or 'letter'.")
        for number, block in enumerate(self.blocks, start=1):
            if isinstance(block, Table):
                _validate_table(number, block)


def _validate_table(number: int, table: Table) -> None:
    """Every row must have one cell per column, or the printed table would shift silently."""
    width = len(table.columns)
    if width == 0:
        raise DocumentError(f"Table in block {number} has no columns.")
    if table.widths is not None and (
        len(table.widths) != width or any(w <= 0 for w in table.widths)
    ):
        raise DocumentError(
            f"Table in block {number}: give one positive width per column ({width})."
        )
    for row_number, row in enumerate(table.rows, start=1):
        if len(row) != width:
            raise DocumentError(
                f"Table in block {number}, row {row_number}: {len(row)} cells for {width} columns."
            )
