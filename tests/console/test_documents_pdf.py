"""The letter PDF as a reader sees it: text, fonts, page furniture, the free signature box."""

from __future__ import annotations

import html
import io
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader

import console.documents as documents
from console.documents import (
    SIGNATURE_BOX,
    DocumentSpec,
    Heading,
    KeyValue,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    render_pdf,
    signature_box,
)
from console.errors import Cancelled, DocumentError

NAMES = ("Łódź", "Øresund", "Müller", "Ærø")
COLUMNS = ("#", "Name recorded", "Category", "Detail", "Recorded on")


def _rows(count: int) -> list[tuple[object, ...]]:
    return [
        (
            i,
            f"Müller-Łódź {i}",
            "usage" if i % 3 else "account",
            "Login from the Øresund office on the Ærø laptop " * (1 + i % 3),
            date(2026, 11, 1 + i % 28),
        )
        for i in range(count)
    ]


def _spec(rows: int = 150, **changes: object) -> DocumentSpec:
    fields: dict[str, object] = dict(
        title="Response to your data access request",
        reference="DSR-2026-0042",
        organisation="Nordlys Analytics ApS",
        organisation_lines=("Øresundsvej 12, 2300 København S", "privacy@nordlys.example"),
        recipient_lines=("Zofia Łódźka-Müller", "ul. Piotrkowska 104/7", "90-006 Łódź"),
        subject="Your request for a copy of your personal data",
        blocks=(
            Paragraph("Dear Ms Łódźka-Müller,"),
            Paragraph("We hold the following data about you (Ærø office, Øresund region)."),
            Heading("Your request"),
            KeyValue((("Received", "2 November 2026"), ("Right", "Access (GDPR Art. 15)"))),
            Heading("Personal data we hold"),
            Table(COLUMNS, _rows(rows)),
            Spacer(3),
            Paragraph("You may complain to the supervisory authority."),
        ),
        closing=("Yours sincerely,", "Ærø Jensen", "Data Protection Officer"),
        author="Ærø Jensen",
        keywords=("GDPR", "access"),
        issued=date(2026, 11, 30),
    )
    fields.update(changes)
    return DocumentSpec(**fields)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def letter(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "letter.pdf"
    path.write_bytes(render_pdf(_spec()))
    return path


def _need(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return found


def _page_texts(path: Path) -> list[str]:
    out = subprocess.run(
        [_need("pdftotext"), "-layout", str(path), "-"], capture_output=True, check=True
    ).stdout.decode("utf-8")
    return out.split("\f")[:-1]


def test_metadata_names_title_author_subject_and_creator(letter: Path) -> None:
    info = PdfFileReader(io.BytesIO(letter.read_bytes())).trailer["/Info"]
    assert str(info["/Title"]) == "Response to your data access request"
    assert str(info["/Author"]) == "Ærø Jensen"
    assert str(info["/Subject"]) == "Your request for a copy of your personal data"
    assert str(info["/Creator"]) == "Privacy Console"


def test_unicode_names_print_as_text_not_boxes(letter: Path) -> None:
    text = "".join(_page_texts(letter))
    for name in NAMES:
        assert name in text
    assert "Zofia Łódźka-Müller" in text


def test_every_font_is_embedded_dejavu(letter: Path) -> None:
    out = subprocess.run(
        [_need("pdffonts"), str(letter)], capture_output=True, check=True, text=True
    ).stdout
    fonts = [line.split()[0] for line in out.splitlines()[2:]]
    assert fonts, out
    assert all("DejaVu" in name for name in fonts), out


def test_table_runs_over_pages_with_header_repeated(letter: Path) -> None:
    pages = _page_texts(letter)
    assert len(pages) >= 3
    for page in pages[1:-1]:
        assert re.search(r"#\s+Name recorded\s+Category\s+Detail\s+Recorded on", page), page[:400]
    assert "Müller-Łódź 0 " in pages[0]
    assert "Müller-Łódź 149" in "".join(pages)


def test_every_page_carries_reference_and_page_x_of_y(letter: Path) -> None:
    pages = _page_texts(letter)
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in page
        assert "Our reference: DSR-2026-0042" in page


def test_last_page_keeps_the_signature_box_free(letter: Path) -> None:
    last = str(len(_page_texts(letter)))
    out = subprocess.run(
        [_need("pdftotext"), "-bbox", "-f", last, "-l", last, str(letter), "-"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    height = float(re.findall(r'<page width="[\d.]+" height="([\d.]+)"', out)[0])
    x1, y1, x2, y2 = SIGNATURE_BOX
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)', out
    )
    assert any(html.unescape(w[4]) == "sincerely," for w in words)
    for wx1, wy1, wx2, wy2, word in words:
        bottom, top = height - float(wy2), height - float(wy1)  # poppler counts from the top
        overlaps = float(wx1) < x2 and float(wx2) > x1 and bottom < y2 and top > y1
        assert not overlaps, f"{word!r} prints inside the signature box"


@pytest.mark.parametrize(("rows", "tail"), [(70, False), (72, True), (75, False), (113, True)])
def test_closing_never_stands_alone_on_the_last_page(tmp_path: Path, rows: int, tail: bool) -> None:
    """These sizes used to end the table exactly at a page foot, leaving a signature-only page."""
    blocks: tuple[object, ...] = (
        Paragraph("Dear Ms Łódźka-Müller,"),
        Table(("#", "Name", "Event"), [(i, f"Müller {i}", "login") for i in range(rows)]),
    )
    if tail:
        blocks += (Paragraph("You may complain to the supervisory authority."),)
    path = tmp_path / "closing.pdf"
    path.write_bytes(render_pdf(_spec(blocks=blocks)))
    last = _page_texts(path)[-1]
    assert "Yours sincerely," in last
    assert "Müller" in last or "complain" in last, last


def test_signature_box_follows_the_page_size() -> None:
    assert signature_box(595.2756, 841.8898) == pytest.approx(SIGNATURE_BOX, abs=0.01)
    x1, y1, x2, y2 = signature_box(612, 792)
    assert (x2 - x1, y2 - y1) == pytest.approx(
        (SIGNATURE_BOX[2] - SIGNATURE_BOX[0], SIGNATURE_BOX[3] - SIGNATURE_BOX[1])
    )
    assert 612 - x2 == pytest.approx(595.276 - SIGNATURE_BOX[2], abs=0.01)


def test_markup_characters_print_as_typed(tmp_path: Path) -> None:
    spec = _spec(
        3, blocks=(Paragraph("Fees: <none> & no charge; 5 < 7"), Table(("a",), [("<b>x</b>",)]))
    )
    path = tmp_path / "markup.pdf"
    path.write_bytes(render_pdf(spec))
    text = "".join(_page_texts(path))
    assert "Fees: <none> & no charge; 5 < 7" in text
    assert "<b>x</b>" in text


def test_long_words_and_huge_cells_still_lay_out(tmp_path: Path) -> None:
    huge = "A long free-text note from a support ticket. " * 600  # taller than a page
    token = "f" * 400  # a hash or URL with no space to break at
    spec = _spec(blocks=(Table(("Note", "Token"), [(huge, token), ("short", "x")], widths=(3, 1)),))
    path = tmp_path / "huge.pdf"
    path.write_bytes(render_pdf(spec))
    text = "".join(_page_texts(path))
    assert text.count("support ticket") >= 590
    assert "short" in text


def test_letter_size_pages_and_other_blocks(tmp_path: Path) -> None:
    blocks = (Heading("Part one"), Paragraph("first"), PageBreak(), Heading("Part two", level=2))
    path = tmp_path / "letter-size.pdf"
    path.write_bytes(render_pdf(_spec(page_size="letter", blocks=blocks)))
    pages = _page_texts(path)
    assert len(pages) == 2 and "Part two" in pages[1]
    media = PdfFileReader(io.BytesIO(path.read_bytes())).root["/Pages"]["/Kids"][0]["/MediaBox"]
    assert [round(float(v)) for v in media] == [0, 0, 612, 792]


def test_empty_table_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    path.write_bytes(render_pdf(_spec(blocks=(Table(("A", "B"), []),))))
    assert "No entries." in "".join(_page_texts(path))


def test_progress_counts_rows_to_the_total() -> None:
    seen: list[tuple[int, int]] = []
    render_pdf(_spec(300), progress=lambda done, total: seen.append((done, total)))
    assert seen[-1][0] == seen[-1][1] == 301
    dones = [done for done, _ in seen]
    assert dones == sorted(dones) and len(seen) > 3


def test_cancel_stops_with_cancelled() -> None:
    calls = {"n": 0}

    def cancel() -> bool:
        calls["n"] += 1
        return calls["n"] > 3

    with pytest.raises(Cancelled, match="^Cancelled$"):
        render_pdf(_spec(2000), cancel=cancel)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": " "}, "needs a title"),
        ({"reference": ""}, "needs a reference"),
        ({"blocks": (Table(("a", "b"), [("1", "2"), ("only one",)]),)}, "block 1, row 2: 1 cells"),
        ({"blocks": (Table(("a", "b"), [], widths=(1,)),)}, "one positive width per column"),
        ({"page_size": "A5"}, "Unknown page size"),
    ],
)
def test_bad_specs_are_refused_before_layout(changes: dict[str, object], message: str) -> None:
    with pytest.raises(DocumentError, match=message):
        render_pdf(_spec(**changes))


def test_package_exports_resolve() -> None:
    for name in documents.__all__:
        assert getattr(documents, name) is not None
    assert set(documents.__all__) == set(documents._WHERE)
