"""The fonts letters print in: DejaVu first, then a fallback chain, so any name in the database renders.

reportlab's built-in Helvetica is WinAnsi only ("Łódź" -> boxes) and reportlab picks no fallback
font by itself: a character DejaVu lacks (王小明) would print as an empty box and vanish from the
text layer. So text is cut into runs, each set in the first font of the chain that has all its
characters, and a character no font has stops the build with its code point and name before
anything is written.

The fallback is Droid Sans Fallback (Apache 2.0, 4 MB, TrueType outlines: CJK ideographs, kana,
Hangul). Noto Sans CJK would cover more but ships as CFF-outline OpenType, which reportlab cannot
embed.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from console.errors import DocumentError
from console.resources import resource_path

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
FALLBACK = "DroidSansFallback"
CHAIN = (REGULAR, FALLBACK)  # tried in this order for a character the face in use lacks
_TITLES = {REGULAR: "DejaVu Sans", FALLBACK: "Droid Sans Fallback"}

_FILES = {
    REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", ITALIC: "DejaVuSans-Oblique.ttf",
    FALLBACK: "DroidSansFallbackFull.ttf",
}  # fmt: skip
_WHITESPACE = frozenset("\n\t\r ")
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the faces once per process; safe to call from any worker thread."""
    global _registered
    if _registered:
        return
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            path = resource_path("fonts", file_name)
            try:
                pdfmetrics.registerFont(TTFont(name, str(path)))
            except OSError as exc:
                raise DocumentError(
                    f"The font file {path} is missing or unreadable; reinstall Privacy Console."
                ) from exc
        # <b> and <i> inside Paragraph markup resolve through this family mapping.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD)
        for bold in (0, 1):  # the fallback has one face: bold and italic text in it stays regular
            for italic in (0, 1):
                addMapping(FALLBACK, bold, italic, FALLBACK)
        _registered = True


@lru_cache(maxsize=8)
def _cmap(font: str) -> frozenset[int]:
    register_fonts()
    return frozenset(pdfmetrics.getFont(font).face.charToGlyph)


def has_glyph(font: str, char: str) -> bool:
    return char in _WHITESPACE or ord(char) in _cmap(font)


@lru_cache(maxsize=65536)
def _font_for(char: str, base: str) -> str | None:
    if has_glyph(base, char):
        return base
    return next((font for font in CHAIN if has_glyph(font, char)), None)


def runs(text: str, base: str = REGULAR) -> list[tuple[str, str]]:
    """(font, text) pieces: each character in ``base`` if it can, else the first font that can."""
    out: list[tuple[str, str]] = []
    for char in text:
        font = _font_for(char, base) or base
        if out and out[-1][0] == font:
            out[-1] = (font, out[-1][1] + char)
        else:
            out.append((font, char))
    return out


def needs_fallback(text: str, base: str = REGULAR) -> bool:
    cmap = _cmap(base)
    return any(ord(c) not in cmap and c not in _WHITESPACE for c in text)


def markup(text: str, base: str = REGULAR) -> str:
    """Paragraph markup for plain text: escaped, with runs the base font lacks in a <font> tag."""
    if not needs_fallback(text, base):
        return escape(text)
    return "".join(escape(piece) if font == base else f'<font name="{font}">{escape(piece)}</font>'
                   for font, piece in runs(text, base))


def string_width(text: str, font: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(piece, f, size) for f, piece in runs(text, font))


def draw_string(canvas: object, x: float, y: float, text: str, font: str, size: float, *,
                right: bool = False) -> None:
    """``canvas.drawString`` (or drawRightString) through the fallback chain."""
    if right:
        x -= string_width(text, font, size)
    for face, piece in runs(text, font):
        canvas.setFont(face, size)  # type: ignore[attr-defined]
        canvas.drawString(x, y, piece)  # type: ignore[attr-defined]
        x += pdfmetrics.stringWidth(piece, face, size)


def check_printable(texts: Iterable[str]) -> None:
    """Refuse, naming the character, a text that no font in the chain can draw."""
    seen: set[str] = set()
    for text in texts:
        for char in set(text) - seen:
            seen.add(char)
            if _font_for(char, REGULAR) is None:
                raise DocumentError(_unprintable(char, text))


def _unprintable(char: str, text: str) -> str:
    name = unicodedata.name(char, "unnamed character")
    at = text.index(char)
    excerpt = text[max(0, at - 12): at + 13].replace("\n", " ")
    fonts = ", ".join(_TITLES.get(f, f) for f in CHAIN)
    return (f"The letter cannot print the character U+{ord(char):04X} ({name}) in “{excerpt}”: no font "
            f"the console has ({fonts}) can draw it. Correct the text (a name, an address, a reason) "
            "or write it without that character, then build again.")
