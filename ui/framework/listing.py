"""The one list view every paged list uses: the table over a :class:`~ui.framework.paged.PagedTableModel`.

It builds the table (rows selected whole, fixed row height, sort as a new SQL query), the line that
says nothing matched, the banner for a load that failed, the count ("120 of 2,400 shown"), the
search box with its typing delay, and on each tick of the shared timer repaints only the visible
rows' time-left cells. A feature declares its nouns, what counts as searching, and what happens
when a page arrives or a refresh swaps the rows.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.errors import ConsoleError
from ui import style
from ui.context import AppContext
from ui.errors import show_error
from ui.framework.paged import CountdownModel, PagedTableModel

SEARCH_DELAY_MS = 250


def _t(text: str) -> str:
    """Translated in this module's own context (``self.tr`` would look in the subclass's)."""
    return QCoreApplication.translate("PagedListView", text)


class FilterBox(QComboBox):
    """A filter's choice box, as wide as the choice it shows ("All rights" stays short and leaves the
    room to the search box; "Information about transfers" widens it), down to ``min_chars``
    characters when the window is small. The open list always shows the full words."""

    def __init__(self, min_chars: int = 7, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._min_chars = min_chars
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.currentIndexChanged.connect(lambda _i: self.updateGeometry())

    def _narrowed(self, hint: QSize, text_width: int) -> QSize:
        """``hint`` (Qt's, for the longest choice with frame, arrow and icon) for a text this wide."""
        metrics = self.fontMetrics()
        longest = max((metrics.horizontalAdvance(self.itemText(i)) for i in range(self.count())), default=0)
        return QSize(hint.width() - max(0, longest - text_width), hint.height())

    def sizeHint(self) -> QSize:
        return self._narrowed(super().sizeHint(), self.fontMetrics().horizontalAdvance(self.currentText()))

    def minimumSizeHint(self) -> QSize:
        narrow = self.fontMetrics().horizontalAdvance("x") * self._min_chars
        return self._narrowed(super().minimumSizeHint(),
                              min(narrow, self.fontMetrics().horizontalAdvance(self.currentText())))


class SearchBox(QLineEdit):
    """A search field that says ``changed`` a moment after typing stops (at once on Enter or ``flush``)."""

    def __init__(self, placeholder: str, changed: Any, parent: QWidget | None = None, min_width: int = 110) -> None:
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.setClearButtonEnabled(True)
        self.addAction(style.icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.setMinimumWidth(min_width)
        self.delay = QTimer(self)
        self.delay.setSingleShot(True)
        self.delay.setInterval(SEARCH_DELAY_MS)
        self.delay.timeout.connect(changed)
        self.textChanged.connect(lambda _text: self.delay.start())
        self._changed = changed

    def flush(self) -> None:
        """Apply a pending search now (Enter in the box, tests)."""
        if self.delay.isActive():
            self.delay.stop()
            self._changed.emit()


class PagedListView(QWidget):
    """Count, banner, table and empty line over a paged model; subclasses add filters and actions."""

    current_changed = Signal(object)  # the row under the cursor, or None

    def __init__(self, app: AppContext, model: PagedTableModel, name: str, stretch: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._restoring = False  # a refresh putting the cursor back is not a new choice
        self.model = model
        model.setParent(self)
        self.count_label = QLabel()
        self.count_label.setObjectName("muted")
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.table = QTableView()
        self.table.setObjectName(name)
        self.empty = QLabel(self.empty_text(False), self.table.viewport())
        self.empty.setObjectName("placeholder")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.hide()
        self._build_table(stretch)
        model.page_arrived.connect(self.page_arrived)
        model.total_known.connect(lambda _n: self.update_count())
        model.loading_changed.connect(lambda _b: self.update_count())
        model.load_failed.connect(self.load_failed)
        model.about_to_replace.connect(self.remember)
        model.replaced.connect(self.restore)
        model.modelReset.connect(self.update_empty)
        if isinstance(model, CountdownModel):
            app.ticker.tick.connect(self._tick)
            app.events.zone_changed.connect(model.set_zone)

    def _build_table(self, stretch: int) -> None:
        t = self.table
        t.setModel(self.model)
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setAlternatingRowColors(True)
        t.setShowGrid(False)
        t.setWordWrap(False)
        t.setTextElideMode(Qt.TextElideMode.ElideRight)
        vh = t.verticalHeader()
        vh.hide()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(max(26, t.fontMetrics().height() + 10))
        hh = t.horizontalHeader()
        hh.setHighlightSections(False)
        hh.setStretchLastSection(False)
        hh.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        hh.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)  # takes what the others leave
        hh.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.configure_table(t)
        if self.model.sort_keys:  # a header click is a new SQL order; a list SQL orders one way has none
            self.show_sort()
            t.setSortingEnabled(True)
        t.selectionModel().currentRowChanged.connect(self._current_row_changed)

    # --- declarations ----------------------------------------------------------------------

    def configure_table(self, table: QTableView) -> None:
        """The feature's own table settings (selection mode, delegates, widths, menus)."""

    def empty_text(self, searching: bool) -> str:
        raise NotImplementedError

    def searching(self) -> bool:
        """Whether a search or filter narrows the list (the empty line then says so)."""
        return False

    def count_text(self, total: int) -> str:
        """All ``total`` rows are loaded: how many, in the feature's words."""
        raise NotImplementedError

    def failed_text(self, exc: BaseException) -> str:
        raise NotImplementedError

    def page_arrived(self, loaded: int) -> None:
        self.update_empty()
        self.update_count()

    def remember(self) -> None:
        """A refresh is about to swap the rows: note what is selected."""

    def restore(self) -> None:
        """The refreshed rows are in: select again what was selected."""
        self.update_empty()

    # --- public ----------------------------------------------------------------------------

    def show_sort(self) -> None:
        """Put the header's sort indicator where the model's SQL order is (without sorting again)."""
        f = self.model.filter
        order = Qt.SortOrder.DescendingOrder if f.descending else Qt.SortOrder.AscendingOrder
        hh = self.table.horizontalHeader()
        was = hh.blockSignals(True)
        hh.setSortIndicator(self.model.sort_column(), order)
        hh.blockSignals(was)

    def current_row(self) -> Any:
        return self.model.row_at(self.table.currentIndex().row())

    def select_row(self, row: int, *, to_top: bool = False) -> None:
        index = self.model.index(row, 0)
        if index.isValid():
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            hint = QAbstractItemView.ScrollHint.PositionAtTop if to_top else QAbstractItemView.ScrollHint.EnsureVisible
            self.table.scrollTo(index, hint)

    def visible_rows(self) -> tuple[int, int]:
        """First and last row on screen (-1, -1 when none): the only ones a tick repaints."""
        n = self.model.rowCount()
        first = self.table.rowAt(0) if n else -1
        if first < 0:
            return -1, -1
        last = self.table.rowAt(self.table.viewport().height() - 1)
        return first, (n - 1 if last < 0 else last)

    # --- shared behaviour ------------------------------------------------------------------

    @Slot()
    def _tick(self) -> None:
        model = self.model
        assert isinstance(model, CountdownModel)
        model.advance_clock(self._app.ticker.now)
        first, last = self.visible_rows()
        if first >= 0:
            model.time_left_changed(first, last)

    def update_empty(self) -> None:
        show = self.model.rowCount() == 0 and self.model.exhausted and not self.banner.isVisible()
        if show:
            self.empty.setText(self.empty_text(self.searching()))
            self.empty.resize(self.table.viewport().size())
        self.empty.setVisible(show)

    def update_count(self) -> None:
        loaded, total = self.model.rowCount(), self.model.total
        if total is None:
            text = _t("Loading…") if self.model.loading else _t("{0} shown").format(f"{loaded:,}")
        elif loaded >= total:
            text = self.count_text(total)
        else:
            text = _t("{0} of {1} shown").format(f"{loaded:,}", f"{total:,}")
        self.count_label.setText(text)

    def load_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, ConsoleError):
            show_error(self, exc)
        self.banner.setText(self.failed_text(exc))
        self.banner.show()
        self.update_empty()

    def _current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._restoring:
            self.current_changed.emit(self.model.row_at(current.row()))

    def page_layout(self, *rows: QWidget | QObject) -> QVBoxLayout:
        """The page: the given rows (widgets or layouts) above the table, which takes the rest."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 0)
        layout.setSpacing(6)
        for row in rows:
            if isinstance(row, QWidget):
                layout.addWidget(row)
            else:
                layout.addLayout(row)  # type: ignore[arg-type]
        layout.addWidget(self.table, 1)
        return layout
