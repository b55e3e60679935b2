"""The one base of the window's form dialogs: a form, a problem line, OK/Cancel, checks as you type.

:class:`FormDialog` is a step's small dialog (an intro, a few rows, OK): a subclass adds rows to
``self.form`` and calls :meth:`FormDialog.finish`; with ``checked`` its :meth:`~FormDialog.check`
(the console's pure rules) runs on every change and OK waits until it passes.

:class:`RecordFormDialog` is a dialog that registers a new record: the form beside a summary of
what will follow (the deadline a new request or incident gets), validated as you type, and saved in
the writer thread by the feature's ``save_command``; the service's refusal is shown as its message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.errors import ConsoleError
from ui.context import AppContext
from ui.errors import show_error


def set_problem(label: QLabel, text: str, quiet: bool = False) -> None:
    """A problem in red, or a quiet hint before the person typed anything."""
    name = "muted" if quiet else "problem"
    if label.objectName() != name:
        label.setObjectName(name)
        label.style().unpolish(label)
        label.style().polish(label)
    label.setText(text)


def mark(widget: QWidget, bad: bool) -> None:
    """Outline a field the problem is about (besides saying it)."""
    if widget.property("invalid") != bad:
        widget.setProperty("invalid", bad)
        widget.style().unpolish(widget)
        widget.style().polish(widget)


def text_box(placeholder: str, height: int = 56) -> QPlainTextEdit:
    """A few lines of text; Tab moves on to the next field."""
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setTabChangesFocus(True)
    box.setFixedHeight(height)
    return box


def watch(changed: Callable[..., Any], *widgets: QWidget) -> None:
    """Call ``changed`` whenever any of these fields changes, whatever kind of field it is."""
    for w in widgets:
        if isinstance(w, QAbstractButton):
            w.toggled.connect(changed)
        elif isinstance(w, QComboBox) and w.isEditable():
            w.currentTextChanged.connect(changed)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(changed)
        elif isinstance(w, QListWidget):
            w.itemChanged.connect(changed)
        elif isinstance(w, QLineEdit | QPlainTextEdit):
            w.textChanged.connect(changed)
        else:
            w.changed.connect(changed)  # type: ignore[attr-defined]  # the window's own composite fields


class FormDialog(QDialog):
    """Intro, form, (with ``checked``) a line for the problem, OK/Cancel."""

    def __init__(self, title: str, intro: str, parent: QWidget | None, *, width: int = 460,
                 checked: bool = False) -> None:
        super().__init__(parent)
        self._checked = checked
        self._ready = False  # no checks while the form is still being built
        self.setWindowTitle(title)
        self.setMinimumWidth(width)
        self.layout_ = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            self.layout_.addWidget(label)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if checked:
            self.ok.setProperty("primary", True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        """The rows are in: add the problem line and the buttons, and check once."""
        if self._checked:
            self.layout_.addWidget(self.problem)
        self.layout_.addWidget(self.buttons)
        self._ready = True
        self.revalidate()

    def text_box(self, placeholder: str, height: int = 90) -> QPlainTextEdit:
        box = text_box(placeholder, height)
        if self._checked:
            box.textChanged.connect(self.revalidate)
        return box

    def check(self) -> None:
        """Raise a ConsoleError for what the rules refuse (pure checks only)."""

    def pristine(self) -> bool:
        """Nothing typed yet: the problem is said quietly."""
        return False

    def revalidate(self, *_: Any) -> bool:
        if not self._ready or not self._checked:
            return self._ready
        try:
            self.check()
        except ConsoleError as exc:
            set_problem(self.problem, str(exc), quiet=self.pristine())
            self.ok.setEnabled(False)
            return False
        set_problem(self.problem, "")
        self.ok.setEnabled(True)
        return True

    def accept(self) -> None:
        if not self._checked or self.revalidate():
            super().accept()


class RecordFormDialog(QDialog):
    """The form beside a summary box, validated as you type, saved by ``save_command`` in the writer thread.

    Subclasses set ``save_command`` (``fn(ctx, record) -> view``) and answer :meth:`record` (the
    form read into the command's input), :meth:`validate` (the console's pure check of it) and
    :meth:`preview` (the summary of what saving would do); then call :meth:`finish`.
    """

    created = Signal(object)  # the view the service returned

    save_command: ClassVar[Callable[..., Any]]

    def __init__(self, app: AppContext, title: str, width: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.view: Any = None
        self._saving = False
        self.setWindowTitle(title)
        self.setMinimumWidth(width)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setProperty("primary", True)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    # --- declarations ----------------------------------------------------------------------

    def record(self) -> Any:
        """The form as the save command's input (may raise ConsoleError for what cannot be read)."""
        raise NotImplementedError

    def validate(self, record: Any) -> None:
        """Raise ConsoleError for what the console's pure rules refuse."""
        raise NotImplementedError

    def preview(self, record: Any) -> None:
        """Show what saving would do (the deadline it starts)."""

    def adapt(self) -> None:
        """Show the rows this choice needs, hide the others (before each check)."""

    def pristine(self) -> bool:
        """Nothing typed yet: no red before the person typed anything."""
        return False

    def mark_fields(self, message: str, pristine: bool) -> None:
        """Outline the fields ``message`` is about ("" : none)."""

    # --- building --------------------------------------------------------------------------

    def finish(self, form: QWidget | QLayout, summary: QGroupBox, save_text: str) -> None:
        """The form (left) beside the summary and the problem line (right), then Save/Cancel; check once."""
        self.save_button.setText(save_text)
        side = QVBoxLayout()
        side.addWidget(summary, 1)
        side.addWidget(self.problem)
        body = QHBoxLayout()
        if isinstance(form, QWidget):
            body.addWidget(form, 3)
        else:
            body.addLayout(form, 3)
        body.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body)
        layout.addWidget(self.buttons)
        self.revalidate()

    # --- live checks and saving ------------------------------------------------------------

    def revalidate(self, *_: Any) -> bool:
        self.adapt()
        try:
            record = self.record()
            self.preview(record)
            self.validate(record)
        except ConsoleError as exc:
            pristine = self.pristine()
            set_problem(self.problem, str(exc), quiet=pristine)
            self.mark_fields(str(exc), pristine)
            self.save_button.setEnabled(False)
            return False
        set_problem(self.problem, "")
        self.mark_fields("", False)
        self.save_button.setEnabled(not self._saving)
        return True

    def save(self) -> None:
        if self._saving or not self.revalidate():
            return
        self._saving = True
        self.save_button.setEnabled(False)
        self.app.tasks.write(type(self).save_command, self.app.ctx, self.record(), on_done=self._saved,
                             on_error=self._refused, owner=self)

    def _saved(self, view: Any) -> None:
        self._saving = False
        self.view = view
        self.created.emit(view)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._saving = False
        self.revalidate()
        show_error(self, exc)
