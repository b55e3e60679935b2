"""The contract between a record workspace and its tabs, and the overview tab's body.

A tab gets a :class:`Host`: the application context, the record on show, and ``run`` to call a
service in the writer thread (the workspace then shows the new state, tells the rest of the
window, and turns a refusal into its message). A tab never opens a session itself.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ui.context import AppContext


class Host(Protocol):
    app: AppContext

    @property
    def view(self) -> Any: ...

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None: ...

    def reload(self) -> None: ...


class RecordTab(QWidget):
    """Base of a workspace tab: shown a fresh record after every load and every change."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.host = host

    def clear(self) -> None:
        """Nothing selected."""


def facts_label(plain: bool = True) -> QLabel:
    """A fact's value: wrapped, selectable, plain text (``plain``) or as Qt guesses it."""
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if plain:
        label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def facts_box(title: str, rows: list[tuple[str, str]],
              plain: bool = True) -> tuple[QGroupBox, QFormLayout, dict[str, QLabel]]:
    """An overview's facts: a titled box of right-aligned names and their values, by key."""
    box = QGroupBox(title)
    form = QFormLayout(box)
    form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
    labels: dict[str, QLabel] = {}
    for key, name in rows:
        labels[key] = facts_label(plain)
        form.addRow(name, labels[key])
    return box, form, labels


def _t(text: str) -> str:
    return QCoreApplication.translate("OverviewTab", text)


def overview_body(tab: QWidget, facts: QGroupBox, edit: QGroupBox, form: QFormLayout, note: QLabel,
                  stretch: tuple[int, int] = (1, 1)) -> tuple[QPushButton, QPushButton]:
    """An overview tab: the facts beside the editable form, which ends in the note, Revert and Save
    changes; scrolled as one. Returns (save, revert)."""
    save = QPushButton(_t("Save changes"))
    save.setProperty("primary", True)
    revert = QPushButton(_t("Revert"))
    buttons = QHBoxLayout()
    buttons.addWidget(note)
    buttons.addStretch(1)
    buttons.addWidget(revert)
    buttons.addWidget(save)
    form.addRow(buttons)
    inner = QWidget()
    grid = QGridLayout(inner)
    grid.addWidget(facts, 0, 0)
    grid.addWidget(edit, 0, 1)
    grid.setColumnStretch(0, stretch[0])
    grid.setColumnStretch(1, stretch[1])
    grid.setRowStretch(1, 1)
    scrolled(tab, inner)
    return save, revert


def scrolled(tab: QWidget, inner: QWidget) -> None:
    """The tab's whole body is ``inner``, scrolled: the form keeps its size in a small window."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setWidget(inner)
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(scroll)
