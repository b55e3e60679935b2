"""The Package tab's dialogs: choose the signing certificate, a built package, a verification report.

They only show values a task already produced (or collect what a task will need); none of them
touches a file, the keyring or the database itself.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.packages.verify import VerifyReport
from ui import style, words
from ui.package.words import kind_title, size

if TYPE_CHECKING:
    from console.packages.builder import PackageResult


def open_location(path: str) -> None:
    """Show a package in the file manager: the folder itself, or the folder holding the .zip."""
    target = Path(path)
    folder = target if target.suffix.lower() != ".zip" else target.parent
    QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _value(text: str, mono: bool = False) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMinimumWidth(1)
    if mono:
        label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return label


def _two_lines(fingerprint: str) -> str:
    """A SHA-256 fingerprint with colons (95 characters) as two lines of 16 bytes, for reading aloud."""
    parts = fingerprint.split(":")
    if len(parts) <= 16:
        return fingerprint
    return ":".join(parts[:16]) + ":\n" + ":".join(parts[16:])


def _banner(text: str, ok: bool) -> QLabel:
    label = QLabel(text)
    label.setObjectName("okBanner" if ok else "banner")
    label.setWordWrap(True)
    return label


class SigningDialog(QDialog):
    """The certificate file and its passphrase; the tab calls ``configure_signing`` with them."""

    def __init__(self, current: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Signing certificate"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("Packages are signed with the organisation's certificate: a PKCS#12 file (.p12 or "
                               ".pfx) that holds its private key. The file is opened now, so a wrong passphrase is "
                               "caught here. The passphrase is kept in this computer's keyring, never in the "
                               "database."))
        intro.setWordWrap(True)
        self.path = QLineEdit(current)
        self.path.setPlaceholderText(self.tr("organisation.p12"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Certificate file"), row)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.addButton(self.tr("Use this certificate"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setProperty("primary", True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.path.textChanged.connect(self._check)
        self.passphrase.textChanged.connect(self._check)
        self._check()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Signing certificate"), self.path.text(),
                                              self.tr("Certificates (*.p12 *.pfx);;All files (*)"))
        if path:
            self.path.setText(path)
            self.passphrase.setFocus()

    def _check(self) -> None:
        self.ok.setEnabled(bool(self.path.text().strip()) and bool(self.passphrase.text()))


class BuiltDialog(QDialog):
    """What was built: where, its fingerprint, who signed, how big; with a way to the folder."""

    verify_requested = Signal(str)

    def __init__(self, result: PackageResult, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.built = result  # not ``result``: QDialog.result() is the dialog's return code
        self.setWindowTitle(self.tr("Package built"))
        self.setMinimumWidth(620)
        if result.signed:
            head = self.tr("The package for {ref} is built and signed: {kind}.")
        else:
            head = self.tr("The package for {ref} is built as an unsigned draft: {kind}. Do not send it.")
        banner = _banner(head.format(ref=result.reference, kind=kind_title(result.kind)), result.signed)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Folder"), _value(result.path))
        form.addRow(self.tr("Letter"), _value(result.letter))
        form.addRow(self.tr("Manifest hash"), _value(result.manifest_hash, mono=True))
        if result.signed:
            form.addRow(self.tr("Signed by"), _value(result.signed_by or ""))
            form.addRow(self.tr("Signed at"), _value(words.local_time(result.signed_at, zone)))
        form.addRow(self.tr("Pages"), _value(str(result.pages)))
        form.addRow(self.tr("Files"), _value(self.tr("{0} files, {1}").format(len(result.files), size(result.size))))
        if result.records:
            form.addRow(self.tr("Records"), _value(str(result.records)))
        note = QLabel(self.tr("Send the package to the person, then record it here with Mark as sent. The manifest "
                              "hash is stored with the request: it proves later what was sent."))
        note.setWordWrap(True)
        note.setProperty("muted", True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("Open folder"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setIcon(style.icon("export"))
        self.open_button.clicked.connect(lambda: open_location(result.path))
        copy = buttons.addButton(self.tr("Copy hash"), QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(result.manifest_hash))
        check = buttons.addButton(self.tr("Verify"), QDialogButtonBox.ButtonRole.ActionRole)
        check.clicked.connect(lambda: self.verify_requested.emit(result.path))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(banner)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)


class VerifyDialog(QDialog):
    """A verification report a person can read: the verdict, each problem, then the details."""

    def __init__(self, report: VerifyReport, zone: tzinfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Package check"))
        self.setMinimumWidth(640)
        name = Path(report.path).name
        if report.ok:
            verdict = self.tr("{0} can be relied on: the signature is valid, nothing was added after signing, and "
                              "every file matches the manifest and the signed letter.").format(name)
        else:
            # the report's own verdict: a package whose signer cannot be verified has no problem to count
            verdict = self.tr("{0}: {1}").format(name, QCoreApplication.translate("VerifySummary", report.summary))
            if report.problems:
                verdict += " " + self.tr("Do not send it; build it again.")
            elif not report.trusted:
                verdict += " " + self.tr("To verify the signer, choose the published certificate under Settings, "
                                         "Security, Trusted for checks.")
        self.verdict = _banner(verdict, report.ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        self.findings = QListWidget()
        self.findings.setWordWrap(True)
        self.findings.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for problem in report.problems:
            QListWidgetItem(style.icon("check-fail"), problem, self.findings)
        for note in report.notes:
            QListWidgetItem(style.icon("check-open"), note, self.findings)
        if self.findings.count():
            self.findings.setMaximumHeight(min(220, 34 * self.findings.count() + 12))
            layout.addWidget(self.findings)
        layout.addLayout(self._details(report, zone))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _details(self, report: VerifyReport, zone: tzinfo) -> QFormLayout:
        yes, no = self.tr("yes"), self.tr("no")
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow(self.tr("Package"), _value(report.path))
        if report.letter:
            form.addRow(self.tr("Letter"), _value(report.letter))
        if report.kind:
            form.addRow(self.tr("Kind"), _value(kind_title(report.kind)))
        form.addRow(self.tr("Files checked"), _value(str(report.files_checked)))
        if report.signed:
            facts = [self.tr("intact") if report.intact else self.tr("NOT intact"),
                     self.tr("valid") if report.valid else self.tr("NOT valid"),
                     self.tr("trusted") if report.trusted else self.tr("certificate not on the trust list")]
            form.addRow(self.tr("Signature"), _value(", ".join(facts)))
            form.addRow(self.tr("Changed after signing"), _value(yes if report.modified_after_signing else no))
            form.addRow(self.tr("Signer"), _value(report.signer_subject))
            form.addRow(self.tr("Fingerprint"), _value(_two_lines(report.signer_fingerprint), mono=True))
            if report.signed_at:
                when = datetime.fromisoformat(report.signed_at)
                form.addRow(self.tr("Signed at"), _value(words.local_time(when, zone)))
        else:
            form.addRow(self.tr("Signature"), _value(self.tr("none: an unsigned draft")))
        if report.manifest_hash:
            form.addRow(self.tr("Manifest hash"), _value(report.manifest_hash, mono=True))
        return form

    def text(self) -> str:
        """The verdict and findings as plain text (what a test or a bug report reads)."""
        items = [self.findings.item(i).text() for i in range(self.findings.count())]
        return "\n".join([self.verdict.text(), *items])
