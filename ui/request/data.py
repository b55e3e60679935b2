"""Data tab: the subject's records by category; import an export file; fetch from the data sources.

Reading the records is a read of personal data that the console audits, so they are loaded only
when this tab is on screen, never merely because a row was selected. All three actions run in
the writer thread (the read writes its audit entry); fetching shows progress and can be cancelled.
Without the data-sources feature (``console.requests.sources``) the tab says where the data
will come from. A role that may not read a person's data (administrator) is told so and
nothing is loaded; import and fetch need a role that works on requests.
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.requests.lifecycle import CLOSED
from console.requests.read_models import RequestView
from console.security.roles import Perm
from ui import style, words
from ui.errors import show_error
from ui.request.tabs import RequestTab, WorkspaceHost
from ui.tasks import with_progress

SOURCES = "console.requests.sources"
SUMMARY_FIELDS = 4


def sources_module() -> Any | None:
    try:
        if importlib.util.find_spec(SOURCES) is None:
            return None
    except ModuleNotFoundError:
        return None
    module = importlib.import_module(SOURCES)
    needed = ("records", "import_records", "fetch_from_sources")
    return module if all(hasattr(module, n) for n in needed) else None


def summary(data: dict[str, Any]) -> str:
    parts = [f"{k}: {v}" for k, v in list(data.items())[:SUMMARY_FIELDS]]
    more = len(data) - SUMMARY_FIELDS
    return ", ".join(parts) + (f" … (+{more})" if more > 0 else "")


class DataTab(RequestTab):
    def __init__(self, host: WorkspaceHost, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self._sources = sources_module()
        self._view: RequestView | None = None
        self._loaded_for: tuple[str, int] | None = None
        self._generation = 0
        self.note = QLabel()
        self.note.setObjectName("infoBanner")
        self.note.setWordWrap(True)
        self.import_button = QPushButton(style.icon("import"), self.tr("Import file…"))
        self.import_button.setToolTip(self.tr("Add records from a CSV or JSON export of a company system"))
        self.fetch_button = QPushButton(style.icon("refresh"), self.tr("Fetch from data sources"))
        self.fetch_button.setToolTip(self.tr("Query every configured data source for this person"))
        self.count = QLabel()
        self.count.setProperty("muted", True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.fetch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        self.records = QTreeWidget()
        self.records.setAlternatingRowColors(True)
        self.records.setHeaderLabels([self.tr("Category"), self.tr("Source"), self.tr("Gathered"), self.tr("Record")])
        header = self.records.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((200, 180, 130)):
            header.resizeSection(col, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.records, 1)
        self.import_button.clicked.connect(self.import_file)
        self.fetch_button.clicked.connect(self.fetch)
        app = host.app
        self.may_read = app.can(Perm.READ_SUBJECT_DATA)
        self.may_work = app.can(Perm.WORK_REQUESTS)
        if not self.may_work:
            why = app.refusal(Perm.WORK_REQUESTS, self.tr("Adding a person's data"))
            self.import_button.setToolTip(why)
            self.fetch_button.setToolTip(why)
        if self._sources is None:
            self.note.setText(self.tr("Subject data arrives with the data-sources feature. The categories this "
                                      "request covers, and where the policy says each comes from:"))
            self.import_button.hide()
            self.fetch_button.hide()

    # --- showing -----------------------------------------------------------------------------

    def show_request(self, view: RequestView) -> None:
        changed = self._view is None or self._view.reference != view.reference
        self._view = view
        if self._sources is None:
            self._show_categories(view)
            return
        if not self.may_read:
            self.import_button.hide()
            self.fetch_button.hide()
            self.records.clear()
            self.note.setText(self.host.app.refusal(Perm.READ_SUBJECT_DATA, self.tr("Opening a person's data")))
            return
        closed = view.status in CLOSED
        self.import_button.setEnabled(not closed and self.may_work)
        self.fetch_button.setEnabled(not closed and self.may_work)
        if changed:
            self._generation += 1
            self._loaded_for = None
            self.records.clear()
            self.count.setText("")
            self.note.setText(self.tr("Records gathered for this request, by category. Opening them is recorded "
                                      "in the audit trail."))
        if self.isVisible():
            self.load()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._sources is not None and self._view is not None and self.may_read:
            self.load()

    def clear(self) -> None:
        self._generation += 1
        self._view = None
        self._loaded_for = None
        self.records.clear()

    def load(self, force: bool = False) -> None:
        """Read the records (once per request version unless forced): only when on screen."""
        view = self._view
        if view is None or self._sources is None or not self.may_read:
            return
        key = (view.reference, view.version)
        if self._loaded_for == key and not force:
            return
        self._loaded_for = key
        self._generation += 1
        generation = self._generation
        self.count.setText(self.tr("Loading…"))
        self.host.app.tasks.write(self._sources.records, self.host.app.ctx, view.reference,
                                  on_done=lambda grouped: self._show(generation, grouped),
                                  on_error=lambda exc: self._failed(generation, exc), owner=self)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.count.setText("")
            self._loaded_for = None
            show_error(self, exc)

    def _show(self, generation: int, grouped: dict[str, list[Any]]) -> None:
        if generation != self._generation:
            return
        self.records.clear()
        zone = self.host.app.zone
        total = 0
        for category, items in grouped.items():
            total += len(items)
            top = QTreeWidgetItem(self.records, [self._category_title(category), "",
                                                 words.howmany(len(items), self.tr("{0} record"),
                                                               self.tr("{0} records"))])
            for r in items:
                child = QTreeWidgetItem(top, ["", str(r.source), words.local_time(r.gathered_at, zone), summary(r.data)])
                child.setToolTip(3, "\n".join(f"{k}: {v}" for k, v in r.data.items()))
            top.setExpanded(len(grouped) <= 3)
        if not total:
            QTreeWidgetItem(self.records, [self.tr("No records yet: press Import file… or Fetch from data sources.")])
            self.records.setFirstColumnSpanned(0, self.records.rootIndex(), True)
        self.count.setText(words.howmany(total, self.tr("{0} record"), self.tr("{0} records")))

    def _show_categories(self, view: RequestView) -> None:
        self.records.clear()
        cat = self.host.app.ctx.catalogue
        for cid in view.categories or tuple(c.id for c in cat.categories):
            c = cat.find_category(cid)
            if c is None:  # a category from an older catalogue
                continue
            QTreeWidgetItem(self.records, [c.title, c.source, "", self.tr("not gathered yet")])

    def _category_title(self, category: str) -> str:
        c = self.host.app.ctx.catalogue.find_category(category)
        return c.title if c is not None else category  # a category from an older catalogue shows its id

    # --- actions -----------------------------------------------------------------------------

    def import_file(self, path: str | None = None) -> None:
        view = self._view
        if view is None or self._sources is None:
            return
        if not path:
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Import subject data"), "",
                                                  self.tr("Exports (*.csv *.json);;All files (*)"))
        if not path:
            return
        self.host.app.tasks.write(self._sources.import_records, self.host.app.ctx, view.reference, path,
                                  on_done=self._imported, on_error=lambda exc: show_error(self, exc), owner=self)

    def _imported(self, _n: int) -> None:
        self.load(force=True)
        self.host.reload()

    def fetch(self) -> None:
        view = self._view
        if view is None or self._sources is None:
            return
        with_progress(self.host.app.tasks, self, self.tr("Asking the data sources about {0}…").format(view.subject_name),
                      self._sources.fetch_from_sources, self.host.app.ctx, view.reference,
                      on_done=self._fetched, on_error=lambda exc: show_error(self, exc))

    def _fetched(self, result: Any) -> None:
        self.load(force=True)
        self.host.reload()
        lines = [words.howmany(result.records, self.tr("{0} record gathered."), self.tr("{0} records gathered."))]
        lines += [f"{name}: {n}" for name, n in result.by_source.items()]
        if result.problems:
            lines.append(self.tr("Not reached:"))
            lines += list(result.problems)
            QMessageBox.warning(self, self.tr("Some sources failed"), "\n".join(lines))
        elif not result.records:
            asked = ", ".join(result.by_source) or self.tr("no source")
            QMessageBox.information(self, self.tr("Nothing found"), self.tr(
                "No data source holds records for this person (asked: {0}). Check the email address and account "
                "id on the Overview tab, or press Import file… to add an export by hand.").format(asked))
        else:
            self.count.setText(lines[0])
