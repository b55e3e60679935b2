"""The incident list as a Qt table model that pages from ``queries.list_incidents`` in the background.

The same shape as the request queue's model: keyset pages fetched in the read pool, filter and
sort answered by SQL, and the time-left cell worked out once per tick of the shared timer.
"""

from __future__ import annotations

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

from console.incidents import queries
from console.incidents.queries import IncidentFilter, IncidentPage
from console.incidents.views import IncidentRow, IncidentView
from ui import style, words
from ui.context import AppContext
from ui.incidents import words as iw

_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_DECORATION = int(Qt.ItemDataRole.DecorationRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_FOREGROUND = int(Qt.ItemDataRole.ForegroundRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)
ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the IncidentRow
STATE_ROLE = int(Qt.ItemDataRole.UserRole) + 2  # the clock's deadline state code
BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # "DRILL" for drills, else None
_TIME_ROLES = [_DISPLAY, _DECORATION, _TOOLTIP, _FOREGROUND, _BACKGROUND, _ACCESSIBLE, STATE_ROLE]
Index = QModelIndex | QPersistentModelIndex
PAGE = 200
REFRESH_MAX = 2_000


class Col(IntEnum):
    REFERENCE = 0
    TITLE = 1
    STATUS = 2
    RISK = 3
    AWARE = 4
    DUE = 5
    TIME_LEFT = 6


SORT_KEYS = {Col.REFERENCE: "reference", Col.TITLE: "title", Col.STATUS: "status", Col.AWARE: "became_aware_at",
             Col.DUE: "authority_due_at", Col.TIME_LEFT: "authority_due_at"}  # SQL has no risk order
SORT_COLUMNS = {"reference": Col.REFERENCE, "title": Col.TITLE, "status": Col.STATUS,
                "became_aware_at": Col.AWARE, "authority_due_at": Col.TIME_LEFT}


def fetch(ctx: Any, f: IncidentFilter, cursor: tuple[Any, int] | None, limit: int) -> IncidentPage:
    """In the worker: one page of incidents."""
    return queries.list_incidents(ctx, f, cursor, limit)


class IncidentModel(QAbstractTableModel):
    loading_changed = Signal(bool)
    page_arrived = Signal(int)
    total_known = Signal(int)
    load_failed = Signal(object)
    about_to_replace = Signal()
    replaced = Signal()

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._rows: list[IncidentRow] = []
        self._filter = IncidentFilter(queue="open", drills="include")
        self._cursor: tuple[Any, int] | None = None
        self._more = False
        self._loading = False
        self._generation = 0
        self.total: int | None = None
        self._now = app.ticker.now
        self._cells: dict[int, tuple[str, str]] = {}
        self._zone = app.zone
        self._headers = [self.tr("Reference"), self.tr("Title"), self.tr("Status"), self.tr("Risk"),
                         self.tr("Became aware"), self.tr("Authority due"), self.tr("Time left (72 h)")]

    # --- what is shown ---------------------------------------------------------------------

    @property
    def filter(self) -> IncidentFilter:
        return self._filter

    @property
    def loading(self) -> bool:
        return self._loading

    @property
    def exhausted(self) -> bool:
        return not self._more and not self._loading

    def set_filter(self, f: IncidentFilter) -> None:
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
        self._set_loading(True)
        self._app.tasks.read(fetch, self._app.ctx, self._filter, None, min(max(PAGE, len(self._rows)), REFRESH_MAX),
                             on_done=lambda page: self._replace(generation, page),
                             on_error=lambda exc: self._failed(generation, exc), owner=self)
        self._count()

    def patch(self, view: IncidentView) -> None:
        """An incident changed here: update its row in place until the next refresh regroups."""
        for i, row in enumerate(self._rows):
            if row.id == view.id:
                self._rows[i] = replace(
                    row, title=view.title, status=view.status, risk=view.risk, became_aware_at=view.became_aware_at,
                    authority_due_at=view.authority_due_at, authority_notified_at=view.authority_notified_at,
                    authority_decision=view.authority_decision, people_count=view.people_count,
                    version=view.version, clock_stopped=view.clock_stopped, clock=view.clock)
                self._cells.pop(i, None)
                self.dataChanged.emit(self.index(i, 0), self.index(i, len(Col) - 1))
                return

    def set_zone(self) -> None:
        self._zone = self._app.zone
        if self._rows:
            self.dataChanged.emit(self.index(0, Col.AWARE), self.index(len(self._rows) - 1, Col.DUE))

    def row_at(self, row: int) -> IncidentRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, reference: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.reference == reference), -1)

    # --- the shared timer ------------------------------------------------------------------

    def advance_clock(self, now: datetime) -> None:
        self._now = now
        self._cells.clear()

    def time_left_changed(self, first: int, last: int) -> None:
        last = min(last, len(self._rows) - 1)
        if first >= 0 and last >= first:
            self.dataChanged.emit(self.index(first, Col.TIME_LEFT), self.index(last, Col.TIME_LEFT), _TIME_ROLES)

    def state_of(self, row: int) -> str:
        return self._cell(row)[0]

    def _cell(self, i: int) -> tuple[str, str]:
        cell = self._cells.get(i)
        if cell is None:
            r = self._rows[i]
            state = r.state_at(self._now, self._app.ctx.catalogue).value
            cell = (state, iw.countdown(state, r.time_left(self._now), r.clock))
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
        key = SORT_KEYS.get(Col(column))
        if key is None:
            return
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
        if role == ROW_ROLE:
            return row
        if role == BADGE_ROLE:
            return iw.drill_badge() if row.is_drill and col == Col.TITLE else None
        if role == _ACCESSIBLE and col == Col.TITLE and row.is_drill:
            return f"{iw.drill_badge()}: {row.title}"
        if role == _TOOLTIP:
            return self._tooltip(row, col)
        if role == _FOREGROUND and col == Col.RISK and row.risk is None:
            return style.state_colours("closed").foreground
        return None

    def _time_left_data(self, i: int, role: int) -> Any:
        if role in (_DISPLAY, _ACCESSIBLE):
            return self._cell(i)[1]
        if role == _DECORATION:
            return style.state_icon(self._cell(i)[0])
        if role in (_FOREGROUND, _BACKGROUND):
            colours = style.state_colours(self._cell(i)[0])
            colour = colours.foreground if role == _FOREGROUND else colours.background
            return colour if colour.isValid() else None
        if role == _TOOLTIP:
            state, text = self._cell(i)
            row = self._rows[i]
            if state == "closed":
                return self.tr("Authority clock stopped: {0}").format(iw.clock(row.clock))
            return self.tr("{state}: {left}\nReport to the authority due {due} (72 hours after awareness)").format(
                state=words.deadline_state(state), left=text, due=words.local_time(row.authority_due_at, self._zone))
        if role == STATE_ROLE:
            return self._cell(i)[0]
        if role == ROW_ROLE:
            return self._rows[i]
        return None

    def _text(self, row: IncidentRow, col: int) -> str:
        if col == Col.REFERENCE:
            return row.reference
        if col == Col.TITLE:
            return row.title
        if col == Col.STATUS:
            return iw.status(row.status)
        if col == Col.RISK:
            return iw.risk(row.risk)
        if col == Col.AWARE:
            return words.local_time(row.became_aware_at, self._zone)
        if col == Col.DUE:
            return words.local_time(row.authority_due_at, self._zone)
        return ""

    def _tooltip(self, row: IncidentRow, col: int) -> str | None:
        if col == Col.TITLE:
            if row.is_drill:
                return self.tr("{0}\nA response drill: an exercise on the real clocks, never counted in real "
                               "figures or the register.").format(row.title)
            return row.title
        if col == Col.DUE:
            return iw.clock(row.clock)
        return None

    # --- background loading ----------------------------------------------------------------

    def _set_loading(self, value: bool) -> None:
        if value != self._loading:
            self._loading = value
            self.loading_changed.emit(value)

    def _fetch(self, limit: int) -> None:
        generation = self._generation
        self._set_loading(True)
        self._app.tasks.read(fetch, self._app.ctx, self._filter, self._cursor, limit,
                             on_done=lambda page: self._arrived(generation, page),
                             on_error=lambda exc: self._failed(generation, exc), owner=self)

    def _count(self) -> None:
        generation = self._generation
        self._app.tasks.read(queries.count_incidents, self._app.ctx, self._filter,
                             on_done=lambda n: self._counted(generation, n), on_error=lambda exc: None, owner=self)

    def _counted(self, generation: int, n: int) -> None:
        if generation == self._generation:
            self.total = n
            self.total_known.emit(n)

    def _arrived(self, generation: int, page: IncidentPage) -> None:
        if generation != self._generation:
            return
        if page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()
        self._cursor = page.cursor
        self._more = page.cursor is not None
        self._set_loading(False)
        self.page_arrived.emit(len(self._rows))

    def _replace(self, generation: int, page: IncidentPage) -> None:
        if generation != self._generation:
            return
        self.about_to_replace.emit()
        self.beginResetModel()
        self._rows = list(page.rows)
        self._cells.clear()
        self._cursor = page.cursor
        self._more = page.cursor is not None
        self.endResetModel()
        self._set_loading(False)
        self.replaced.emit()
        self.page_arrived.emit(len(self._rows))

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation != self._generation:
            return
        self._more = False
        self._set_loading(False)
        self.load_failed.emit(exc)
