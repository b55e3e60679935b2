"""The Person tab: every request of the same person (same email or account id), open and closed;
a double-click (or Enter) opens one in the workspace.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from console.requests.queries import QueueRow
from console.requests.read_models import RequestView
from console.requests.subject import requests_of_person
from ui import words
from ui.errors import show_error
from ui.request.tabs import RequestTab, WorkspaceHost


class PersonTab(RequestTab):
    def __init__(self, host: WorkspaceHost, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self._generation = 0
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("personRequests")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([self.tr("Reference"), self.tr("Right"), self.tr("Status"), self.tr("Received"),
                                   self.tr("Due")])
        self.list.itemActivated.connect(self._open)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)

    def show_request(self, view: RequestView) -> None:
        self._generation += 1
        generation = self._generation
        who = view.subject_email + (f" · {view.subject_account_id}" if view.subject_account_id else "")
        self.summary.setText(self.tr("Every request of {0} ({1}), open and closed.").format(view.subject_name, who))
        self.host.app.tasks.read(requests_of_person, self.host.app.ctx, view.reference, owner=self,
                                 on_done=lambda rows: self._show(generation, view.reference, rows),
                                 on_error=lambda exc: show_error(self, exc))

    def clear(self) -> None:
        self._generation += 1
        self.list.clear()
        self.summary.setText("")

    def _show(self, generation: int, current: str, rows: list[QueueRow]) -> None:
        if generation != self._generation:
            return
        self.list.clear()
        zone = self.host.app.zone
        for r in rows:
            item = QTreeWidgetItem([r.reference, words.catalogue(self.host.app.right_title(r.right)), words.status(r.status),
                                    words.local_date(r.received_at, zone), words.due(r.due_at, zone)])
            item.setData(0, Qt.ItemDataRole.UserRole, r.reference)
            if r.reference == current:
                font = item.font(0)
                font.setBold(True)
                for col in range(5):
                    item.setFont(col, font)
                item.setToolTip(0, self.tr("The request on show"))
            self.list.addTopLevelItem(item)
        for col in range(5):
            self.list.resizeColumnToContents(col)
        others = len(rows) - 1
        self.summary.setText(self.summary.text() + " " + words.howmany(
            others, self.tr("{0} other request."), self.tr("{0} other requests.")))

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        reference: Any = item.data(0, Qt.ItemDataRole.UserRole)
        show = getattr(self.host, "show_reference", None)
        if reference and callable(show):
            show(str(reference))
