"""Render a :class:`DocumentSpec` as a letter: letterhead, address block, body, signature area.

The last page always keeps :func:`signature_box` free, bottom right, so the signer can place a
visible signature there without knowing anything about the layout.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from functools import partial
from typing import Any

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    LayoutError,
    PageTemplate,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Spacer as RLSpacer
from reportlab.platypus import Table as RLTable

from console.documents.fonts import (
    BOLD,
    REGULAR,
    check_printable,
    draw_string,
    markup,
    string_width,
)
from console.documents.spec import (
    Block,
    DocumentSpec,
    Heading,
    KeyValue,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)
from console.documents.styles import ACCENT, MUTED, RULE, styles
from console.documents.tables import StreamingTable, TableRun, cell_text, column_widths
from console.errors import Cancelled, DocumentError

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

CREATOR = "Privacy Console"
MARGIN_X = 20 * mm
FRAME_BOTTOM = 24 * mm
FIRST_FRAME_TOP = 38 * mm  # below the letterhead, measured from the top edge
LATER_FRAME_TOP = 24 * mm
SIGNATURE_WIDTH = 250.0
SIGNATURE_HEIGHT = 80.0
_SIGNATURE_CAPTION = 16.0
_HEADING_ROOM = 32 * mm
_CLOSING_LINES = 6  # as many as fit beside the signature box
PAGE_SIZES = {"A4": A4, "letter": LETTER}


def signature_box(page_width: float, page_height: float) -> tuple[float, float, float, float]:
    """(x1, y1, x2, y2) in PDF points of the signature on the last page, bottom right."""
    x2 = page_width - MARGIN_X
    return (x2 - SIGNATURE_WIDTH, FRAME_BOTTOM, x2, FRAME_BOTTOM + SIGNATURE_HEIGHT)


SIGNATURE_PAGE = -1
SIGNATURE_BOX = signature_box(*A4)


class _Progress:
    """Counts table rows laid out; each count is also the moment to honour a cancel."""

    def __init__(self, total: int, report: Progress | None, cancel: Cancel | None) -> None:
        self.total = total
        self.done = 0
        self._report = report
        self._cancel = cancel

    def check(self) -> None:
        if self._cancel is not None and self._cancel():
            raise Cancelled("Cancelled")

    def advance(self, count: int) -> None:
        self.done = min(self.total, self.done + count)
        self.check()
        if self._report is not None:
            self._report(self.done, self.total)


class _SignatureArea(Flowable):
    """Takes the rest of the last page so the signature box below it is never overprinted."""

    def __init__(self, spec: DocumentSpec, box_in_frame: tuple[float, float]) -> None:
        super().__init__()
        self._spec = spec
        self._box_x, self._box_y = box_in_frame
        self.needed = SIGNATURE_HEIGHT + _SIGNATURE_CAPTION + 8

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        self.width = availWidth
        self.height = availHeight if availHeight >= self.needed else self.needed
        return self.width, self.height

    def draw(self) -> None:
        canvas = self.canv
        top = self._box_y + SIGNATURE_HEIGHT
        canvas.setFillColor(MUTED)
        draw_string(canvas, self._box_x, top + 5, self._spec.labels.signature, REGULAR, 7.5)
        canvas.setFillColor(styles().body.textColor)
        y = top - 4
        for line in list(self._spec.closing)[:_CLOSING_LINES]:
            draw_string(canvas, 0, y, line, REGULAR, 9.5)
            y -= 13.5


def _letterhead(spec: DocumentSpec, canvas: Canvas, doc: BaseDocTemplate) -> None:
    """First page: the organisation's name and contact lines above an accent rule."""
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setFillColor(ACCENT)
    draw_string(canvas, MARGIN_X, height - 19 * mm, spec.organisation, BOLD, 16)
    canvas.setFillColor(MUTED)
    for number, line in enumerate(list(spec.organisation_lines)[:5]):
        draw_string(canvas, width - MARGIN_X, height - 12 * mm - number * 9, line, REGULAR, 7.5, right=True)
    canvas.setStrokeColor(ACCENT)
    canvas.setLineWidth(1.2)
    canvas.line(MARGIN_X, height - 28 * mm, width - MARGIN_X, height - 28 * mm)
    canvas.restoreState()


