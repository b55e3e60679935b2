"""The Audit trail page: the entries newest first, filters applied in SQL, chain check, CSV export.

The table pages through ``list_audit`` as the person scrolls; counting, verifying the hash chain
and exporting run in background tasks (the export behind a progress dialog with Cancel). A
broken chain is named entry by entry; double-clicking a named entry shows the trail from it.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.security.audit_trail import AuditFilter, VerifyReport, export_csv, verify_audit
from console.security.roles import ROLE_PERMS, Perm, Role
from ui import style, words
from ui.audit.model import AuditModel, Col
from ui.context import AppContext
from ui.errors import show_error
from ui.framework.listing import PagedListView
from ui.preferences import Option
from ui.tasks import with_progress

EXPORT_FOLDER = Option("audit/export_folder", "")
ACTION_GROUPS = ("auth.", "request.", "verification.", "data.", "evidence.", "package.", "incident.", "drill.",
                 "account.", "settings.", "signing.", "source.", "retention.", "backup.", "audit.")
WIDTHS = {Col.ID: 64, Col.TIME: 150, Col.ACTOR: 120, Col.ACTION: 170, Col.TARGET: 180}
ENTRY_ROLE = int(Qt.ItemDataRole.UserRole) + 1


class AuditPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.report: VerifyReport | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 10)
        layout.setSpacing(8)
        layout.addLayout(self._header())
        layout.addLayout(self._filters())
        layout.addWidget(self._verify_result())
        self.list = AuditList(app, self)  # after the buttons and filters: first in the focus chain are they
        self.model, self.table, self.count = self.list.model, self.list.table, self.list.count_label
        layout.addWidget(self.list, 1)
        footer = QHBoxLayout()
        self.status = QLabel()
        self.status.setProperty("muted", True)
        footer.addWidget(self.count)
        footer.addStretch(1)
        footer.addWidget(self.status)
        layout.addLayout(footer)
        self.table.doubleClicked.connect(self._filter_by_cell)
        app.events.zone_changed.connect(self.refresh)
        self.model.set_filter(AuditFilter())

    # --- building ----------------------------------------------------------------------------

    def _header(self) -> QHBoxLayout:
        title = QLabel(self.tr("Audit trail"))
        title.setObjectName("reference")
        subtitle = QLabel(self.tr("Every read of a person's data, every change, export, signature and sign-in, newest "
                                  "first. Each entry is chained to the one before it, so a changed, deleted or "
                                  "inserted entry is found by Verify chain. Double-click a user, action or target to "
                                  "filter by it."))
        subtitle.setObjectName("muted")
        subtitle.setWordWrap(True)
        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(title)
        left.addWidget(subtitle)
        self.verify_button = QPushButton(style.icon("check-pass"), self.tr("Verify chain"))
        self.verify_button.setToolTip(self.tr("Walk the whole hash chain and name every entry that was tampered with"))
        self.verify_button.clicked.connect(self.verify)
        self.export_button = QPushButton(style.icon("export"), self.tr("Export CSV…"))
        self.export_button.setToolTip(self.tr("Write the entries that match the filters, oldest first, with their "
                                              "hashes (the export itself is recorded)"))
        self.export_button.clicked.connect(lambda: self.export())
        self.refresh_button = QPushButton(style.icon("refresh"), self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        head = QHBoxLayout()
        head.addLayout(left, 1)
        for button in (self.verify_button, self.export_button, self.refresh_button):
            head.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return head

    def _filters(self) -> QHBoxLayout:
        self.actor = QLineEdit()
        self.actor.setPlaceholderText(self.tr("Any user"))
        self.actor.setAccessibleName(self.tr("User"))
        self.action = QComboBox()
        self.action.setEditable(True)
        self.action.addItem("")
        self.action.addItems(list(ACTION_GROUPS))
        self.action.setMinimumContentsLength(16)
        line = self.action.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Any action"))
        self.action.setAccessibleName(self.tr("Action"))
        self.action.setToolTip(self.tr("An action (package.build) or, ending in a dot, every action of a kind "
                                       "(auth. = every sign-in event)"))
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("Reference or type:id"))
        self.target.setToolTip(self.tr("A request reference, or type:id for other targets (user:jo)"))
        self.target.setAccessibleName(self.tr("Target"))
        today = self.app.ticker.now.astimezone(self.app.zone).date()
        self.since_on, self.since = self._date(self.tr("From"), today - timedelta(days=30))
        self.until_on, self.until = self._date(self.tr("Until"), today)
        self.apply_button = QPushButton(style.icon("search"), self.tr("Apply"))
        self.apply_button.clicked.connect(self.apply_filters)
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.clicked.connect(self.clear_filters)
        for line in (self.actor, self.target, self.action.lineEdit()):
            if line is not None:
                line.returnPressed.connect(self.apply_filters)
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(QLabel(self.tr("User")))
        row.addWidget(self.actor, 2)
        row.addWidget(QLabel(self.tr("Action")))
        row.addWidget(self.action, 2)
        row.addWidget(QLabel(self.tr("Target")))
        row.addWidget(self.target, 3)
        row.addSpacing(6)
        for check, edit in ((self.since_on, self.since), (self.until_on, self.until)):
            row.addWidget(check)
            row.addWidget(edit)
        row.addSpacing(6)
        row.addWidget(self.apply_button)
        row.addWidget(self.clear_button)
        return row

    def _date(self, text: str, value: date) -> tuple[QCheckBox, QDateEdit]:
        check = QCheckBox(text)
        edit = QDateEdit(QDate(value.year, value.month, value.day))
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
        edit.setAccessibleName(text)
        check.toggled.connect(edit.setEnabled)
        return check, edit

    def _verify_result(self) -> QWidget:
        box = QWidget()
        self.intact = QLabel()  # two labels, not one renamed: a style by name is set at polish
        self.intact.setObjectName("okBanner")
        self.broken = QLabel()
        self.broken.setObjectName("banner")
        for label in (self.intact, self.broken):
            label.setWordWrap(True)
            label.hide()
        self.problems = QListWidget()
        self.problems.setToolTip(self.tr("Double-click an entry to show the trail from it"))
        self.problems.itemDoubleClicked.connect(lambda item: self.show_entry(int(item.data(ENTRY_ROLE))))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.intact)
        layout.addWidget(self.broken)
        layout.addWidget(self.problems)
        self.problems.hide()
        box.hide()
        self.result_box = box
        return box

    # --- filters -----------------------------------------------------------------------------

    def current_filter(self) -> AuditFilter:
        zone = self.app.zone

        def start_of(day: date) -> datetime:
            return datetime.combine(day, time(0, 0), tzinfo=zone)

        def day(edit: QDateEdit) -> date:
            d = edit.date()
            return date(d.year(), d.month(), d.day())

        since = start_of(day(self.since)) if self.since_on.isChecked() else None
        until = start_of(day(self.until) + timedelta(days=1)) if self.until_on.isChecked() else None
        return AuditFilter(actor=self.actor.text().strip() or None, action=self.action.currentText().strip() or None,
                           target=self.target.text().strip() or None, since=since, until=until)

    def apply_filters(self) -> None:
        self.list.select_after_load = None
        self.model.set_filter(self.current_filter())

    def clear_filters(self) -> None:
        self.actor.clear()
        self.action.setCurrentIndex(0)
        self.action.setEditText("")
        self.target.clear()
        self.since_on.setChecked(False)
        self.until_on.setChecked(False)
        self.apply_filters()

    def _filter_by_cell(self, index: QModelIndex) -> None:
        row = self.model.row_at(index.row())
        if row is None:
            return
        if index.column() == Col.ACTOR:
            self.actor.setText(row[2])
        elif index.column() == Col.ACTION:
            self.action.setEditText(row[3])
        elif index.column() == Col.TARGET and row[5]:
            self.target.setText(row[5] if row[4] == "request" else f"{row[4]}:{row[5]}")
        else:
            return
        self.apply_filters()

    def refresh(self) -> None:
        self.model.refresh()

    def show_entry(self, entry_id: int) -> None:
        """The whole trail from this entry back, with the entry selected."""
        self.actor.clear()
        self.action.setEditText("")
        self.target.clear()
        self.since_on.setChecked(False)
        self.until_on.setChecked(False)
        self.list.select_after_load = entry_id
        self.model.set_filter(AuditFilter(), entry_id + 1)  # from this entry down

    # --- verify and export -------------------------------------------------------------------

    def verify(self) -> None:
        self.verify_button.setEnabled(False)
        self.status.setText(self.tr("Verifying the chain…"))
        self.app.tasks.read(verify_audit, self.app.ctx, on_done=self._verified, on_error=self._verify_failed,
                            owner=self)

    def _verify_failed(self, exc: BaseException) -> None:
        self.verify_button.setEnabled(True)
        self.status.setText("")
        show_error(self, exc)

    @property
    def verdict(self) -> QLabel:
        """The verdict on show (intact or broken)."""
        return self.intact if self.report is None or self.report.ok else self.broken

    def _verified(self, report: VerifyReport) -> None:
        self.report = report
        self.verify_button.setEnabled(True)
        self.status.setText("")
        self.problems.clear()
        if report.ok:
            newest = f"#{report.head[0]}" if report.head else "–"
            self.intact.setText(self.tr("The chain is intact: {n} entries checked in {s:.2f} s; the newest is {head}. "
                                         "No entry was changed, deleted or inserted.").format(
                n=f"{report.entries:,}", s=report.seconds, head=newest))
        else:
            self.broken.setText(self.tr("The audit trail fails verification: {0} problem(s) among {1} entries. Each "
                                         "entry named below was changed, deleted or inserted outside the console. "
                                         "Double-click one to show it.").format(len(report.problems),
                                                                                f"{report.entries:,}"))
            for p in report.problems:
                item = QListWidgetItem(style.icon("check-fail"), self.tr("Entry #{0}: {1}").format(p.entry_id, p.problem))
                item.setData(ENTRY_ROLE, p.entry_id)
                self.problems.addItem(item)
        if self.problems.count():
            rows = self.problems.sizeHintForRow(0) * min(self.problems.count(), 5)
            self.problems.setFixedHeight(rows + 2 * self.problems.frameWidth() + 4)
        self.intact.setVisible(report.ok)
        self.broken.setVisible(not report.ok)
        self.problems.setVisible(not report.ok)
        self.result_box.show()

    def export(self, path: str | None = None) -> None:
        """Ask where (unless given), then write the filtered entries behind a progress dialog."""
        f = self.current_filter()
        if path is None:
            folder = self.app.prefs.get(EXPORT_FOLDER) or str(Path.home())
            name = f"audit-trail-{self.app.ticker.now.astimezone(self.app.zone):%Y-%m-%d}.csv"
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the audit trail"), str(Path(folder) / name),
                                                  self.tr("CSV files (*.csv)"))
            if not path:
                return
        self.app.prefs.set(EXPORT_FOLDER, str(Path(path).parent))
        with_progress(self.app.tasks, self, self.tr("Writing the audit trail to {0}…").format(Path(path).name),
                      export_csv, self.app.ctx, path, f, in_writer=False,
                      on_done=lambda n: self._exported(path, n), on_error=lambda exc: show_error(self, exc))

    def _exported(self, path: str, n: int) -> None:
        self.status.setText(self.tr("{0} entries written to {1}").format(f"{n:,}", path))
        self.refresh()  # the export is itself an entry


class AuditList(PagedListView):
    """The entries, newest first, in the shared paged list; the count says how many and in which zone."""

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        self.select_after_load: int | None = None  # an entry to select once its page is in (Verify's list)
        super().__init__(app, AuditModel(app), "audit", Col.DETAIL, parent)
        self.count_label.setObjectName("")
        self.count_label.setProperty("muted", True)
        self.banner.setParent(self)  # failures are shown as a message here, the banner stays hidden
        self.page_layout().setContentsMargins(0, 0, 0, 0)

    def configure_table(self, table: QTableView) -> None:
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header = table.horizontalHeader()
        for col, width in WIDTHS.items():
            header.resizeSection(col, width)

    def empty_text(self, searching: bool) -> str:
        return ""  # the count line says when no entry matches

    def update_empty(self) -> None:
        self.empty.hide()

    def failed_text(self, exc: BaseException) -> str:
        return str(exc)

    def load_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def update_count(self) -> None:
        loaded, total = self.model.rowCount(), self.model.total
        if total is None:
            text = self.tr("{0} entries loaded").format(f"{loaded:,}")
        elif total == 0:
            text = self.tr("No entries match these filters.")
        elif loaded >= total or self.model.exhausted:
            text = words.howmany(loaded, self.tr("{0} entry"), self.tr("{0} entries"))
        else:
            text = self.tr("Showing {0} of {1} entries (scroll for more)").format(f"{loaded:,}", f"{total:,}")
        self.count_label.setText(text + " · " + self.tr("times in {0}").format(self._app.zone_name))

    def page_arrived(self, loaded: int) -> None:
        self.update_count()
        if self.select_after_load is not None:
            row = self.model.row_of(self.select_after_load)
            self.select_after_load = None
            if row >= 0:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))


def page_for(app: AppContext, parent: QWidget | None = None) -> QWidget:
    """The page for roles that may read the trail; a short explanation for the others."""
    from ui.builtins import PlaceholderPage

    actor = app.ctx.actor
    if actor.can(Perm.READ_AUDIT):
        return AuditPage(app, parent)
    titles = {Role.ADMINISTRATOR: _t("administrator"), Role.DPO: _t("data protection officer"),
              Role.ANALYST: _t("analyst"), Role.AUDITOR: _t("auditor"), Role.OWNER: _t("owner")}
    allowed = [titles[r] for r in (Role.AUDITOR, Role.DPO, Role.ADMINISTRATOR) if Perm.READ_AUDIT in ROLE_PERMS[r]]
    return PlaceholderPage(
        _t("Audit trail"),
        _t("The audit trail records every read of a person's data, every change and every sign-in. It is open to "
           "the roles {roles}; you are signed in as {role}.").format(
            roles=_t("{0} or {1}").format(", ".join(allowed[:-1]), allowed[-1]) if len(allowed) > 1 else "".join(allowed),
            role=titles.get(actor.role, actor.role.value)),
        "state-closed", parent)


def _t(text: str) -> str:
    return QCoreApplication.translate("Audit", text)
