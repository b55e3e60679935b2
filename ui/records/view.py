"""The Records page: processing activities (Art. 30) with filters and details, the cookie inventory beside them.

Read-only: the record lives in the catalogue's TOML files. When those files change on disk the
page reads them again; a file that no longer validates is shown plainly (file, key, problem)
and the last good record stays on screen until it is fixed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.context import Context
from console.errors import PolicyError
from console.packages.settings import configured_signing
from console.policy import Catalogue, load_catalogue
from console.policy.records import LEGAL_BASES, LEGAL_BASIS_TITLES, Activity
from console.processing.export import (
    Exported,
    activity_rows,
    cookie_rows,
    export_to_file,
    version_of,
)
from ui import style
from ui.context import AppContext
from ui.errors import show_error

ID_ROLE = int(Qt.ItemDataRole.UserRole) + 1
ANY = ""
WITH_TRANSFER, NO_TRANSFER = "with", "none"


def export_signed(ctx: Context, path: str) -> Exported:
    """In the writer thread: the organisation's certificate (packages use the same; none: unsigned), then the file."""
    return export_to_file(ctx, path, configured_signing(ctx) if not path.lower().endswith(".csv") else None)


class RecordsPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.catalogue: Catalogue = app.ctx.catalogue
        self.problem = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(self._header())
        self.problem_label = QLabel()
        self.problem_label.setObjectName("problem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem_label.setStyleSheet("QLabel#problem { background: #fdecea; color: #8a1c1c; padding: 8px; "
                                         "border: 1px solid #e6a5a0; border-radius: 4px; }")
        self.problem_label.hide()
        layout.addWidget(self.problem_label)
        layout.addLayout(self._filters())
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self._activities())
        split.addWidget(self._cookies())
        split.setSizes([690, 470])
        layout.addWidget(split, 1)
        self.watcher = QFileSystemWatcher(self)
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self.reload)
        self.watcher.fileChanged.connect(lambda _p: self._debounce.start())
        self.watcher.directoryChanged.connect(lambda _p: self._debounce.start())
        self._show(self.catalogue)

    # --- building ----------------------------------------------------------------------------

    def _header(self) -> QHBoxLayout:
        title = QLabel(self.tr("Records of processing"))
        title.setObjectName("reference")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("muted")
        self.subtitle.setWordWrap(True)
        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(title)
        left.addWidget(self.subtitle)
        self.reload_button = QPushButton(style.icon("refresh"), self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Read the catalogue files again"))
        self.reload_button.clicked.connect(self.reload)
        self.pdf_button = QPushButton(style.icon("export"), self.tr("Export PDF…"))
        self.pdf_button.setToolTip(self.tr("The record as a PDF, signed with the organisation's certificate when one "
                                           "is set (the export is recorded in the audit trail)"))
        self.pdf_button.clicked.connect(lambda: self.export("pdf"))
        self.csv_button = QPushButton(style.icon("export"), self.tr("Export CSV…"))
        self.csv_button.clicked.connect(lambda: self.export("csv"))
        head = QHBoxLayout()
        head.addLayout(left, 1)
        for button in (self.pdf_button, self.csv_button, self.reload_button):
            head.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return head

    def export(self, kind: str, path: str | None = None) -> None:
        """Ask where (unless given), then render, sign and write in the background; say what was written."""
        if path is None:
            caption = self.tr("Export the record of processing")
            pattern = self.tr("PDF (*.pdf)") if kind == "pdf" else self.tr("CSV (*.csv)")
            path, _ = QFileDialog.getSaveFileName(self, caption, f"record-of-processing.{kind}", pattern)
            if not path:
                return
        self.status.setText(self.tr("Writing {path}…").replace("{path}", path))
        self.app.tasks.write(export_signed, self.app.ctx, path, owner=self,
                             on_done=lambda done: self.status.setText(
                                 self.tr("Wrote {path} (catalogue version {version})").replace("{path}", path)
                                 .replace("{version}", done.version[:12])
                                 + (self.tr(", signed") if done.signed else "")),
                             on_error=lambda exc: (self.status.setText(""), show_error(self, exc)))

    def _filters(self) -> QHBoxLayout:
        self.category = QComboBox()
        self.category.setAccessibleName(self.tr("Data category"))
        self.basis = QComboBox()
        self.basis.setAccessibleName(self.tr("Legal basis"))
        self.transfer = QComboBox()
        self.transfer.setAccessibleName(self.tr("Transfer"))
        for combo in (self.category, self.basis, self.transfer):
            combo.currentIndexChanged.connect(self.apply_filters)
        row = QHBoxLayout()
        row.setSpacing(6)
        for label, combo in ((self.tr("Data category"), self.category), (self.tr("Legal basis"), self.basis),
                             (self.tr("Transfer"), self.transfer)):
            row.addWidget(QLabel(label))
            row.addWidget(combo, 1)
        self.count = QLabel()
        self.count.setProperty("muted", True)
        row.addWidget(self.count)
        self.status = QLabel()
        self.status.setProperty("muted", True)
        row.addWidget(self.status)
        return row

    def _activities(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Activity"), self.tr("Data categories"),
                                              self.tr("Legal basis"), self.tr("Transfers")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._show_details)
        self.details = QTextBrowser()
        self.details.setOpenLinks(False)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setSizes([260, 340])
        col.addWidget(split)
        return box

    def _cookies(self) -> QWidget:
        box = QWidget()
        col = QVBoxLayout(box)
        col.setContentsMargins(0, 0, 0, 0)
        heading = QLabel(self.tr("Cookie inventory"))
        heading.setObjectName("section")
        col.addWidget(heading)
        self.cookies = QTreeWidget()
        self.cookies.setColumnCount(4)
        self.cookies.setHeaderLabels([self.tr("Category / cookie"), self.tr("Consent"), self.tr("Duration"),
                                      self.tr("Provider")])
        self.cookies.setRootIsDecorated(True)
        self.cookies.setWordWrap(True)
        self.cookies.currentItemChanged.connect(lambda item, _old: self._show_cookie(item))
        col.addWidget(self.cookies, 1)
        return box

    # --- data --------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the catalogue files again; a problem is shown, the last good record stays."""
        try:
            cat = load_catalogue(self.catalogue.source)
        except PolicyError as exc:
            self.problem = str(exc)
            self.problem_label.setText(self.tr("The catalogue has a problem, so the record below is the last one "
                                               "that loaded. Fix the file and the page reloads by itself:\n")
                                       + self.problem)
            self.problem_label.show()
            self._watch()
            return
        self.problem = ""
        self.problem_label.hide()
        self._show(cat)

    def _watch(self) -> None:
        root = Path(self.catalogue.source)
        paths = [str(root)] + ([str(p) for p in sorted(root.glob("*.toml"))] if root.is_dir() else [])
        old = self.watcher.files() + self.watcher.directories()
        if old:
            self.watcher.removePaths(old)
        self.watcher.addPaths([p for p in paths if Path(p).exists()])

    def _show(self, cat: Catalogue) -> None:
        self.catalogue = cat
        rec = cat.records
        self.subtitle.setText(self.tr("The record of processing activities (GDPR Art. 30) and the cookie inventory, "
                                      "read from the catalogue {folder} (version {version}). Read-only here: edit "
                                      "the files and this page reloads them.")
                              .replace("{folder}", cat.source).replace("{version}", version_of(cat)[:12]))
        self._fill_filters(cat)
        self.table.setRowCount(len(rec.activities))
        for row, a in enumerate(rec.activities):
            cells = (a.title, ", ".join(cat.category(c).title for c in a.categories),
                     ", ".join(LEGAL_BASIS_TITLES[b].split(" (")[0] for b in a.legal_bases),
                     self.tr("{n} recorded").replace("{n}", str(len(a.transfers))) if a.transfers else self.tr("None"))
            for c, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(ID_ROLE, a.id)
                item.setToolTip(value)
                self.table.setItem(row, c, item)
        self.table.resizeRowsToContents()
        self._fill_cookies(cat)
        self.apply_filters()
        self._watch()

    def _fill_filters(self, cat: Catalogue) -> None:
        used = {b for a in cat.records.activities for b in a.legal_bases}
        for combo, items in (
            (self.category, [(ANY, self.tr("Any data category"))] + [(c.id, c.title) for c in cat.categories]),
            (self.basis, [(ANY, self.tr("Any legal basis"))]
             + [(b, LEGAL_BASIS_TITLES[b]) for b in LEGAL_BASES if b in used]),
            (self.transfer, [(ANY, self.tr("With or without transfers")), (WITH_TRANSFER, self.tr("With a transfer")),
                             (NO_TRANSFER, self.tr("No transfer recorded"))]),
        ):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for key, text in items:
                combo.addItem(text, key)
            index = combo.findData(keep)
            combo.setCurrentIndex(max(index, 0))
            combo.blockSignals(False)

    def _fill_cookies(self, cat: Catalogue) -> None:
        self.cookies.clear()
        for c in cat.records.cookie_categories:
            top = QTreeWidgetItem([c.title, self.tr("Needed") if c.consent else self.tr("Not needed"),
                                   c.retention, ""])
            top.setToolTip(2, c.retention)
            top.setData(0, ID_ROLE, c.id)
            for k in c.cookies:
                party = self.tr("first party") if k.party == "first" else self.tr("third party")
                child = QTreeWidgetItem([k.name, "", k.duration, f"{k.provider} ({party})"])
                for col in range(4):
                    child.setToolTip(col, f"{k.name}: {k.purpose} — {k.provider}, {party}, {k.duration}")
                child.setData(0, ID_ROLE, c.id)
                top.addChild(child)
            self.cookies.addTopLevelItem(top)
        self.cookies.expandAll()
        for col, width in enumerate((150, 100, 110)):  # the provider takes the rest
            self.cookies.setColumnWidth(col, width)

    # --- filters and details -----------------------------------------------------------------

    def matches(self, a: Activity) -> bool:
        category, basis, transfer = self.category.currentData(), self.basis.currentData(), self.transfer.currentData()
        return ((not category or category in a.categories) and (not basis or basis in a.legal_bases)
                and (not transfer or (transfer == WITH_TRANSFER) == bool(a.transfers)))

    def apply_filters(self) -> None:
        shown = 0
        acts = self.catalogue.records.activities
        for row, a in enumerate(acts):
            hide = not self.matches(a)
            self.table.setRowHidden(row, hide)
            shown += not hide
        self.count.setText(self.tr("{shown} of {total} activities").replace("{shown}", str(shown))
                           .replace("{total}", str(len(acts))))
        current = self.table.currentRow()
        if current < 0 or self.table.isRowHidden(current):
            first = next((r for r in range(len(acts)) if not self.table.isRowHidden(r)), -1)
            if first >= 0:
                self.table.selectRow(first)
            else:
                self.table.clearSelection()
                self.details.setPlainText(self.tr("No activity matches the filters."))

    def visible_activities(self) -> list[str]:
        acts = self.catalogue.records.activities
        return [a.id for row, a in enumerate(acts) if not self.table.isRowHidden(row)]

    def _show_details(self) -> None:
        items = self.table.selectedItems()
        if not items:
            return
        a = self.catalogue.records.activity(items[0].data(ID_ROLE))
        rows = activity_rows(self.catalogue, a)
        self.details.setHtml(_html(a.title, rows))

    def _show_cookie(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        c = self.catalogue.records.cookie_category(item.data(0, ID_ROLE))
        rows = cookie_rows(self.catalogue, c)
        if c.withdrawal_note:
            rows.append((self.tr("Withdrawal"), c.withdrawal_note))
        self.details.setHtml(_html(c.title, rows))


def _html(title: str, rows: list[tuple[str, str]]) -> str:
    from html import escape

    body = "".join(f"<tr><td style='padding:3px 10px 3px 0; color:#555; white-space:nowrap' valign='top'>"
                   f"{escape(k)}</td><td style='padding:3px 0'>{escape(v).replace(chr(10), '<br>')}</td></tr>"
                   for k, v in rows)
    return f"<h3>{escape(title)}</h3><table>{body}</table>"



