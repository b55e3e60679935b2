"""Small dialogs that ask for what a lifecycle step needs: a reason, grounds, an extension.

They only collect input; the service decides whether it is acceptable and says why not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from console.deadlines import Rule
from console.requests.lifecycle import RejectReason, Status
from ui import words
from ui.framework.form import FormDialog

REJECT_GROUNDS = tuple(r.value for r in RejectReason)


class _Base(FormDialog):
    """A lifecycle step's dialog: intro, form, OK/Cancel (no checks: the service decides)."""

    def reason_box(self, placeholder: str) -> QPlainTextEdit:
        return self.text_box(placeholder)


class ReasonDialog(_Base):
    """Withdraw, reopen, pause: one text that is recorded with the request."""

    def __init__(self, title: str, intro: str, label: str, parent: QWidget | None = None, placeholder: str = "") -> None:
        super().__init__(title, intro, parent)
        self.text = self.reason_box(placeholder)
        self.form.addRow(label, self.text)
        self.finish()

    @property
    def reason(self) -> str:
        return self.text.toPlainText().strip()


class RejectDialog(_Base):
    def __init__(self, reference: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Reject {0}").format(reference),
                         self.tr("The grounds and the reason are recorded and told to the person."), parent)
        self.grounds = QComboBox()
        for code in REJECT_GROUNDS:
            self.grounds.addItem(words.reject_grounds(code), code)
        self.text = self.reason_box(self.tr("Why, in words the person will read"))
        self.form.addRow(self.tr("Grounds"), self.grounds)
        self.form.addRow(self.tr("Reason"), self.text)
        self.finish()

    @property
    def values(self) -> tuple[str, str]:
        return str(self.grounds.currentData()), self.text.toPlainText().strip()


@dataclass(frozen=True)
class Extension:
    rule_id: str
    amount: int
    reason: str
    notified_on: date


class ExtendDialog(_Base):
    """Only the clocks the catalogue lets be extended are offered; the service checks the law."""

    def __init__(self, reference: str, rules: list[Rule], today: date, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Extend {0}").format(reference),
                         self.tr("An extension must be told to the person, with the reasons, within the first "
                                 "period. The console refuses one the law does not allow."), parent)
        self.rule = QComboBox()
        for r in rules:
            unit = words_unit(r)
            self.rule.addItem(self.tr("{label} (up to {n} {unit})").format(label=r.label, n=r.extension_amount, unit=unit),
                              r.id)
        self._rules = {r.id: r for r in rules}
        self.amount = QSpinBox()
        self.amount.setRange(1, 365)
        self.unit = QLabel()
        self.notified = QDateEdit(QDate(today.year, today.month, today.day))
        self.notified.setCalendarPopup(True)
        self.notified.setDisplayFormat("yyyy-MM-dd")
        self.text = self.reason_box(self.tr("Why more time is needed (told to the person)"))
        self.form.addRow(self.tr("Clock"), self.rule)
        self.form.addRow(self.tr("Extend by"), self.amount)
        self.form.addRow("", self.unit)
        self.form.addRow(self.tr("Person told on"), self.notified)
        self.form.addRow(self.tr("Reason"), self.text)
        self.rule.currentIndexChanged.connect(self._rule_changed)
        self._rule_changed()
        self.finish()

    def _rule_changed(self) -> None:
        rule = self._rules.get(str(self.rule.currentData()))
        if rule is not None:
            self.amount.setMaximum(max(rule.extension_amount, 1))
            self.amount.setValue(max(rule.extension_amount, 1))
            self.unit.setText(words_unit(rule))

    @property
    def values(self) -> Extension:
        d = self.notified.date()
        return Extension(str(self.rule.currentData()), self.amount.value(), self.text.toPlainText().strip(),
                         date(d.year(), d.month(), d.day()))


