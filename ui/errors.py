"""How errors reach a person: a console error as its message, anything else with details to copy.

``ConsoleError`` subclasses carry a message written for people (a refused transition, a bad
import line, a lost database): it is shown as is, never a traceback. Anything unexpected gets a
dialog that says so and offers the technical details to copy into a bug report. A global
excepthook sends uncaught exceptions from slots here instead of killing the window.
"""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from console.errors import ConflictError, ConsoleError, StorageError


def _t(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def _parent(parent: QWidget | None) -> QWidget | None:
    return parent if parent is not None else QApplication.activeWindow()


def title_for(exc: BaseException) -> str:
    if isinstance(exc, StorageError):
        return _t("Database problem")
    if isinstance(exc, ConflictError):
        return _t("Changed by somebody else")
    if isinstance(exc, ConsoleError):
        return _t("Not done")
    return _t("Unexpected error")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """The one way a failure is shown: message for console errors, details for the rest."""
    if isinstance(exc, ConsoleError):
        QMessageBox.warning(_parent(parent), title_for(exc), str(exc))
        return
    show_unexpected(parent, type(exc), exc, exc.__traceback__)


def offer_reload(parent: QWidget | None, exc: ConflictError) -> bool:
    """A stale edit: say what happened and offer to reload (True when the person wants to)."""
    box = QMessageBox(QMessageBox.Icon.Warning, title_for(exc), str(exc), QMessageBox.StandardButton.NoButton,
                      _parent(parent))
    reload_button = box.addButton(_t("Reload"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_t("Keep my edits"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(reload_button)
    box.exec()
    return box.clickedButton() is reload_button


def details_of(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    return "".join(traceback.format_exception(kind, exc, tb))


def show_unexpected(parent: QWidget | None, kind: type[BaseException], exc: BaseException,
                    tb: TracebackType | None) -> None:
    details = details_of(kind, exc, tb)
    box = QMessageBox(QMessageBox.Icon.Critical, _t("Unexpected error"),
                      _t("Something went wrong that the console did not expect. Your saved work is safe: "
                         "every change is written in one transaction or not at all.\n\n{0}").format(
                          f"{kind.__name__}: {exc}"),
                      QMessageBox.StandardButton.Close, _parent(parent))
    box.setDetailedText(details)
    copy = box.addButton(_t("Copy details"), QMessageBox.ButtonRole.ActionRole)
    copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(details))
    box.exec()


_showing = {"busy": False}


def excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """Uncaught exceptions in slots: show them (one at a time) instead of aborting the window."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    sys.stderr.write(details_of(kind, exc, tb))
    if QApplication.instance() is None or _showing["busy"]:
        return
    _showing["busy"] = True
    try:
        if isinstance(exc, ConsoleError):
            show_error(None, exc)
        else:
            show_unexpected(None, kind, exc, tb)
    finally:
        _showing["busy"] = False


def install() -> None:
    sys.excepthook = excepthook
