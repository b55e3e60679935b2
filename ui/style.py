"""Look: icons from ``resources/icons``, the stylesheet from ``resources/style``, state colours.

Colour always repeats something an icon and a word already say (never colour alone), and every
pair of foreground and background here keeps a readable contrast in both appearances.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from console.resources import resource_path

LINE_COLOUR = "#56606e"  # the stroke of the plain icons; swapped for a light grey when dark
DARK_LINE_COLOUR = "#c9d1db"
_theme = {"name": "light"}


@dataclass(frozen=True)
class StateColours:
    foreground: QColor
    background: QColor


_STATES_LIGHT = {
    "overdue": ("#8e1111", "#fde4e4"),
    "due_today": ("#8a3a00", "#ffe6cc"),
    "due_soon": ("#6b4a00", "#fff3cc"),
    "paused": ("#37474f", "#e6ebee"),
    "on_track": ("#1b5e20", ""),
    "closed": ("#6b7480", ""),
}
_STATES_DARK = {
    "overdue": ("#ffb4b4", "#5a1d1d"),
    "due_today": ("#ffcc99", "#5a3412"),
    "due_soon": ("#ffe08a", "#4d3f12"),
    "paused": ("#cfd8dc", "#37424a"),
    "on_track": ("#a5d6a7", ""),
    "closed": ("#9aa4ae", ""),
}


def theme() -> str:
    return _theme["name"]


@lru_cache(maxsize=32)
def _state_colours(name: str, state: str) -> StateColours:
    table = _STATES_DARK if name == "dark" else _STATES_LIGHT
    fg, bg = table.get(state, ("", ""))
    return StateColours(QColor(fg) if fg else QColor(), QColor(bg) if bg else QColor())


def state_colours(state: str) -> StateColours:
    return _state_colours(_theme["name"], state)


STATE_ICONS = {
    "overdue": "state-overdue",
    "due_today": "state-due-today",
    "due_soon": "state-due-soon",
    "paused": "state-paused",
    "on_track": "state-on-track",
    "closed": "state-closed",
}


def state_icon(state: str) -> QIcon:
    return icon(STATE_ICONS.get(state, "state-on-track"))


def icon(name: str, colour: str = "") -> QIcon:
    """An icon; ``colour`` repaints its plain strokes (white on a primary button, for example)."""
    return _icon(name, _theme["name"], colour)


@lru_cache(maxsize=256)
def _icon(name: str, theme_name: str, colour: str = "") -> QIcon:
    path = resource_path("icons", f"{name}.svg")
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return QIcon()
    if colour:
        text = text.replace(LINE_COLOUR, colour)
    elif theme_name == "dark":
        text = text.replace(LINE_COLOUR, DARK_LINE_COLOUR)
    data = QByteArray(text.encode("utf-8"))
    result = QIcon()
    for size in (16, 20, 24, 32, 48):
        pixmap = QPixmap(QSize(size, size))
        if pixmap.loadFromData(data, "SVG"):
            result.addPixmap(pixmap.scaled(size, size))
    return result


def _dark_palette() -> QPalette:
    p = QPalette()
    base, window, text = QColor("#1f2329"), QColor("#2a2f36"), QColor("#e6e9ed")
    p.setColor(QPalette.ColorRole.Window, window)
    p.setColor(QPalette.ColorRole.WindowText, text)
    p.setColor(QPalette.ColorRole.Base, base)
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#262b31"))
    p.setColor(QPalette.ColorRole.Text, text)
    p.setColor(QPalette.ColorRole.Button, QColor("#343a42"))
    p.setColor(QPalette.ColorRole.ButtonText, text)
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#343a42"))
    p.setColor(QPalette.ColorRole.ToolTipText, text)
    p.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fb8"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8c96a1"))
    p.setColor(QPalette.ColorRole.Link, QColor("#8ab8ff"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7b848e"))
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    p.setColor(QPalette.ColorRole.Window, QColor("#f3f5f8"))
    p.setColor(QPalette.ColorRole.WindowText, QColor("#1d232b"))
    p.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.AlternateBase, QColor("#f7f9fb"))
    p.setColor(QPalette.ColorRole.Text, QColor("#1d232b"))
    p.setColor(QPalette.ColorRole.Button, QColor("#f6f7f9"))
    p.setColor(QPalette.ColorRole.ButtonText, QColor("#1d232b"))
    p.setColor(QPalette.ColorRole.Highlight, QColor("#d3e3f8"))
    p.setColor(QPalette.ColorRole.HighlightedText, QColor("#0d2746"))
    p.setColor(QPalette.ColorRole.PlaceholderText, QColor("#78828e"))
    p.setColor(QPalette.ColorRole.Link, QColor("#1f5fa8"))
    p.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    p.setColor(QPalette.ColorRole.ToolTipText, QColor("#1d232b"))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#9aa3ad"))
    return p


def apply(app: QApplication, name: str = "light") -> None:
    """Fusion everywhere (the same look on every desktop), then the palette and the stylesheet."""
    name = "dark" if name == "dark" else "light"
    _theme["name"] = name
    if not app.property("fusion_set"):  # once: a new style under a live QWizard crashes Qt 6.11 on re-polish
        app.setStyle("Fusion")
        app.setProperty("fusion_set", True)
    try:
        qss = resource_path("style", f"{name}.qss").read_text(encoding="utf-8")
    except OSError:
        qss = ""
    if app.property("theme_applied") == name and app.styleSheet() == qss:
        return  # the same look again: re-polishing every live widget would cost time and change nothing
    app.setPalette(_dark_palette() if name == "dark" else _light_palette())
    app.setStyleSheet(qss)
    app.setProperty("theme_applied", name)
