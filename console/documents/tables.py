"""Long data tables in time linear in their rows, with the header repeated on every page.

A single reportlab ``LongTable`` of 10,000 rows re-measures every remaining row on each page
break (quadratic: about 8 s for 10,000 rows). ``StreamingTable`` instead lays out one page's
worth of rows at a time and hands the rest on, so the cost per page stays constant, cells are
converted only when their page is laid out, and progress can be reported per page.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, LongTable, TableStyle
from reportlab.platypus import Paragraph as RLParagraph

from console.documents.fonts import BOLD, REGULAR, markup, needs_fallback, string_width
from console.documents.styles import (
    CELL_FONT_SIZE,
    CELL_LEADING,
    CELL_PAD,
    HEADER_FILL,
    INK,
    RULE,
    ZEBRA,
    styles,
)

_SAMPLE_ROWS = 200
_MIN_COLUMN = 36.0
_SHORT_HEADER = 72.0
_BREAK_AFTER = ".-/_@"
_MAX_WORD_SHARE = 0.3
_MAX_WANTED_SHARE = 0.55  # so one chatty column cannot squeeze every other one
_MIN_ROW_HEIGHT = CELL_LEADING + 2 * CELL_PAD


def cell_text(value: object) -> str:
    """How a cell value prints: None as empty, everything else as ``str``."""
    return "" if value is None else str(value)


def as_cell(text: str, width: float) -> str:
    """The text broken into lines that fit ``width``.

    Breaking here, rather than wrapping each long cell in a Paragraph, gives the same printed
    result at a fraction of the cost: a Paragraph re-parses and re-measures itself each of the
    three times a table row is measured, which dominated a 10,000-row table.
    """
    room = width - 2 * CELL_PAD
    if "\n" not in text and _width(text) <= room:
        return text
    lines: list[str] = []
    space = _width(" ")
    for paragraph in text.split("\n"):
        line, line_width = "", 0.0
        for word in paragraph.split():
            word_width = _width(word)
            if word_width > room:  # a hash, a URL: break it where it must
                if line:
                    lines.append(line)
                *full, line = _break_word(word, room)
                lines.extend(full)
                line_width = _width(line)
            elif not line:
                line, line_width = word, word_width
            elif line_width + space + word_width <= room:
                line, line_width = f"{line} {word}", line_width + space + word_width
            else:
                lines.append(line)
                line, line_width = word, word_width
        lines.append(line)
    return "\n".join(lines)


def _cell(text: str, width: float) -> object:
    """Plain text (fast) unless it needs the fallback font, which only a Paragraph can switch to."""
    if needs_fallback(text):
        return RLParagraph(markup(text).replace("\n", "<br/>"), styles().cell)
    return as_cell(text, width)


@lru_cache(maxsize=65536)
def _width(text: str) -> float:
    """Cached: table cells repeat the same words (categories, dates, systems) all the time."""
    return stringWidth(text, REGULAR, CELL_FONT_SIZE)


def _break_word(word: str, room: float) -> list[str]:
    """Pieces of a word too long for its column: after a '.', '-', '/', '_' or '@' if possible
    (host names, paths, e-mail addresses), else wherever the column ends."""
    pieces, piece, used = [], "", 0.0
    for char in word:
        char_width = _width(char)
        if piece and used + char_width > room:
            cut = max(piece.rfind(mark) for mark in _BREAK_AFTER) + 1
            if 0 < cut < len(piece):
                pieces.append(piece[:cut])
                piece = piece[cut:]
            else:
                pieces.append(piece)
                piece = ""
            used = stringWidth(piece, REGULAR, CELL_FONT_SIZE)
        piece += char
        used += char_width
    pieces.append(piece)
    return pieces


def column_widths(
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    weights: Sequence[float] | None,
    available: float,
) -> list[float]:
    """Widths in points: from the caller's weights, or from a sample of the content.

    From content as browsers lay out tables: each column gets at least its longest word (so
    dates and codes never break), and the room left goes to the columns that want more, in
    proportion to how much more they want.
    """
    if weights is not None:
        total = float(sum(weights))
        return _room_for_headers(columns, [available * w / total for w in weights])
    sample = rows[:_SAMPLE_ROWS]
    least = [_least_width(i, name, sample, available) for i, name in enumerate(columns)]
    wanted = [max(low, _wanted_width(i, sample, available)) for i, low in enumerate(least)]
    if sum(wanted) <= available:
        return [available * w / sum(wanted) for w in wanted]
    if sum(least) >= available:
        return [available * w / sum(least) for w in least]
    spare = (available - sum(least)) / (sum(wanted) - sum(least))
    return [low + (want - low) * spare for low, want in zip(least, wanted, strict=True)]


def _header_word(name: str) -> float:
    """The longest word of a header, in the header's bold: a header never breaks inside a word."""
    return max((string_width(word, BOLD, CELL_FONT_SIZE) for word in name.split()), default=0.0)


