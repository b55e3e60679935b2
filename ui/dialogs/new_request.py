"""New request: validates as you type and shows the due date, and the rule that set it, before saving.

Validation and the deadline are the console's pure functions (``validate_new``,
``deadline_for``): no database, so they run on every keystroke; saving runs in the writer thread.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console import deadlines
from console.errors import ConsoleError
from console.requests import commands
from console.requests.commands import NewRequest
from console.requests.read_models import RequestView
from ui import words
from ui.context import AppContext
from ui.framework.form import RecordFormDialog, mark, text_box, watch
from ui.widgets.datetime_input import DateTimeInput


def parse_corrections(text: str) -> list[dict[str, str]]:
    """One correction a line, "what = what it should be" (the same shape the import takes)."""
    out = []
    for line in text.splitlines():
        if line.strip():
            what, _, to = line.partition("=")
            out.append({"field": what.strip(), "to": to.strip()})
    return out


class NewRequestDialog(RecordFormDialog):
    save_command = staticmethod(commands.add_request)
    view: RequestView | None

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, self.tr("New request"), 820, parent)
        cat = app.ctx.catalogue
        self.right = QComboBox()
        for r in cat.rights:
            self.right.addItem(self.tr("{title} — {window}").format(title=r.title, window=r.window.describe()), r.id)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Full name of the person"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("name@example.org"))
        self.received = DateTimeInput(app.zone, app.ctx.now(), app.zone_name)
        self.jurisdictions = QListWidget()
        self.jurisdictions.setMaximumHeight(96)
        for j in cat.jurisdictions:
            item = QListWidgetItem(j.title)
            item.setData(Qt.ItemDataRole.UserRole, j.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = j.id == cat.organisation.default_jurisdiction
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.jurisdictions.addItem(item)
        self.channel = QComboBox()
        for code in commands.CHANNELS:
            self.channel.addItem(words.channel(code), code)
        self.language = QComboBox()
        for code in cat.organisation.languages:
            self.language.addItem(code, code)
        self.account = QLineEdit()
        self.account.setPlaceholderText(self.tr("optional"))
        self.child = QCheckBox(self.tr("Under {0}: a parent or guardian acts for them").format(cat.child_age_threshold))
        self.guardian_name = QLineEdit()
        self.guardian_name.setPlaceholderText(self.tr("Parent or guardian's name"))
        self.guardian_email = QLineEdit()
        self.guardian_email.setPlaceholderText(self.tr("Parent or guardian's email"))
        self.assignee = QComboBox()
        self.assignee.setEditable(True)
        self.assignee.addItem(app.ctx.actor.username)
        self.assignee.addItem(self.tr("(nobody)"))
        self.priority = QComboBox()
        for code in commands.PRIORITIES:
            self.priority.addItem(words.priority(code), code)
        self.priority.setCurrentIndex(self.priority.findData("normal"))
        self.corrections = text_box(self.tr("One a line: what is wrong = what it should be"), 64)
        self.restriction = QLineEdit()
        self.restriction.setPlaceholderText(self.tr("What to restrict, and the purposes concerned"))
        self.format = QLineEdit()
        self.format.setPlaceholderText(self.tr("e.g. json, csv"))
        self.destination = QLineEdit()
        self.destination.setPlaceholderText(self.tr("The person, or another controller"))
        self.notes = text_box("")
        form = QFormLayout()
        form.addRow(self.tr("Right"), self.right)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Received"), self.received)
        form.addRow(self.tr("Jurisdictions"), self.jurisdictions)
        form.addRow(self.tr("Channel"), self.channel)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Account id"), self.account)
        form.addRow("", self.child)
        form.addRow(self.tr("Guardian"), self.guardian_name)
        form.addRow("", self.guardian_email)
        form.addRow(self.tr("Corrections"), self.corrections)
        form.addRow(self.tr("Restriction"), self.restriction)
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Destination"), self.destination)
        form.addRow(self.tr("Assign to"), self.assignee)
        form.addRow(self.tr("Priority"), self.priority)
        form.addRow(self.tr("Notes"), self.notes)
        self._form = form
        self.due_date = QLabel("—")
        self.due_date.setObjectName("reference")
        self.due_when = QLabel()
        self.due_when.setProperty("muted", True)
        self.due_rule = QLabel()
        self.due_rule.setWordWrap(True)
        self.clocks = QLabel()
        self.clocks.setWordWrap(True)
        self.clocks.setProperty("muted", True)
        self.problem.setObjectName("problem")
        due_box = QGroupBox(self.tr("Deadline"))
        due_layout = QVBoxLayout(due_box)
        due_layout.addWidget(QLabel(self.tr("Due")))
        due_layout.addWidget(self.due_date)
        due_layout.addWidget(self.due_when)
        due_layout.addWidget(self.due_rule)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        due_layout.addWidget(line)
        due_layout.addWidget(self.clocks)
        due_layout.addStretch(1)
        watch(self.revalidate, self.name, self.email, self.account, self.guardian_name, self.guardian_email,
              self.restriction, self.format, self.destination, self.right, self.channel, self.language, self.priority,
              self.assignee, self.corrections, self.notes, self.received, self.child, self.jurisdictions)
        self.finish(form, due_box, self.tr("Register request"))

    # --- reading the form ------------------------------------------------------------------

    def received_at(self) -> datetime:
        return self.received.value()

    def new_request(self) -> NewRequest:
        right = str(self.right.currentData())
        details: dict[str, Any] = {}
        corrections = parse_corrections(self.corrections.toPlainText())
        if corrections:
            details["corrections"] = corrections
        if self.restriction.text().strip():
            details["restriction"] = {"parameters": self.restriction.text().strip()}
        for key, widget in (("format", self.format), ("destination", self.destination)):
            if widget.text().strip():
                details[key] = widget.text().strip()
        assignee = self.assignee.currentText().strip()
        if self.assignee.currentIndex() == 1 and assignee == self.assignee.itemText(1):
            assignee = ""
        jurisdictions = tuple(str(self.jurisdictions.item(i).data(Qt.ItemDataRole.UserRole))
                              for i in range(self.jurisdictions.count())
                              if self.jurisdictions.item(i).checkState() == Qt.CheckState.Checked)
        return NewRequest(
            right=right, subject_name=self.name.text(), subject_email=self.email.text(), received_at=self.received_at(),
            jurisdictions=jurisdictions, channel=str(self.channel.currentData()), language=str(self.language.currentData()),
            subject_account_id=self.account.text().strip() or None, subject_is_child=self.child.isChecked(),
            guardian_name=self.guardian_name.text().strip() or None,
            guardian_email=self.guardian_email.text().strip() or None, assignee=assignee or None,
            priority=str(self.priority.currentData()), notes=self.notes.toPlainText().strip(), details=details,
        )

    # --- live checks -----------------------------------------------------------------------

    def record(self) -> NewRequest:
        return self.new_request()

    def validate(self, new: NewRequest) -> None:
        commands.validate_new(self.app.ctx.catalogue, new, self.app.ctx.now())

    def preview(self, new: NewRequest) -> None:
        self._show_deadline(new)

    def adapt(self) -> None:
        right = self.app.ctx.catalogue.right(str(self.right.currentData()))
        self._show_row(self.corrections, "corrections" in right.needs)
        self._show_row(self.restriction, "restriction" in right.needs)
        self._show_row(self.format, right.machine_readable)
        self._show_row(self.destination, right.machine_readable)
        child = self.child.isChecked()
        self._show_row(self.guardian_name, child)
        self._show_row(self.guardian_email, child)

    def pristine(self) -> bool:
        return not self.name.text().strip() and not self.email.text().strip() and self.received.valid()

    def mark_fields(self, message: str, pristine: bool) -> None:
        self._mark("" if pristine else message)

    def _show_row(self, widget: QWidget, visible: bool) -> None:
        self._form.setRowVisible(widget, visible)

    def _mark(self, message: str) -> None:
        """Outline the field the message is about (its words name it), besides saying it."""
        lower = message.lower()
        marks = {
            self.name: "name is required" in lower,
            self.email: "email address for the data subject" in lower,
            self.guardian_name: "parent or guardian" in lower and not self.guardian_name.text().strip(),
            self.guardian_email: "parent or guardian" in lower and bool(self.guardian_name.text().strip()),
            self.corrections: "corrections" in lower,
            self.restriction: "restriction parameters" in lower,
            self.received.edit: not self.received.valid() or "future" in lower,
        }
        for widget, bad in marks.items():
            mark(widget, bad)

    def _show_deadline(self, new: NewRequest) -> None:
        cat = self.app.ctx.catalogue
        zone = self.app.zone
        try:
            jurisdictions = new.jurisdictions or (cat.organisation.default_jurisdiction,)
            d = commands.deadline_for(cat, new.right, jurisdictions, new.received_at)
        except ConsoleError as exc:
            self.due_date.setText("—")
            self.due_when.setText("")
            self.due_rule.setText(str(exc))
            self.clocks.setText("")
            return
        local_due = deadlines.local_due_date(d.due_at, zone)
        days = (local_due - new.received_at.astimezone(zone).date()).days
        self.due_date.setText(words.due(d.due_at, zone))
        self.due_when.setText(self.tr("{weekday}, {days} days after receipt").format(
            weekday=QLocale().dayName(local_due.isoweekday()), days=days))
        self.due_rule.setText(self.tr("Set by: {0}").format(d.label))
        lines = [self.tr("Every clock that runs:")]
        for r in d.per_rule:
            lines.append(f"•  {words.due(r.due_at, zone)}  {r.label}")
        if d.acknowledge_at:
            lines.append(self.tr("Confirm receipt by {0}").format(words.due(d.acknowledge_at, zone)))
        self.clocks.setText("\n".join(lines))
