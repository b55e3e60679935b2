"""The window in German: the translation file covers every translatable string, and the queue, a
request and the dashboard show no English word that German translates."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QTreeWidget,
    QTreeWidgetItemIterator,
    QWidget,
)

from ui import i18n
from ui.main_window import MainWindow

from .helpers import add

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import i18n as catalog  # noqa: E402  (scripts/i18n.py: the .ts sources)


@pytest.fixture(scope="module")
def german_words() -> dict[str, str]:
    """English source -> German, for the strings German translates differently."""
    subprocess.run([sys.executable, str(ROOT / "scripts" / "i18n.py"), "build"], check=True, cwd=ROOT)
    done = catalog.read_ts(catalog.ts_path("de"))
    return {src: de for (_ctx, src), de in done.items() if de != src and "{" not in src and len(src) > 2}


@pytest.fixture
def german(qapp: QApplication) -> Iterator[None]:
    assert i18n.install(qapp, "de") == "de"
    yield
    i18n.install(qapp, "en")


def test_the_translation_file_has_every_translatable_string() -> None:
    """A string added to the window without 'python scripts/i18n.py update' would stay English."""
    found = catalog.strings()
    present = {(ctx, src) for ctx, src in _ts_entries(catalog.ts_path("de"))}
    missing = [(ctx, src) for ctx, texts in found.items() for src in texts if (ctx, src) not in present]
    assert not missing, f"run 'python scripts/i18n.py update': {missing[:5]}"


def _ts_entries(path: Path) -> Iterator[tuple[str, str]]:
    import xml.etree.ElementTree as ET

    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            yield context.findtext("name") or "", message.findtext("source") or ""


def visible_texts(root: QWidget) -> list[str]:
    """What a person reads in the window: labels, buttons, tabs, combo boxes, placeholders, the
    headers and cells of the lists, the menu bar."""
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if not w.isVisible():
            continue
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QTabBar):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QComboBox):
            texts.append(w.currentText())
        elif isinstance(w, QLineEdit):
            texts += [w.placeholderText()]
        elif isinstance(w, QTreeWidget):
            it = QTreeWidgetItemIterator(w)
            while it.value() is not None:
                texts += [it.value().text(c) for c in range(w.columnCount())]
                it += 1
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            texts += [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
            for r in range(min(model.rowCount(), 20)):
                texts += [str(model.index(r, c).data() or "") for c in range(model.columnCount())]
    if isinstance(root, MainWindow):
        texts += [a.text() for a in root.menuBar().actions()]
    return [t.replace("&", "") for t in texts if t]


def english_left(texts: list[str], german_words: dict[str, str]) -> list[str]:
    english = {src.replace("&", "") for src in german_words}
    english |= {e.upper() for e in english}  # the sidebar's section titles are shown in capitals
    return sorted({t for t in texts if t in english})


def test_queue_request_and_dashboard_in_german_have_no_english_left(app_ctx, qtbot, german, german_words):
    ctx = app_ctx.ctx
    add(ctx, "Lena Vogt", "access", days_ago=40)  # overdue
    add(ctx, "Jonas Berg", "erasure", days_ago=2)
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.queue.refresh()
    qtbot.waitUntil(lambda: window.workspace.view is not None, timeout=60_000)
    app_ctx.ticker.trigger()
    queue_and_request = visible_texts(window)
    assert "Überfällig" in queue_and_request and "Aktenzeichen" in queue_and_request and "Paket" in queue_and_request
    assert any("Tagesende" in t for t in queue_and_request)
    assert any(" T " in t and "überfällig" in t for t in queue_and_request)  # 39 T 23:59:59 überfällig
    assert english_left(queue_and_request, german_words) == []

    window.nav.select("view", "dashboard")
    page = window.view("dashboard")
    qtbot.waitUntil(lambda: getattr(page, "figures", None) is not None, timeout=60_000)
    dashboard = visible_texts(window)
    assert "Offene Anträge" in dashboard
    assert english_left(dashboard, german_words) == []
    window.close()


def test_the_language_is_chosen_from_the_environment_then_the_setting(monkeypatch):
    monkeypatch.delenv(i18n.ENV, raising=False)
    assert i18n.chosen("de") == "de" and i18n.chosen("en") == "en"
    assert i18n.chosen("xx") == "en"  # a language without a translation: English
    monkeypatch.setenv(i18n.ENV, "de")
    assert i18n.chosen("en") == "de"
