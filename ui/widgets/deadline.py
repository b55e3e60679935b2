"""The deadline badge: icon, countdown and the state in words, coloured to match (never colour alone)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from console import deadlines
from console.requests.lifecycle import CLOSED
from console.requests.read_models import RequestView
from ui import style, words


class DeadlineBadge(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineBadge")
        self.icon = QLabel()
        self.icon.setFixedSize(28, 28)
        self.state = QLabel()
        self.state.setObjectName("badgeState")
        self.countdown = QLabel()
        self.countdown.setObjectName("badgeCountdown")
        font = self.countdown.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.countdown.setFont(font)
        text = QVBoxLayout()
        text.setSpacing(0)
        text.addWidget(self.state)
        text.addWidget(self.countdown)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 4, 14, 4)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        row.addLayout(text)
        self.current = ""

    def show_deadline(self, view: RequestView, now: datetime, tz: object, due_soon: object) -> None:
        closed = view.status in CLOSED
        state = deadlines.deadline_state(view.due_at, now, tz, due_soon, paused=view.paused_since is not None,  # type: ignore[arg-type]
                                         closed=closed).value
        left = deadlines.time_left(view.due_at, now, view.paused_since)
        if state == "paused":
            text = self.tr("{0} left, clock stopped").format(words.time_left(left))
        elif state == "closed":
            text = words.status(view.status)
        elif state == "overdue":
            text = self.tr("{0} late").format(words.time_left(-left))
        else:
            text = self.tr("{0} left").format(words.time_left(left))
        self.countdown.setText(text)
        self.state.setText(words.deadline_state(state))
        if state != self.current:
            self.current = state
            self.icon.setPixmap(style.state_icon(state).pixmap(26, 26))
            colours = style.state_colours(state)
            bg = colours.background.name() if colours.background.isValid() else "transparent"
            fg = colours.foreground.name() if colours.foreground.isValid() else "palette(text)"
            self.setStyleSheet(f"QFrame#deadlineBadge {{ background: {bg}; border-radius: 6px; }}"
                               f" QLabel {{ color: {fg}; background: transparent; }}")
