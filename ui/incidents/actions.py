"""The dialogs behind the workspace's actions: assess, decide, notify the authority or the people,
and a timeline entry (new or correcting). Each checks what it can with the console's pure rules as
you type; the service still decides and its refusal is shown as its message.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from console.errors import ConsoleError
from console.incidents import rules
from console.incidents.read_models import EntryView, IncidentView
from ui import words
from ui.context import AppContext
from ui.framework.form import FormDialog
from ui.incidents import words as iw
from ui.incidents.fields import DateTimeField


def ask(dialog: QDialog) -> bool:
    """Run a dialog modally and let it go afterwards (its values are read before the loop resumes)."""
    try:
        return bool(dialog.exec())
    finally:
        dialog.deleteLater()


class _Action(FormDialog):
    """Intro, form, a line for the problem, OK/Cancel; ``check()`` raises what the rules refuse."""

    def __init__(self, app: AppContext, view: IncidentView, title: str, intro: str, parent: QWidget | None) -> None:
        super().__init__(title, intro, parent, width=540, checked=True)
        self.app, self.view = app, view

    def text_box(self, placeholder: str, height: int = 80) -> QPlainTextEdit:
        return super().text_box(placeholder, height)


class AssessDialog(_Action):
    def __init__(self, app: AppContext, view: IncidentView, parent: QWidget | None = None) -> None:
        super().__init__(app, view, self.tr("Assess the risk of {0}").format(view.reference),
                         self.tr("How likely and how severe is the harm to the people affected? Any risk means "
                                 "reporting to the authority within 72 hours; a high risk also means telling the "
                                 "people. The assessment may change as facts come in."), parent)
        self.risk = QComboBox()
        for code in iw.RISKS:
            self.risk.addItem(iw.risk(code), code)
        self.risk.setCurrentIndex(max(self.risk.findData(view.risk or "risk"), 0))
        self.reasoning = self.text_box(self.tr("Why: the data, the people, what could happen to them"))
        self.reasoning.setPlainText(view.risk_reasoning)
        self.consequences = self.text_box(self.tr("Likely consequences for the people"), 60)
        self.consequences.setPlainText(view.consequences)
        self.effect = QLabel()
        self.effect.setWordWrap(True)
        self.effect.setProperty("muted", True)
        self.form.addRow(self.tr("Risk"), self.risk)
        self.form.addRow("", self.effect)
        self.form.addRow(self.tr("Reasoning"), self.reasoning)
        self.form.addRow(self.tr("Consequences"), self.consequences)
        self.risk.currentIndexChanged.connect(self.revalidate)
        self.finish()

    def check(self) -> None:
        code = str(self.risk.currentData())
        self.effect.setText({
            "no_risk": self.tr("Unlikely to result in a risk: record the decision not to notify the authority, "
                               "with its reasoning."),
            "risk": self.tr("Report to the supervisory authority within 72 hours of awareness."),
            "high_risk": self.tr("Report to the authority, and tell the people affected without undue delay "
                                 "(unless an Art. 34(3) ground applies)."),
        }[code])
        if not self.reasoning.toPlainText().strip():
            raise ConsoleError(self.tr("A risk assessment needs its reasoning (what makes the risk high, low or "
                                       "absent)."))

    def pristine(self) -> bool:
        return not self.reasoning.toPlainText().strip()

    @property
    def values(self) -> tuple[str, str, str]:
        return str(self.risk.currentData()), self.reasoning.toPlainText().strip(), self.consequences.toPlainText()


class DecideDialog(_Action):
    """Whether the authority and the people are told, and why (Art. 33(5) documentation)."""

    def __init__(self, app: AppContext, view: IncidentView, parent: QWidget | None = None) -> None:
        super().__init__(app, view, self.tr("Decide on notifying — {0}").format(view.reference),
                         self.tr("Risk assessed: {0}. A decision not to notify is kept with its reasoning.").format(
                             iw.risk(view.risk)), parent)
        self.authority = QComboBox()
        self.authority.addItem(self.tr("Leave as it is ({0})").format(iw.decision(view.authority_decision)), None)
        self.authority.addItem(self.tr("Notify the supervisory authority"), True)
        self.authority.addItem(self.tr("Do not notify the authority"), False)
        self.people = QComboBox()
        self.people.addItem(self.tr("Leave as it is ({0})").format(iw.decision(view.people_decision)), None)
        self.people.addItem(self.tr("Tell the people affected"), True)
        self.people.addItem(self.tr("Do not tell the people affected"), False)
        self.exemption = QComboBox()
        self.exemption.addItem(self.tr("No Art. 34(3) ground"), None)
        for e in rules.Exemption:
            self.exemption.addItem(iw.exemption(e.value), e.value)
        self.reason = self.text_box(self.tr("Reasoning (needed for a decision not to notify)"))
        self.form.addRow(self.tr("Authority"), self.authority)
        self.form.addRow(self.tr("People affected"), self.people)
        self.form.addRow(self.tr("Ground"), self.exemption)
        self.form.addRow(self.tr("Reasoning"), self.reason)
        for combo in (self.authority, self.people, self.exemption):
            combo.currentIndexChanged.connect(self.revalidate)
        self.finish()

    def check(self) -> None:
        authority, people = self.authority.currentData(), self.people.currentData()
        self.exemption.setEnabled(people is False)
        reason = self.reason.toPlainText()
        if authority is None and people is None:
            raise ConsoleError(self.tr("Say what is decided: notify the authority or not, tell the people or not."))
        if authority is not None:
            rules.check_authority_decision(bool(authority), self.view.risk, reason)
        if people is not None:
            rules.check_people_decision(bool(people), self.view.risk, self.ground(), reason)

    def pristine(self) -> bool:
        return self.authority.currentData() is None and self.people.currentData() is None

    def ground(self) -> str | None:
        return self.exemption.currentData() if self.people.currentData() is False else None

    @property
    def values(self) -> dict[str, Any]:
        return {"authority": self.authority.currentData(), "people": self.people.currentData(),
                "reason": self.reason.toPlainText().strip(), "exemption": self.ground()}


class NotifyAuthorityDialog(_Action):
    def __init__(self, app: AppContext, view: IncidentView, parent: QWidget | None = None) -> None:
        authority = rules.authority_name(app.ctx.catalogue.organisation.supervisory_authority)
        super().__init__(app, view, self.tr("Report {0} to the authority").format(view.reference),
                         self.tr("Record a report sent to {0}. Details may come in phases: the initial report "
                                 "stops the 72-hour clock, follow-up reports add what was learnt.").format(authority),
                         parent)
        has_initial = any(n.phase == "initial" for n in view.authority_reports)
        self.phase = QComboBox()
        if not has_initial:
            self.phase.addItem(iw.phase("initial"), "initial")
        self.phase.addItem(iw.phase("follow_up"), "follow_up")
        self.sent = DateTimeField(app.zone, app.zone_name, app.ctx.now())
        self.their_ref = QLineEdit()
        self.their_ref.setPlaceholderText(self.tr("The authority's case number, if given"))
        self.summary = self.text_box(self.tr("What was reported"), 60)
        self.late = self.text_box(self.tr("The reasons for the delay (GDPR Art. 33(1))"), 60)
        self.due = QLabel(self.tr("Due {0}").format(words.local_time(view.authority_due_at, app.zone)))
        self.due.setProperty("muted", True)
        self.form.addRow(self.tr("Report"), self.phase)
        self.form.addRow(self.tr("Sent at"), self.sent)
        self.form.addRow("", self.due)
        self.form.addRow(self.tr("Their reference"), self.their_ref)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.form.addRow(self.tr("Late because"), self.late)
        self.phase.currentIndexChanged.connect(self.revalidate)
        self.sent.changed.connect(self.revalidate)
        self.finish()

    def _late(self) -> bool:
        return self.phase.currentData() == "initial" and self.sent.value() > self.view.authority_due_at

    def check(self) -> None:
        late = self._late()
        self.form.setRowVisible(self.late, late)
        sent = self.sent.value()
        rules.check_sent_at(sent, self.view.became_aware_at, self.app.ctx.now(), "report to the authority")
        if late:
            rules.late_reason_needed(sent, self.view.authority_due_at, self.late.toPlainText())

    @property
    def values(self) -> dict[str, Any]:
        return {"sent_at": self.sent.value(), "phase": str(self.phase.currentData()),
                "authority_reference": self.their_ref.text().strip() or None,
                "summary": self.summary.toPlainText().strip(),
                "late_reason": self.late.toPlainText().strip() if self._late() else ""}


class NotifyPeopleDialog(_Action):
    def __init__(self, app: AppContext, view: IncidentView, parent: QWidget | None = None) -> None:
        super().__init__(app, view, self.tr("Tell the people affected by {0}").format(view.reference),
                         self.tr("Record a notice sent to the people affected (GDPR Art. 34): when, how, and to "
                                 "how many."), parent)
        self.channel = QComboBox()
        for code in rules.PEOPLE_CHANNELS:
            self.channel.addItem(iw.channel(code), code)
        self.recipients = QSpinBox()
        self.recipients.setRange(1, 2_000_000_000)
        self.recipients.setGroupSeparatorShown(True)
        self.recipients.setValue(max(view.people_count or 1, 1))
        self.sent = DateTimeField(app.zone, app.zone_name, app.ctx.now())
        self.summary = self.text_box(self.tr("What the people were told"), 60)
        self.form.addRow(self.tr("Channel"), self.channel)
        self.form.addRow(self.tr("People told"), self.recipients)
        self.form.addRow(self.tr("Sent at"), self.sent)
        self.form.addRow(self.tr("Summary"), self.summary)
        self.channel.currentIndexChanged.connect(self.revalidate)
        self.recipients.valueChanged.connect(self.revalidate)
        self.sent.changed.connect(self.revalidate)
        self.finish()

    def check(self) -> None:
        rules.check_sent_at(self.sent.value(), self.view.became_aware_at, self.app.ctx.now(),
                            "notice to the people affected")
        count = self.view.people_count
        if count is not None and self.recipients.value() > count and self.channel.currentData() != "public_communication":
            raise ConsoleError(self.tr("{0} people told, but {1} affects about {2}; correct the number of people "
                                       "affected first.").format(f"{self.recipients.value():,}", self.view.reference,
                                                                 f"{count:,}"))

    @property
    def values(self) -> dict[str, Any]:
        return {"channel": str(self.channel.currentData()), "recipients": self.recipients.value(),
                "sent_at": self.sent.value(), "summary": self.summary.toPlainText().strip()}


class EntryDialog(_Action):
    """A new timeline entry, or a correction of one: entries themselves are never changed."""

    def __init__(self, app: AppContext, view: IncidentView, corrects: EntryView | None = None,
                 parent: QWidget | None = None) -> None:
        if corrects is None:
            title = self.tr("Add to the timeline of {0}").format(view.reference)
            intro = self.tr("What happened or what was done, and when. Entries are kept as written; a mistake is "
                            "fixed by a correcting entry.")
        else:
            title = self.tr("Correct entry #{0} of {1}").format(corrects.seq, view.reference)
            intro = self.tr("The entry stays as it was written; the correction is added after it and says what is "
                            "right.")
        super().__init__(app, view, title, intro, parent)
        self.corrects = corrects
        self.kind = QComboBox()
        self.at = DateTimeField(app.zone, app.zone_name, app.ctx.now())
        if corrects is None:
            for code in iw.LOG_KINDS:
                self.kind.addItem(iw.entry_kind(code), code)
            self.form.addRow(self.tr("Kind"), self.kind)
            self.form.addRow(self.tr("When"), self.at)
            self.at.changed.connect(self.revalidate)
        else:
            original = QLabel(f"#{corrects.seq}  {words.local_time(corrects.at, app.zone)}  {corrects.actor}\n"
                              f"{corrects.text}")
            original.setWordWrap(True)
            original.setProperty("muted", True)
            self.form.addRow(self.tr("Entry"), original)
        self.text = self.text_box(self.tr("What happened, or what was done") if corrects is None
                                  else self.tr("What is right"), 90)
        self.form.addRow(self.tr("Text"), self.text)
        self.finish()

    def check(self) -> None:
        if not self.text.toPlainText().strip():
            raise ConsoleError(self.tr("A timeline entry needs text: what happened, or what was done."))
        if self.corrects is None and self.at.value() > self.app.ctx.now() + rules.CLOCK_SKEW:
            raise ConsoleError(self.tr("A timeline entry cannot describe the future."))

    def pristine(self) -> bool:
        return not self.text.toPlainText().strip()

    @property
    def values(self) -> dict[str, Any]:
        if self.corrects is not None:
            return {"text": self.text.toPlainText().strip(), "corrects": self.corrects.seq}
        at: datetime = self.at.value()
        return {"text": self.text.toPlainText().strip(), "kind": str(self.kind.currentData()), "at": at}
