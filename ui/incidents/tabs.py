"""The workspace tabs' contract, and two of them: Timeline (append-only, a correction is a new
entry) and Notifications (what the authority and the people were told, and the decisions).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.incidents import commands
from console.incidents.read_models import EntryView, IncidentView
from console.security.roles import Perm
from ui import style, words
from ui.framework.tabs import Host as Host
from ui.framework.tabs import RecordTab
from ui.framework.tabs import facts_label as facts_label
from ui.incidents import words as iw
from ui.incidents.actions import EntryDialog, ask

_ITEM_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable  # never ItemIsEditable


class IncidentTab(RecordTab):
    """An incident workspace tab: shown a fresh IncidentView after every load and every change."""

    def show_incident(self, view: IncidentView) -> None:
        """Show ``view``; called on the GUI thread with data already loaded."""


class WrapDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text in the column's current width (QTreeView alone elides)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view
        view.header().sectionResized.connect(lambda *_: view.scheduleDelayedItemsLayout())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = max(self._view.header().sectionSize(index.column()) - 12, 40)
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100_000), int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(size.width(), max(size.height(), text.height() + 8))


class TimelineTab(IncidentTab):
    """Entries in order, with who and when; they are never edited, a correction is a new entry."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self._entries: dict[int, EntryView] = {}
        self.entries = QTreeWidget()
        self.entries.setRootIsDecorated(False)
        self.entries.setAlternatingRowColors(True)
        self.entries.setUniformRowHeights(False)
        self.entries.setWordWrap(True)
        self.entries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.entries.setItemDelegateForColumn(4, WrapDelegate(self.entries))
        self.entries.setHeaderLabels([self.tr("#"), self.tr("When"), self.tr("Who"), self.tr("What"),
                                      self.tr("Entry")])
        header = self.entries.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((44, 130, 110, 120)):
            header.resizeSection(col, width)
        self.add = QPushButton(style.icon("new"), self.tr("Add entry…"))
        self.correct = QPushButton(self.tr("Correct…"))
        self.correct.setToolTip(self.tr("Add an entry that corrects the selected one (entries are never changed)"))
        note = QLabel(self.tr("Entries are kept as written: a mistake is fixed by a correcting entry."))
        note.setProperty("muted", True)
        bar = QHBoxLayout()
        bar.addWidget(note, 1)
        bar.addWidget(self.correct)
        bar.addWidget(self.add)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.entries, 1)
        self.add.clicked.connect(self._add)
        self.correct.clicked.connect(self._correct)
        self.entries.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.entries.itemDoubleClicked.connect(lambda *_: self._correct())
        self._writable = False

    def show_incident(self, view: IncidentView) -> None:
        zone = self.host.app.zone
        keep = self.selected_seq()
        self.entries.clear()
        self._entries = {e.seq: e for e in view.timeline}
        muted = style.state_colours("closed").foreground
        current = None
        for e in view.timeline:
            text = e.text
            if e.corrects is not None:
                text = self.tr("Corrects #{0}: {1}").format(e.corrects, text)
            if e.corrected_by:
                text += "  " + self.tr("(corrected by #{0})").format(", #".join(str(n) for n in e.corrected_by))
            item = QTreeWidgetItem([str(e.seq), words.local_time(e.at, zone), e.actor, iw.entry_kind(e.kind), text])
            item.setFlags(_ITEM_FLAGS)
            item.setData(0, Qt.ItemDataRole.UserRole, e.seq)
            item.setToolTip(4, text)
            item.setToolTip(1, self.tr("Recorded {0}").format(words.local_time(e.recorded_at, zone)))
            if e.corrected_by:
                font = QFont(item.font(4))
                font.setItalic(True)
                item.setFont(4, font)
                item.setForeground(4, muted)
            self.entries.addTopLevelItem(item)
            if e.seq == keep:
                current = item
        if current is not None:
            self.entries.setCurrentItem(current)
        finished = view.drill is not None and view.drill.finished_at is not None
        may = self.host.app.ctx.actor.can(Perm.INCIDENTS)
        self._writable = may and not finished  # a closed incident still takes entries (lessons, corrections)
        self.add.setToolTip("" if may else iw.no_permission())
        self._update_buttons()

    def selected_seq(self) -> int | None:
        item = self.entries.currentItem()
        return int(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _update_buttons(self) -> None:
        self.add.setEnabled(self._writable)
        self.correct.setEnabled(self._writable and self.selected_seq() is not None)

    def _add(self) -> None:
        view = self.host.view
        if view is None:
            return
        dialog = EntryDialog(self.host.app, view, None, self)
        if ask(dialog):
            self.host.run(commands.log_entry, view.reference, **dialog.values)

    def _correct(self) -> None:
        view = self.host.view
        seq = self.selected_seq()
        if view is None or seq is None or not self._writable:
            return
        dialog = EntryDialog(self.host.app, view, self._entries[seq], self)
        if ask(dialog):
            self.host.run(commands.log_entry, view.reference, **dialog.values)


class NotificationsTab(IncidentTab):
    """What the authority and the people were told, when, and what was decided."""

    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self.authority = facts_label()
        self.people = facts_label()
        a_box = QGroupBox(self.tr("Supervisory authority (Art. 33)"))
        QVBoxLayout(a_box).addWidget(self.authority)
        p_box = QGroupBox(self.tr("People affected (Art. 34)"))
        QVBoxLayout(p_box).addWidget(self.people)
        top = QHBoxLayout()
        top.addWidget(a_box, 1)
        top.addWidget(p_box, 1)
        self.sent = QTreeWidget()
        self.sent.setRootIsDecorated(False)
        self.sent.setAlternatingRowColors(True)
        self.sent.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sent.setHeaderLabels([self.tr("To"), self.tr("Report"), self.tr("Sent"), self.tr("Reference / channel"),
                                   self.tr("On time"), self.tr("Summary"), self.tr("Recorded by")])
        header = self.sent.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.sent.setWordWrap(True)
        self.sent.setItemDelegateForColumn(5, WrapDelegate(self.sent))
        for col, width in enumerate((90, 120, 130, 170, 190)):
            header.resizeSection(col, width)
        self.empty = QLabel(self.tr("Nothing sent yet."))
        self.empty.setProperty("muted", True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addWidget(self.sent, 1)

    def show_incident(self, view: IncidentView) -> None:
        zone = self.host.app.zone
        lines = [self.tr("Due {0}").format(words.local_time(view.authority_due_at, zone)),
                 self.tr("Clock: {0}").format(iw.clock(view.clock)),
                 self.tr("Decision: {0}").format(iw.decision(view.authority_decision))]
        if view.authority_decision_reason:
            lines.append(view.authority_decision_reason)
        if not view.authority_required:
            lines.append(self.tr("Not required: assessed as unlikely to result in a risk."))
        self.authority.setText("\n".join(lines))
        lines = [self.tr("Must be told: the risk to them is high.") if view.people_required
                 else self.tr("Not required to be told (risk: {0}).").format(iw.risk(view.risk).lower()),
                 self.tr("Decision: {0}").format(iw.decision(view.people_decision))]
        if view.people_exemption:
            lines.append(iw.exemption(view.people_exemption))
        if view.people_decision_reason:
            lines.append(view.people_decision_reason)
        if view.people_notified_at:
            lines.append(self.tr("First told {0}").format(words.local_time(view.people_notified_at, zone)))
        self.people.setText("\n".join(lines))
        self.sent.clear()
        for n in view.notifications:
            if n.audience == "authority":
                to, what, ref = self.tr("Authority"), iw.phase(n.phase), n.authority_reference or "—"
                timely = (self.tr("Late by {0}: {1}").format(iw.hours(n.sent_at - view.authority_due_at), n.late_reason or "")
                          if n.late else self.tr("On time") if n.phase == "initial" else "")
            else:
                to, what = self.tr("People"), self.tr("Notice")
                ref = self.tr("{0}, {1} people").format(iw.channel(n.channel), f"{n.recipients or 0:,}")
                timely = ""
            item = QTreeWidgetItem([to, what, words.local_time(n.sent_at, zone), ref, timely, n.summary,
                                    self.tr("{0}, {1}").format(n.recorded_by, words.local_time(n.recorded_at, zone))])
            item.setFlags(_ITEM_FLAGS)
            item.setToolTip(4, timely)
            item.setToolTip(5, n.summary)
            if n.late:
                item.setIcon(4, style.state_icon("overdue"))
            self.sent.addTopLevelItem(item)
        self.empty.setVisible(not view.notifications)
