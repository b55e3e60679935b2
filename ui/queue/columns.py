"""Which queue columns show: the person's choice (header menu, View menu, saved views), kept per
user; and on a narrow table the less needed ones step aside (Received, then Due, then Right, then
Status) so the subject, the time left and the assignee stay in view without scrolling.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QTableView, QWidget

from ui.preferences import Preferences
from ui.queue.model import Col

STEP_ASIDE = (Col.RECEIVED, Col.DUE, Col.RIGHT, Col.STATUS)  # in this order when the table is narrow
SUBJECT_MIN = 120
ALWAYS = (Col.REFERENCE,)


def names(cols: set[Col] | list[Col]) -> str:
    return ",".join(c.name.lower() for c in sorted(cols))


def parse(text: object) -> set[Col]:
    known = {c.name.lower(): c for c in Col}
    return {known[p] for p in str(text or "").split(",") if p in known and known[p] not in ALWAYS}


class QueueColumns(QObject):
    changed = Signal()

    def __init__(self, table: QTableView, prefs: Preferences, user: str) -> None:
        super().__init__(table)
        self._table = table
        self._prefs = prefs
        self._key = f"users/{user}/queue/hidden_columns"
        self.hidden: set[Col] = parse(prefs.value(self._key))
        self.stepped_aside: list[Col] = []
        header = table.horizontalHeader()
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._header_menu)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def set_hidden(self, cols: set[Col]) -> None:
        self.hidden = {c for c in cols if c not in ALWAYS}
        self._prefs.set_value(self._key, names(self.hidden))
        self.fit()
        self.changed.emit()

    def toggle(self, col: Col, shown: bool) -> None:
        self.set_hidden(self.hidden - {col} if shown else self.hidden | {col})

    def fit(self) -> None:
        """Show the chosen columns; on a narrow table let the less needed ones step aside."""
        header = self._table.horizontalHeader()
        for col in Col:
            header.setSectionHidden(col, col in self.hidden)
        room = self._table.viewport().width()

        def needed() -> int:
            return SUBJECT_MIN + sum(header.sectionSize(c) for c in Col if c != Col.SUBJECT and not header.isSectionHidden(c))

        self.stepped_aside = []
        for col in STEP_ASIDE:
            if needed() <= room:
                break
            if not header.isSectionHidden(col):
                header.setSectionHidden(col, True)
                self.stepped_aside.append(col)

    def menu(self, parent: QWidget) -> QMenu:
        menu = QMenu(self.tr("Columns"), parent)
        self.populate(menu)
        return menu

    def populate(self, menu: QMenu) -> None:
        """A checkable entry a column (the reference always shows)."""
        menu.clear()
        model = self._table.model()
        for col in Col:
            if col in ALWAYS:
                continue
            action = QAction(str(model.headerData(col, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(col not in self.hidden)
            if col in self.stepped_aside:
                action.setToolTip(self.tr("Hidden for now: the window is too narrow"))
            action.toggled.connect(lambda on, c=col: self.toggle(c, on))
            menu.addAction(action)
        menu.setToolTipsVisible(True)

    def _header_menu(self, pos: QPoint) -> None:
        self.menu(self._table).popup(self._table.horizontalHeader().mapToGlobal(pos))
