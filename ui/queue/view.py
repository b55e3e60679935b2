"""The queue page: search and filters over the paged table, multi-select, context menu.

Filters, search and sort become a new ``QueueFilter`` that SQL answers; nothing is filtered or
sorted among loaded rows. Columns are sized from a sample of texts, never from the whole model.
On each tick of the shared timer only the visible rows' time-left cells are repainted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console import deadlines
from console.requests.queries import QueueFilter, QueueRow
from ui import style, words
from ui.context import AppContext
from ui.errors import show_error
from ui.queue.columns import QueueColumns
from ui.queue.model import SORT_COLUMNS, Col, QueueModel

SEARCH_DELAY_MS = 250
SAMPLE_ROWS = 60


class FilterBar(QWidget):
    """Search box and the four filters; ``changed`` fires with nothing loaded yet."""

    changed = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search reference, name or email  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(style.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(150)
        self.right = QComboBox()
        self.right.addItem(self.tr("All rights"), None)
        for r in app.ctx.catalogue.rights:
            self.right.addItem(words.catalogue(r.title), r.id)
        self.status = QComboBox()
        self.status.addItem(self.tr("Any status"), None)
        for code in words.STATUSES:
            self.status.addItem(words.status(code), code)
        self.assignee = QComboBox()
        self.assignee.setEditable(True)
        self.assignee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.assignee.addItem(self.tr("Anyone"), None)
        self.assignee.addItem(self.tr("Unassigned"), "-")
        self.assignee.addItem(app.ctx.actor.username, app.ctx.actor.username)
        self.assignee.setMinimumWidth(130)
        self.deadline = QComboBox()
        self.deadline.addItem(self.tr("Any deadline"), None)
        for code in (s.value for s in deadlines.URGENCY):
            self.deadline.addItem(style.state_icon(code), words.deadline_state(code), code)
        self.everywhere = QCheckBox(self.tr("All requests"))
        self.everywhere.setToolTip(self.tr("Search every request, open and closed, not only the queue on show"))
        self.everywhere.setChecked(True)
        self.everywhere.toggled.connect(lambda _on: self.changed.emit() if self.search.text().strip() else None)
        self.clear = QToolButton()
        self.clear.setText(self.tr("Clear"))
        self.clear.setToolTip(self.tr("Clear the search and every filter"))
        self.clear.setAutoRaise(True)
        self.clear.clicked.connect(self.reset)
        for combo in (self.right, self.status, self.assignee, self.deadline):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(7)
        for widget in (self.search, self.everywhere, self.right, self.status, self.assignee, self.deadline, self.clear):
            row.addWidget(widget)
        row.setStretchFactor(self.search, 3)
        self._delay = QTimer(self)
        self._delay.setSingleShot(True)
        self._delay.setInterval(SEARCH_DELAY_MS)
        self._delay.timeout.connect(self.changed)
        self.search.textChanged.connect(lambda _text: self._delay.start())
        for combo in (self.right, self.status, self.deadline):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.assignee.activated.connect(lambda _i: self.changed.emit())
        if self.assignee.lineEdit() is not None:
            self.assignee.lineEdit().editingFinished.connect(self.changed)

    def apply(self, f: QueueFilter) -> QueueFilter:
        assignee = self.assignee.currentData() if self.assignee.currentText() == self.assignee.itemText(
            self.assignee.currentIndex()) else None
        typed = self.assignee.currentText().strip()
        if assignee is None and typed and typed != self.assignee.itemText(0):
            assignee = typed
        search = self.search.text().strip()
        queue = "all" if search and self.everywhere.isChecked() else f.queue  # a search looks everywhere
        return replace(f, queue=queue, search=search, right=self.right.currentData(),
                       status=self.status.currentData(), assignee=assignee, deadline=self.deadline.currentData())

    def flush(self) -> None:
        """Apply a pending search now (Enter in the box, tests)."""
        if self._delay.isActive():
            self._delay.stop()
            self.changed.emit()

    def show_filter(self, f: QueueFilter) -> None:
        """Put a saved view's search and filters in the widgets (no reload: the caller loads once)."""
        widgets = (self.search, self.right, self.status, self.assignee, self.deadline)
        blockers = [w.blockSignals(True) for w in widgets]
        self.search.setText(f.search)
        for combo, value in ((self.right, f.right), (self.status, f.status), (self.deadline, f.deadline)):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        found = self.assignee.findData(f.assignee) if f.assignee else 0
        if found >= 0:
            self.assignee.setCurrentIndex(found)
        else:
            self.assignee.setEditText(f.assignee or "")
        for w, was in zip(widgets, blockers, strict=True):
            w.blockSignals(was)
        self._delay.stop()

    @Slot()
    def reset(self) -> None:
        blockers = [w.blockSignals(True) for w in (self.search, self.right, self.status, self.assignee, self.deadline)]
        self.search.clear()
        for combo in (self.right, self.status, self.assignee, self.deadline):
            combo.setCurrentIndex(0)
        for w, was in zip((self.search, self.right, self.status, self.assignee, self.deadline), blockers, strict=True):
            w.blockSignals(was)
        self._delay.stop()
        self.changed.emit()


