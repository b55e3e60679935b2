"""The queue page: search and filters over the paged table, multi-select, context menu.

Filters, search and sort become a new ``QueueFilter`` that SQL answers; nothing is filtered or
sorted among loaded rows. Columns are sized from a sample of texts, never from the whole model.
On each tick of the shared timer only the visible rows' time-left cells are repainted.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QWidget,
)

from console import deadlines
from console.requests.queries import QueueFilter, QueueRow
from ui import style, words
from ui.context import AppContext
from ui.framework.listing import FilterBox, PagedListView, SearchBox
from ui.queue.columns import QueueColumns
from ui.queue.model import Col, QueueModel

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
        self.search = SearchBox(self.tr("Search reference, name or email  (Ctrl+F)"), self.changed, min_width=150)
        self.search.setObjectName("search")
        self.right = FilterBox(7)
        self.right.addItem(self.tr("All rights"), None)
        for r in app.ctx.catalogue.rights:
            self.right.addItem(words.catalogue(r.title), r.id)
        self.status = FilterBox(7)
        self.status.addItem(self.tr("Any status"), None)
        for code in words.STATUSES:
            self.status.addItem(words.status(code), code)
        self.assignee = FilterBox(7)
        self.assignee.setEditable(True)
        self.assignee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.assignee.addItem(self.tr("Anyone"), None)
        self.assignee.addItem(self.tr("Unassigned"), "-")
        self.assignee.addItem(app.ctx.actor.username, app.ctx.actor.username)
        self.assignee.setMinimumWidth(130)
        self.deadline = FilterBox(7)
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
        for widget in (self.search, self.everywhere, self.right, self.status, self.assignee, self.deadline, self.clear):
            row.addWidget(widget)
        row.setStretchFactor(self.search, 3)
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
        self.search.flush()

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
        self.search.delay.stop()

    @Slot()
    def reset(self) -> None:
        blockers = [w.blockSignals(True) for w in (self.search, self.right, self.status, self.assignee, self.deadline)]
        self.search.clear()
        for combo in (self.right, self.status, self.assignee, self.deadline):
            combo.setCurrentIndex(0)
        for w, was in zip((self.search, self.right, self.status, self.assignee, self.deadline), blockers, strict=True):
            w.blockSignals(was)
        self.search.delay.stop()
        self.changed.emit()


class QueueView(PagedListView):
    """Table, filter bar, and the actions that work on the selected rows."""

    selection_changed = Signal(int)  # how many rows are selected
    activated = Signal(object)  # Enter or double-click on a row
    assign_requested = Signal()
    status_requested = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        self._sized = False
        self._keep: list[int] = []
        self._keep_current = -1
        self._reveal = -1  # a request to select once it shows up (a new one, just registered)
        self._refiltered = False  # the rows changed because the person chose other filters
        self._pick_first = True  # the next page is a new list (start, other queue or filters), not a refresh
        self._queue = "open"  # the queue chosen in the navigation (a search may look beyond it)
        self.filters = FilterBar(app)
        super().__init__(app, QueueModel(app), "queue", Col.SUBJECT, parent)
        self.retry = QPushButton(self.tr("Try again"))
        self.retry.hide()
        self.retry.clicked.connect(self.refresh)
        self.columns = QueueColumns(self.table, app.prefs, app.ctx.actor.username)
        bar = QHBoxLayout()
        bar.addWidget(self.banner, 1)
        bar.addWidget(self.retry)
        self.page_layout(self.filters, bar)  # the count shows in the status bar
        self.filters.changed.connect(self._filters_changed)
        self.filters.search.returnPressed.connect(self.filters.flush)
        escape = QAction(self.filters.search)
        escape.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        escape.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        escape.triggered.connect(self._escape_search)
        self.filters.search.addAction(escape)

    def configure_table(self, t: QTableView) -> None:
        t.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        t.setTabKeyNavigation(False)  # Tab leaves the table; the arrows move between rows
        t.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        t.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        t.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        t.customContextMenuRequested.connect(self._context_menu)
        t.doubleClicked.connect(lambda index: self._activate(index))
        t.horizontalHeader().setSectionsMovable(True)
        self._size_columns([])
        t.selectionModel().selectionChanged.connect(lambda *_: self.selection_changed.emit(len(self.selected_rows())))
        open_action = QAction(self)
        open_action.setShortcuts([QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)])
        open_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        open_action.triggered.connect(lambda: self._activate(t.currentIndex()))
        t.addAction(open_action)

    def empty_text(self, searching: bool) -> str:
        return (self.tr("No request matches the search and filters.") if searching
                else self.tr("No requests in this queue."))

    def searching(self) -> bool:
        f = self.model.filter
        return bool(f.search or f.right or f.status or f.assignee or f.deadline)

    def count_text(self, total: int) -> str:
        return words.howmany(total, self.tr("{0} request"), self.tr("{0} requests"))

    def failed_text(self, exc: BaseException) -> str:
        return self.tr("The queue could not be loaded: {0}").format(exc)

    # --- public ----------------------------------------------------------------------------

    def apply_saved(self, f: QueueFilter, hidden: set[Col]) -> None:
        """A saved view: its filters, sort and columns, loaded once."""
        self.filters.show_filter(f)
        self.columns.set_hidden(hidden)
        self._refiltered = self._pick_first = True
        self._queue = f.queue
        self.model.set_filter(self.filters.apply(replace(self.model.filter, queue=f.queue, sort=f.sort,
                                                         descending=f.descending)))
        self.show_sort()

    def show_queue(self, queue: str) -> None:
        self._refiltered = self._pick_first = True
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
    def _filters_changed(self) -> None:
        self._refiltered = self._pick_first = True
        self.model.set_filter(self.filters.apply(replace(self.model.filter, queue=self._queue)))

    def page_arrived(self, loaded: int) -> None:
        refiltered, self._refiltered = self._refiltered, False
        if refiltered and not loaded:
            self.current_changed.emit(None)  # other filters emptied the list: the pane must not keep the last one
        if not self._sized and loaded:
            self._size_columns([self.model.row_at(i) for i in range(min(loaded, SAMPLE_ROWS))])
        super().page_arrived(loaded)
        if self._pick_first and loaded and self.isVisible():
            self._pick_first = False
            if not self.table.currentIndex().isValid():
                self.select_row(0)  # the most urgent request is on show from the start
        # A refresh that takes the request on show out of the list (completed, so no longer overdue)
        # leaves the workspace on it: the person sees what they just did, not the next request.

    def load_failed(self, exc: BaseException) -> None:
        super().load_failed(exc)
        self.retry.show()

    def _activate(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is not None:
            self.activated.emit(row)

    def remember(self) -> None:
        self._keep = [r.id for r in self.selected_rows()]
        current = self.current_row()
        self._keep_current = current.id if current else -1

    def restore(self) -> None:
        sel = self.table.selectionModel()
        revealed = self.model.row_of(self._reveal) if self._reveal >= 0 else -1
        self._reveal = -1
        if revealed >= 0:
            self.select_row(revealed)
            self.update_empty()
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
        self.update_empty()

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