def _running_header(spec: DocumentSpec, canvas: Canvas, doc: BaseDocTemplate) -> None:
    """Later pages: who sent it and what it is, small, so a loose page is still placed."""
    width, height = doc.pagesize
    canvas.saveState()
    canvas.setFillColor(MUTED)
    draw_string(canvas, MARGIN_X, height - 14 * mm, spec.organisation, BOLD, 8)
    draw_string(canvas, width - MARGIN_X, height - 14 * mm, spec.title, REGULAR, 8, right=True)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, height - 16.5 * mm, width - MARGIN_X, height - 16.5 * mm)
    canvas.restoreState()


def _footer(spec: DocumentSpec, width: float, canvas: Canvas, page: int, pages: int) -> None:
    """Reference and 'Page X of Y' on every page, so a single sheet can be traced and counted."""
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(MARGIN_X, 17 * mm, width - MARGIN_X, 17 * mm)
    canvas.setFillColor(MUTED)
    draw_string(canvas, MARGIN_X, 12 * mm, f"{spec.labels.reference}: {spec.reference}", REGULAR, 7.5)
    page_of = spec.labels.page.format(page=page, pages=pages)
    draw_string(canvas, width - MARGIN_X, 12 * mm, page_of, REGULAR, 7.5, right=True)
    if spec.marking:  # centred between reference and page number, where a loose sheet shows it
        canvas.setFillColorRGB(0.72, 0.1, 0.1)
        draw_string(canvas, width / 2 - string_width(spec.marking, BOLD, 9) / 2, 12 * mm, spec.marking, BOLD, 9)
    canvas.restoreState()


class _NumberedCanvas(Canvas):
    """Holds pages back until the end, when the total page count is known for the footers."""

    def __init__(self, *args: Any, decorate: Callable[[Canvas, int, int], None], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, state in enumerate(self._pages, start=1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            super().showPage()
        super().save()


def _height(flowables: list[Flowable], width: float, frame_height: float) -> float:
    """How tall the last block will print, so the closing can pull it onto its own page."""
    total = 0.0
    for flowable in flowables:
        if not isinstance(flowable, CondPageBreak):
            total += flowable.wrap(width, frame_height)[1] + flowable.getSpaceBefore()
            total += flowable.getSpaceAfter()
    return total


def _frame(frame_id: str, width: float, height: float) -> Frame:
    """No frame padding: the signature box geometry is measured from the frame's very edge."""
    return Frame(
        MARGIN_X, FRAME_BOTTOM, width, height, id=frame_id,
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )  # fmt: skip


def _text(text: str) -> str:
    """Caller text is data, never markup; characters DejaVu lacks are set in the fallback font."""
    return markup(text).replace("\n", "<br/>")


def _opening(spec: DocumentSpec, width: float) -> list[Flowable]:
    """Recipient address on the left, date and reference on the right, then the subject line."""
    st = styles()
    issued = spec.issued or date.today()
    recipient = RLParagraph("<br/>".join(markup(line) for line in spec.recipient_lines), st.address)
    meta = RLParagraph(
        f"<b>{markup(spec.labels.date)}:</b> {markup(spec.labels.format_date(issued))}<br/>"
        f"<b>{markup(spec.labels.reference)}:</b> {markup(spec.reference)}",
        st.meta,
    )
    block = RLTable([[recipient, meta]], colWidths=[width * 0.6, width * 0.4], hAlign="LEFT")
    block.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), REGULAR),  # reportlab's cell default is Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return [block, RLSpacer(1, 10 * mm), RLParagraph(_text(spec.subject or spec.title), st.subject)]


def _key_values(pairs: Sequence[tuple[str, str]], width: float) -> Flowable:
    st = styles()
    rows = [[RLParagraph(_text(k), st.label), RLParagraph(_text(v), st.value)] for k, v in pairs]
    table = RLTable(rows, colWidths=[width * 0.32, width * 0.68], hAlign="LEFT", spaceAfter=8)
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), REGULAR),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ]
    )
    return table


