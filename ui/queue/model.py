"""The queue as a Qt table model that pages from ``queries.fetch_page`` in the background.

Rows arrive a page at a time (keyset cursor, so page 5,000 costs what page 1 costs); sorting is
a new SQL query, never a sort of loaded rows. ``data()`` is on the paint path: role constants are
module-level ints, and the time-left text of a row is worked out once per tick.
"""

from __future__ import annotations

import dataclasses
import operator
from dataclasses import replace
from datetime import datetime
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

from console import deadlines
from console.requests import queries
from console.requests.queries import QueueFilter, QueueRow
from console.requests.views import RequestView
from ui import style, words
from ui.context import AppContext

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the QueueRow itself
STATE_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the deadline state code
_RIGHT_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_TIME_ROLES = [_DISPLAY, _DECORATION, _TOOLTIP, _FOREGROUND, _BACKGROUND, _ACCESSIBLE, STATE_ROLE]
Index = QModelIndex | QPersistentModelIndex

# Loaded rows are kept as plain tuples of atomic values: the garbage collector stops tracking
# those, whereas 100,000 loaded dataclass objects would make every full collection (in any
# thread, holding the GIL) stall the window for tens of milliseconds.
FIELDS = tuple(f.name for f in dataclasses.fields(QueueRow))
(_ID, _REF, _NAME, _EMAIL, _RIGHT, _STATUS, _RECEIVED, _DUE, _RULE, _PAUSED, _ASSIGNEE, _PRIORITY,
 _VERSION) = range(13)
if FIELDS != ("id", "reference", "subject_name", "subject_email", "right", "status", "received_at", "due_at",
              "due_rule", "paused_since", "assignee", "priority", "version"):
    raise ImportError(f"QueueRow changed its fields ({FIELDS}); update ui.queue.model")
_as_tuple = operator.attrgetter(*FIELDS)
_CLOSED = frozenset(queries.CLOSED_VALUES)
Row = tuple[Any, ...]


def fetch_rows(ctx: Any, f: QueueFilter, cursor: tuple[Any, int] | None, limit: int) -> tuple[list[Row], Any]:
    """In the worker: one page as plain tuples, and the cursor of the next one."""
    page = queries.fetch_page(ctx, f, cursor, limit)
    return [_as_tuple(r) for r in page.rows], page.cursor


class Col(IntEnum):
    REFERENCE = 0
    SUBJECT = 1
    RIGHT = 2
    STATUS = 3
    RECEIVED = 4
    DUE = 5
    TIME_LEFT = 6
    ASSIGNEE = 7


SORT_KEYS = {Col.REFERENCE: "reference", Col.SUBJECT: "subject_name", Col.RIGHT: "right", Col.STATUS: "status",
             Col.RECEIVED: "received_at", Col.DUE: "due_at", Col.TIME_LEFT: "due_at", Col.ASSIGNEE: "assignee"}
SORT_COLUMNS = {"reference": Col.REFERENCE, "subject_name": Col.SUBJECT, "right": Col.RIGHT, "status": Col.STATUS,
                "received_at": Col.RECEIVED, "due_at": Col.TIME_LEFT, "assignee": Col.ASSIGNEE}
PAGE = 200
REFRESH_MAX = 5_000  # a refresh reloads what was loaded, up to this many rows, in one query


class QueueModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    page_arrived = Signal(int)  # rows loaded so far
    total_known = Signal(int)  # rows matching the filter (counted in SQL, in the background)
    load_failed = Signal(object)
    about_to_replace = Signal()  # a refresh is about to swap every row (views keep their selection)
    replaced = Signal()

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._rows: list[Row] = []
        self._filter = QueueFilter(queue="open")
        self._cursor: tuple[Any, int] | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self.total: int | None = None
        self._now = app.ticker.now
        self._cells: dict[int, tuple[str, str]] = {}
        self._titles: dict[str, str] = {}
        self._zone = app.zone
        self._org_zone = app.ctx.catalogue.organisation.tz
        self._headers = [self.tr("Reference"), self.tr("Subject"), self.tr("Right"), self.tr("Status"),
                         self.tr("Received"), self.tr("Due"), self.tr("Time left"), self.tr("Assignee")]

    # --- what is shown ---------------------------------------------------------------------

    @property
    def filter(self) -> QueueFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return not self._more and not self._loading

    def set_filter(self, f: QueueFilter) -> None:
        """Show another queue, search or sort: drop the rows and ask SQL for the first page."""
        self._generation += 1
        self.beginResetModel()
        self._filter = f
        self._rows = []
        self._cells.clear()
        self._cursor = None
        self._more = True
        self.total = None
        self.endResetModel()
        self._set_loading(False)
        self._fetch(PAGE)
        self._count()

    def refresh(self) -> None:
        """Reload what is loaded in one query and swap it in (the view keeps its selection)."""
        self._generation += 1
        generation = self._generation
        limit = min(max(PAGE, len(self._rows)), REFRESH_MAX)
        self._set_loading(True)
        self._app.tasks.read(fetch_rows, self._app.ctx, self._filter, None, limit,
                             on_done=lambda page: self._replace(generation, page),
                             on_error=lambda exc: self._failed(generation, exc), owner=self)
        self._count()

    def patch(self, view: RequestView) -> None:
        """A request changed here: update its row in place until the next refresh regroups."""
        for i, row in enumerate(self._rows):
            if row[_ID] == view.id:
                self._rows[i] = _as_tuple(replace(
                    QueueRow(*row), status=view.status, assignee=view.assignee, due_at=view.due_at,
                    due_rule=view.due_rule, paused_since=view.paused_since, priority=view.priority,
                    version=view.version))
                self._cells.pop(i, None)
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(Col) - 1))
                return

    def set_zone(self) -> None:
        self._zone = self._app.zone
        if self._rows:
            self.dataChanged.emit(self.index(0, Col.RECEIVED), self.index(len(self._rows) - 1, Col.DUE))

    def row_at(self, row: int) -> QueueRow | None:
        return QueueRow(*self._rows[row]) if 0 <= row < len(self._rows) else None

    def row_of(self, request_id: int) -> int:
        for i, row in enumerate(self._rows):
            if row[_ID] == request_id:
                return i
        return -1

    # --- the shared timer ------------------------------------------------------------------

    def advance_clock(self, now: datetime) -> None:
        self._now = now
        self._cells.clear()

    def time_left_changed(self, first: int, last: int) -> None:
        """Repaint only these rows' time-left cells (the visible ones)."""
        last = min(last, len(self._rows) - 1)
        if first < 0 or last < first:
            return
        self.dataChanged.emit(self.index(first, Col.TIME_LEFT), self.index(last, Col.TIME_LEFT), _TIME_ROLES)

    def state_of(self, row: int) -> str:
        return self._cell(row)[0]

    def _cell(self, i: int) -> tuple[str, str]:
        cell = self._cells.get(i)
        if cell is None:
            r = self._rows[i]
            state = deadlines.deadline_state(r[_DUE], self._now, self._org_zone, self._app.ctx.catalogue.due_soon,
                                             paused=r[_PAUSED] is not None, closed=r[_STATUS] in _CLOSED).value
            cell = (state, words.countdown(state, deadlines.time_left(r[_DUE], self._now, r[_PAUSED])))
            self._cells[i] = cell
        return cell

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid() and self._more and not self._loading:
            self._fetch(PAGE)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(Col(column), "due_at")
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._filter.sort, self._filter.descending):
            self.set_filter(replace(self._filter, sort=key, descending=descending))

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        i = index.row()
        if i < 0 or i >= len(self._rows):
            return None
        col = index.column()
        if col == Col.TIME_LEFT:
            return self._time_left_data(i, role)
        row = self._rows[i]
        if role == _DISPLAY:
            return self._text(row, col)
        if role == _TOOLTIP:
            return self._tooltip(row, col)
        if role == ROW_ROLE:
            return QueueRow(*row)
        if role == _FOREGROUND and col == Col.ASSIGNEE and not row[_ASSIGNEE]:
            return style.state_colours("closed").foreground
        return None

    def _time_left_data(self, i: int, role: int) -> Any:
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._cell(i)[1]
        if role == _DECORATION:
            return style.state_icon(self._cell(i)[0])
        if role == _FOREGROUND:
            colour = style.state_colours(self._cell(i)[0]).foreground
            return colour if colour.isValid() else None
        if role == _BACKGROUND:
            colour = style.state_colours(self._cell(i)[0]).background
            return colour if colour.isValid() else None
        if role == _TOOLTIP:
            state, text = self._cell(i)
            row = self._rows[i]
            return self.tr("{state}: {left}\nDue {due} ({rule})").format(
                state=words.deadline_state(state), left=text, due=words.due(row[_DUE], self._zone), rule=words.catalogue(row[_RULE]))
        if role == STATE_ROLE:
            return self._cell(i)[0]
        if role == ROW_ROLE:
            return QueueRow(*self._rows[i])
        return None

    def _text(self, row: Row, col: int) -> str:
        if col == Col.REFERENCE:
            return row[_REF]
        if col == Col.SUBJECT:
            return row[_NAME]
        if col == Col.RIGHT:
            title = self._titles.get(row[_RIGHT])
            if title is None:
                title = self._titles[row[_RIGHT]] = words.short_right(self._app.right_title(row[_RIGHT]))
            return title
        if col == Col.STATUS:
            return words.status(row[_STATUS])
        if col == Col.RECEIVED:
            return words.local_date(row[_RECEIVED], self._zone)
        if col == Col.DUE:
            return words.due(row[_DUE], self._zone)
        if col == Col.ASSIGNEE:
            return row[_ASSIGNEE] or self.tr("Unassigned")
        return ""

    def _tooltip(self, row: Row, col: int) -> str | None:
        if col == Col.SUBJECT:
            return row[_EMAIL]
        if col == Col.DUE:
            return row[_RULE]
        if col == Col.RIGHT:
            return words.catalogue(self._app.right_title(row[_RIGHT]))
        if col == Col.RECEIVED:
            return words.local_time(row[_RECEIVED], self._zone)
        return None

    # --- background loading ----------------------------------------------------------------

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def _fetch(self, limit: int) -> None:
        generation = self._generation
        self._set_loading(True)
        self._app.tasks.read(fetch_rows, self._app.ctx, self._filter, self._cursor, limit,
                             on_done=lambda page: self._arrived(generation, page),
                             on_error=lambda exc: self._failed(generation, exc), owner=self)

    def _count(self) -> None:
        generation = self._generation
        self._app.tasks.read(queries.count, self._app.ctx, self._filter,
                             on_done=lambda n: self._counted(generation, n), on_error=lambda exc: None, owner=self)

    def _counted(self, generation: int, n: int) -> None:
        if generation == self._generation:
            self.total = n
            self.total_known.emit(n)

    def _arrived(self, generation: int, page: tuple[list[Row], Any]) -> None:
        if generation != self._generation:
            return  # the person moved on to another queue meanwhile
        rows, cursor = page
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        self._cursor = cursor
        self._more = cursor is not None
        self._set_loading(False)
        self.page_arrived.emit(len(self._rows))

    def _replace(self, generation: int, page: tuple[list[Row], Any]) -> None:
        if generation != self._generation:
            return
        rows, cursor = page
        self.about_to_replace.emit()
        self.beginResetModel()
        self._rows = rows
        self._cells.clear()
        self._cursor = cursor
        self._more = cursor is not None
        self.endResetModel()
        self._set_loading(False)
        self.replaced.emit()
        self.page_arrived.emit(len(self._rows))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._more = False  # stop the view asking again; Refresh (F5) tries anew
        self._set_loading(False)
        self.load_failed.emit(exc)