def _room_for_headers(columns: Sequence[str], widths: list[float]) -> list[float]:
    """Widen the columns whose header word would break ("Datensätz/e"), taking the room from
    the columns that have more than their own header needs; unchanged if that cannot work."""
    least = [_header_word(name) + 2 * CELL_PAD + 0.5 for name in columns]
    need = sum(max(0.0, low - w) for low, w in zip(least, widths, strict=True))
    spare = sum(max(0.0, w - low) for low, w in zip(least, widths, strict=True))
    if need <= 0 or spare < need:
        return widths
    return [low if w < low else w - (w - low) * need / spare for low, w in zip(least, widths, strict=True)]


def _least_width(
    index: int, name: str, sample: Sequence[Sequence[object]], available: float
) -> float:
    """Room for the longest word of the header (a short header whole) and of the cells."""
    header = stringWidth(name, BOLD, CELL_FONT_SIZE)
    if header > _SHORT_HEADER:  # long headers may wrap, but never inside a word
        header = max(stringWidth(w, BOLD, CELL_FONT_SIZE) for w in name.split())
    words = (w for row in sample for w in cell_text(row[index]).split())
    longest = max((_width(w) for w in words), default=0.0)
    least = max(header, min(longest, available * _MAX_WORD_SHARE), _MIN_COLUMN - 2 * CELL_PAD)
    return least + 2 * CELL_PAD


def _wanted_width(index: int, sample: Sequence[Sequence[object]], available: float) -> float:
    """Room for most (90 %) of the cells on one line."""
    widths = [_width(cell_text(row[index])) for row in sample]
    typical = statistics.quantiles(widths, n=10)[-1] if len(widths) >= 2 else sum(widths)
    return min(typical + 2 * CELL_PAD, available * _MAX_WANTED_SHARE)


def table_style(first_row_odd: bool) -> TableStyle:
    """Light header fill, hairline grid, zebra rows that keep their rhythm across pages."""
    stripes = [ZEBRA, None] if first_row_odd else [None, ZEBRA]
    return TableStyle(
        [
            ("FONT", (0, 0), (-1, -1), REGULAR, CELL_FONT_SIZE, CELL_LEADING),
            ("FONT", (0, 0), (-1, 0), BOLD, CELL_FONT_SIZE, CELL_LEADING),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
            ("ROWBACKGROUNDS", (0, 1), (-1, -1), stripes),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, INK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
            ("BOX", (0, 0), (-1, -1), 0.5, RULE),
        ]
    )


@dataclass
class TableRun:
    """What every page's piece of one table shares, including how dense its rows turned out."""

    columns: Sequence[str]
    rows: Sequence[Sequence[object]]
    widths: list[float]
    advance: Callable[[int], None]
    max_frame_height: float
    keep_with_end: float = 0.0  # room the last rows must leave, so the closing never stands alone
    rows_placed: int = 0
    height_used: float = 0.0

    def guess(self, avail_height: float) -> int:
        """Rows to lay out for a page: a little more than the density so far says will fit."""
        ceiling = int(avail_height / _MIN_ROW_HEIGHT) + 2  # overfills even if all rows are one line
        if self.rows_placed < 20:
            return ceiling
        density = self.rows_placed / self.height_used
        return min(ceiling, int(avail_height * density * 1.25) + 4)


