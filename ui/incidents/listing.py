"""The incident list: which incidents (list, drills, status, risk, search) over the shared paged list.

Declarations over ``ui.framework.listing``, like the request queue: every filter and sort becomes a
new ``IncidentFilter`` that SQL answers, and on each tick of the shared timer only the visible
rows' time-left cells are repainted.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QPushButton,
    QTableView,
    QWidget,
)

from console.incidents.queries import IncidentFilter
from console.incidents.read_models import IncidentRow
from console.security.roles import Perm
from ui import style, words
from ui.context import AppContext
from ui.framework.listing import FilterBox, PagedListView, SearchBox
from ui.incidents import words as iw
from ui.incidents.model import BADGE_ROLE, Col, IncidentModel
from ui.incidents.widgets import DrillDelegate
from ui.widgets.compact import CompactRow

WIDTHS = {Col.REFERENCE: 150, Col.STATUS: 96, Col.RISK: 96, Col.AWARE: 128, Col.DUE: 128, Col.TIME_LEFT: 170}


class IncidentFilters(QWidget):
    """Search and the filters; ``changed`` fires with nothing loaded yet."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.search = SearchBox(self.tr("Search reference or title"), self.changed)
        self.queue = FilterBox(6)
        for code in iw.QUEUES:
            self.queue.addItem(iw.queue(code), code)
        self.drills = FilterBox(6)
        for code in iw.DRILLS:
            self.drills.addItem(iw.drills(code), code)
        self.status = FilterBox(6)
        self.status.addItem(self.tr("Any status"), None)
        for code in iw.STATUSES:
            self.status.addItem(iw.status(code), code)
        self.risk = FilterBox(6)
        self.risk.addItem(self.tr("Any risk"), None)
        for code in iw.RISKS:
            self.risk.addItem(iw.risk(code), code)
        self.risk.addItem(iw.risk(None), "-")
        self.queue.setToolTip(self.tr("Which incidents"))
        self.drills.setToolTip(self.tr("Response drills run on the same clocks; show them, hide them, or only them"))
        for combo in (self.queue, self.drills, self.status, self.risk):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        row.addWidget(self.search, 3)
        for combo in (self.queue, self.drills, self.status, self.risk):
            row.addWidget(combo)
        self.search.returnPressed.connect(self.flush)

    def apply(self, f: IncidentFilter) -> IncidentFilter:
        return replace(f, queue=str(self.queue.currentData()), drills=str(self.drills.currentData()),
                       status=self.status.currentData(), risk=self.risk.currentData(), search=self.search.text().strip())

    def flush(self) -> None:
        """Apply a pending search now (Enter in the box, tests)."""
        self.search.flush()


class IncidentList(PagedListView):
    """Filters, the table, and the buttons that start an incident or a drill."""

    new_requested = Signal()
    drill_requested = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        self._keep = ""
        self._want = ""
        self.filters = IncidentFilters()
        super().__init__(app, IncidentModel(app), "incidents", Col.TITLE, parent)
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
        self.page_layout(top_row, self.banner)
        self.filters.changed.connect(self._filters_changed)

    # --- declarations ----------------------------------------------------------------------

    def configure_table(self, t: QTableView) -> None:
        t.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setItemDelegateForColumn(Col.TITLE, DrillDelegate(BADGE_ROLE, t))
        fm = t.fontMetrics()
        hh = t.horizontalHeader()
        for col, width in WIDTHS.items():
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            hh.resizeSection(col, max(width, fm.horizontalAdvance(title) + 34))
        hh.sortIndicatorChanged.connect(self._sort_changed)

    def empty_text(self, searching: bool) -> str:
        return self.tr("No incident matches the search and filters.") if searching else self.tr("No incidents in this list.")

    def searching(self) -> bool:
        f = self.model.filter
        return bool(f.search or f.status or f.risk)

    def count_text(self, total: int) -> str:
        return words.howmany(total, self.tr("{0} incident"), self.tr("{0} incidents"))

    def failed_text(self, exc: BaseException) -> str:
        return self.tr("The incidents could not be loaded: {0}").format(exc)

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

    def select_reference(self, reference: str) -> bool:
        row = self.model.row_of(reference)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def most_urgent(self) -> int:
        """The first row whose authority clock still runs (the list is sorted by due time), else 0."""
        for i in range(self.model.rowCount()):
            row = self.model.row_at(i)
            if row is not None and not row.clock_stopped:
                return i
        return 0

    # --- slots -----------------------------------------------------------------------------

    @Slot()
    def _filters_changed(self) -> None:
        self.model.set_filter(self.filters.apply(self.model.filter))

    def _sort_changed(self, column: int, _order: Qt.SortOrder) -> None:
        if column == Col.RISK:  # SQL does not sort by risk: put the indicator back where the sort is
            self.show_sort()

    def page_arrived(self, loaded: int) -> None:
        super().page_arrived(loaded)
        if not self.table.currentIndex().isValid() and loaded:
            self.select_row(self.most_urgent(), to_top=True)  # the most urgent incident, and those after it
        elif not loaded:
            self.current_changed.emit(None)  # an empty list: the pane beside it must not keep the last one

    def remember(self) -> None:
        row = self.current_row()
        self._keep = row.reference if row else ""

    def restore(self) -> None:
        want, self._want = self._want or self._keep, ""
        if not (want and self.select_reference(want)) and self.model.rowCount():
            self.select_row(self.most_urgent())
