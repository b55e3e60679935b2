"""The incident list: which incidents (list, drills, status, risk, search) over the paged table.

Like the request queue: every filter and sort becomes a new ``IncidentFilter`` that SQL answers,
and on each tick of the shared timer only the visible rows' time-left cells are repainted.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.errors import ConsoleError
from console.incidents.queries import IncidentFilter
from console.incidents.views import IncidentRow
from console.security.roles import Perm
from ui import style, words
from ui.context import AppContext
from ui.errors import show_error
from ui.incidents import words as iw
from ui.incidents.model import BADGE_ROLE, SORT_COLUMNS, Col, IncidentModel
from ui.incidents.widgets import DrillDelegate
from ui.widgets.compact import CompactRow

SEARCH_DELAY_MS = 250
WIDTHS = {Col.REFERENCE: 150, Col.STATUS: 96, Col.RISK: 96, Col.AWARE: 128, Col.DUE: 128, Col.TIME_LEFT: 170}


class IncidentFilters(QWidget):
    """Search and the filters; ``changed`` fires with nothing loaded yet."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search reference or title"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(style.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(110)
        self.queue = QComboBox()
        for code in iw.QUEUES:
            self.queue.addItem(iw.queue(code), code)
        self.drills = QComboBox()
        for code in iw.DRILLS:
            self.drills.addItem(iw.drills(code), code)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        for code in iw.STATUSES:
            self.status.addItem(iw.status(code), code)
        self.risk = QComboBox()
        self.risk.addItem(self.tr("Any risk"), None)
        for code in iw.RISKS:
            self.risk.addItem(iw.risk(code), code)
        self.risk.addItem(iw.risk(None), "-")
        self.queue.setToolTip(self.tr("Which incidents"))
        self.drills.setToolTip(self.tr("Response drills run on the same clocks; show them, hide them, or only them"))
        for combo in (self.queue, self.drills, self.status, self.risk):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)  # fits 1024 pixels; the full words are in the open list
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row.addWidget(self.search, 3)
        for combo in (self.queue, self.drills, self.status, self.risk):
            row.addWidget(combo)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _t: self._delay.start())
        self.search.returnPressed.connect(self.flush)

    def apply(self, f: IncidentFilter) -> IncidentFilter:
        return replace(f, queue=str(self.queue.currentData()), drills=str(self.drills.currentData()),
                       status=self.status.currentData(), risk=self.risk.currentData(), search=self.search.text().strip())

    def flush(self) -> None:
        """Apply a pending search now (Enter in the box, tests)."""
        if self._delay.isActive():
            self._delay.stop()
            self.changed.emit()


