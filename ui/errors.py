"""How errors reach a person: a console error as its message, anything else with details to copy.

``ConsoleError`` subclasses carry a message written for people (a refused transition, a bad
import line, a lost database): it is shown as is, never a traceback. Anything unexpected gets a
dialog that says so and offers the technical details to copy into a bug report. A global
excepthook sends uncaught exceptions from slots here instead of killing the window.
"""

from __future__ import annotations

import logging
import re
import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from console import logfile
from console.errors import Cancelled, ConflictError, ConsoleError, StorageError


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


# Console messages name the command to run; in the window they name the button to press instead.
_IN_WINDOW: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"No signing certificate is configured: run 'privacy-console cert use FILE\.p12'.*", re.S),
     "No signing certificate is configured: choose one in Settings (Signing certificate), or press Preview to "
     "read the letter unsigned first."),
    (re.compile(r"Gather it first with 'privacy-console data fetch [^']*' or 'privacy-console data import [^']*'\."),
     "Gather it first on the Data tab: press Fetch from data sources, or Import file…."),
    (re.compile(r"build one with 'privacy-console package build'\."), "build one on the Package tab: press Build and sign…."),
    (re.compile(r"with 'privacy-console cert use [^']*'(?: \(Settings, Signing certificate, in the window\))?"),
     "in Settings (Signing certificate)"),
    (re.compile(r"record it first with 'privacy-console request extend [^']*'"), "press Extend… to record it first"),
    (re.compile(r"\('privacy-console request reject [^']*'\)"), "(press Reject…)"),
    (re.compile(r"add one with 'privacy-console source add' or import a file"),
     "press Import file… on the Data tab to add an export by hand"),
)


def in_window(message: str) -> str:
    """The message as the window says it: buttons to press, not commands to run."""
    for pattern, words in _IN_WINDOW:
        message = pattern.sub(lambda _m, w=words: _t(w), message)
    return message


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    """The one way a failure is shown: message for console errors, details for the rest.

    A cancel the person asked for is told by its class and says nothing: they know, and the
    operation kept nothing half-done.
    """
    if isinstance(exc, Cancelled):
        return
    if isinstance(exc, ConsoleError):
        QMessageBox.warning(_parent(parent), title_for(exc), in_window(str(exc)))
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
    logfile.failure(logging.getLogger("ui"), "uncaught", exc, tb)
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
