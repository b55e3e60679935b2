"""One typographic voice for every document: DejaVu everywhere, restrained colours."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.styles import ParagraphStyle

from console.documents.fonts import BOLD, ITALIC, REGULAR, register_fonts

INK = colors.HexColor("#1D2733")
MUTED = colors.HexColor("#5B6675")
ACCENT = colors.HexColor("#1F4E79")
RULE = colors.HexColor("#C9D1DB")
HEADER_FILL = colors.HexColor("#E6ECF2")
ZEBRA = colors.HexColor("#F6F8FA")

CELL_FONT_SIZE = 8.0
CELL_LEADING = 10.0
CELL_PAD = 3.0


@dataclass(frozen=True)
class Styles:
    """Paragraph styles, built once after the fonts are registered."""

    body: ParagraphStyle
    small: ParagraphStyle
    subject: ParagraphStyle
    heading1: ParagraphStyle
    heading2: ParagraphStyle
    label: ParagraphStyle
    value: ParagraphStyle
    cell: ParagraphStyle
    header_cell: ParagraphStyle
    address: ParagraphStyle
    meta: ParagraphStyle
    italic: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared styles; cached because ParagraphStyle creation is not free in big tables."""
    register_fonts()
    body = ParagraphStyle(
        "body",
        fontName=REGULAR,
        fontSize=9.5,
        leading=13.5,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=6,
    )
    return Styles(
        body=body,
        small=ParagraphStyle("small", parent=body, fontSize=8, leading=11, textColor=MUTED),
        subject=ParagraphStyle(
            "subject",
            parent=body,
            fontName=BOLD,
            fontSize=12,
            leading=16,
            spaceBefore=4,
            spaceAfter=10,
        ),
        heading1=ParagraphStyle(
            "heading1",
            parent=body,
            fontName=BOLD,
            fontSize=11,
            leading=15,
            textColor=ACCENT,
            spaceBefore=10,
            spaceAfter=4,
        ),
        heading2=ParagraphStyle(
            "heading2",
            parent=body,
            fontName=BOLD,
            fontSize=9.5,
            leading=13,
            spaceBefore=6,
            spaceAfter=3,
        ),
        label=ParagraphStyle(
            "label",
            parent=body,
            fontName=BOLD,
            fontSize=8.5,
            leading=11.5,
            textColor=MUTED,
            spaceAfter=0,
        ),
        value=ParagraphStyle("value", parent=body, fontSize=9, leading=11.5, spaceAfter=0),
        cell=ParagraphStyle(
            "cell",
            parent=body,
            fontSize=CELL_FONT_SIZE,
            leading=CELL_LEADING,
            spaceAfter=0,
        ),
        header_cell=ParagraphStyle(
            "header_cell",
            parent=body,
            fontName=BOLD,
            fontSize=CELL_FONT_SIZE,
            leading=CELL_LEADING,
            spaceAfter=0,
        ),
        address=ParagraphStyle("address", parent=body, fontSize=10, leading=13.5, spaceAfter=0),
        meta=ParagraphStyle("meta", parent=body, fontSize=8.5, leading=12, spaceAfter=0),
        italic=ParagraphStyle("italic", parent=body, fontName=ITALIC),
    )
