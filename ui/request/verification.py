"""Verification tab: tick or fail each identity check, attach evidence, second verifier.

Who checked what and when comes from the service; so does every refusal (a failed check
without a reason, the same person as second verifier, leaving verification too early).
A role that may not work on requests sees the checks with every control disabled, and why.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console import verification
from console.requests import commands
from console.requests.lifecycle import CLOSED, VERIFYING, Status
from console.requests.read_models import ChecklistView, RequestView
from console.security.roles import Perm
from ui import style, words
from ui.request.tabs import RequestTab, WorkspaceHost


class VerificationTab(RequestTab):
    def __init__(self, host: WorkspaceHost, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self._view: RequestView | None = None
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.intro.setProperty("muted", True)
        self.items = QTreeWidget()
        self.items.setRootIsDecorated(False)
        self.items.setAlternatingRowColors(True)
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.items.setHeaderLabels([self.tr("Check"), self.tr("Result"), self.tr("Checked by"), self.tr("Second verifier"),
                                    self.tr("Evidence"), self.tr("Comment")])
        header = self.items.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((230, 120, 215, 215, 150)):
            header.resizeSection(col, width)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Comment (required when a check fails)"))
        self.evidence = QLineEdit()
        self.evidence.setPlaceholderText(self.tr("Evidence file (optional; stored encrypted)"))
        self.browse = QPushButton(style.icon("evidence"), self.tr("Attach…"))
        self.passed = QPushButton(style.icon("check-pass"), self.tr("Passed"))
        self.failed = QPushButton(style.icon("check-fail"), self.tr("Failed"))
        self.second = QPushButton(self.tr("Confirm as second verifier"))
        self.progress = QLabel()
        self.finish = QPushButton(style.icon("advance", "#ffffff"), self.tr("Finish verification"))
        self.finish.setProperty("primary", True)
        self.finish.setToolTip(self.tr("Move the request on to In progress once every required check is done"))
        self.writable = host.app.can(Perm.WORK_REQUESTS)
        self.refusal = host.app.refusal(Perm.WORK_REQUESTS, self.tr("Recording identity checks"))
        if self.refusal:
            for w in (self.comment, self.evidence, self.browse, self.passed, self.failed, self.second, self.finish):
                w.setToolTip(self.refusal)
        entry = QHBoxLayout()
        entry.addWidget(self.comment, 3)
        entry.addWidget(self.evidence, 2)
        entry.addWidget(self.browse)
        actions = QHBoxLayout()
        actions.addWidget(self.passed)
        actions.addWidget(self.failed)
        actions.addWidget(self.second)
        actions.addStretch(1)
        actions.addWidget(self.progress)
        actions.addWidget(self.finish)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.items, 1)
        layout.addLayout(entry)
        layout.addLayout(actions)
        self.browse.clicked.connect(self._browse)
        self.passed.clicked.connect(lambda: self._check("passed"))
        self.failed.clicked.connect(lambda: self._check("failed"))
        self.second.clicked.connect(self._second)
        self.finish.clicked.connect(self._finish)
        self.items.currentItemChanged.connect(lambda *_: self._enable())

    def show_request(self, view: RequestView) -> None:
        selected = self.selected_item_id()
        self._view = view
        right = self.host.app.ctx.catalogue.find_right(view.right)  # None: dropped from a later catalogue
        lines = [self.tr("The checks the policy names for {0}.").format(words.catalogue(view.right_title))]
        if right is not None and right.second_verifier:
            lines.append(self.tr("Each required check also needs a second verifier (somebody else)."))
        if view.status not in VERIFYING:
            lines.append(self.tr("Verification is closed: the request is {0}.").format(words.status(view.status).lower()))
        elif self.refusal:
            lines.append(self.refusal)
        self.intro.setText(" ".join(lines))
        zone = self.host.app.zone
        self.items.clear()
        for c in view.checklist:
            item = QTreeWidgetItem([
                c.label + ("" if c.required else self.tr(" (optional)")),
                self._result_text(c),
                f"{c.done_by} · {words.local_time(c.done_at, zone)}" if c.done_by else "",
                f"{c.second_by} · {words.local_time(c.second_at, zone)}" if c.second_by else "",
                ", ".join(c.evidence),
                c.comment,
            ])
            item.setIcon(1, style.icon({"passed": "check-pass", "failed": "check-fail"}.get(c.result or "", "check-open")))
            item.setData(0, Qt.ItemDataRole.UserRole, c.item_id)
            item.setToolTip(5, c.comment)
            self.items.addTopLevelItem(item)
        target = next((i for i in range(self.items.topLevelItemCount())
                       if self.items.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == selected), None)
        if target is None:
            target = next((i for i, c in enumerate(view.checklist) if c.result != "passed"), 0)
        if self.items.topLevelItemCount():
            self.items.setCurrentItem(self.items.topLevelItem(target))
        required = [c for c in view.checklist if c.required]
        done = sum(1 for c in required if c.result == "passed")
        self.progress.setText(self.tr("{0} of {1} required checks passed").format(done, len(required))
                              if required else self.tr("No checks recorded for this request."))
        second = right is not None and right.second_verifier
        self.items.setColumnHidden(3, not second)
        self.second.setVisible(second)
        self.comment.clear()
        self.evidence.clear()
        self._enable()

    def clear(self) -> None:
        self._view = None
        self.items.clear()

    def _result_text(self, c: ChecklistView) -> str:
        return {"passed": self.tr("Passed"), "failed": self.tr("Failed")}.get(c.result or "", self.tr("Not checked"))

    def selected_item_id(self) -> str | None:
        item = self.items.currentItem()
        return None if item is None else str(item.data(0, Qt.ItemDataRole.UserRole))

    def select(self, item_id: str) -> None:
        for i in range(self.items.topLevelItemCount()):
            if self.items.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) == item_id:
                self.items.setCurrentItem(self.items.topLevelItem(i))

    def _enable(self) -> None:
        view = self._view
        open_checks = view is not None and view.status in VERIFYING
        has_item = self.items.currentItem() is not None and self.writable
        for w in (self.passed, self.failed, self.comment, self.evidence, self.browse):
            w.setEnabled(open_checks and has_item)
        self.second.setEnabled(view is not None and view.status not in CLOSED and has_item)
        self.finish.setVisible(view is not None and view.status == Status.AWAITING_VERIFICATION)
        self.finish.setEnabled(self.writable)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Attach evidence"), "",
                                              self.tr("Documents (*.pdf *.png *.jpg *.jpeg *.tif *.tiff);;All files (*)"))
        if path:
            self.evidence.setText(path)

    def _check(self, result: str) -> None:
        view, item_id = self._view, self.selected_item_id()
        if view is None or item_id is None:
            return
        evidence = self.evidence.text().strip() or None
        self.host.run(verification.check_item, view.reference, item_id, result, self.comment.text().strip(),
                      Path(evidence) if evidence else None)

    def _second(self) -> None:
        view, item_id = self._view, self.selected_item_id()
        if view is not None and item_id is not None:
            self.host.run(verification.second_check, view.reference, item_id, self.comment.text().strip())

    def _finish(self) -> None:
        if self._view is not None:
            self.host.run(commands.advance, self._view.reference, self._view.version)
