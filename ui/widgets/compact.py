"""A row of buttons that fits any width: when their words do not fit, the buttons show only their
icons (the words move to the tooltip), so nothing is clipped on a small screen. The primary button
keeps its words. Every step is also in the window's menus, with its name and shortcut.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

PADDING = 48  # a button's frame, margins and icon beside its words


class CompactRow(QObject):
    def __init__(self, row: QWidget, buttons: list[QAbstractButton], keep: QAbstractButton | None = None,
                 beside: tuple[QWidget, ...] = ()) -> None:
        super().__init__(row)
        self._row = row
        self._buttons = buttons
        self._keep = keep
        self._beside = beside  # widgets sharing the row, at their smallest
        self.compact = False
        policy = row.sizePolicy()
        row.setSizePolicy(QSizePolicy.Policy.Ignored, policy.verticalPolicy())  # never widens the window
        for b in buttons:
            b.setProperty("fullText", b.text())
        row.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._row and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self.apply()
        return False

    def set_text(self, button: QAbstractButton, text: str) -> None:
        """Change a button's words (kept for when there is room again)."""
        button.setProperty("fullText", text)
        if button is self._keep or not self.compact:
            button.setText(text)

    def needed(self) -> int:
        shown = [b for b in self._buttons if not b.isHidden()]
        spacing = 6 * max(len(shown) + len(self._beside) - 1, 0) + 24
        spacing += sum(w.minimumSizeHint().width() for w in self._beside if not w.isHidden())
        return sum(b.fontMetrics().horizontalAdvance(self._words(b)) + PADDING for b in shown) + spacing

    def _words(self, button: QAbstractButton) -> str:
        return button.text() if button is self._keep else str(button.property("fullText") or "")

    def apply(self) -> None:
        """Words when they fit, icons (words in the tooltip) when they do not."""
        self.compact = self.needed() > self._row.width()
        for b in self._buttons:
            text = str(b.property("fullText") or "")
            if b is self._keep:
                continue
            b.setText("" if self.compact else text)
            tip = b.toolTip()
            if self.compact and not tip:
                b.setToolTip(text)
                b.setProperty("tipIsText", True)
            elif not self.compact and b.property("tipIsText") is True:
                b.setToolTip("")
                b.setProperty("tipIsText", False)
            b.setAccessibleName(text)
