"""Every script prints: a name in Chinese, Polish and Greek reaches the letter's text layer whole;
a character no font can draw stops the build by name; German letters sign in German."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from console.documents.stamp import StampText, render_stamp
from console.errors import DocumentError
from console.packages import build_package, configure_signing
from console.packages.builder import stamp_labels
from console.packages.templates import Words
from tests.console.test_packages_support import PASSPHRASE, listing, pdftotext, ready_request

SUBJECT = "王小明 Łódź-Müller Σωκράτης"


@pytest.fixture
def signing(ctx, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from console.documents import create_self_signed

    path = tmp_path / "org.p12"
    path.write_bytes(create_self_signed("Miximonster DPO", "Miximonster", "p@m.example", passphrase=PASSPHRASE))
    configure_signing(ctx, path, PASSPHRASE)


def test_a_cjk_polish_greek_name_is_in_the_text_layer(ctx, tmp_path: Path, signing) -> None:
    ref = ready_request(ctx, tmp_path, "access", name=SUBJECT)
    result = build_package(ctx, ref, tmp_path / "out")
    text = pdftotext(Path(result.path) / result.letter)
    assert SUBJECT in text  # addressee line, whole
    missing = sorted({c for c in SUBJECT if not c.isspace()} - set(text))
    assert not missing, f"not in the text layer: {missing}"


def test_a_character_no_font_can_draw_is_refused_by_name(ctx, tmp_path: Path, signing) -> None:
    ref = ready_request(ctx, tmp_path, "access", name="Anna 𓀀 Smith")
    with pytest.raises(DocumentError, match=r"U\+13000 \(EGYPTIAN HIEROGLYPH A001\)"):
        build_package(ctx, ref, tmp_path / "out")
    assert listing(tmp_path / "out") == set()  # nothing half-written


def test_the_signature_box_speaks_the_letters_language(tmp_path: Path) -> None:
    labels = stamp_labels(Words("de"))
    box = tmp_path / "box.pdf"
    box.write_bytes(render_stamp(StampText("Team Datenschutz", "Miximonster", datetime(2026, 12, 1, tzinfo=UTC),
                                           "DSR-2026-000001", "Antwort auf Ihren Antrag", "Berlin", labels),
                                 250, 80))
    text = pdftotext(box)
    for word in ("Digital signiert von", "Datum:", "Zeichen:", "Grund:", "Ort:"):
        assert word in text
    assert "Digitally signed" not in text and "Reason" not in text


def test_a_header_word_never_breaks_even_in_a_narrow_weighted_column() -> None:
    """Defect: the German records column printed as 'Datensätz/e'."""
    from console.documents.fonts import BOLD, string_width
    from console.documents.styles import CELL_FONT_SIZE, CELL_PAD
    from console.documents.tables import column_widths

    columns = ("Datei", "Kategorie", "Datensätze", "Felder")
    widths = column_widths(columns, [("a", "b", "1", "c")], (3, 3, 1, 4), 481.0)
    assert widths[2] >= string_width("Datensätze", BOLD, CELL_FONT_SIZE) + 2 * CELL_PAD
    assert abs(sum(widths) - 481.0) < 0.01
