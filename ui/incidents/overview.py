"""Overview tab: the clock and the decisions as the services recorded them, and the facts of the
incident, edited as they come in. Saving sends the version the form was filled from; if somebody
else saved in between, the service refuses and the person is offered a reload.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from console.incidents import commands, rules
from console.incidents.read_models import IncidentView
from console.security.roles import Perm
from ui import words
from ui.framework.form import text_box
from ui.framework.tabs import facts_box, overview_body
from ui.incidents import words as iw
from ui.incidents.fields import CheckGrid, CountField, DateTimeField
from ui.incidents.new import category_items
from ui.incidents.tabs import Host, IncidentTab


def _minute(value: datetime, zone: Any) -> datetime:
    return value.astimezone(zone).replace(second=0, microsecond=0)


class OverviewTab(IncidentTab):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self._view: IncidentView | None = None
        self._loading = False
        app = host.app
        cat = app.ctx.catalogue
        now = app.ctx.now()
        facts, self.facts, self.fact = facts_box(self.tr("Clock and decisions"), [
            ("due", self.tr("Authority due")), ("clock", self.tr("Authority clock")), ("risk", self.tr("Risk")),
            ("authority", self.tr("Authority decision")), ("people", self.tr("People affected")),
            ("closing", self.tr("Before closing")), ("created", self.tr("Logged")), ("links", self.tr("Linked requests"))])
        self.link_ref = QLineEdit()
        self.link_ref.setPlaceholderText(self.tr("Request reference"))
        self.link_button = QPushButton(self.tr("Link"))
        self.link_button.clicked.connect(self._link)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_ref, 1)
        link_row.addWidget(self.link_button)
        self.facts.addRow("", link_row)
        edit = QGroupBox(self.tr("Facts"))
        form = QFormLayout(edit)
        self.title = QLineEdit()
        self.description = self._text(70)
        self.detected = DateTimeField(app.zone, app.zone_name, now)
        self.aware = DateTimeField(app.zone, app.zone_name, now)
        self.discovery = QLineEdit()
        self.reported_by = QLineEdit()
        self.natures = CheckGrid([(n, iw.nature(n)) for n in cat.breach.natures], columns=1)
        self.cyber = QCheckBox(self.tr("A cyber incident"))
        self.categories = CheckGrid(category_items(app), columns=2)
        self.people = CountField(self.tr("approximate; empty if not known"))
        self.records = CountField(self.tr("approximate; empty if not known"))
        self.consequences = self._text(56)
        self.measures = self._text(56)
        self.contact = QLineEdit()
        for title, widget in ((self.tr("Title"), self.title), (self.tr("Description"), self.description),
                              (self.tr("Detected at"), self.detected), (self.tr("Became aware at"), self.aware),
                              (self.tr("How discovered"), self.discovery), (self.tr("Reported by"), self.reported_by),
                              (self.tr("Nature"), self.natures), ("", self.cyber),
                              (self.tr("Data concerned"), self.categories), (self.tr("People affected"), self.people),
                              (self.tr("Records affected"), self.records),
                              (self.tr("Consequences"), self.consequences), (self.tr("Measures"), self.measures),
                              (self.tr("Contact point"), self.contact)):
            form.addRow(title, widget)
        self.locked = QLabel()
        self.locked.setProperty("muted", True)
        self.save, self.revert = overview_body(self, facts, edit, form, self.locked, stretch=(2, 3))
        self.save.clicked.connect(self._save)
        self.revert.clicked.connect(lambda: self._fill(self._view) if self._view else None)
        for w in (self.title, self.discovery, self.reported_by, self.people, self.records, self.contact):
            w.textChanged.connect(self._dirty)
        for f in (self.detected, self.aware, self.natures, self.categories):
            f.changed.connect(self._dirty)
        self.cyber.toggled.connect(self._dirty)
        self._dirty()

    def _text(self, height: int) -> QPlainTextEdit:
        box = text_box("", height)
        box.textChanged.connect(self._dirty)
        return box

    # --- show ------------------------------------------------------------------------------

    def show_incident(self, view: IncidentView) -> None:
        self._view = view
        zone = self.host.app.zone
        f = self.fact
        f["due"].setText(self.tr("{due} — 72 hours after awareness ({aware})").format(
            due=words.local_time(view.authority_due_at, zone), aware=words.local_time(view.became_aware_at, zone)))
        f["clock"].setText(iw.clock(view.clock))
        risk = iw.risk(view.risk)
        if view.assessed_at:
            risk += self.tr(" — assessed {0} by {1}").format(words.local_time(view.assessed_at, zone), view.assessed_by)
        if view.risk_reasoning:
            risk += f"\n{view.risk_reasoning}"
        f["risk"].setText(risk)
        authority = iw.decision(view.authority_decision) + (f": {view.authority_decision_reason}"
                                                            if view.authority_decision_reason else "")
        if not view.authority_required:
            authority += "\n" + self.tr("Assessed as unlikely to result in a risk.")
        f["authority"].setText(authority)
        people = self.tr("Must be told (high risk)") if view.people_required else self.tr("Not required to be told")
        people += "  ·  " + iw.decision(view.people_decision)
        if view.people_exemption:
            people += "\n" + iw.exemption(view.people_exemption)
        if view.people_decision_reason:
            people += f"\n{view.people_decision_reason}"
        f["people"].setText(people)
        f["closing"].setText("\n".join(f"• {p}" for p in view.closing_problems) or self.tr("Nothing missing"))
        f["created"].setText(self.tr("{0} by {1}").format(words.local_time(view.created_at, zone), view.created_by))
        f["links"].setText("\n".join(f"{link.reference}  ({self.host.app.right_title(link.right)}, "
                                     f"{words.status(link.status)})"
                                     for link in view.linked_requests) or "—")
        self._fill(view)

    def _fill(self, view: IncidentView) -> None:
        self._loading = True
        try:
            self.title.setText(view.title)
            self.description.setPlainText(view.description)
            self.detected.set_value(view.detected_at)
            self.aware.set_value(view.became_aware_at)
            self.discovery.setText(view.discovery)
            self.reported_by.setText(view.reported_by)
            self.natures.set_values(view.natures)
            self.cyber.setChecked(view.cyber)
            self.categories.set_values(view.categories)
            self.people.set_number(view.people_count)
            self.records.set_number(view.records_count)
            self.consequences.setPlainText(view.consequences)
            self.measures.setPlainText(view.measures)
            self.contact.setText(view.contact_point)
            finished = view.drill is not None and view.drill.finished_at is not None
            may = self.host.app.ctx.actor.can(Perm.INCIDENTS)
            editable = may and view.status != rules.Status.CLOSED and not finished
            for w in (self.title, self.description, self.detected, self.aware, self.discovery, self.reported_by,
                      self.natures, self.cyber, self.categories, self.people, self.records, self.consequences,
                      self.measures, self.contact, self.link_ref, self.link_button):
                w.setEnabled(editable)
            self.locked.setText("" if editable else iw.no_permission() if not may
                                else self.tr("Finished drills are kept as they ended.") if finished
                                else self.tr("This incident is closed; reopen it to edit."))
            self.locked.setWordWrap(True)
        finally:
            self._loading = False
        self._dirty()

    # --- edit ------------------------------------------------------------------------------

    def changes(self) -> dict[str, Any]:
        view = self._view
        if view is None:
            return {}
        zone = self.host.app.zone
        now = {
            "title": self.title.text().strip(), "description": self.description.toPlainText().strip(),
            "discovery": self.discovery.text().strip(), "reported_by": self.reported_by.text().strip(),
            "consequences": self.consequences.toPlainText().strip(), "measures": self.measures.toPlainText().strip(),
            "contact_point": self.contact.text().strip(), "natures": list(self.natures.values()),
            "categories": list(self.categories.values()), "cyber": self.cyber.isChecked(),
            "people_count": self.people.number(), "records_count": self.records.number(),
        }
        before = {
            "title": view.title, "description": view.description, "discovery": view.discovery,
            "reported_by": view.reported_by, "consequences": view.consequences, "measures": view.measures,
            "contact_point": view.contact_point, "natures": list(view.natures), "categories": list(view.categories),
            "cyber": view.cyber, "people_count": view.people_count, "records_count": view.records_count,
        }
        out = {k: v for k, v in now.items() if v != before[k]}
        for key, field, value in (("detected_at", self.detected, view.detected_at),
                                  ("became_aware_at", self.aware, view.became_aware_at)):
            if field.valid() and field.value() != _minute(value, zone):  # a half-typed date is not a change
                out[key] = field.value()
        return out

    def _dirty(self, *_: Any) -> None:
        if self._loading:
            return
        dirty = bool(self.changes())
        self.save.setEnabled(dirty and self.detected.valid() and self.aware.valid())
        self.revert.setEnabled(dirty)

    def _save(self) -> None:
        view = self._view
        if view is not None and (changes := self.changes()):
            self.host.run(commands.update_incident, view.reference, changes, view.version)

    def _link(self) -> None:
        view = self._view
        ref = self.link_ref.text().strip()
        if view is not None and ref:
            self.link_ref.clear()
            self.host.run(commands.link_request, view.reference, ref)