class StreamingTable(Flowable):
    """The rows from ``start`` on; splits into one page's LongTable plus the remaining rows."""

    def __init__(self, run: TableRun, start: int = 0) -> None:
        super().__init__()
        self._run = run
        self._start = start
        self._candidate: LongTable | None = None
        self._candidate_key: tuple[float, float] | None = None
        self._candidate_size = (0.0, 0.0)
        self._more_follow = False

    def _table(self, first: int, count: int, split_in_row: bool = False) -> LongTable:
        run = self._run
        data: list[list[object]] = [
            [RLParagraph(markup(name), styles().header_cell) for name in run.columns]
        ]
        for row in run.rows[first : first + count]:
            data.append([_cell(cell_text(v), w) for v, w in zip(row, run.widths, strict=True)])
        return LongTable(
            data,
            colWidths=run.widths,
            repeatRows=1,
            splitInRow=int(split_in_row),
            style=table_style(first_row_odd=first % 2 == 1),
            hAlign="LEFT",
        )

    def _window(self, avail_width: float, avail_height: float) -> LongTable:
        """A table of the next rows that overfills the space (unless it is the last of them)."""
        key = (avail_width, avail_height)
        if self._candidate is not None and self._candidate_key == key:
            return self._candidate
        total = len(self._run.rows) - self._start
        count = self._run.guess(avail_height)
        while True:
            table = self._table(self._start, count)
            size = table.wrap(avail_width, avail_height)
            if count >= total or size[1] > avail_height:
                break
            count = int(avail_height / _MIN_ROW_HEIGHT) + 2  # guessed short: take the ceiling
        self._candidate, self._candidate_key, self._candidate_size = table, key, size
        self._more_follow = count < total
        return table

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self._window(availWidth, availHeight)
        width, height = self._candidate_size
        if self._more_follow or self._needs_room(availHeight):
            height = max(height, availHeight + 1)  # cannot (all) fit: ask the frame to split
        self.width, self.height = width, height
        return width, height

    def _needs_room(self, avail_height: float) -> bool:
        """The last rows fit, but not with what must follow them on the same page."""
        keep = self._run.keep_with_end
        return not self._more_follow and keep > 0 and self._candidate_size[1] + keep > avail_height

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:  # noqa: N803
        window = self._window(availWidth, availHeight)
        parts: list[Flowable] = []
        if self._needs_room(availHeight):
            room = availHeight - self._run.keep_with_end
            parts = window.split(availWidth, room) if room > 0 else []
            if not parts:
                together = self._candidate_size[1] + self._run.keep_with_end
                if together <= self._run.max_frame_height:
                    return []  # the last rows move on together with the closing
                if self._candidate_size[1] <= availHeight:  # too tall to keep together anyway
                    self._placed(len(self._run.rows) - self._start, self._candidate_size[1])
                    return [window]
        if not parts:
            parts = window.split(availWidth, availHeight)
        placed = len(parts[0]._cellvalues) - 1 if parts else 0
        if placed <= 0:
            return self._oversized_row(availWidth, availHeight)
        self._placed(placed, availHeight)
        rest = self._start + placed
        if rest >= len(self._run.rows):
            return [parts[0]]
        return [parts[0], StreamingTable(self._run, rest)]

    def _placed(self, count: int, height: float) -> None:
        """Count rows done, and learn how dense they are for the next page's guess."""
        self._run.rows_placed += count
        self._run.height_used += height
        self._run.advance(count)

    def _oversized_row(self, avail_width: float, avail_height: float) -> list[Flowable]:
        """A row taller than a whole page splits inside itself; otherwise wait for the next page."""
        limit = self._run.max_frame_height
        if self._table(self._start, 1).wrap(avail_width, limit)[1] <= limit:
            return []
        parts = self._table(self._start, 1, split_in_row=True).split(avail_width, avail_height)
        if not parts:
            return []
        # the rest of the row continues as its own table (splitting again if need be)
        return [*parts, *self._after(self._start + 1, placed=1, height=avail_height)]

    def _after(self, start: int, *, placed: int, height: float) -> list[Flowable]:
        self._placed(placed, height)
        return [StreamingTable(self._run, start)] if start < len(self._run.rows) else []

    def draw(self) -> None:
        """Only reached when every remaining row fits here."""
        assert self._candidate is not None
        self._placed(len(self._run.rows) - self._start, self._candidate_size[1])
        self._candidate.drawOn(self.canv, 0, 0)
