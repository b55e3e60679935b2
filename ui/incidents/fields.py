"""Form fields the incident dialogs and tabs share: a zoned date-time, a count, a grid of checkboxes."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, tzinfo

from PySide6.QtCore import QRegularExpression, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from ui.widgets.datetime_input import DateTimeInput


class DateTimeField(DateTimeInput):
    """A date and time in the display zone (named beside it), typed whole; ``value()`` is zone-aware."""

    def __init__(self, zone: tzinfo, zone_name: str, value: datetime, parent: QWidget | None = None) -> None:
        super().__init__(zone, value, zone_name, parent)


class CountField(QLineEdit):
    """An approximate number that may be unknown (empty); separators typed by habit are accepted."""

    def __init__(self, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ,.'’]{0,15}"), self))

    def number(self) -> int | None:
        digits = "".join(ch for ch in self.text() if ch.isdigit())
        return int(digits) if digits else None

    def set_number(self, value: int | None) -> None:
        self.setText("" if value is None else f"{value:,}")


class CheckGrid(QWidget):
    """Checkboxes in columns, one per code; ``values()`` in the order offered."""

    changed = Signal()

    def __init__(self, items: Iterable[tuple[str, str]], columns: int = 2, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.boxes: dict[str, QCheckBox] = {}
        for i, (code, title) in enumerate(items):
            box = QCheckBox(title)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.boxes[code] = box
            grid.addWidget(box, i // columns, i % columns)

    def values(self) -> tuple[str, ...]:
        return tuple(code for code, box in self.boxes.items() if box.isChecked())

    def set_values(self, values: Iterable[str]) -> None:
        chosen = set(values)
        for code, box in self.boxes.items():
            box.blockSignals(True)
            box.setChecked(code in chosen)
            box.blockSignals(False)
        self.changed.emit()
