"""Import requests from a web-form export: a file picker, a progress dialog with Cancel, and
the bad lines listed one by one when the console refuses the file (nothing is imported then).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from console.errors import ImportRejected
from console.requests import intake
from console.requests.intake import ImportResult
from ui import words
from ui.context import AppContext
from ui.errors import show_error
from ui.tasks import Task, with_progress


def _t(text: str) -> str:
    return QCoreApplication.translate("Import", text)


class ImportProblemsDialog(QDialog):
    """Every bad line with its number and reason, so the export can be fixed and sent again."""

    def __init__(self, exc: ImportRejected, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Nothing was imported"))
        self.setMinimumSize(640, 380)
        summary = QLabel(self.tr("{0} of {1} lines cannot be imported, so nothing was. Fix these lines and import "
                                 "the file again:").format(len(exc.problems), exc.total))
        summary.setWordWrap(True)
        self.lines = QListWidget()
        self.lines.setWordWrap(True)
        self.lines.setAlternatingRowColors(True)
        for line, why in exc.problems:
            self.lines.addItem(self.tr("Line {0}: {1}").format(line, why))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton(self.tr("Copy the list"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(
            "\n".join(self.lines.item(i).text() for i in range(self.lines.count()))))
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.lines, 1)
        layout.addWidget(buttons)


def choose_file(parent: QWidget | None) -> str:
    path, _ = QFileDialog.getOpenFileName(parent, _t("Import requests"), "",
                                          _t("Web-form exports (*.csv *.json);;All files (*)"))
    return path


def import_requests(app: AppContext, parent: QWidget | None, path: str | None = None) -> Task | None:
    """Ask for a file (unless given), import it in the writer thread behind a progress dialog."""
    path = path or choose_file(parent)
    if not path:
        return None

    def done(result: ImportResult) -> None:
        app.events.requests_changed.emit()
        text = words.howmany(result.imported, _t("Imported {0} request."), _t("Imported {0} requests."))
        if result.duplicates:
            text += " " + _t("{0} are possible duplicates of open requests and are flagged in their history.").format(
                len(result.duplicates))
        QMessageBox.information(parent, _t("Import finished"), text)

    def failed(exc: BaseException) -> None:
        if isinstance(exc, ImportRejected):
            ImportProblemsDialog(exc, parent).exec()
        else:
            show_error(parent, exc)

    return with_progress(app.tasks, parent, _t("Importing requests…"), intake.import_file, app.ctx, path,
                         on_done=done, on_error=failed, in_writer=True)
