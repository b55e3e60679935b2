"""Activity tab: the request's history as the service recorded it, newest first."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from console.requests.read_models import RequestView
from ui import words
from ui.request.tabs import RequestTab, WorkspaceHost


class ActivityTab(RequestTab):
    def __init__(self, host: WorkspaceHost, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.events = QTreeWidget()
        self.events.setRootIsDecorated(False)
        self.events.setAlternatingRowColors(True)
        self.events.setHeaderLabels([self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Detail")])
        header = self.events.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((140, 110, 230)):
            header.resizeSection(col, width)
        layout = QVBoxLayout(self)
        layout.addWidget(self.events)

    def show_request(self, view: RequestView) -> None:
        zone = self.host.app.zone
        self.events.clear()
        for e in reversed(view.events):
            what = words.event_action(e.action)
            if e.from_status and e.to_status:
                what += f": {words.status(e.from_status)} → {words.status(e.to_status)}"
            item = QTreeWidgetItem([words.local_time(e.at, zone), e.actor, what, e.detail])
            item.setToolTip(3, e.detail)
            self.events.addTopLevelItem(item)

    def clear(self) -> None:
        self.events.clear()
