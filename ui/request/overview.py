"""Overview tab: the facts of the request, and the fields a person may edit after intake.

Saving sends the version the form was filled from; if somebody else saved in between, the
service refuses (ConflictError) and the person is offered a reload instead of overwriting.
A role that may not work on requests sees the fields read-only, and no Save button.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from console.context import Context
from console.requests import commands
from console.requests.lifecycle import CLOSED, Status
from console.requests.read_models import RequestView
from console.security.roles import Perm
from ui import i18n, words
from ui.framework.tabs import facts_box, overview_body
from ui.request.tabs import RequestTab, WorkspaceHost


def save_overview(ctx: Context, reference: str, changes: dict[str, Any], assignee: tuple[str | None] | None,
                  expected_version: int) -> RequestView:
    """Edit fields, then the assignee, each checked against the version the form showed."""
    view = None
    if changes:
        view = commands.update_request(ctx, reference, changes, expected_version=expected_version)
        expected_version = view.version
    if assignee is not None:
        view = commands.assign(ctx, reference, assignee[0], expected_version=expected_version)
    return view or commands.get_request(ctx, reference)


UNDOABLE = ("priority", "categories")


def _undo_of(view: RequestView, changes: dict[str, Any], assignee: tuple[str | None] | None,
             ) -> tuple[str, int, dict[str, Any], tuple[str | None] | None] | None:
    """What puts an assignment, priority or categories back as they were (None: nothing of that changed)."""
    before = {k: (list(view.categories) if k == "categories" else getattr(view, k)) for k in changes if k in UNDOABLE}
    back = (view.assignee,) if assignee is not None else None
    return (view.reference, view.version, before, back) if before or back is not None else None


class OverviewTab(RequestTab):
    def __init__(self, host: WorkspaceHost, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self._view: RequestView | None = None
        self._undo: tuple[str, int, dict[str, Any], tuple[str | None] | None] | None = None
        self._loading = False
        cat = host.app.ctx.catalogue
        facts, self.facts, self._fact_labels = facts_box(self.tr("Request"), [
            ("subject", self.tr("Subject")), ("email", self.tr("Email")), ("guardian", self.tr("Parent or guardian")),
            ("right", self.tr("Right")), ("jurisdictions", self.tr("Jurisdictions")), ("received", self.tr("Received")),
            ("due", self.tr("Due")), ("clocks", self.tr("Every clock")), ("acknowledge", self.tr("Confirm receipt by")),
            ("duplicate", self.tr("Possible duplicate of")), ("outcome", self.tr("Outcome"))], plain=False)
        edit = QGroupBox(self.tr("Handling"))
        form = QFormLayout(edit)
        self.assignee = QComboBox()
        self.assignee.setEditable(True)
        self.assignee.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.priority = QComboBox()
        for code in commands.PRIORITIES:
            self.priority.addItem(words.priority(code), code)
        self.channel = QComboBox()
        for code in commands.CHANNELS:
            self.channel.addItem(words.channel(code), code)
        self.language = QComboBox()
        for code in cat.organisation.languages:  # each language in its own words: "English", "Deutsch"
            native = QLocale(code).nativeLanguageName() if QLocale(code).language() != QLocale.Language.C else ""
            name = i18n.LANGUAGES.get(code) or native
            self.language.addItem(f"{name[:1].upper()}{name[1:]} ({code})" if name else code, code)
        self.account = QLineEdit()
        self.account.setPlaceholderText(self.tr("The person's account id, if known"))
        self.categories = QWidget()
        grid = QGridLayout(self.categories)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        self.category_boxes: dict[str, QCheckBox] = {}
        for i, c in enumerate(cat.categories):
            box = QCheckBox(words.catalogue(c.title))
            box.setToolTip(c.includes)
            box.toggled.connect(self._dirty)
            self.category_boxes[c.id] = box
            grid.addWidget(box, i // 2, i % 2)
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes for the team (not sent to the person)"))
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(100)
        form.addRow(self.tr("Assignee"), self.assignee)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Account id"), self.account)
        form.addRow(self.tr("Data categories"), self.categories)
        form.addRow(self.tr("Notes"), self.notes)
        self.writable = host.app.can(Perm.WORK_REQUESTS)
        self.refusal = host.app.refusal(Perm.WORK_REQUESTS, self.tr("Editing a request"))
        self.closed_note = QLabel(self.tr("This request is closed; reopen it to edit."))
        self.closed_note.setProperty("muted", True)
        self.closed_note.setWordWrap(True)
        self.save, self.revert = overview_body(self, facts, edit, form, self.closed_note)
        self.save.clicked.connect(self._save)
        self.revert.clicked.connect(lambda: self._fill(self._view) if self._view else None)
        for combo in (self.assignee, self.priority, self.channel, self.language):
            combo.currentTextChanged.connect(self._dirty)
        self.account.textChanged.connect(self._dirty)
        self.notes.textChanged.connect(self._dirty)
        self._dirty()

    # --- show ------------------------------------------------------------------------------

    def show_request(self, view: RequestView) -> None:
        self._view = view
        self._offer_undo(view)
        zone = self.host.app.zone
        f = self._fact_labels
        f["subject"].setText(view.subject_name + (self.tr("  (child)") if view.subject_is_child else ""))
        f["email"].setText(view.subject_email)
        f["guardian"].setText(f"{view.guardian_name} <{view.guardian_email}>" if view.guardian_name else "—")
        f["right"].setText(words.catalogue(view.right_title))
        cat = self.host.app.ctx.catalogue
        titles = [words.catalogue(found.title) if (found := cat.find_jurisdiction(j)) is not None
                  else j for j in view.jurisdictions]  # an id from an older catalogue shows as it is
        f["jurisdictions"].setText(", ".join(titles))
        f["received"].setText(self.tr("{time} via {channel}").format(time=words.local_time(view.received_at, zone),
                                                                      channel=words.channel(view.channel)))
        f["due"].setText(f"{words.due(view.due_at, zone)} — {words.catalogue(view.due_rule)}")
        f["clocks"].setText("\n".join(f"{words.due(r.due_at, zone)}  {words.catalogue(r.label)}" for r in view.rules) or "—")
        ack = "—"
        if view.acknowledge_due_at:
            ack = words.due(view.acknowledge_due_at, zone)
            if view.acknowledged_at:
                ack += self.tr("  (confirmed {0})").format(words.local_time(view.acknowledged_at, zone))
        f["acknowledge"].setText(ack)
        f["duplicate"].setText(view.duplicate_of or "—")
        outcome = "—"
        if view.outcome:
            outcome = words.reject_grounds(view.outcome) if view.status == Status.REJECTED else words.status(view.outcome)
            if view.outcome_reason:
                outcome += f": {view.outcome_reason}"
        f["outcome"].setText(outcome)
        self._fill(view)

    def clear(self) -> None:
        self._view = None

    def _fill(self, view: RequestView) -> None:
        self._loading = True
        try:
            known = {view.assignee or "", self.host.app.ctx.actor.username}
            self.assignee.clear()
            self.assignee.addItem(self.tr("(nobody)"), "")
            for name in sorted(n for n in known if n):
                self.assignee.addItem(name, name)
            self.assignee.setCurrentIndex(max(self.assignee.findData(view.assignee or ""), 0))
            self.priority.setCurrentIndex(max(self.priority.findData(view.priority), 0))
            self.channel.setCurrentIndex(max(self.channel.findData(view.channel), 0))
            self.language.setCurrentIndex(max(self.language.findData(view.language), 0))
            self.account.setText(view.subject_account_id or "")
            for cid, box in self.category_boxes.items():
                box.setChecked(cid in view.categories)
            self.notes.setPlainText(view.notes)
            closed = view.status in CLOSED
            editable = self.writable and not closed
            for w in (self.assignee, self.priority, self.channel, self.language, self.categories):
                w.setEnabled(editable)
                w.setToolTip(self.refusal)
            for text in (self.account, self.notes):
                text.setEnabled(editable or not self.writable)  # a reader's fields stay readable, not greyed
                text.setReadOnly(not editable)
                text.setToolTip(self.refusal)
            self.closed_note.setText(self.refusal if not self.writable else
                                     self.tr("This request is closed; reopen it to edit."))
            self.closed_note.setVisible(closed or not self.writable)
            self.save.setVisible(self.writable)
            self.revert.setVisible(self.writable)
        finally:
            self._loading = False
        self._dirty()

    # --- edit ------------------------------------------------------------------------------

    def _assignee_value(self) -> str | None:
        text = self.assignee.currentText().strip()
        if self.assignee.currentIndex() == 0 and text == self.assignee.itemText(0):
            return None
        return text or None

    def changes(self) -> tuple[dict[str, Any], tuple[str | None] | None]:
        view = self._view
        if view is None:
            return {}, None
        changes: dict[str, Any] = {}
        if self.priority.currentData() != view.priority:
            changes["priority"] = self.priority.currentData()
        if self.channel.currentData() != view.channel:
            changes["channel"] = self.channel.currentData()
        if self.language.currentData() != view.language:
            changes["language"] = self.language.currentData()
        account = self.account.text().strip() or None
        if account != (view.subject_account_id or None):
            changes["subject_account_id"] = account
        cats = tuple(cid for cid, box in self.category_boxes.items() if box.isChecked())
        if set(cats) != set(view.categories):
            changes["categories"] = list(cats)
        if self.notes.toPlainText() != view.notes:
            changes["notes"] = self.notes.toPlainText()
        who = self._assignee_value()
        return changes, ((who,) if who != (view.assignee or None) else None)

    def _dirty(self, *_: Any) -> None:
        if self._loading:
            return
        changes, assignee = self.changes()
        dirty = bool(changes) or assignee is not None
        self.save.setEnabled(dirty)
        self.revert.setEnabled(dirty)

    def _save(self) -> None:
        view = self._view
        if view is None:
            return
        changes, assignee = self.changes()
        self._undo = _undo_of(view, changes, assignee)
        self.host.run(save_overview, view.reference, changes, assignee, view.version)

    def _offer_undo(self, view: RequestView) -> None:
        """Right after a saved assignment, priority or category change: offer to put it back."""
        pending = self._undo
        if pending is None or pending[0] != view.reference or view.version <= pending[1]:
            return  # not the saved change coming back (a reload, a refusal)
        self._undo = None
        reference, _version, changes, assignee = pending
        app = self.host.app

        def put_back() -> None:
            app.tasks.write(save_overview, app.ctx, reference, changes, assignee, view.version,
                            on_done=app.events.request_changed.emit, owner=app.tasks)

        app.events.undo_offered.emit(self.tr("{0} changed.").format(reference), put_back)
