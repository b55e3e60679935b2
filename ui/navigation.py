"""The navigation list: the queues with live counts, one entry a right, then the other views.

Counts come from ``queries.queue_counts`` in the background and are drawn as a pill at the right
of each entry (the overdue pill in the overdue colours, with the count in words for readers).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from console.requests.queries import Counts
from ui import style, words
from ui.context import AppContext
from ui.registry import ViewSpec

KIND_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # "queue" | "view"
KEY_ROLE = int(Qt.ItemDataRole.UserRole) + 2
COUNT_ROLE = int(Qt.ItemDataRole.UserRole) + 3
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
ALERT_QUEUES = {"overdue": "overdue", "due_soon": "due_soon"}


class CountDelegate(QStyledItemDelegate):
    """Draws the entry, then its count in a pill at the right edge."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        count = index.data(COUNT_ROLE)
        if count is None:
            super().paint(painter, option, index)
            return
        text = f"{int(count):,}"
        fm = option.fontMetrics
        pill_w = fm.horizontalAdvance(text) + 14
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.rect = QRect(option.rect.left(), option.rect.top(), option.rect.width() - pill_w - 8, option.rect.height())
        widget = option.widget
        qstyle = widget.style() if widget is not None else QApplication.style()
        qstyle.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        key = index.data(KEY_ROLE)
        state = ALERT_QUEUES.get(str(key)) if count else None
        colours = style.state_colours(state) if state else None
        neutral = QColor(255, 255, 255, 30) if style.theme() == "dark" else QColor(0, 0, 0, 22)
        bg = colours.background if colours and colours.background.isValid() else neutral
        fg = colours.foreground if colours and colours.foreground.isValid() else option.palette.text().color()
        h = fm.height() + 2
        pill = QRect(option.rect.right() - pill_w - 6, option.rect.center().y() - h // 2, pill_w, h)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(pill, h / 2, h / 2)
        painter.setPen(fg)
        font = QFont(option.font)
        if state:
            font.setBold(True)
        painter.setFont(font)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width() + 50, max(size.height(), option.fontMetrics.height() + 10))


class Navigation(QTreeWidget):
    queue_chosen = Signal(str)
    view_chosen = Signal(str)

    def __init__(self, app: AppContext, views: list[ViewSpec], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("navigation")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(10)
        self.setUniformRowHeights(True)
        self.setItemDelegate(CountDelegate(self))
        self.setMinimumWidth(190)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._items: dict[str, QTreeWidgetItem] = {}
        queues = self._section(self.tr("Queues"))
        for key, title, icon in (
            ("mine", self.tr("My requests"), "mine"),
            ("open", self.tr("All open"), "queue"),
            ("due_soon", self.tr("Due soon"), "state-due-soon"),
            ("overdue", self.tr("Overdue"), "state-overdue"),
            ("awaiting_verification", self.tr("Awaiting verification"), "verify"),
            ("paused", self.tr("Paused"), "state-paused"),
            ("closed", self.tr("Closed"), "closed"),
        ):
            self._entry(queues, "queue", key, title, icon)
        more = self._section(self.tr("Views"))
        for spec in views:
            self._entry(more, "view", spec.key, spec.title(), spec.icon)
        rights = self._section(self.tr("Open, by right"))
        for r in app.ctx.catalogue.rights:
            self._entry(rights, "queue", f"right:{r.id}", words.short_right(r.title), "right").setToolTip(0, words.catalogue(r.title))
        self.expandAll()
        self.currentItemChanged.connect(self._changed)

    def _section(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title.upper()])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 0.85)
        font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.6)
        item.setFont(0, font)
        item.setForeground(0, QColor("#6b7480"))
        item.setSizeHint(0, QSize(10, 30))
        return item

    def _entry(self, parent: QTreeWidgetItem, kind: str, key: str, title: str, icon: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(parent, [title])
        item.setData(0, KIND_ROLE, kind)
        item.setData(0, KEY_ROLE, key)
        item.setIcon(0, style.icon(icon))
        item.setToolTip(0, title)
        self._items[f"{kind}:{key}"] = item
        return item

    def select(self, kind: str, key: str) -> None:
        item = self._items.get(f"{kind}:{key}")
        if item is not None:
            self.setCurrentItem(item)

    def current_key(self) -> tuple[str, str] | None:
        item = self.currentItem()
        if item is None or item.data(0, KIND_ROLE) is None:
            return None
        return str(item.data(0, KIND_ROLE)), str(item.data(0, KEY_ROLE))

    def set_counts(self, counts: Counts) -> None:
        for key, n in counts.queues.items():
            self._set_count(f"queue:{key}", n)
        for name in self._items:
            if name.startswith("queue:right:"):
                self._set_count(name, counts.by_right.get(name.split(":", 2)[2], 0))

    def _set_count(self, name: str, n: int) -> None:
        item = self._items.get(name)
        if item is not None:
            item.setData(0, COUNT_ROLE, n)
            title = item.text(0)
            item.setData(0, int(Qt.ItemDataRole.AccessibleTextRole), f"{title}: {n}")

    def count_of(self, kind: str, key: str) -> int | None:
        item = self._items.get(f"{kind}:{key}")
        value = item.data(0, COUNT_ROLE) if item is not None else None
        return None if value is None else int(value)

    def _changed(self, current: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if current is None:
            return
        kind = current.data(0, KIND_ROLE)
        if kind == "queue":
            self.queue_chosen.emit(str(current.data(0, KEY_ROLE)))
        elif kind == "view":
            self.view_chosen.emit(str(current.data(0, KEY_ROLE)))