def _flowables(
    spec: DocumentSpec,
    block: Block,
    width: float,
    progress: _Progress,
    frame_height: float,
    keep_with_end: float = 0.0,
) -> list[Flowable]:
    """The reportlab pieces of one block; tables stream so big ones stay linear in time."""
    st = styles()
    if isinstance(block, Heading):
        # Not keepWithNext: that would push a heading and a 200-page table to a fresh page
        # together. A heading only needs a few lines of what follows under it.
        style = st.heading1 if block.level <= 1 else st.heading2
        return [CondPageBreak(_HEADING_ROOM), RLParagraph(_text(block.text), style)]
    if isinstance(block, Paragraph):
        return [RLParagraph(_text(block.text), st.small if block.small else st.body)]
    if isinstance(block, KeyValue):
        return [_key_values(block.pairs, width)] if block.pairs else []
    if isinstance(block, Table):
        widths = column_widths(block.columns, block.rows, block.widths, width)
        run = TableRun(
            block.columns, block.rows, widths, progress.advance, frame_height, keep_with_end
        )
        out: list[Flowable] = [StreamingTable(run)]
        if not block.rows:
            out.append(RLParagraph(_text(spec.labels.empty_table), st.small))
        out.append(RLSpacer(1, 4 * mm))
        return out
    if isinstance(block, Spacer):
        return [RLSpacer(1, block.height_mm * mm)]
    if isinstance(block, PageBreak):
        return [RLPageBreak()]
    raise DocumentError(f"Unknown document block {type(block).__name__}.")


def _texts(spec: DocumentSpec) -> Iterator[str]:
    """Every string the letter prints, for the glyph check before any layout work."""
    yield from (spec.title, spec.subject, spec.organisation, spec.reference, spec.marking, *spec.organisation_lines,
                *spec.recipient_lines, *spec.closing)
    labels = spec.labels
    yield from (labels.date, labels.reference, labels.page, labels.signature, labels.empty_table,
                *labels.months)
    for block in spec.blocks:
        if isinstance(block, Heading | Paragraph):
            yield block.text
        elif isinstance(block, KeyValue):
            for key, value in block.pairs:
                yield key
                yield value
        elif isinstance(block, Table):
            yield from block.columns
            for row in block.rows:
                yield from (cell_text(cell) for cell in row)


def render_pdf(
    spec: DocumentSpec, progress: Progress | None = None, cancel: Cancel | None = None
) -> bytes:
    """The letter as PDF bytes; ``progress(done, total)`` counts table rows, ``cancel()`` stops."""
    spec.validate()
    styles()  # registers the fonts before anything measures text
    check_printable(_texts(spec))
    page_width, page_height = PAGE_SIZES[spec.page_size]
    width = page_width - 2 * MARGIN_X
    later_height = page_height - LATER_FRAME_TOP - FRAME_BOTTOM
    first = _frame("first", width, page_height - FIRST_FRAME_TOP - FRAME_BOTTOM)
    later = _frame("later", width, later_height)
    rows = sum(len(b.rows) for b in spec.blocks if isinstance(b, Table))
    tracker = _Progress(rows + 1, progress, cancel)
    tracker.check()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer,
        pagesize=(page_width, page_height),
        title=spec.title,
        author=spec.author or spec.organisation,
        subject=spec.subject or spec.title,
        creator=CREATOR,
        keywords=list(spec.keywords),
        lang=spec.language,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        displayDocTitle=True,
        initialFontName=REGULAR,  # else an unused Helvetica lands in every page's resources
    )
    doc.addPageTemplates(
        [
            PageTemplate(
                "first", [first], onPage=partial(_letterhead, spec), autoNextPageTemplate="later"
            ),
            PageTemplate("later", [later], onPage=partial(_running_header, spec)),
        ]
    )
    doc.afterPage = tracker.check  # type: ignore[method-assign]

    box = signature_box(page_width, page_height)
    closing = _SignatureArea(spec, (box[0] - MARGIN_X, box[1] - FRAME_BOTTOM))
    story: list[Flowable] = _opening(spec, width)
    for number, block in enumerate(spec.blocks, start=1):
        keep = closing.needed + 4 * mm if number == len(spec.blocks) else 0.0
        flowables = _flowables(spec, block, width, tracker, later_height, keep)
        if keep and not isinstance(block, Table | PageBreak):
            story.append(CondPageBreak(_height(flowables, width, later_height) + keep))
        story.extend(flowables)
    story.append(closing)

    canvasmaker = partial(_NumberedCanvas, decorate=partial(_footer, spec, page_width))
    try:
        doc.build(story, canvasmaker=canvasmaker)
    except LayoutError as exc:
        raise DocumentError(f"The document could not be laid out: {exc}") from exc
    tracker.advance(1)
    return buffer.getvalue()
