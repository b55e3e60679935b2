"""Small pieces the incident screens share: the 72-hour clock badge, the DRILL pill and its delegate.

The clock badge is the request deadline badge (same frame, icon, words and colours) fed from an
incident's authority clock; the DRILL pill is drawn the same way in the list and the workspace.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from console import deadlines
from console.incidents.read_models import IncidentView, clock_state
from console.policy import Catalogue
from ui import style, words
from ui.incidents import words as iw
from ui.widgets.deadline import DeadlineBadge

_DRILL_LIGHT = ("#4a2a8c", "#ece5fa", "#b9a5e6")  # text, fill, border
_DRILL_DARK = ("#e0d4ff", "#3d2e66", "#6f5aa8")


def drill_colours() -> tuple[QColor, QColor, QColor]:
    fg, bg, border = _DRILL_DARK if style.theme() == "dark" else _DRILL_LIGHT
    return QColor(fg), QColor(bg), QColor(border)


class ClockBadge(DeadlineBadge):
    """The incident's 72-hour authority clock, drawn exactly like a request's deadline badge."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._theme = ""

    def show_clock(self, view: IncidentView, now: datetime, catalogue: Catalogue) -> None:
        finished = view.drill is not None and view.drill.finished_at is not None
        state = clock_state(view.authority_due_at, now, catalogue, view.clock_stopped or finished).value
        left = view.time_left(now)
        if finished and not view.clock_stopped:
            self.state.setText(self.tr("Drill finished"))
            self.countdown.setText(self.tr("Clock stopped"))
        elif state == "closed":
            self.state.setText(self.tr("Authority clock stopped"))
            text = iw.clock(view.clock)
            if view.clock == "notified_late" and view.authority_notified_at is not None:
                text = self.tr("Notified {0} late").format(iw.hours(view.authority_notified_at - view.authority_due_at))
            self.countdown.setText(text)
        else:
            self.state.setText(self.tr("Authority report: {0}").format(words.deadline_state(state)))
            if state == "overdue":
                self.countdown.setText(self.tr("{0} late").format(deadlines.format_time_left(-left)))
            else:
                self.countdown.setText(self.tr("{0} left").format(deadlines.format_time_left(left)))
        self.paint_state(state)

    def paint_state(self, state: str) -> None:
        if (state, style.theme()) == (self.current, self._theme):
            return
        self.current, self._theme = state, style.theme()
        self.icon.setPixmap(style.state_icon(state).pixmap(26, 26))
        colours = style.state_colours(state)
        bg = colours.background.name() if colours.background.isValid() else "transparent"
        fg = colours.foreground.name() if colours.foreground.isValid() else "palette(text)"
        self.setStyleSheet(f"QFrame#deadlineBadge {{ background: {bg}; border-radius: 6px; }}"
                           f" QLabel {{ color: {fg}; background: transparent; }}")


class DrillPill(QLabel):
    """"DRILL" in a purple pill beside a reference: an exercise, never a real breach."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(iw.drill_badge(), parent)
        self.setObjectName("drillPill")
        self.setToolTip(self.tr("A response drill: an exercise on the real clocks, never counted in real "
                                "figures or the register."))
        self.setAccessibleName(self.tr("Drill"))
        self._theme = ""
        self.restyle()

    def restyle(self) -> None:
        """Colours for the current appearance (again after the person switches light and dark)."""
        if self._theme == style.theme():
            return
        self._theme = style.theme()
        fg, bg, border = drill_colours()
        self.setStyleSheet(f"QLabel#drillPill {{ color: {fg.name()}; background: {bg.name()}; border: 1px solid "
                           f"{border.name()}; border-radius: 9px; padding: 1px 9px; font-weight: 700; "
                           "letter-spacing: 1px; }")


class DrillDelegate(QStyledItemDelegate):
    """The title cell: a DRILL pill before the title of a drill (the model's BADGE_ROLE says which)."""

    def __init__(self, badge_role: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._role = badge_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        badge = index.data(self._role)
        if not badge:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = option.widget
        qstyle = widget.style() if widget is not None else QApplication.style()
        qstyle.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        font = QFont(opt.font)
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.8)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        fm = painter.fontMetrics()
        rect = opt.rect
        h = fm.height() + 2
        w = fm.horizontalAdvance(str(badge)) + 14
        pill = QRect(rect.left() + 6, rect.center().y() - h // 2 + 1, w, h)
        fg, bg, border = drill_colours()
        painter.setPen(border)
        painter.setBrush(bg)
        painter.drawRoundedRect(pill, h / 2, h / 2)
        painter.setPen(fg)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), str(badge))
        painter.restore()
        painter.save()
        painter.setFont(opt.font)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(opt.palette.color(role))
        rest = QRect(pill.right() + 8, rect.top(), max(rect.right() - pill.right() - 12, 0), rect.height())
        elided = painter.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, rest.width())
        painter.drawText(rest, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
        painter.restore()