class QueueView(QWidget):
    """Table, filter bar, and the actions that work on the selected rows."""

    current_changed = Signal(object)  # the QueueRow under the cursor, or None
    selection_changed = Signal(int)  # how many rows are selected
    activated = Signal(object)  # Enter or double-click on a row
    assign_requested = Signal()
    status_requested = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._sized = False
        self._keep: list[int] = []
        self._keep_current = -1
        self._reveal = -1  # a request to select once it shows up (a new one, just registered)
        self._restoring = False
        self._refiltered = False  # the rows changed because the person chose other filters
        self._queue = "open"  # the queue chosen in the navigation (a search may look beyond it)
        self.model = QueueModel(app, self)
        self.filters = FilterBar(app)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.hide()
        self.retry.clicked.connect(self.refresh)
        self.table = QTableView()
        self.table.setObjectName("queue")
        self.empty = QLabel(self.tr("No requests here."), self.table.viewport())
        self.empty.setObjectName("placeholder")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self._build_table()
        self.columns = QueueColumns(self.table, app.prefs, app.ctx.actor.username)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 0)
        layout.setSpacing(6)
        layout.addWidget(self.filters)  # the count shows in the status bar
        bar = QHBoxLayout()
        bar.addWidget(self.banner, 1)
        bar.addWidget(self.retry)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self.filters.changed.connect(self._filters_changed)
        self.filters.search.returnPressed.connect(self.filters.flush)
        escape = QAction(self.filters.search)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self._escape_search)
        self.filters.search.addAction(escape)
        self.model.page_arrived.connect(self._page_arrived)
        self.model.total_known.connect(lambda _n: self._update_count())
        self.model.loading_changed.connect(lambda _b: self._update_count())
        self.model.load_failed.connect(self._load_failed)
        self.model.about_to_replace.connect(self._remember_selection)
        self.model.replaced.connect(self._restore_selection)
        self.model.modelReset.connect(self._update_empty)
        app.ticker.tick.connect(self._tick)
        app.events.zone_changed.connect(self.model.set_zone)

    def _build_table(self) -> None:
        t = self.table
        t.setModel(self.model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        t.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between rows
        t.setAlternatingRowColors(True)
        t.setShowGrid(False)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        t.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        t.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        t.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        t.customContextMenuRequested.connect(self._context_menu)
        t.doubleClicked.connect(lambda index: self._activate(index))
        vh = t.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(max(26, t.fontMetrics().height() + 10))
        hh = t.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setSectionsMovable(True)
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(Col.SUBJECT, QHeaderView.ResizeMode.Stretch)  # takes what the others leave
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        hh.setSortIndicator(SORT_COLUMNS.get(self.model.filter.sort, Col.TIME_LEFT), Qt.SortOrder.AscendingOrder)
        t.setSortingEnabled(True)
        self._size_columns([])
        sel = t.selectionModel()
        sel.currentRowChanged.connect(self._current_row_changed)
        sel.selectionChanged.connect(lambda *_: self.selection_changed.emit(len(self.selected_rows())))
        open_action = QAction(self)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(lambda: self._activate(t.currentIndex()))
        t.addAction(open_action)

    # --- public ----------------------------------------------------------------------------

    def apply_saved(self, f: QueueFilter, hidden: set[Col]) -> None:
        """A saved view: its filters, sort and columns, loaded once."""
        self.filters.show_filter(f)
        self.columns.set_hidden(hidden)
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        order = Qt.SortOrder.DescendingOrder if f.descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(SORT_COLUMNS.get(f.sort, Col.TIME_LEFT), order)
        header.blockSignals(False)
        self._refiltered = True
        self._queue = f.queue
        self.model.set_filter(self.filters.apply(replace(self.model.filter, queue=f.queue, sort=f.sort,
                                                         descending=f.descending)))

    def show_queue(self, queue: str) -> None:
        self._refiltered = True
        self._queue = queue
        self.model.set_filter(self.filters.apply(replace(self.model.filter, queue=queue)))

    @Slot()
    def refresh(self) -> None:
        self.banner.hide()
        self.retry.hide()
        self.model.refresh()

    def reveal(self, request_id: int) -> None:
        """Select this request when the next refresh brings it (if the queue and filters show it)."""
        self._reveal = request_id

    def focus_search(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def selected_rows(self) -> list[QueueRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [r for r in (self.model.row_at(i) for i in rows) if r is not None]

    def current_row(self) -> QueueRow | None:
        return self.model.row_at(self.table.currentIndex().row())

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def visible_rows(self) -> tuple[int, int]:
        """First and last row on screen (-1, -1 when none): the only ones a tick repaints."""
        n = self.model.rowCount()
        if n == 0:
            return -1, -1
        first = self.table.rowAt(0)
        if first < 0:
            return -1, -1
        last = self.table.rowAt(self.table.viewport().height() - 1)
        return first, (n - 1 if last < 0 else last)

    # --- slots -----------------------------------------------------------------------------

    @Slot()
    def _escape_search(self) -> None:
        """Escape in the search box: clear it, or with nothing typed, go back to the table."""
        if self.filters.search.text():
            self.filters.search.clear()
            self.filters.flush()
        else:
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _tick(self) -> None:
        self.model.advance_clock(self._app.ticker.now)
        first, last = self.visible_rows()
        if first >= 0:
            self.model.time_left_changed(first, last)

    @Slot()
    def _filters_changed(self) -> None:
        self._refiltered = True
        self.model.set_filter(self.filters.apply(replace(self.model.filter, queue=self._queue)))

    def _page_arrived(self, loaded: int) -> None:
        refiltered, self._refiltered = self._refiltered, False
        if refiltered and not loaded:
            self.current_changed.emit(None)  # other filters emptied the list: the pane must not keep the last one
        if not self._sized and loaded:
            self._size_columns([self.model.row_at(i) for i in range(min(loaded, SAMPLE_ROWS))])
        self._update_empty()
        self._update_count()
        if not self.table.currentIndex().isValid() and loaded and self.isVisible():
            self.select_row(0)  # the most urgent request is on show from the start

    def _update_empty(self) -> None:
        show = self.model.rowCount() == 0 and self.model.exhausted and not self.banner.isVisible()
        if show:
            searching = bool(self.model.filter.search or self.model.filter.right or self.model.filter.status
                             or self.model.filter.assignee or self.model.filter.deadline)
            self.empty.setText(self.tr("No request matches the search and filters.") if searching
                               else self.tr("No requests in this queue."))
            self.empty.resize(self.table.viewport().size())
        self.empty.setVisible(show)

    def _update_count(self) -> None:
        loaded = self.model.rowCount()
        total = self.model.total
        if total is None:
            text = self.tr("Loading…") if self.model.loading else self.tr("{0} shown").format(f"{loaded:,}")
        elif loaded >= total:
            text = words.howmany(total, self.tr("{0} request"), self.tr("{0} requests"))
        else:
            text = self.tr("{0} of {1} shown").format(f"{loaded:,}", f"{total:,}")
        self.count_label.setText(text)

    def _load_failed(self, exc: BaseException) -> None:
        from console.errors import ConsoleError

        if not isinstance(exc, ConsoleError):
            show_error(self, exc)
        self.banner.setText(self.tr("The queue could not be loaded: {0}").format(exc))
        self.banner.show()
        self.retry.show()
        self._update_empty()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:  # a refresh putting the cursor back is not a new choice
            self.current_changed.emit(self.model.row_at(current.row()))

    def _activate(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.activated.emit(row)

    def _remember_selection(self) -> None:
        self._keep = [r.id for r in self.selected_rows()]
        current = self.current_row()
        self._keep_current = current.id if current else -1

    def _restore_selection(self) -> None:
        sel = self.table.selectionModel()
        revealed = self.model.row_of(self._reveal) if self._reveal >= 0 else -1
        self._reveal = -1
        if revealed >= 0:
            self.select_row(revealed)
            self._update_empty()
            return
        flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
        self._restoring = True
        try:
            for request_id in self._keep:
                row = self.model.row_of(request_id)
                if row >= 0:
                    sel.select(self.model.index(row, 0), flags)
            current = self.model.row_of(self._keep_current)
            if current >= 0:
                sel.setCurrentIndex(self.model.index(current, 0), QItemSelectionModel.SelectionFlag.NoUpdate)
        finally:
            self._restoring = False
        self._update_empty()

    def _context_menu(self, pos: QPoint) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        menu = QMenu(self)
        if len(rows) == 1:
            menu.addAction(self.tr("Open"), lambda: self.activated.emit(rows[0]))
            menu.addAction(self.tr("Copy reference"), lambda: QGuiApplication.clipboard().setText(rows[0].reference))
            menu.addSeparator()
        else:
            menu.addAction(self.tr("Copy {0} references").format(len(rows)),
                           lambda: QGuiApplication.clipboard().setText("\n".join(r.reference for r in rows)))
            menu.addSeparator()
        menu.addAction(style.icon("assign"), self.tr("Assign…"), self.assign_requested.emit)
        menu.addAction(style.icon("advance"), self.tr("Change status…"), self.status_requested.emit)
        menu.addSeparator()
        menu.addAction(style.icon("refresh"), self.tr("Refresh"), self.refresh)
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def _size_columns(self, sample: list[QueueRow | None]) -> None:
        """Widths from the header and a few sample texts (never resizeColumnsToContents)."""
        fm = self.table.fontMetrics()
        pad = 24
        longest_status = max((words.status(s) for s in words.STATUSES), key=fm.horizontalAdvance)
        rights = [r.title for r in self._app.ctx.catalogue.rights]
        texts: dict[Col, list[str]] = {
            Col.REFERENCE: ["DSR-2026-000000"],
            Col.SUBJECT: ["Valentina Kowalczyk"],
            Col.RIGHT: [words.short_right(t) for t in sorted(rights, key=len)[len(rights) // 2: len(rights) // 2 + 1]],
            Col.STATUS: [longest_status],
            Col.RECEIVED: ["2026-12-31"],
            Col.DUE: [words.due(datetime(2027, 1, 1, tzinfo=self._app.zone), self._app.zone),
                      words.due(datetime(2026, 12, 31, 23, tzinfo=self._app.zone), self._app.zone)],
            Col.TIME_LEFT: [words.countdown("overdue", -timedelta(days=999, hours=23)),
                            words.countdown("paused", timedelta(days=99, hours=23))],
            Col.ASSIGNEE: ["alex.morgan", self.tr("Unassigned")],
        }
        for row in sample:
            if row is not None:
                texts[Col.SUBJECT].append(row.subject_name)
                texts[Col.RIGHT].append(words.short_right(self._app.right_title(row.right)))
                texts[Col.ASSIGNEE].append(row.assignee or "")
        caps = {Col.SUBJECT: 200, Col.RIGHT: 190, Col.ASSIGNEE: 130}
        header = self.table.horizontalHeader()
        for col in Col:
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal))
            width = max([fm.horizontalAdvance(title) + 30] + [fm.horizontalAdvance(t) for t in texts[col]]) + pad
            if col == Col.TIME_LEFT:
                width += self.table.iconSize().width() + 6
            header.resizeSection(col, min(width, caps.get(col, width)))
        self._sized = bool([r for r in sample if r is not None])
        if hasattr(self, "columns"):
            self.columns.fit()
