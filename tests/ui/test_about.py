"""The application's face: the icon on the window and the application, About with the facts a
support request needs, and icon PNGs that are the SVG rendered."""

from __future__ import annotations

import importlib.util
from importlib import metadata
from pathlib import Path

from PySide6.QtGui import QImage

from console.desktop import png_path
from ui.dialogs.about import AboutDialog


def test_about_shows_version_database_catalogue_and_licence(window, qtbot) -> None:
    action = window.about_action
    assert action in window.toolbar.actions() and not action.icon().isNull()
    dialog = AboutDialog(window.app, window)
    qtbot.addWidget(dialog)
    text = dialog.details.text()
    cat = window.app.ctx.catalogue
    assert metadata.version("privacy-console") in text
    assert window.app.ctx.db.safe_url in text
    from console.policy.records import catalogue_version

    assert cat.version and cat.version in text and catalogue_version(cat.source)[:12] in text
    assert metadata.metadata("privacy-console")["License"] in text
    assert not dialog.windowIcon().isNull()


def test_the_window_and_the_application_carry_the_icon(window, qapp) -> None:
    from ui.app import make_qapp

    make_qapp()
    assert not window.windowIcon().isNull() and not qapp.windowIcon().isNull()
    assert qapp.desktopFileName() == "privacy-console"  # docks match the window to the menu entry


def test_the_committed_pngs_are_the_svg_rendered() -> None:
    """After an edit of app.svg, `make icons` must be run: a stale PNG fails here."""
    spec = importlib.util.spec_from_file_location("render_icons", Path(__file__).resolve().parents[2] / "scripts" / "render_icons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    fresh = module.render(48).convertToFormat(QImage.Format.Format_ARGB32)
    committed = QImage(str(png_path(48))).convertToFormat(QImage.Format.Format_ARGB32)
    assert committed.size() == fresh.size()
    differing = sum(1 for y in range(48) for x in range(48)
                    if abs(committed.pixelColor(x, y).alpha() - fresh.pixelColor(x, y).alpha()) > 8)
    assert differing < 48 * 48 * 0.02
