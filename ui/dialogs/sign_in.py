"""Sign-in: user name and password, the authenticator code, first-time set-up of the code.

Every check (argon2 takes a quarter of a second, and a server may be far away) runs in the
writer thread, through console.session; the dialog only shows what came back. The session token goes to the OS
keyring under the entry the CLI uses, so a live session resumes at the next start without
asking; an ended one asks again and says why.
"""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPixmap, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from console.errors import ConsoleError
from console.security import auth
from console.session import Database, Kept, finish_and_keep, sign_in_and_keep
from ui import errors, style
from ui.tasks import Tasks

QR_MODULE_PX = 8  # console.security.totp draws each QR module 8 pixels wide
QR_SHOWN_MODULE_PX = 5


def grouped(secret: str) -> str:
    """The key in blocks of four, as authenticator apps show it and people type it."""
    return " ".join(secret[i:i + 4] for i in range(0, len(secret), 4))


# --- the dialog ----------------------------------------------------------------------------


def _banner(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class SignInDialog(QDialog):
    """Sign in to one database; ``signed_in`` carries the :class:`Kept` session."""

    signed_in = Signal(object)

    CREDENTIALS, ENROLMENT = 0, 1

    def __init__(self, db: Database, tasks: Tasks, *, username: str = "", notice: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.tasks = tasks
        self.enrolment: auth.Enrolment | None = None
        self._busy = False
        self.setWindowTitle(self.tr("Sign in — Privacy Console"))
        self.setWindowIcon(style.icon("app"))
        self.setMinimumWidth(460)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._credentials_page(username, notice))
        self.pages.addWidget(self._enrolment_page())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.addWidget(self.pages)
        self._show_page(self.CREDENTIALS)
        (self.password if username else self.username).setFocus()

    # --- building ---------------------------------------------------------------------------

    def _heading(self, title: str, sub: str) -> tuple[QHBoxLayout, QLabel]:
        icon = QLabel()
        icon.setPixmap(style.icon("app").pixmap(40, 40))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(title)
        heading.setObjectName("reference")
        below = QLabel(sub)
        below.setProperty("muted", True)
        below.setWordWrap(True)
        below.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(heading)
        text.addWidget(below)
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(icon)
        row.addLayout(text, 1)
        return row, below

    def _code_field(self) -> QLineEdit:
        field = QLineEdit()
        field.setValidator(QRegularExpressionValidator(QRegularExpression(r"[0-9 ]{0,7}"), field))
        field.setPlaceholderText(self.tr("6 digits"))
        field.setMaximumWidth(140)
        field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
        return field

    def _credentials_page(self, username: str, notice: str) -> QWidget:
        page = QWidget()
        self.notice = QLabel(notice)
        self.notice.setObjectName("infoBanner")
        self.notice.setWordWrap(True)
        self.notice.setVisible(bool(notice))
        self.username = QLineEdit(username)
        self.username.setAccessibleName(self.tr("User name"))
        self.username.textEdited.connect(self._other_user)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.code = self._code_field()
        self.code.setAccessibleName(self.tr("Authenticator code"))
        self.code_label = QLabel(self.tr("Code"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.code_label, self.code)
        self._show_code(False)
        self.message = _banner("banner")  # a refusal: wrong password or code, a locked account
        self.hint = _banner("infoBanner")  # what to do next: the code from the app
        self.quit_button = QPushButton(self.tr("Quit"))
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setProperty("primary", True)
        self.sign_in_button.setDefault(True)
        self.quit_button.clicked.connect(self.reject)
        self.sign_in_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.sign_in_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addLayout(self._heading(self.tr("Sign in"), self.tr("to {0}").format(self.db.safe_url))[0])
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    def _enrolment_page(self) -> QWidget:
        page = QWidget()
        intro = QLabel(self.tr("Your role signs in with a code from an authenticator app on your phone as well as "
                               "the password. Scan this QR code with the app, then enter the 6-digit code it shows."))
        intro.setWordWrap(True)
        self.qr = QLabel()
        self.qr.setAccessibleName(self.tr("QR code for the authenticator app"))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setStyleSheet("background: #ffffff; border: 1px solid #dde2e8; border-radius: 4px;")
        by_hand = QLabel(self.tr("Cannot scan it? Add an account in the app by hand with this key "
                                 "(time-based, 6 digits, every 30 seconds):"))
        by_hand.setWordWrap(True)
        by_hand.setProperty("muted", True)
        self.secret = QLabel()
        self.secret.setObjectName("secretKey")
        self.secret.setStyleSheet("font-family: monospace; font-size: 15px; font-weight: 600;")
        self.secret.setWordWrap(True)
        self.secret.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_secret = QPushButton(self.tr("Copy key"))
        self.copy_secret.clicked.connect(self._copy_secret)
        side = QVBoxLayout()
        side.addWidget(by_hand)
        side.addWidget(self.secret)
        side.addWidget(self.copy_secret, 0, Qt.AlignmentFlag.AlignLeft)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.setSpacing(16)
        middle.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignTop)
        middle.addLayout(side, 1)
        self.first_code = self._code_field()
        self.first_code.setAccessibleName(self.tr("Code from the app"))
        code_row = QFormLayout()
        code_row.addRow(self.tr("Code from the app"), self.first_code)
        self.enrol_message = _banner("banner")
        self.back_button = QPushButton(self.tr("Back"))
        self.finish_button = QPushButton(self.tr("Finish set-up and sign in"))
        self.finish_button.setProperty("primary", True)
        self.back_button.clicked.connect(self._back)
        self.finish_button.clicked.connect(self.finish)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        heading, self.enrol_for = self._heading(self.tr("Set up your authenticator app"), "")
        layout.addLayout(heading)
        layout.addWidget(intro)
        layout.addLayout(middle)
        layout.addLayout(code_row)
        layout.addWidget(self.enrol_message)
        layout.addStretch(1)
        layout.addLayout(buttons)
        return page

    # --- state ------------------------------------------------------------------------------

    def _show_page(self, index: int) -> None:
        """Only the page on show counts for the dialog's size, so each page stays compact."""
        for i, page in enumerate(self.pages.widget(n) for n in range(self.pages.count())):
            policy = QSizePolicy.Policy.Preferred if i == index else QSizePolicy.Policy.Ignored
            if page is not None:
                page.setSizePolicy(policy, policy)
        self.pages.setCurrentIndex(index)
        self._fit()

    def _fit(self) -> None:
        """As tall as the wrapped text needs at the dialog's width (adjustSize guesses too tall)."""
        self.adjustSize()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            self.resize(self.width(), max(layout.totalHeightForWidth(self.width()), layout.totalMinimumSize().height()))

    def _show_code(self, shown: bool) -> None:
        self.code_label.setVisible(shown)
        self.code.setVisible(shown)

    def _other_user(self) -> None:
        """The code field belongs to the account that asked for it: another name starts over."""
        if self.code.isVisible():
            self._show_code(False)
            self.code.clear()
            self._say(self.hint, "")

    def _say(self, label: QLabel, text: str) -> None:
        """One message at a time under the fields; the dialog grows to show all of it."""
        for other in (self.message, self.hint, self.enrol_message):
            if other is not label:
                other.hide()
        label.setText(text)
        label.setVisible(bool(text))
        self._fit()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        for w in (self.username, self.password, self.code, self.sign_in_button, self.first_code,
                  self.finish_button, self.back_button):
            w.setEnabled(not busy)
        self.sign_in_button.setText(self.tr("Signing in…") if busy else self.tr("Sign in"))
        self.finish_button.setText(self.tr("Checking the code…") if busy else self.tr("Finish set-up and sign in"))

    # --- signing in -------------------------------------------------------------------------

    def submit(self) -> None:
        if self._busy:
            return
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self._say(self.message, self.tr("Enter your user name and password."))
            (self.password if username else self.username).setFocus()
            return
        code = self.code.text().strip() if self.code.isVisible() else ""
        if self.code.isVisible() and not code:
            self._say(self.message, self.tr("Enter the 6-digit code from your authenticator app."))
            self.code.setFocus()
            return
        self._set_busy(True)
        self.tasks.write(sign_in_and_keep, self.db, username, password, code or None,
                         on_done=self._done, on_error=self._refused, owner=self)

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, auth.CodeRequired):
            self._show_code(True)
            self._say(self.hint, self.tr("Enter the 6-digit code your authenticator app shows for Privacy "
                                         "Console."))
            self.code.setFocus()
            return
        if isinstance(exc, auth.EnrolmentRequired):
            self._set_busy(True)
            self.tasks.write(auth.begin_enrolment, self.db, self.username.text().strip(), self.password.text(),
                             on_done=self._enrol, on_error=self._failed, owner=self)
            return
        self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        """Wrong password, wrong or used code, a locked account, a lost server: said here, then retry."""
        self._set_busy(False)
        if self.pages.currentIndex() != self.CREDENTIALS:
            self._show_page(self.CREDENTIALS)
        if isinstance(exc, ConsoleError):
            self._say(self.message, str(exc))
        else:
            self._say(self.message, self.tr("Sign-in failed: something the console did not expect went wrong."))
            errors.show_unexpected(self, type(exc), exc, exc.__traceback__)
        self.password.clear()
        self.code.clear()
        self.password.setFocus()

    def _enrol(self, enrolment: auth.Enrolment) -> None:
        self._set_busy(False)
        self.enrolment = enrolment
        pixmap = QPixmap()
        pixmap.loadFromData(enrolment.qr_png, "PNG")
        modules = max(pixmap.width() // QR_MODULE_PX, 1)
        side = modules * QR_SHOWN_MODULE_PX  # whole pixels a module: crisp, and scannable from a screen
        self.qr.setPixmap(pixmap.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio,
                                        Qt.TransformationMode.FastTransformation))
        self.qr.setFixedSize(side + 8, side + 8)
        self.secret.setText(grouped(enrolment.secret))
        self.enrol_for.setText(self.tr("for {0} on {1}").format(enrolment.username, self.db.safe_url))
        self.first_code.clear()
        self._say(self.enrol_message, "")
        self._show_page(self.ENROLMENT)
        self.first_code.setFocus()

    def finish(self) -> None:
        if self._busy or self.enrolment is None:
            return
        code = self.first_code.text().strip()
        if not code:
            self._say(self.enrol_message, self.tr("Enter the 6-digit code the app shows."))
            return
        self._set_busy(True)
        e = self.enrolment
        self.tasks.write(finish_and_keep, self.db, e.username, self.password.text(), e.secret, code,
                         on_done=self._done, on_error=self._enrol_refused, owner=self)

    def _enrol_refused(self, exc: BaseException) -> None:
        self._set_busy(False)
        if not isinstance(exc, ConsoleError):
            self._failed(exc)
            return
        self._say(self.enrol_message, str(exc))
        self.first_code.clear()
        self.first_code.setFocus()

    def _back(self) -> None:
        self.enrolment = None
        self.qr.clear()
        self.secret.clear()
        self.password.clear()
        self._show_page(self.CREDENTIALS)
        self._say(self.message, "")
        self.password.setFocus()

    def _copy_secret(self) -> None:
        if self.enrolment is not None:
            QGuiApplication.clipboard().setText(self.enrolment.secret)

    def _done(self, kept: Kept) -> None:
        self._set_busy(False)
        self.password.clear()
        self.code.clear()
        self.enrolment = None
        self.signed_in.emit(kept)
        self.accept()
