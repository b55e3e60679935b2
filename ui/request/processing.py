"""Processing tab: the activities of the record of processing that use the request's data
categories (console.processing.links), and, for a withdrawal of consent, the form that records
which cookie categories and activities the person withdraws (console.processing.withdrawals).
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.context import Context
from console.processing.links import activities_for, activity_summary
from console.processing.withdrawals import RIGHT, Withdrawal, record_withdrawal, withdrawals_for
from console.requests import commands
from console.requests.lifecycle import ACTING
from console.requests.read_models import RequestView
from console.security.roles import Perm
from ui import words
from ui.errors import show_error
from ui.framework.tabs import scrolled
from ui.request.tabs import RequestTab, WorkspaceHost

COLUMNS = ("title", "legal_basis", "recipients", "transfers", "retention")


def withdraw(ctx: Context, reference: str, cookies: Sequence[str], activities: Sequence[str]) -> RequestView:
    """Record the withdrawal (in the writer thread) and return the request as it now stands."""
    record_withdrawal(ctx, reference, cookies=cookies, activities=activities)
    return commands.get_request(ctx, reference)


class ProcessingTab(RequestTab):
    def __init__(self, host: WorkspaceHost, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self._view: RequestView | None = None
        self._generation = 0
        cat = host.app.ctx.catalogue
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([self.tr("Activity"), self.tr("Legal basis"), self.tr("Recipients"),
                                              self.tr("Transfers"), self.tr("Retention")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Processing activities of the request's data categories"))

        self.withdrawal = QGroupBox(self.tr("Withdrawal of consent"))
        grid = QGridLayout(self.withdrawal)
        grid.addWidget(QLabel(self.tr("Cookie categories")), 0, 0)
        grid.addWidget(QLabel(self.tr("Processing activities")), 0, 1)
        self.cookie_boxes: dict[str, QCheckBox] = {}
        for i, c in enumerate(cat.records.cookie_categories, start=1):
            box = QCheckBox(words.catalogue(c.title))
            if c.strictly_necessary:
                box.setToolTip(self.tr("Strictly necessary: consent cannot be withdrawn; the letter says why."))
            box.toggled.connect(self._update_button)
            self.cookie_boxes[c.id] = box
            grid.addWidget(box, i, 0)
        self.activity_boxes: dict[str, QCheckBox] = {}
        for i, a in enumerate(cat.records.activities, start=1):
            box = QCheckBox(words.catalogue(a.title))
            box.toggled.connect(self._update_button)
            self.activity_boxes[a.id] = box
            grid.addWidget(box, i, 1)
        self.recorded = QLabel()
        self.recorded.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setProperty("muted", True)
        self.record = QPushButton(self.tr("Record withdrawal"))
        self.record.setProperty("primary", True)
        self.record.clicked.connect(self._record)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.record)
        rows = max(len(self.cookie_boxes), len(self.activity_boxes)) + 1
        grid.addWidget(self.recorded, rows, 0, 1, 2)
        grid.addLayout(row, rows + 1, 0, 1, 2)

        self.table.setMinimumHeight(180)  # a few activities readable even in a short window
        inner = QWidget()
        column = QVBoxLayout(inner)
        column.addWidget(self.intro)
        column.addWidget(self.table, 1)
        column.addWidget(self.withdrawal)
        self.withdrawal.setVisible(False)
        scrolled(self, inner)

    # --- show ------------------------------------------------------------------------------

    def show_request(self, view: RequestView) -> None:
        self._view = view
        cat = self.host.app.ctx.catalogue
        acts = activities_for(cat, view.categories)
        if not view.categories:
            self.intro.setText(self.tr("No data categories are set for this request (Overview tab), so no processing "
                                       "activity is linked yet."))
        elif not acts:
            self.intro.setText(self.tr("No activity of the record of processing uses the request's data categories."))
        else:
            self.intro.setText(self.tr("The record of processing's activities that use this request's data "
                                       "categories ({0}):").format(", ".join(words.catalogue(cat.category(c).title)
                                                                             for c in view.categories)))
        self.table.setRowCount(len(acts))
        for r, a in enumerate(acts):
            summary = activity_summary(cat, a)
            for c, key in enumerate(COLUMNS):
                text = words.catalogue(summary[key]) if key == "title" else summary[key]
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        self.withdrawal.setVisible(view.right == RIGHT)
        if view.right == RIGHT:
            self._generation += 1
            generation = self._generation
            self.host.app.tasks.read(withdrawals_for, self.host.app.ctx, view.reference,
                                     on_done=lambda done: self._show_withdrawals(generation, done),
                                     on_error=lambda exc: show_error(self, exc), owner=self)

    def clear(self) -> None:
        self._view = None
        self.table.setRowCount(0)

    def _show_withdrawals(self, generation: int, done: Sequence[Withdrawal]) -> None:
        if generation != self._generation or self._view is None:
            return
        recorded = {(w.target_kind, w.target_id) for w in done}
        for kind, boxes in (("cookie_category", self.cookie_boxes), ("activity", self.activity_boxes)):
            for target, box in boxes.items():
                box.blockSignals(True)
                box.setChecked((kind, target) in recorded)
                box.setEnabled((kind, target) not in recorded)
                box.blockSignals(False)
        if done:
            zone = self.host.app.zone
            lines = [self.tr("{0}: withdrawn on {1}").format(w.target_id, words.local_time(w.effective_at, zone))
                     if w.outcome == "withdrawn" else self.tr("{0}: cannot be withdrawn").format(w.target_id)
                     for w in done]
            self.recorded.setText(self.tr("Recorded: ") + "; ".join(lines))
        else:
            self.recorded.setText(self.tr("Nothing recorded yet."))
        self._update_button()

    # --- record ----------------------------------------------------------------------------

    def _chosen(self) -> tuple[list[str], list[str]]:
        def picked(boxes: dict[str, QCheckBox]) -> list[str]:
            return [k for k, b in boxes.items() if b.isChecked() and b.isEnabled()]
        return picked(self.cookie_boxes), picked(self.activity_boxes)

    def _update_button(self) -> None:
        view = self._view
        cookies, activities = self._chosen()
        writable = self.host.app.can(Perm.WORK_REQUESTS)
        acting = view is not None and view.status in ACTING
        self.record.setEnabled(writable and acting and bool(cookies or activities))
        if not writable:
            self.note.setText(self.host.app.refusal(Perm.WORK_REQUESTS, self.tr("Recording a withdrawal")))
        elif not acting:
            self.note.setText(self.tr("A withdrawal is recorded once identity is confirmed and while the request is "
                                      "being answered (in progress or awaiting approval)."))
        elif not (cookies or activities):
            self.note.setText(self.tr("Tick what the person withdraws consent for."))
        else:
            self.note.setText(self.tr("Withdrawn from now on; the decision letter lists it with the date."))
        self.record.setToolTip(self.note.text())

    def _record(self) -> None:
        view = self._view
        cookies, activities = self._chosen()
        if view is None or not (cookies or activities):
            return
        self.record.setEnabled(False)
        self.host.run(withdraw, view.reference, cookies, activities)

