"""The audit trail as a Qt table model that pages from ``list_audit`` in the background.

Newest first, keyset-paged by entry id (``next_before``), filtered in SQL: scrolling to the end
of a million entries costs what the first page costs. Rows are plain tuples.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from console.security.audit_trail import AuditFilter, count_audit, list_audit
from ui.context import AppContext

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
PAGE = 200
Index = QModelIndex | QPersistentModelIndex
Row = tuple[Any, ...]  # id, at, actor, action, target_type, target_id, detail


class Col(IntEnum):
    ID = 0
    TIME = 1
    ACTOR = 2
    ACTION = 3
    TARGET = 4
    DETAIL = 5


def fetch(ctx: Any, f: AuditFilter, before: int | None, limit: int) -> tuple[list[Row], int | None]:
    """In the worker: one page as tuples, and where the next (older) one starts."""
    page = list_audit(ctx, f, before=before, limit=limit)
    return [(r.id, r.at, r.actor, r.action, r.target_type, r.target_id, r.detail) for r in page.rows], page.next_before


def target_text(kind: str, ident: str) -> str:
    if not ident:
        return kind
    return ident if kind == "request" else f"{kind} {ident}"


class AuditModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    page_arrived = Signal(int)  # rows loaded so far
    total_known = Signal(int)  # entries matching the filter
    load_failed = Signal(object)

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._rows: list[Row] = []
        self._filter = AuditFilter()
        self._before: int | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self.total: int | None = None
        self._zone = app.zone
        self._headers = [self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Target"),
                         self.tr("Detail")]

    @property
    def filter(self) -> AuditFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return not self._more and not self._loading

    def set_filter(self, f: AuditFilter, start_before: int | None = None) -> None:
        """Drop the rows and ask SQL for the newest page (below ``start_before`` when given)."""
        self._generation += 1
        self.beginResetModel()
        self._filter = f
        self._rows = []
        self._before = start_before
        self._more = True
        self.total = None
        self._zone = self._app.zone
        self.endResetModel()
        self._set_loading(False)
        self._fetch()
        generation = self._generation
        self._app.tasks.read(count_audit, self._app.ctx, f, on_done=lambda n: self._counted(generation, n),
                             on_error=lambda exc: None, owner=self)

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def row_id(self, row: int) -> int | None:
        return int(self._rows[row][0]) if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row[0] == entry_id:
                return i
        return -1

    def row_at(self, row: int) -> Row | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            if role == _DISPLAY:
                return self._headers[section]
            if role == _TOOLTIP and section == Col.TIME:
                return self.tr("Times in {0}").format(self._app.zone_name)
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid() and self._more and not self._loading:
            self._fetch()

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        i = index.row()
        if i < 0 or i >= len(self._rows):
            return None
        row = self._rows[i]
        col = index.column()
        if role == _DISPLAY:
            return self._text(row, col)
        if role == _TOOLTIP:
            if col == Col.DETAIL:
                return row[6] or None
            if col == Col.TIME:
                return row[1].astimezone(self._zone).isoformat(sep=" ", timespec="seconds")
            if col == Col.TARGET:
                return f"{row[4]}:{row[5]}" if row[5] else row[4]
            return None
        if role == _ALIGN and col == Col.ID:
            return _RIGHT
        if role == ID_ROLE:
            return row[0]
        return None

    def _text(self, row: Row, col: int) -> str:
        if col == Col.ID:
            return str(row[0])
        if col == Col.TIME:
            return row[1].astimezone(self._zone).strftime("%Y-%m-%d %H:%M:%S")
        if col == Col.ACTOR:
            return row[2]
        if col == Col.ACTION:
            return row[3]
        if col == Col.TARGET:
            return target_text(row[4], row[5])
        return " ".join(str(row[6]).split())

    # --- background loading ----------------------------------------------------------------

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def _fetch(self) -> None:
        generation = self._generation
        self._set_loading(True)
        self._app.tasks.read(fetch, self._app.ctx, self._filter, self._before, PAGE,
                             on_done=lambda page: self._arrived(generation, page),
                             on_error=lambda exc: self._failed(generation, exc), owner=self)

    def _counted(self, generation: int, n: int) -> None:
        if generation == self._generation:
            self.total = n
            self.total_known.emit(n)

    def _arrived(self, generation: int, page: tuple[list[Row], int | None]) -> None:
        if generation != self._generation:
            return
        rows, before = page
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._before = before
        self._more = before is not None
        self._set_loading(False)
        self.page_arrived.emit(len(self._rows))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._more = False  # stop the view asking again; Refresh tries anew
        self._set_loading(False)
        self.load_failed.emit(exc)

