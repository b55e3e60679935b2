"""The packages built for the request: when, which kind, signed, sent; the buttons that act on one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ui import style, words
from ui.context import AppContext
from ui.package import jobs
from ui.package.words import kind_short

PACKAGE_ROLE = int(Qt.ItemDataRole.UserRole) + 1  # the jobs.BuiltPackage of a row
COLUMNS = 4


class PackageList(QWidget):
    selection_changed = Signal()
    activated = Signal()

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        title = QLabel(self.tr("Packages built for this request"))
        title.setStyleSheet("font-weight: 600;")
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels([self.tr("Built"), self.tr("Kind"), self.tr("Signed"), self.tr("Sent")])
        header = self.tree.header()  # a handful of rows: sized to their contents
        for col in range(COLUMNS - 1):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.setMinimumWidth(400)
        self.tree.itemSelectionChanged.connect(self.selection_changed)
        self.tree.itemDoubleClicked.connect(lambda _item, _col: self.activated.emit())
        self.mark_sent_button = QPushButton(style.icon("acknowledge"), self.tr("Mark as sent"))
        self.open_button = QPushButton(style.icon("export"), self.tr("Open folder"))
        self.open_button.setToolTip(self.tr("Show the package in the file manager"))
        self.status = QLabel()
        self.status.setProperty("muted", True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.mark_sent_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.status)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def clear(self) -> None:
        self.tree.clear()

    def item(self, row: int) -> QTreeWidgetItem | None:
        return self.tree.topLevelItem(row)

    def selected(self) -> jobs.BuiltPackage | None:
        item = self.tree.currentItem()
        value = item.data(0, PACKAGE_ROLE) if item is not None else None
        return value if isinstance(value, jobs.BuiltPackage) else None

    def show_packages(self, found: list[jobs.BuiltPackage]) -> None:
        chosen = self.selected()
        keep = chosen.package.id if chosen else None
        self.tree.clear()
        for built in found:
            item = self._item(built)
            if built.package.id == keep:
                self.tree.setCurrentItem(item)
        if not found:
            empty = QTreeWidgetItem(self.tree, [self.tr("No package built yet.")])
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.setFirstColumnSpanned(0, self.tree.rootIndex(), True)
        elif self.tree.currentItem() is None:
            first = self.tree.topLevelItem(0)
            if first is not None:
                self.tree.setCurrentItem(first)
        self.selection_changed.emit()

    def _item(self, built: jobs.BuiltPackage) -> QTreeWidgetItem:
        p, zone = built.package, self.app.zone
        item = QTreeWidgetItem(self.tree, [
            words.local_time(p.built_at, zone), kind_short(p.kind),
            words.local_time(p.signed_at, zone) if p.signed else self.tr("unsigned draft"),
            words.local_time(p.sent_at, zone) if p.sent_at else self.tr("not yet"),
        ])
        item.setData(0, PACKAGE_ROLE, built)
        item.setIcon(2, style.icon("check-pass" if p.signed else "check-open"))
        if p.sent_at:
            item.setIcon(3, style.icon("acknowledge"))
        tip = [self.tr("Built by {0}").format(p.built_by)]
        if p.signed_by:
            tip.append(self.tr("Signed by {0}").format(p.signed_by))
        tip += [p.path, self.tr("Manifest hash {0}").format(p.manifest_hash)]
        if not built.present:
            tip.insert(0, self.tr("No longer at its place on disk (moved or deleted)."))
            for col in range(COLUMNS):
                item.setForeground(col, style.state_colours("closed").foreground)
        for col in range(COLUMNS):
            item.setToolTip(col, "\n".join(tip))
        return item
