"""New incident and Start drill: the dialogs that begin a 72-hour clock.

New incident validates as you type with the console's own pure checks (``validate_new``: the
title, awareness not before detection, nothing in the future, known natures and categories) and
shows when the authority must be told before anything is saved; saving runs in the writer thread.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from console.incidents import commands, drills, rules, scenarios
from console.incidents.commands import NewIncident
from console.incidents.drills import DrillStatus
from console.incidents.read_models import IncidentView
from console.incidents.scenarios import Scenario
from ui import words
from ui.context import AppContext
from ui.errors import show_error
from ui.framework.form import RecordFormDialog, mark, text_box, watch
from ui.incidents import words as iw
from ui.incidents.fields import CheckGrid, CountField, DateTimeField

_SCENARIO_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def category_items(app: AppContext) -> list[tuple[str, str]]:
    cat = app.ctx.catalogue
    return [(code, iw.category(code, cat)) for code in commands.known_categories(cat)]


class NewIncidentDialog(RecordFormDialog):
    save_command = staticmethod(commands.open_incident)
    view: IncidentView | None

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(app, self.tr("New incident"), 900, parent)
        cat = app.ctx.catalogue
        now = app.ctx.now()
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("What happened, in a few words"))
        self.description = text_box(self.tr("What happened, in full"), 64)
        self.detected = DateTimeField(app.zone, app.zone_name, now)
        self.aware = DateTimeField(app.zone, app.zone_name, now)
        self.discovery = QLineEdit()
        self.discovery.setPlaceholderText(self.tr("e.g. a customer called the support desk"))
        self.reported_by = QLineEdit()
        self.natures = CheckGrid([(n, iw.nature(n)) for n in cat.breach.natures], columns=1)
        self.cyber = QCheckBox(self.tr("A cyber incident (attack, malware, intrusion)"))
        self.categories = CheckGrid(category_items(app), columns=2)
        self.subjects = CheckGrid([(d.id, words.catalogue(d.title)) for d in cat.records.data_subjects], columns=2)
        self.other_subjects = QLineEdit()
        self.other_subjects.setPlaceholderText(self.tr("Others, separated by commas (e.g. Employees)"))
        self.people = CountField(self.tr("approximate; empty if not known yet"))
        self.records = CountField(self.tr("approximate; empty if not known yet"))
        self.consequences = text_box(self.tr("Likely consequences for the people affected"))
        self.measures = text_box(self.tr("Containment and recovery measures taken or planned"))
        self.contact = QLineEdit()
        self.contact.setPlaceholderText(commands.default_contact(cat))
        self.links = QLineEdit()
        self.links.setPlaceholderText(self.tr("Related request references, separated by commas"))
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Description"), self.description)
        form.addRow(self.tr("Detected at"), self.detected)
        form.addRow(self.tr("Became aware at"), self.aware)
        form.addRow(self.tr("How discovered"), self.discovery)
        form.addRow(self.tr("Reported by"), self.reported_by)
        form.addRow(self.tr("Nature"), self.natures)
        form.addRow("", self.cyber)
        form.addRow(self.tr("Data concerned"), self.categories)
        form.addRow(self.tr("Whose data"), self.subjects)
        form.addRow("", self.other_subjects)
        form.addRow(self.tr("People affected"), self.people)
        form.addRow(self.tr("Records affected"), self.records)
        form.addRow(self.tr("Consequences"), self.consequences)
        form.addRow(self.tr("Measures"), self.measures)
        form.addRow(self.tr("Contact point"), self.contact)
        form.addRow(self.tr("Linked requests"), self.links)
        inner = QWidget()
        inner.setLayout(form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        scroll.setMinimumHeight(600)
        self.due = QLabel("—")
        self.due.setObjectName("reference")
        self.due_when = QLabel()
        self.due_when.setProperty("muted", True)
        self.due_when.setWordWrap(True)
        self.left = QLabel()
        self.left.setWordWrap(True)
        rule = QLabel(cat.breach.authority_rule)
        rule.setWordWrap(True)
        rule.setProperty("muted", True)
        box = QGroupBox(self.tr("Report to the supervisory authority"))
        side = QVBoxLayout(box)
        side.addWidget(QLabel(self.tr("Due")))
        side.addWidget(self.due)
        side.addWidget(self.due_when)
        side.addWidget(self.left)
        side.addSpacing(8)
        side.addWidget(rule)
        side.addStretch(1)
        watch(self.revalidate, self.title, self.discovery, self.reported_by, self.people, self.records, self.contact,
              self.links, self.other_subjects, self.description, self.consequences, self.measures, self.detected,
              self.aware, self.natures, self.categories, self.subjects, self.cyber)
        self.finish(scroll, box, self.tr("Open incident"))

    def new_incident(self) -> NewIncident:
        links = tuple(r for r in re.split(r"[\s,;]+", self.links.text().strip()) if r)
        others = tuple(o.strip() for o in re.split(r"[,;]", self.other_subjects.text()) if o.strip())
        return NewIncident(
            title=self.title.text(), became_aware_at=self.aware.value(), detected_at=self.detected.value(),
            description=self.description.toPlainText(), discovery=self.discovery.text(),
            reported_by=self.reported_by.text(), natures=self.natures.values(), cyber=self.cyber.isChecked(),
            categories=self.categories.values(), subject_categories=self.subjects.values() + others,
            people_count=self.people.number(), records_count=self.records.number(),
            consequences=self.consequences.toPlainText(), measures=self.measures.toPlainText(),
            contact_point=self.contact.text(), linked_requests=links,
        )

    def record(self) -> NewIncident:
        return self.new_incident()

    def validate(self, new: NewIncident) -> None:
        commands.validate_new(self.app.ctx.catalogue, new, self.app.ctx.now())

    def preview(self, new: NewIncident) -> None:
        self._show_due(new.became_aware_at)

    def pristine(self) -> bool:
        return not self.title.text().strip() and self.aware.valid() and self.detected.valid()

    def mark_fields(self, message: str, pristine: bool) -> None:
        lower = message.lower()
        mark(self.title, not pristine and "title" in lower)
        mark(self.aware.edit, "awareness" in lower or not self.aware.valid())
        mark(self.detected.edit, not self.detected.valid() or ("detection" in lower and "awareness" not in lower))

    def _show_due(self, aware: datetime) -> None:
        hours = self.app.ctx.catalogue.breach.authority_hours
        due = rules.authority_due_at(aware, hours)
        local = due.astimezone(self.app.zone)
        self.due.setText(words.local_time(due, self.app.zone))
        self.due_when.setText(self.tr("{weekday}, {hours} hours after the organisation became aware").format(
            weekday=QLocale().dayName(local.isoweekday()), hours=hours))
        left = due - self.app.ctx.now()
        if left.total_seconds() <= 0:
            self.left.setText(self.tr("Already {0} late: the report needs the reasons for the delay.").format(
                iw.hours(-left)))
        else:
            self.left.setText(self.tr("{0} left from now.").format(iw.hours(left)))


class StartDrillDialog(QDialog):
    """Pick a shipped scenario (or a team's own file); the drill's awareness, and clock, start now."""

    started = Signal(object)  # the DrillStatus

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._starting = False
        self.setWindowTitle(self.tr("Start a response drill"))
        self.setMinimumSize(820, 460)
        self.list = QListWidget()
        self.list.setMinimumWidth(260)
        self.own = QPushButton(self.tr("Scenario file of your own…"))
        self.own.clicked.connect(self._choose_file)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Scenarios")))
        left.addWidget(self.list, 1)
        left.addWidget(self.own)
        self.heading = QLabel()
        self.heading.setObjectName("reference")
        self.heading.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.details.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        note = QLabel(self.tr("The drill opens an incident marked DRILL, with a DRILL- reference. Awareness, and "
                              "the 72-hour clock, start now; facts arrive as the drill runs. Drills never count in "
                              "real figures or the register."))
        note.setObjectName("infoBanner")
        note.setWordWrap(True)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.details, 1)
        right.addWidget(note)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.start_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.start_button.setText(self.tr("Start drill"))
        self.start_button.setProperty("primary", True)
        self.start_button.setEnabled(False)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show())
        self.list.itemDoubleClicked.connect(lambda _i: self.start())
        app.tasks.read(scenarios.list_scenarios, app.ctx.catalogue, on_done=self._listed,
                       on_error=lambda exc: show_error(self, exc), owner=self)

    def scenario(self) -> Scenario | None:
        item = self.list.currentItem()
        return item.data(_SCENARIO_ROLE) if item is not None else None

    def _add(self, sc: Scenario) -> QListWidgetItem:
        item = QListWidgetItem(sc.title)
        item.setData(_SCENARIO_ROLE, sc)
        item.setToolTip(sc.source)
        self.list.addItem(item)
        return item

    def _listed(self, found: list[Scenario]) -> None:
        for sc in found:
            self._add(sc)
        if found:
            self.list.setCurrentRow(0)

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Scenario file"), str(Path.home()),
                                              self.tr("Drill scenarios (*.toml)"))
        if path:
            self.app.tasks.read(scenarios.read_scenario, Path(path), self.app.ctx.catalogue,
                                on_done=lambda sc: self.list.setCurrentItem(self._add(sc)),
                                on_error=lambda exc: show_error(self, exc), owner=self)

    def _show(self) -> None:
        sc = self.scenario()
        self.start_button.setEnabled(sc is not None and not self._starting)
        if sc is None:
            self.heading.setText("")
            self.details.setText("")
            return
        cat = self.app.ctx.catalogue
        people = f"{sc.people_count:,}" if sc.people_count is not None else self.tr("not known")
        self.heading.setText(sc.title)
        lines = [sc.summary, "",
                 self.tr("Incident: {0}").format(sc.incident_title),
                 self.tr("Nature: {0}").format(", ".join(iw.nature(n) for n in sc.natures) or "—"),
                 self.tr("Data: {0}").format(", ".join(iw.category(c, cat) for c in sc.categories) or "—"),
                 self.tr("People affected: {0}").format(people),
                 self.tr("Facts revealed during the drill: {0}").format(len(sc.injects))]
        self.details.setText("\n".join(lines))

    def start(self) -> None:
        sc = self.scenario()
        if sc is None or self._starting:
            return
        self._starting = True
        self.start_button.setEnabled(False)
        self.app.tasks.write(drills.start_drill, self.app.ctx, sc, on_done=self._started, on_error=self._refused,
                             owner=self)

    def _started(self, status: DrillStatus) -> None:
        self._starting = False
        self.started.emit(status)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._starting = False
        self._show()
        show_error(self, exc)