class IncidentList(QWidget):
    """Filters, the table, and the buttons that start an incident or a drill."""

    current_changed = Signal(object)  # the IncidentRow under the cursor, or None
    new_requested = Signal()
    drill_requested = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._keep = ""
        self._want = ""
        self.model = IncidentModel(app, self)
        self.filters = IncidentFilters()
        self.new_button = QPushButton(style.icon("new", "#ffffff"), self.tr("New incident…"))
        self.new_button.setProperty("primary", True)
        self.new_button.setToolTip(self.tr("Log a breach: the 72-hour clock starts when the organisation became aware"))
        self.new_button.clicked.connect(self.new_requested)
        self.drill_button = QPushButton(style.icon("incidents"), self.tr("Start drill…"))
        self.drill_button.setToolTip(self.tr("Rehearse the response on a shipped scenario, on the real clocks"))
        self.drill_button.clicked.connect(self.drill_requested)
        if not app.ctx.actor.can(Perm.INCIDENTS):
            for button in (self.new_button, self.drill_button):
                button.setEnabled(False)
                button.setToolTip(iw.no_permission())
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.table = QTableView()
        self.table.setObjectName("incidents")
        self.empty = QLabel(self.tr("No incidents here."), self.table.viewport())
        self.empty.setObjectName("placeholder")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self._build_table()
        top_row = QWidget()
        top = QHBoxLayout(top_row)
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(6)
        top.addWidget(self.filters, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.drill_button)
        top.addWidget(self.new_button)
        # on a small screen the two buttons show their icons only, so the filters keep their room
        self.compact = CompactRow(top_row, [self.drill_button, self.new_button], beside=(self.filters, self.count_label))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 0)
        layout.setSpacing(6)
        layout.addWidget(top_row)
        layout.addWidget(self.banner)
        layout.addWidget(self.table, 1)
        self.filters.changed.connect(self._filters_changed)
        self.model.page_arrived.connect(self._page_arrived)
        self.model.total_known.connect(lambda _n: self._update_count())
        self.model.loading_changed.connect(lambda _b: self._update_count())
        self.model.load_failed.connect(self._load_failed)
        self.model.about_to_replace.connect(self._remember)
        self.model.replaced.connect(self._restore)
        self.model.modelReset.connect(self._update_empty)
        app.ticker.tick.connect(self._tick)
        app.events.zone_changed.connect(self.model.set_zone)

    def _build_table(self) -> None:
        t = self.table
        t.setModel(self.model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setAlternatingRowColors(True)
        t.setShowGrid(False)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        t.setItemDelegateForColumn(Col.TITLE, DrillDelegate(BADGE_ROLE, t))
        vh = t.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(max(26, t.fontMetrics().height() + 10))
        hh = t.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(Col.TITLE, QHeaderView.ResizeMode.Stretch)
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        fm = t.fontMetrics()
        for col, width in WIDTHS.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            hh.resizeSection(col, max(width, fm.horizontalAdvance(title) + 34))
        hh.setSortIndicator(Col.TIME_LEFT, Qt.SortOrder.AscendingOrder)
        hh.sortIndicatorChanged.connect(self._sort_changed)
        t.setSortingEnabled(True)
        t.selectionModel().currentRowChanged.connect(self._current_row_changed)

    # --- public ----------------------------------------------------------------------------

    def load(self) -> None:
        self.model.set_filter(self.filters.apply(self.model.filter))

    def refresh(self, select: str = "") -> None:
        """Reload what is loaded; ``select`` is the reference to put the cursor on afterwards."""
        self._want = select
        self.banner.hide()
        self.model.refresh()

    def current_row(self) -> IncidentRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def select_row(self, row: int, *, to_top: bool = False) -> None:
        index = self.model.index(row, 0)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            hint = QAbstractItemView.ScrollHint.PositionAtTop if to_top else QAbstractItemView.ScrollHint.EnsureVisible
            self.table.scrollTo(index, hint)

    def select_reference(self, reference: str) -> bool:
        row = self.model.row_of(reference)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def visible_rows(self) -> tuple[int, int]:
        n = self.model.rowCount()
        first = self.table.rowAt(0) if n else -1
        if first < 0:
            return -1, -1
        last = self.table.rowAt(self.table.viewport().height() - 1)
        return first, (n - 1 if last < 0 else last)

    def most_urgent(self) -> int:
        """The first row whose authority clock still runs (the list is sorted by due time), else 0."""
        for i in range(self.model.rowCount()):
            row = self.model.row_at(i)
            if row is not None and not row.clock_stopped:
                return i
        return 0

    # --- slots -----------------------------------------------------------------------------

    @Slot()
    def _tick(self) -> None:
        self.model.advance_clock(self._app.ticker.now)
        first, last = self.visible_rows()
        if first >= 0:
            self.model.time_left_changed(first, last)

    @Slot()
    def _filters_changed(self) -> None:
        self.model.set_filter(self.filters.apply(self.model.filter))

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        if column == Col.RISK:  # SQL does not sort by risk: put the indicator back where the sort is
            hh = self.table.horizontalHeader()
            hh.blockSignals(True)
            hh.setSortIndicator(SORT_COLUMNS.get(self.model.filter.sort, Col.TIME_LEFT),
                                Qt.SortOrder.DescendingOrder if self.model.filter.descending else Qt.SortOrder.AscendingOrder)
            hh.blockSignals(False)

    def _page_arrived(self, loaded: int) -> None:
        self._update_empty()
        self._update_count()
        if not self.table.currentIndex().isValid() and loaded:
            self.select_row(self.most_urgent(), to_top=True)  # the most urgent incident, and those after it
        elif not loaded:
            self.current_changed.emit(None)  # an empty list: the pane beside it must not keep the last one

    def _update_empty(self) -> None:
        show = self.model.rowCount() == 0 and self.model.exhausted and not self.banner.isVisible()
        if show:
            f = self.model.filter
            searching = bool(f.search or f.status or f.risk)
            self.empty.setText(self.tr("No incident matches the search and filters.") if searching
                               else self.tr("No incidents in this list."))
            self.empty.resize(self.table.viewport().size())
        self.empty.setVisible(show)

    def _update_count(self) -> None:
        loaded, total = self.model.rowCount(), self.model.total
        if total is None:
            text = self.tr("Loading…") if self.model.loading else self.tr("{0} shown").format(f"{loaded:,}")
        elif loaded >= total:
            text = words.howmany(total, self.tr("{0} incident"), self.tr("{0} incidents"))
        else:
            text = self.tr("{0} of {1} shown").format(f"{loaded:,}", f"{total:,}")
        self.count_label.setText(text)

    def _load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ConsoleError):
            show_error(self, exc)
        self.banner.setText(self.tr("The incidents could not be loaded: {0}").format(exc))
        self.banner.show()
        self._update_empty()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.current_changed.emit(self.model.row_at(current.row()))

    def _remember(self) -> None:
        row = self.current_row()
        self._keep = row.reference if row else ""

    def _restore(self) -> None:
        want, self._want = self._want or self._keep, ""
        if not (want and self.select_reference(want)) and self.model.rowCount():
            self.select_row(self.most_urgent())
