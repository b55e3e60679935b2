"""A date and time typed whole (or picked from a calendar), in the display zone.

A QDateTimeEdit edits section by section: typing a full date over it can keep the old year without
a word, and Tab walks its sections. Here the text is read whole on every keystroke; what is not a
complete date and time is outlined in red and refused with a message that says how to type it.
"""

from __future__ import annotations

from datetime import datetime, tzinfo

from PySide6.QtCore import QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from console.errors import ValidationError
from ui import style

FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M:%S", "%Y-%m-%d")
SHOWN = "%Y-%m-%d %H:%M"


def parse_local(text: str) -> datetime | None:
    """A naive local date-time from the whole text, or None when it is not one."""
    text = " ".join(text.split())
    for fmt in FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


class DateTimeInput(QWidget):
    """``value()`` is zone-aware; a text that is not a whole date raises a ValidationError."""

    changed = Signal()

    def __init__(self, zone: tzinfo, value: datetime, zone_name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._zone = zone
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD HH:MM"))
        self.edit.setToolTip(self.tr("Type the date and time whole, e.g. 2026-11-15 08:30, or pick the day"))
        self.edit.setMaxLength(40)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.clicked.connect(self._picked)
        self.calendar.activated.connect(self._picked)
        self.pick = QToolButton()
        self.pick.setIcon(style.icon("calendar"))
        self.pick.setText(self.tr("Pick a day"))
        self.pick.setToolTip(self.tr("Pick the day from a calendar"))
        self.pick.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.pick.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from the text to the next field
        menu = QMenu(self.pick)
        holder = QWidgetAction(menu)
        holder.setDefaultWidget(self.calendar)
        menu.addAction(holder)
        menu.aboutToShow.connect(self._calendar_to_text)
        self.pick.setMenu(menu)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.edit, 1)
        row.addWidget(self.pick)
        if zone_name:
            label = QLabel(zone_name)
            label.setProperty("muted", True)
            row.addWidget(label)
        self.setFocusProxy(self.edit)
        self.set_value(value)
        self.edit.textChanged.connect(self._typed)

    def set_value(self, value: datetime) -> None:
        self.edit.setText(value.astimezone(self._zone).strftime(SHOWN))

    def valid(self) -> bool:
        return parse_local(self.edit.text()) is not None

    def value(self) -> datetime:
        local = parse_local(self.edit.text())
        if local is None:
            raise ValidationError(self.tr("“{0}” is not a whole date and time: type it as YYYY-MM-DD HH:MM, "
                                          "e.g. 2026-11-15 08:30, or pick the day from the calendar.")
                                  .format(self.edit.text().strip()))
        return local.replace(tzinfo=self._zone)

    @Slot()
    def _typed(self) -> None:
        bad = not self.valid()
        if self.edit.property("invalid") != bad:
            self.edit.setProperty("invalid", bad)
            self.edit.style().unpolish(self.edit)
            self.edit.style().polish(self.edit)
        self.changed.emit()

    def _calendar_to_text(self) -> None:
        local = parse_local(self.edit.text())
        if local is not None:
            self.calendar.setSelectedDate(QDate(local.year, local.month, local.day))

    def _picked(self, day: QDate) -> None:
        local = parse_local(self.edit.text())
        hour, minute = (local.hour, local.minute) if local else (9, 0)
        self.edit.setText(datetime(day.year(), day.month(), day.day(), hour, minute).strftime(SHOWN))
        menu = self.pick.menu()
        if menu is not None:
            menu.hide()
        self.edit.setFocus(Qt.FocusReason.OtherFocusReason)
