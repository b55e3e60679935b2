"""The queue's first page on screen before the database layer has loaded (issue 16's fast start).

On a local database file without sign-in, ``console.requests.first_page`` reads the page the
window opens on with stdlib sqlite3, from the SQL SQLAlchemy compiled at the previous start. This
window shows those rows, laid out as the main window lays out its queue (the same saved geometry,
splitters and column widths, the same texts through ``ui.queue.cells``), while SQLAlchemy, the
database and the real window load on a worker. The real window then takes its place showing the
same rows (``PagedModel.show_provisional``) until its own first page replaces them.

Nothing here imports SQLAlchemy (tests/ui/test_first_paint.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QByteArray, QObject, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QTableView,
    QWidget,
)

from ui.framework.paged import CountdownModel, FirstPaint
from ui.queue.cells import Col, QueueCells

if TYPE_CHECKING:
    from console.policy import Catalogue
    from ui.context import AppContext


@dataclass(frozen=True)
class KeptOrganisation:
    name: str
    time_zone: str

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


@dataclass(frozen=True)
class KeptCatalogue:
    """What the first page shows of the policy catalogue, as kept at the last start while the
    catalogue's files are unchanged (``first_page.display``): loading the catalogue itself costs
    a sixth of the fast start. Stands in for a Catalogue where the first page asks."""

    organisation: KeptOrganisation
    due_soon_hours: int
    titles: dict[str, str]

    @classmethod
    def of(cls, kept: dict[str, Any]) -> KeptCatalogue:
        return cls(KeptOrganisation(kept["name"], kept["time_zone"]), kept["due_soon_hours"],
                   {str(k): str(v) for k, v in kept["titles"].items()})

    @property
    def due_soon(self) -> timedelta:
        return timedelta(hours=self.due_soon_hours)

    def right_title(self, right_id: str) -> str:
        return self.titles.get(right_id, right_id)


@dataclass(frozen=True)
class EarlyContext:
    """What the first page needs of ``console.context.Context`` before it can load: the catalogue
    (or what it keeps of it) and the clock (nobody acts here: the page only shows rows)."""

    catalogue: Catalogue | KeptCatalogue

    def now(self) -> datetime:
        return datetime.now(UTC)


class ProvisionalModel(QueueCells, CountdownModel):
    """The rows read early, shown as the queue shows them; it loads nothing itself."""

    def __init__(self, app: AppContext, rows: list[Any], parent: QObject | None = None) -> None:
        super().__init__(app, None, parent)
        self._titles: dict[str, str] = {}
        self._org_zone = app.ctx.catalogue.organisation.tz
        self._rows = list(rows)

    def rows(self) -> list[Any]:
        return list(self._rows)

    def sort_column(self) -> int:
        return Col.TIME_LEFT

    def canFetchMore(self, parent: Any = None) -> bool:  # noqa: N802 - Qt's name
        return False


class ProvisionalWindow(QMainWindow):
    """The main window's outline with the queue's first page in its place. Closing it before the
    real window has taken its place ends the program."""

    def __init__(self, app: AppContext, rows: list[Any]) -> None:
        super().__init__()
        self.replaced = False  # the real window took its place (ui.app.Shell)
        catalogue = app.ctx.catalogue
        self.catalogue: Catalogue | None = None if isinstance(catalogue, KeptCatalogue) else catalogue
        self.setWindowTitle(app.ctx.catalogue.organisation.name)
        self.model = ProvisionalModel(app, rows, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        t = self.table  # as ui.framework.listing builds the queue's table
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setAlternatingRowColors(True)
        t.setShowGrid(False)
        t.setWordWrap(False)
        t.verticalHeader().hide()
        t.verticalHeader().setDefaultSectionSize(max(26, t.fontMetrics().height() + 10))
        header = t.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(Col.SUBJECT, QHeaderView.ResizeMode.Stretch)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(Col.TIME_LEFT, Qt.SortOrder.AscendingOrder)
        self.work_split = QSplitter(Qt.Orientation.Vertical)
        self.work_split.addWidget(self.table)
        self.work_split.addWidget(QWidget())
        self.work_split.setSizes([440, 420])
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.addWidget(QWidget())
        self.split.addWidget(self.work_split)
        self.split.setSizes([250, 1150])
        self.setCentralWidget(self.split)
        self.resize(1400, 900)
        prefs = app.prefs  # the main window's saved layout (MainWindow._restore_layout)
        for key, restore in (("window/geometry", self.restoreGeometry), ("window/split", self.split.restoreState),
                             ("window/work_split", self.work_split.restoreState),
                             ("queue/header", header.restoreState)):
            value = prefs.value(key)
            if isinstance(value, QByteArray | bytes) and value:
                restore(QByteArray(value))
        if not prefs.value("queue/header"):  # about what the queue's own sizing gives at this width
            for col, width in ((Col.REFERENCE, 130), (Col.RIGHT, 170), (Col.STATUS, 145), (Col.DUE, 160),
                               (Col.TIME_LEFT, 170), (Col.ASSIGNEE, 105)):
                header.resizeSection(col, width)
            header.setSectionHidden(Col.RECEIVED, True)  # the first to step aside (ui.queue.columns)
        self.first_paint = FirstPaint(self.table)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        super().closeEvent(event)
        if not self.replaced:
            QApplication.instance().exit(0)  # type: ignore[union-attr]
