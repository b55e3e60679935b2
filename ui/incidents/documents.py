"""Documents tab: the authority notification, the notice to people, the register and the drill
report, built (and signed with the certificate response packages use) in the background and
saved into a folder the person chooses.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.context import Context
from console.errors import DocumentError
from console.incidents import drill_report, letters, register
from console.incidents.read_models import IncidentView
from console.packages.settings import configured_signing
from console.security.roles import Perm
from ui import style
from ui.errors import show_error
from ui.framework.tabs import scrolled
from ui.incidents import words as iw
from ui.incidents.tabs import Host, IncidentTab
from ui.tasks import with_progress

FOLDER_KEY = "incidents/export_folder"
_PATH_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def _t(text: str) -> str:
    return QCoreApplication.translate("IncidentDocuments", text)  # thread-safe: used in the worker too


def file_name(kind: str, reference: str, today: date) -> str:
    return {
        "authority": f"{reference}-authority-notification.pdf",
        "people": f"{reference}-notice-to-people.pdf",
        "register_pdf": f"breach-register-{today.isoformat()}.pdf",
        "register_csv": f"breach-register-{today.isoformat()}.csv",
        "drill": f"{reference}-drill-report.pdf",
    }[kind]


def free_path(folder: Path, name: str) -> Path:
    """``name`` in ``folder``, or ``stem (2).pdf`` and so on: an earlier export is never overwritten."""
    path = folder / name
    n = 2
    while path.exists():
        path = folder / f"{Path(name).stem} ({n}){Path(name).suffix}"
        n += 1
    return path


def signing_state(ctx: Context) -> str | None:
    """In the worker: the name of the configured signer, or None when no certificate is set."""
    signing = configured_signing(ctx)
    return signing.signer_name if signing is not None else None


def export(ctx: Context, kind: str, reference: str, folder: str, sign: bool, *,
           progress: Callable[[int, int], None], cancel: Callable[[], bool]) -> Path | None:
    """In the worker: build one document, sign it if asked, write it; None when cancelled first."""
    target = Path(folder)
    if not target.is_dir():
        raise DocumentError(_t("The folder {0} does not exist; choose another one.").format(folder))
    if not os.access(target, os.W_OK):
        raise DocumentError(_t("The folder {0} is not writable; choose another one.").format(folder))
    progress(0, 3)
    signing = configured_signing(ctx) if sign and kind != "register_csv" else None
    progress(1, 3)
    if cancel():
        return None
    data: bytes
    if kind == "authority":
        data = letters.authority_report(ctx, reference, signing=signing)
    elif kind == "people":
        data = letters.people_notice(ctx, reference, signing=signing)
    elif kind == "register_pdf":
        data = register.register_pdf(ctx, signing=signing)
    elif kind == "register_csv":
        data = register.register_csv(ctx).encode("utf-8")
    else:
        data = drill_report.drill_report(ctx, reference, signing=signing)
    progress(2, 3)
    path = free_path(target, file_name(kind, reference, ctx.now().astimezone(ctx.catalogue.organisation.tz).date()))
    try:
        path.write_bytes(data)
    except OSError as exc:
        raise DocumentError(_t("{0} could not be written: {1}").format(path, exc.strerror or exc)) from None
    progress(3, 3)
    return path


def default_folder() -> str:
    documents = Path.home() / "Documents"
    return str(documents if documents.is_dir() else Path.home())


class DocumentsTab(IncidentTab):
    def __init__(self, host: Host, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        self._view: IncidentView | None = None
        self._checked_signing = False
        prefs = host.app.prefs
        self.folder = QLineEdit(str(prefs.value(FOLDER_KEY) or default_folder()))
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose)
        self.sign = QCheckBox(self.tr("Sign PDFs with the certificate configured for response packages"))
        self.sign.setChecked(True)
        self.signer = QLabel()
        self.signer.setProperty("muted", True)
        self.signer.setWordWrap(True)
        where = QGroupBox(self.tr("Save into"))
        where_layout = QGridLayout(where)
        where_layout.addWidget(self.folder, 0, 0)
        where_layout.addWidget(choose, 0, 1)
        where_layout.addWidget(self.sign, 1, 0, 1, 2)
        where_layout.addWidget(self.signer, 2, 0, 1, 2)
        where_layout.setRowStretch(3, 1)
        self.buttons: dict[str, QPushButton] = {}
        docs = QGroupBox(self.tr("Documents"))
        grid = QGridLayout(docs)
        for i, (kind, text, what) in enumerate((
            ("authority", self.tr("Authority notification (PDF)"),
             self.tr("What GDPR Art. 33(3) asks for: nature, categories and numbers, contact point, likely "
                     "consequences, measures.")),
            ("people", self.tr("Notice to the people (PDF)"),
             self.tr("The Art. 34 notice in clear and plain language.")),
            ("register_pdf", self.tr("Breach register (PDF)"),
             self.tr("Every real breach (Art. 33(5)); drills never appear in it.")),
            ("register_csv", self.tr("Breach register (CSV)"), self.tr("The same register as a spreadsheet.")),
            ("drill", self.tr("Drill report (PDF)"),
             self.tr("The time to each milestone against its target.")),
        )):
            button = QPushButton(style.icon("export"), text)
            button.clicked.connect(lambda _c=False, k=kind: self.export(k))
            label = QLabel(what)
            label.setWordWrap(True)
            label.setProperty("muted", True)
            self.buttons[kind] = button
            grid.addWidget(button, i, 0)
            grid.addWidget(label, i, 1)
            if kind == "drill":
                self._drill_label = label
        grid.setColumnStretch(1, 1)
        self.saved = QListWidget()
        self.saved.setToolTip(self.tr("Double-click to open"))
        self.saved.itemDoubleClicked.connect(self._open)
        self.saved.setMaximumHeight(110)
        saved_row = QHBoxLayout()
        saved_row.addWidget(QLabel(self.tr("Saved in this session")))
        saved_row.addStretch(1)
        open_folder = QPushButton(self.tr("Open folder"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(self.folder.text())))
        saved_row.addWidget(open_folder)
        top = QHBoxLayout()
        top.addWidget(docs, 3)
        top.addWidget(where, 2)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(top)
        layout.addLayout(saved_row)
        layout.addWidget(self.saved, 1)
        scrolled(self, body)  # the window stays usable at 1024x640

    def show_incident(self, view: IncidentView) -> None:
        self._view = view
        self.buttons["drill"].setVisible(view.is_drill)
        self._drill_label.setVisible(view.is_drill)
        may = self.host.app.ctx.actor.can(Perm.INCIDENTS)  # the letters are noted on the incident's timeline
        self.buttons["authority"].setEnabled(may)
        self.buttons["people"].setEnabled(may and view.risk is not None)
        self.buttons["authority"].setToolTip("" if may else iw.no_permission())
        self.buttons["people"].setToolTip(iw.no_permission() if not may else "" if view.risk is not None
                                          else self.tr("Assess the risk before writing to the people affected."))

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if not self._checked_signing:
            self._checked_signing = True
            self.host.app.tasks.read(signing_state, self.host.app.ctx, on_done=self._signing_known,
                                     on_error=self._signing_failed, owner=self)

    def _signing_known(self, name: str | None) -> None:
        self.sign.setEnabled(name is not None)
        self.sign.setChecked(name is not None)
        self.signer.setText(self.tr("Signed by {0}.").format(name) if name else
                            self.tr("No signing certificate is configured (Settings, Signing certificate): "
                                    "documents are saved unsigned."))

    def _signing_failed(self, exc: BaseException) -> None:
        self.signer.setText(self.tr("The signing certificate cannot be used: {0}").format(exc))

    def _choose(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save documents into"), self.folder.text())
        if folder:
            self.folder.setText(folder)
            self.host.app.prefs.set_value(FOLDER_KEY, folder)

    def export(self, kind: str) -> None:
        view = self._view
        if view is None:
            return
        label = self.buttons[kind].text()
        with_progress(self.host.app.tasks, self, self.tr("Building {0}…").format(label), export, self.host.app.ctx,
                      kind, view.reference, self.folder.text().strip(), self.sign.isChecked() and self.sign.isEnabled(),
                      on_done=lambda path: self._saved(kind, path), on_error=lambda exc: show_error(self, exc))

    def _saved(self, kind: str, path: Path | None) -> None:
        if path is None:
            return
        item = QListWidgetItem(style.icon("export"), str(path))
        item.setData(_PATH_ROLE, str(path))
        self.saved.insertItem(0, item)
        self.saved.setCurrentItem(item)
        if kind in ("authority", "people"):
            self.host.reload()  # the document was noted on the timeline

    def _open(self, item: QListWidgetItem) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(item.data(_PATH_ROLE))))
