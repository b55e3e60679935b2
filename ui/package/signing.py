"""The signing line of the Package tab: which certificate signs, or why none can, and how to fix it.

The state comes from ``jobs.signing_state`` in a task (keyring and certificate file stay off the
GUI thread); choosing a certificate calls ``configure_signing`` in the writer. Choosing one needs
the settings right: others see the line and the reason.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QWidget

from console.packages import CertificateInfo, configure_signing
from console.security.roles import Perm
from ui import style, words
from ui.context import AppContext
from ui.errors import show_error
from ui.package import jobs
from ui.package.dialogs import SigningDialog
from ui.package.words import refusal

EXPIRY_WARNING_DAYS = 30


class SigningBar(QWidget):
    configured = Signal(bool)  # a certificate was chosen; True when a build waits for it

    def __init__(self, app: AppContext, show_dialog: Callable[[QWidget], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._show_dialog = show_dialog
        actor = app.ctx.actor
        self.can_work = actor.can(Perm.WORK_REQUESTS)
        self.can_sign = self.can_work and actor.can(Perm.SIGN)
        self.can_configure = actor.can(Perm.SETTINGS)
        self.state: jobs.SigningState | None = None
        self._loading = False
        self.label = QLabel()
        self.label.setProperty("muted", True)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.configure_button = QPushButton(style.icon("settings"), self.tr("Configure signing…"))
        self.configure_button.clicked.connect(lambda: self.configure())
        self.configure_button.setEnabled(self.can_configure)
        if not self.can_configure:
            self.configure_button.setToolTip(refusal(actor, (Perm.SETTINGS,), self.tr("Choosing the signing certificate")))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.configure_button)
        # hidden or shown once in the bar: shown before, the lone button was a window of its own, which
        # flashed up and took the keyboard from the main window when the tab is built after it is up
        self.configure_button.setVisible(self.can_sign or self.can_configure)
        self._show()

    @property
    def ready(self) -> bool:
        """False only when the state is known and says no (unknown: the build itself will tell)."""
        return self.state is None or self.state.ready

    def text(self) -> str:
        return self.label.text()

    def trust_roots(self) -> list[bytes] | None:
        return [self.state.info.pem] if self.state is not None and self.state.info is not None else None

    def load(self, force: bool = False) -> None:
        if not (self.can_sign or self.can_configure) or self._loading or (self.state is not None and not force):
            return
        self._loading = True
        self.state = None
        self._show()
        self.app.tasks.read(jobs.signing_state, self.app.ctx, on_done=self._known, on_error=self._failed, owner=self)

    def _known(self, state: jobs.SigningState) -> None:
        self._loading = False
        self.state = state
        self._show()

    def _failed(self, exc: BaseException) -> None:
        self._loading = False
        self.state = jobs.SigningState(True, None, str(exc))
        self._show()

    def _show(self) -> None:
        state = self.state
        self.configure_button.setText(self.tr("Configure signing…"))
        if not self.can_sign and not self.can_configure:
            text = refusal(self.app.ctx.actor, (Perm.WORK_REQUESTS, Perm.SIGN), self.tr("Building and signing a package"))
            self.label.setText(text + (" " + self.tr("You can preview the letter.") if self.can_work else ""))
        elif state is None:
            self.label.setText(self.tr("Checking the signing certificate…"))
        elif state.info is not None:
            self.label.setText(self._describe(state.info))
            self.configure_button.setText(self.tr("Change certificate…"))
        elif not state.configured:
            self.label.setText(self.tr("No signing certificate is configured yet: packages cannot be signed."))
        else:
            self.label.setText(self.tr("The signing certificate cannot be used: {0}").format(state.problem))

    def _describe(self, info: CertificateInfo) -> str:
        text = self.tr("Signs as {name} · fingerprint {fp}… · valid until {until}").format(
            name=info.common_name or info.subject, fp=info.fingerprint[:17],
            until=words.local_date(info.not_after, self.app.zone))
        days = (info.not_after - self.app.ctx.now()).days
        if days < EXPIRY_WARNING_DAYS:
            text += " · " + self.tr("expires in {0} days: order a new one").format(max(days, 0))
        return text

    # --- fixing it ---------------------------------------------------------------------------

    def offer_configure(self) -> None:
        """Signing is not possible now: say why, with the way to fix it (then the build goes on)."""
        state = self.state
        if state is None or not state.configured:
            text = self.tr("No signing certificate is configured yet.")
            more = self.tr("Packages are signed with the organisation's certificate, a PKCS#12 file (.p12). "
                           "Choose it and type its passphrase once; this computer's keyring keeps the passphrase.")
        else:
            text = self.tr("The signing certificate cannot be used.")
            more = state.problem
        if not self.can_configure:
            more += "\n\n" + refusal(self.app.ctx.actor, (Perm.SETTINGS,), self.tr("Choosing the signing certificate"))
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Signing certificate"), text,
                          QMessageBox.StandardButton.Close, self.window())
        box.setInformativeText(more)
        if self.can_configure:
            button = box.addButton(self.tr("Configure signing…"), QMessageBox.ButtonRole.AcceptRole)
            button.clicked.connect(lambda: self.configure(then_build=True))
            box.setDefaultButton(button)
        self._show_dialog(box)

    def configure(self, then_build: bool = False) -> None:
        if not self.can_configure:
            return
        dialog = SigningDialog("", self.window())
        dialog.accepted.connect(lambda: self.apply(dialog.path.text().strip(), dialog.passphrase.text(), then_build))
        self._show_dialog(dialog)

    def apply(self, path: str, passphrase: str, then_build: bool = False) -> None:
        self.app.tasks.write(configure_signing, self.app.ctx, path, passphrase,
                             on_done=lambda info: self._configured(info, then_build),
                             on_error=lambda exc: show_error(self, exc), owner=self)

    def _configured(self, info: CertificateInfo, then_build: bool) -> None:
        self.state = jobs.SigningState(True, info, "")
        self._show()
        self.configured.emit(then_build)