def words_unit(rule: Rule) -> str:
    from PySide6.QtCore import QCoreApplication

    unit = (rule.extension_unit or rule.unit).value
    return {
        "calendar_days": QCoreApplication.translate("Units", "days"),
        "business_days": QCoreApplication.translate("Units", "business days"),
        "months": QCoreApplication.translate("Units", "months"),
        "hours": QCoreApplication.translate("Units", "hours"),
    }.get(unit, unit)


class CompleteDialog(_Base):
    """Completing closes the request: say what happens, and without a sent answer ask why none is sent."""

    def __init__(self, reference: str, name: str, sent: str | None, parent: QWidget | None = None) -> None:
        if sent:
            intro = self.tr("{ref} closes as answered: its clock stops and it leaves the open queues. The response "
                            "went to {name} on {sent}. It can be reopened later, with a reason.").format(
                ref=reference, name=name, sent=sent)
        else:
            intro = self.tr("No response has been sent to {name} yet. Completing {ref} now closes it without an "
                            "answer: its clock stops and it leaves the open queues. To answer first, build the "
                            "package on the Package tab and press Mark as sent.\n\nTo close it anyway, say why no "
                            "answer is sent; the reason is recorded with the request.").format(
                ref=reference, name=name)
        super().__init__(self.tr("Complete {0}?").format(reference), intro, parent)
        self.sent = bool(sent)
        self.text = self.reason_box(self.tr("e.g. answered in person; the person asked for no written answer"))
        self.text.setVisible(not sent)
        if not sent:
            self.form.addRow(self.tr("Why no answer is sent"), self.text)
            self.text.textChanged.connect(self._changed)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Complete without sending") if not sent else self.tr("Complete"))
        self.finish()
        self._changed()

    def _changed(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.sent or bool(self.reason))

    @property
    def reason(self) -> str:
        return self.text.toPlainText().strip()


class StatusDialog(_Base):
    """Bulk status change: the target, and the reason or grounds some targets need."""

    def __init__(self, count: int, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Change the status of {0} requests").format(count),
                         self.tr("Each request is moved on its own; those the lifecycle does not allow are "
                                 "listed afterwards with the reason."), parent)
        self.target = QComboBox()
        for code in (s.value for s in Status if s is not Status.RECEIVED):  # nothing moves back to received
            self.target.addItem(words.status(code), code)
        self.grounds = QComboBox()
        for code in REJECT_GROUNDS:
            self.grounds.addItem(words.reject_grounds(code), code)
        self.text = self.reason_box(self.tr("Needed to reject, withdraw or reopen, and to complete a request "
                                            "whose answer was never sent"))
        self.form.addRow(self.tr("New status"), self.target)
        self.form.addRow(self.tr("Grounds"), self.grounds)
        self.form.addRow(self.tr("Reason"), self.text)
        self.target.currentIndexChanged.connect(self._changed)
        self._changed()
        self.finish()

    def _changed(self) -> None:
        rejecting = self.target.currentData() == Status.REJECTED
        self.grounds.setEnabled(rejecting)
        self.form.labelForField(self.grounds).setEnabled(rejecting)

    @property
    def values(self) -> tuple[str, str | None, str]:
        target = str(self.target.currentData())
        grounds = str(self.grounds.currentData()) if target == Status.REJECTED else None
        return target, grounds, self.text.toPlainText().strip()


class AssignDialog(_Base):
    def __init__(self, count: int, known: list[str], me: str, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Assign {0} requests").format(count) if count > 1 else self.tr("Assign request"), "",
                         parent)
        self.who = QComboBox()
        self.who.setEditable(True)
        self.who.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        names = [me] + sorted(n for n in set(known) if n and n != me)
        self.who.addItems(names)
        self.who.addItem(self.tr("(nobody)"), "")
        self.who.setCurrentIndex(0)
        self.form.addRow(self.tr("Assign to"), self.who)
        self.finish()
        self.who.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def assignee(self) -> str | None:
        if self.who.currentIndex() == self.who.count() - 1 and self.who.currentText() == self.who.itemText(self.who.count() - 1):
            return None
        return self.who.currentText().strip() or None
