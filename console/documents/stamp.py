"""The visible signature box, drawn by reportlab in DejaVu and imported by pyHanko as its appearance.

pyHanko's own text stamps need fontTools and HarfBuzz for any font beyond Courier (which cannot
print "Łódź"); drawing the box with the same reportlab and fonts as the letter avoids two native
dependencies and keeps the box in the letter's typography.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

from pyhanko.pdf_utils import layout
from pyhanko.pdf_utils.content import PdfContent
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.stamp import StaticStampStyle
from reportlab.pdfgen.canvas import Canvas

from console.documents.fonts import BOLD, REGULAR, draw_string, register_fonts, string_width
from console.documents.styles import ACCENT, INK, MUTED, RULE


@dataclass(frozen=True)
class StampLabels:
    """The box's own words; a German letter passes German ones."""

    signed_by: str = "Digitally signed by"
    date: str = "Date"
    reference: str = "Reference"
    reason: str = "Reason"
    location: str = "Location"


@dataclass(frozen=True)
class StampText:
    """What the box says; the time is the one written into the signature itself."""

    signer_name: str
    organisation: str
    signed_at: datetime
    reference: str
    reason: str
    location: str
    labels: StampLabels = StampLabels()


def render_stamp(text: StampText, width: float, height: float) -> bytes:
    """A one-page PDF of exactly the box size."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(width, height), initialFontName=REGULAR)
    canvas.setTitle("Signature appearance")
    outline = canvas.beginPath()
    outline.roundRect(0.5, 0.5, width - 1, height - 1, 3)
    canvas.saveState()
    canvas.clipPath(outline, stroke=0, fill=0)
    canvas.setFillColorRGB(1, 1, 1)  # opaque: nothing under the box shows through
    canvas.rect(0, 0, width, height, stroke=0, fill=1)
    canvas.setFillColor(ACCENT)
    canvas.rect(0, 0, 4.5, height, stroke=0, fill=1)
    canvas.restoreState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.75)
    canvas.drawPath(outline, stroke=1, fill=0)

    left, room = 12.0, width - 20.0
    y = height - 13
    canvas.setFillColor(MUTED)
    draw_string(canvas, left, y, text.labels.signed_by, REGULAR, 6.5)
    y -= 12.5
    canvas.setFillColor(INK)
    draw_string(canvas, left, y, _fit(text.signer_name, BOLD, 10, room), BOLD, 10)
    if text.organisation:
        y -= 10
        draw_string(canvas, left, y, _fit(text.organisation, REGULAR, 7.5, room), REGULAR, 7.5)
    y -= 3
    when = text.signed_at.strftime("%Y-%m-%d %H:%M:%S UTC")
    labels = text.labels
    for label, value in (
        (labels.date, when),
        (labels.reference, text.reference),
        (labels.reason, text.reason),
        (labels.location, text.location),
    ):
        if not value or y < 10:
            continue
        y -= 9.5
        canvas.setFillColor(MUTED)
        draw_string(canvas, left, y, f"{label}:", BOLD, 7)
        offset = string_width(f"{label}: ", BOLD, 7)
        canvas.setFillColor(INK)
        draw_string(canvas, left + offset, y, _fit(value, REGULAR, 7, room - offset), REGULAR, 7)
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _fit(text: str, font: str, size: float, room: float) -> str:
    """Cut with an ellipsis rather than run past the box edge."""
    if string_width(text, font, size) <= room:
        return text
    while text and string_width(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"


class _ImportedPage(PdfContent):
    """pyHanko's ImportedPdfPage reads a file path; this one takes the bytes we just drew."""

    def __init__(self, pdf_bytes: bytes) -> None:
        super().__init__()
        self._pdf_bytes = pdf_bytes

    def render(self) -> bytes:
        reader = PdfFileReader(io.BytesIO(self._pdf_bytes))
        xobject = self._ensure_writer.import_page_as_xobject(reader, page_ix=0)
        self.resources.xobject["/SignatureStamp"] = xobject
        x1, y1, x2, y2 = xobject.get_object()["/BBox"]
        self.box = layout.BoxConstraints(width=abs(x2 - x1), height=abs(y2 - y1))
        return b"/SignatureStamp Do"


def stamp_style(text: StampText, width: float, height: float) -> StaticStampStyle:
    """A pyHanko style that shows our drawing unscaled, opaque and without its own border."""
    return StaticStampStyle(
        background=_ImportedPage(render_stamp(text, width, height)),
        background_opacity=1.0,
        border_width=0,
        background_layout=layout.SimpleBoxLayoutRule(
            x_align=layout.AxisAlignment.ALIGN_MID,
            y_align=layout.AxisAlignment.ALIGN_MID,
            margins=layout.Margins.uniform(0),
        ),
    )
