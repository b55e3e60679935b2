"""The one table model every long list uses: keyset pages read from SQL in the background.

A feature declares its headers, the two worker functions (one page from a cursor, the count of
rows matching the filter) and how a row shows (:meth:`PagedTableModel.cell`); this class does the
paging. Rows arrive a page at a time (keyset cursor, so page 5,000 costs what page 1 costs);
filtering and sorting are a new SQL query, never work on loaded rows.

Every load carries the model's *generation*: a new filter or a refresh bumps it, so a page that
was asked for before and answers after is dropped instead of mixing two lists. ``refresh`` reloads
what is loaded in one query and swaps it in (views keep their selection across
``about_to_replace``/``replaced``); ``patch_row`` updates one row in place without a reset.

:class:`CountdownModel` adds the time-left column both deadline lists share: its text and state
worked out once per tick of the shared timer, and repainted for the visible rows only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QAbstractItemView

from ui import style

if TYPE_CHECKING:
    from ui.context import AppContext

DISPLAY = int(Qt.ItemDataRole.DisplayRole)
DECORATION = int(Qt.ItemDataRole.DecorationRole)
TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
ALIGN = int(Qt.ItemDataRole.TextAlignmentRole)
ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the row itself (as the feature hands it out)
STATE_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the deadline state code of a countdown
RIGHT_ALIGN = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
TIME_ROLES = [DISPLAY, DECORATION, TOOLTIP, FOREGROUND, BACKGROUND, ACCESSIBLE, STATE_ROLE]
Index = QModelIndex | QPersistentModelIndex
Page = tuple[list[Any], Any]  # the rows, and the cursor of the next page (None: no more)


class PagedTableModel(QAbstractTableModel):
    """Keyset pages of one SQL query, a generation guard, fetchMore, refresh and patch.

    Subclasses set ``page_query`` (``fn(ctx, filter, cursor, limit) -> (rows, next_cursor)``, run
    in the read pool) and ``count_query`` (``fn(ctx, filter) -> int`` or None), and answer
    :meth:`headers` and :meth:`cell`; :meth:`key_of` names a row for :meth:`row_of`.
    """

    loading_changed = Signal(bool)
    page_arrived = Signal(int)  # rows loaded so far
    total_known = Signal(int)  # rows matching the filter (counted in SQL, in the background)
    load_failed = Signal(object)
    about_to_replace = Signal()  # a refresh is about to swap every row (views keep their selection)
    replaced = Signal()

    page_query: ClassVar[Callable[..., Page]]
    count_query: ClassVar[Callable[..., int] | None] = None
    page_size: ClassVar[int] = 200
    sort_keys: ClassVar[dict[int, str]] = {}  # column -> the filter's ``sort`` key SQL orders by
    default_sort: ClassVar[str | None] = None  # for a column SQL cannot order by (None: ignore the click)
    sort_columns: ClassVar[dict[str, int]] = {}  # sort key -> the column whose header shows it
    refresh_max: ClassVar[int] = 5_000  # a refresh reloads what was loaded, up to this many rows

    def __init__(self, app: AppContext, initial_filter: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._rows: list[Any] = []
        self._filter = initial_filter
        self._cursor: Any = None
        self._more = False
        self._loading = False
        self._generation = 0
        self._provisional = False  # rows shown before the first page (show_provisional)
        self.total: int | None = None
        self._headers = self.headers()

    # --- declarations ----------------------------------------------------------------------

    def headers(self) -> list[str]:
        """The column titles, in column order."""
        raise NotImplementedError

    def cell(self, i: int, row: Any, col: int, role: int) -> Any:
        """What row ``i`` (as stored) shows in column ``col`` for ``role``."""
        raise NotImplementedError

    def key_of(self, row: Any) -> Any:
        """The stored row's identity (what :meth:`row_of` looks for)."""
        return row[0]

    def wrap(self, row: Any) -> Any:
        """The stored row as the feature hands it out (``row_at``, ``ROW_ROLE``)."""
        return row

    def forget(self, i: int | None) -> None:
        """Drop what was worked out for row ``i`` (None: for every row); rows changed."""

    # --- what is shown ---------------------------------------------------------------------

    @property
    def filter(self) -> Any:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return not self._more and not self._loading

    def set_filter(self, f: Any, cursor: Any = None) -> None:
        """Show another filter or sort: drop the rows and ask SQL for the first page (from ``cursor``)."""
        self._generation += 1
        self.beginResetModel()
        self._filter = f
        self._rows = []
        self._provisional = False
        self.forget(None)
        self._cursor = cursor
        self._more = True
        self.total = None
        self.endResetModel()
        self._set_loading(False)
        self._fetch(self.page_size)
        self._count()

    def refresh(self) -> None:
        """Reload what is loaded in one query and swap it in (the view keeps its selection)."""
        self._generation += 1
        generation = self._generation
        limit = min(max(self.page_size, len(self._rows)), self.refresh_max)
        self._set_loading(True)
        self._app.tasks.read(type(self).page_query, self._app.ctx, self._filter, None, limit,
                             on_done=lambda page: self._replace(generation, page),
                             on_error=lambda exc: self._failed(generation, exc), owner=self)
        self._count()

    def patch_row(self, i: int, row: Any) -> None:
        """Row ``i`` changed here: put the new one in place (no reset) until the next refresh regroups."""
        if 0 <= i < len(self._rows):
            self._rows[i] = row
            self.forget(i)
            self.dataChanged.emit(self.index(i, 0), self.index(i, self.columnCount() - 1))

    def find(self, match: Callable[[Any], bool]) -> int:
        """The first loaded row (as stored) that ``match`` accepts, or -1."""
        return next((i for i, row in enumerate(self._rows) if match(row)), -1)

    def row_of(self, key: Any) -> int:
        return self.find(lambda row: self.key_of(row) == key)

    def row_at(self, row: int) -> Any:
        return self.wrap(self._rows[row]) if 0 <= row < len(self._rows) else None

    def refresh_columns(self, first: int, last: int) -> None:
        """Repaint these columns of every loaded row (the display zone changed, say)."""
        self.forget(None)
        if self._rows:
            self.dataChanged.emit(self.index(0, first), self.index(len(self._rows) - 1, last))

    # --- Qt model API ----------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        return None

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not parent.isValid() and self._more and not self._loading:
            self._fetch(self.page_size)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A header click: a new SQL order (the filter's ``sort`` and ``descending``), never a sort of loaded rows."""
        key = self.sort_keys.get(column, self.default_sort)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) != (self._filter.sort, self._filter.descending):
            self.set_filter(replace(self._filter, sort=key, descending=descending))

    def sort_column(self) -> int:
        """The column whose header shows the order in use."""
        return self.sort_columns.get(self._filter.sort, -1)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        i = index.row()
        if i < 0 or i >= len(self._rows):
            return None
        return self.cell(i, self._rows[i], index.column(), role)

    # --- background loading ----------------------------------------------------------------

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def _fetch(self, limit: int) -> None:
        generation = self._generation
        self._set_loading(True)
        self._app.tasks.read(type(self).page_query, self._app.ctx, self._filter, self._cursor, limit,
                             on_done=lambda page: self._arrived(generation, page),
                             on_error=lambda exc: self._failed(generation, exc), owner=self)

    def _count(self) -> None:
        counter = type(self).count_query
        if counter is None:
            return
        generation = self._generation
        self._app.tasks.read(counter, self._app.ctx, self._filter,
                             on_done=lambda n: self._counted(generation, n), on_error=lambda exc: None, owner=self)

    def _counted(self, generation: int, n: int) -> None:
        if generation == self._generation:
            self.total = n
            self.total_known.emit(n)

    def show_provisional(self, rows: list[Any]) -> bool:
        """Show ``rows`` while the first page loads: rows the same query read before this model
        could (the window's fast start, ui.queue.provisional). The first page replaces them as a
        refresh does (the views keep their selection). False when the first page is in already."""
        if self._rows or not self._loading or self._cursor is not None or not rows:
            return False
        self.beginInsertRows(QModelIndex(), 0, len(rows) - 1)
        self._rows = list(rows)
        self.endInsertRows()
        self._provisional = True
        self.page_arrived.emit(len(self._rows))
        return True

    def _arrived(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return  # the person moved on to another filter (or refreshed) meanwhile
        if self._provisional:
            self._replace(generation, page)
            self.page_arrived.emit(len(self._rows))
            return
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

    def _replace(self, generation: int, page: Page) -> None:
        if generation != self._generation:
            return
        rows, cursor = page
        self._provisional = False
        self.about_to_replace.emit()
        self.beginResetModel()
        self._rows = list(rows)
        self.forget(None)
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


class CountdownModel(PagedTableModel):
    """A paged list with a time-left column, worked out once per tick of the shared timer.

    Subclasses set ``time_left_column`` and answer :meth:`countdown` (state code and text of a
    stored row) and :meth:`countdown_tip`.
    """

    time_left_column: ClassVar[int]
    zone_columns: ClassVar[tuple[int, int]]  # the first and last column that show times

    def __init__(self, app: AppContext, initial_filter: Any, parent: QObject | None = None) -> None:
        super().__init__(app, initial_filter, parent)
        self._now = app.ticker.now
        self._cells: dict[int, tuple[str, str]] = {}
        self._zone = app.zone

    def countdown(self, row: Any) -> tuple[str, str]:
        raise NotImplementedError

    def countdown_tip(self, row: Any, state: str, text: str) -> str:
        raise NotImplementedError

    def forget(self, i: int | None) -> None:
        if i is None:
            self._cells.clear()
        else:
            self._cells.pop(i, None)

    def set_zone(self) -> None:
        self._zone = self._app.zone
        self.refresh_columns(*self.zone_columns)

    def advance_clock(self, now: datetime) -> None:
        self._now = now
        self._cells.clear()

    def time_left_changed(self, first: int, last: int) -> None:
        """Repaint only these rows' time-left cells (the visible ones), one cell at a time: for a
        range, QTableView updates a rectangle one pixel wider than the column, which repaints every
        cell of the next column too (issue 16: the tick cost twice a bare table's)."""
        last = min(last, len(self._rows) - 1)
        col = self.time_left_column
        for i in range(max(first, 0), last + 1):
            cell = self.index(i, col)
            self.dataChanged.emit(cell, cell, TIME_ROLES)

    def sort_column(self) -> int:
        return self.sort_columns.get(self._filter.sort, self.time_left_column)

    def state_of(self, row: int) -> str:
        return self._cell(row)[0]

    def _cell(self, i: int) -> tuple[str, str]:
        cell = self._cells.get(i)
        if cell is None:
            cell = self._cells[i] = self.countdown(self._rows[i])
        return cell

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        i = index.row()
        if i < 0 or i >= len(self._rows):
            return None
        col = index.column()
        if col != self.time_left_column:
            return self.cell(i, self._rows[i], col, role)
        return self._time_left(i, role)

    def multiData(self, index: Index, roles: Any) -> None:  # noqa: N802 - Qt's name
        """What :meth:`data` answers, every role a painted cell needs in one call (the delegate asks
        for seven) instead of one call from Qt into Python for each: the tick and scrolling paint less."""
        i = index.row()
        if i < 0 or i >= len(self._rows):
            return
        col = index.column()
        if col == self.time_left_column:
            for slot in roles:
                slot.setData(self._time_left(i, slot.role()))
            return
        row = self._rows[i]
        for slot in roles:
            slot.setData(self.cell(i, row, col, slot.role()))

    def _time_left(self, i: int, role: int) -> Any:
        if role in (DISPLAY, ACCESSIBLE):
            return self._cell(i)[1]
        if role == DECORATION:
            return style.state_icon(self._cell(i)[0])
        if role in (FOREGROUND, BACKGROUND):
            colours = style.state_colours(self._cell(i)[0])
            colour = colours.foreground if role == FOREGROUND else colours.background
            return colour if colour.isValid() else None
        if role == TOOLTIP:
            state, text = self._cell(i)
            return self.countdown_tip(self._rows[i], state, text)
        if role == STATE_ROLE:
            return self._cell(i)[0]
        if role == ROW_ROLE:
            return self.wrap(self._rows[i])
        return None


class FirstPaint(QObject):
    """Emits ``painted`` once, when the table's rows are first painted (not its empty frame)."""

    painted = Signal()

    def __init__(self, table: QAbstractItemView) -> None:
        super().__init__(table)
        self.table = table
        self.done = False
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and not self.done:
            model = self.table.model()
            if model is not None and model.rowCount() > 0:
                self.done = True
                self.table.viewport().removeEventFilter(self)
                self.painted.emit()
        return False
