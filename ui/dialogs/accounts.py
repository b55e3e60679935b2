"""Accounts and sign-in for administrators: the Security page of Settings and the account form.

The form checks what it can on the spot (a valid user name, a long enough password typed
twice); the service then hashes the password with argon2 in the writer thread and has the
last word. Every change applies at once for everyone on the database and is audited.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.errors import ConsoleError
from console.security import accounts, auth, config, passwords
from console.security.accounts import AccountView
from console.security.roles import STAFF_ROLES, Perm, Role
from ui import errors, words
from ui.context import AppContext, role_title
from ui.tasks import Tasks

ADD, FIRST, PASSWORD = "add", "first", "password"


@dataclass(frozen=True)
class AccountValues:
    username: str
    display_name: str
    role: Role
    password: str

    def __repr__(self) -> str:  # never print the password into a log or a traceback
        return f"AccountValues(username={self.username!r}, role={self.role.value!r})"


class AccountDialog(QDialog):
    """A new account, the first administrator of a database, or a new password for one account.

    ``run(values)`` is called in the writer thread; its result arrives in ``saved`` and the
    dialog closes; a refusal is shown in the dialog, which stays open to correct it.
    """

    saved = Signal(object)

    def __init__(self, tasks: Tasks, run: Callable[[AccountValues], Any], *, mode: str = ADD,
                 username: str = "", intro: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tasks, self._run, self.mode = tasks, run, mode
        self.setWindowTitle({ADD: self.tr("Add account"), FIRST: self.tr("Create the first administrator"),
                             PASSWORD: self.tr("New password for {0}").format(username)}[mode])
        self.setMinimumWidth(480)
        self.intro = QLabel(intro)
        self.intro.setWordWrap(True)
        self.intro.setVisible(bool(intro))
        self.username = QLineEdit(username)
        self.username.setPlaceholderText(self.tr("e.g. jo.lindahl"))
        self.username.setReadOnly(mode == PASSWORD)
        self.display_name = QLineEdit()
        self.display_name.setPlaceholderText(self.tr("e.g. Jo Lindahl"))
        self.role = QComboBox()
        for role in STAFF_ROLES:
            self.role.addItem(role_title(role), role.value)
        self.role.setCurrentIndex(self.role.findData(Role.ANALYST.value))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least {0} characters; a short phrase is easiest").format(
            passwords.MIN_LENGTH))
        self.repeat = QLineEdit()
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        if mode != PASSWORD:
            form.addRow(self.tr("Full name"), self.display_name)
        if mode == ADD:
            form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Password") if mode != PASSWORD else self.tr("New password"), self.password)
        form.addRow(self.tr("Repeat it"), self.repeat)
        self.problem = QLabel()
        self.problem.setObjectName("banner")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText({ADD: self.tr("Add account"), FIRST: self.tr("Create administrator"),
                         PASSWORD: self.tr("Set password")}[mode])
        self.ok.setProperty("primary", True)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSpacing(12)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        (self.password if username else self.username).setFocus()

    def values(self) -> AccountValues:
        """The form's values once they pass the checks that need no database; else ValidationError."""
        name = auth.check_username(self.username.text())
        password = self.password.text()
        passwords.check_strength(password, name)
        if password != self.repeat.text():
            raise ConsoleError(self.tr("The two passwords differ; type the same password twice."))
        role = Role.ADMINISTRATOR if self.mode == FIRST else Role(str(self.role.currentData()))
        return AccountValues(name, self.display_name.text().strip(), role, password)

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        self._fit()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self._fit()

    def _fit(self) -> None:
        """As tall as the wrapped text needs at the dialog's width (adjustSize guesses too tall)."""
        self.adjustSize()
        layout = self.layout()
        if layout is not None and layout.hasHeightForWidth():
            self.resize(self.width(), max(layout.totalHeightForWidth(self.width()), layout.totalMinimumSize().height()))

    def submit(self) -> None:
        try:
            values = self.values()
        except ConsoleError as exc:
            self.show_problem(str(exc))
            return
        self.show_problem("")
        self._busy(True)
        self.tasks.write(self._run, values, on_done=self._saved, on_error=self._refused, owner=self)

    def _busy(self, busy: bool) -> None:
        for w in (self.username, self.display_name, self.role, self.password, self.repeat, self.ok):
            w.setEnabled(not busy)

    def _saved(self, result: Any) -> None:
        self._busy(False)
        self.password.clear()
        self.repeat.clear()
        self.saved.emit(result)
        self.accept()

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        if not isinstance(exc, ConsoleError):
            errors.show_unexpected(self, type(exc), exc, exc.__traceback__)
            return
        self.show_problem(str(exc))


def turn_sign_in_on(app: AppContext, values: AccountValues) -> AccountView:
    return accounts.enable_sign_in(app.ctx.db, values.username, values.display_name, values.password,
                                   by=app.ctx.actor.username)


class SecurityPage(QWidget):
    """Settings > Security: accounts and second-factor roles, or turning sign-in on for a local file."""

    sign_in_enabled = Signal(str)  # the first administrator's user name: sign in as them now

    COLUMNS = 6

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._accounts: dict[str, AccountView] = {}
        layout = QVBoxLayout(self)
        if app.session is None and app.ctx.db.dialect == "sqlite" and app.ctx.actor.role == Role.OWNER:
            layout.addWidget(self._sign_in_box())
        else:
            note = QLabel(self.tr("Changes on this page apply at once, for everyone using this database, and are "
                                  "recorded in the audit trail."))
            note.setObjectName("infoBanner")
            note.setWordWrap(True)
            layout.addWidget(note)
            layout.addWidget(self._accounts_box(), 1)
            layout.addWidget(self._factor_box())
            self.reload()
        layout.addStretch(0)

    # --- a local file: turn sign-in on -------------------------------------------------------

    def _sign_in_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sign-in"))
        text = QLabel(self.tr(
            "This database is a file on this computer and belongs to you ({0}): nobody signs in. Turn sign-in on "
            "to share the work under accounts with roles. You create the first administrator now and sign in as "
            "them, with a password and a code from an authenticator app; the administrator then adds an account "
            "for each person (a data protection officer or analyst works on requests). Sign-in cannot be turned "
            "off again.").format(self.app.ctx.actor.username))
        text.setWordWrap(True)
        self.turn_on = QPushButton(self.tr("Turn sign-in on…"))
        self.turn_on.clicked.connect(self.ask_turn_on)
        layout = QVBoxLayout(box)
        layout.addWidget(text)
        layout.addWidget(self.turn_on, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    def ask_turn_on(self) -> AccountDialog:
        dialog = AccountDialog(self.app.tasks, lambda v: turn_sign_in_on(self.app, v), mode=FIRST, parent=self,
                               intro=self.tr("The first administrator manages accounts and settings. Once created, "
                                             "the console asks you to sign in as them."))
        dialog.saved.connect(lambda view: self.sign_in_enabled.emit(view.username))
        dialog.open()
        return dialog

    # --- accounts ----------------------------------------------------------------------------

    def _accounts_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Accounts"))
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHeaderLabels([self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("Second factor"),
                                    self.tr("State"), self.tr("Last sign-in")])
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(180)
        self.add_button = QPushButton(self.tr("Add account…"))
        self.role_button = QPushButton(self.tr("Change role"))
        self.role_menu = QMenu(self.role_button)
        for role in STAFF_ROLES:
            action = self.role_menu.addAction(role_title(role))
            action.setData(role.value)
            action.setCheckable(True)
            action.triggered.connect(lambda _c=False, r=role: self.change_role(r))
        self.role_button.setMenu(self.role_menu)
        self.active_button = QPushButton(self.tr("Disable"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.factor_button = QPushButton(self.tr("Reset second factor…"))
        self.factor_button.setToolTip(self.tr("A lost phone: the person sets up the authenticator again at their "
                                              "next sign-in"))
        self.password_button = QPushButton(self.tr("Reset password…"))
        self.add_button.clicked.connect(self.ask_add)
        self.active_button.clicked.connect(self.toggle_active)
        self.unlock_button.clicked.connect(self.unlock)
        self.factor_button.clicked.connect(self.reset_factor)
        self.password_button.clicked.connect(self.ask_password)
        self.table.currentItemChanged.connect(lambda *_: self._enable())
        buttons = QHBoxLayout()
        for b in (self.add_button, self.role_button, self.active_button, self.unlock_button, self.factor_button,
                  self.password_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.limits = QLabel()
        self.limits.setProperty("muted", True)
        self.limits.setWordWrap(True)
        self.done_label = QLabel()  # what the last change did, where the person is looking
        self.done_label.setObjectName("okBanner")
        self.done_label.setWordWrap(True)
        self.done_label.hide()
        layout = QVBoxLayout(box)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.done_label)
        layout.addWidget(self.limits)
        self._enable()
        return box

    def reload(self) -> None:
        self.app.tasks.read(accounts.list_accounts, self.app.ctx, on_done=self._show_accounts,
                            on_error=lambda exc: errors.show_error(self, exc), owner=self)
        self.app.tasks.read(accounts.security_settings, self.app.ctx, on_done=self._show_settings,
                            on_error=lambda exc: errors.show_error(self, exc), owner=self)

    def _state(self, a: AccountView) -> str:
        now = self.app.ctx.now()
        if not a.active:
            return self.tr("Disabled")
        if a.locked_until is not None and a.locked_until > now:
            return self.tr("Locked until {0}").format(words.local_time(a.locked_until, self.app.zone))
        return self.tr("Active")

    def _show_accounts(self, views: list[AccountView]) -> None:
        current = self.selected()
        self._accounts = {a.username: a for a in views}
        self.table.clear()
        for a in views:
            item = QTreeWidgetItem([a.username, a.display_name, role_title(a.role),
                                    self.tr("Set up") if a.second_factor else self.tr("Not set up"), self._state(a),
                                    words.local_time(a.last_sign_in_at, self.app.zone) or self.tr("never")])
            item.setData(0, Qt.ItemDataRole.UserRole, a.username)
            self.table.addTopLevelItem(item)
            if current is not None and a.username == current.username:
                self.table.setCurrentItem(item)
        first = self.table.topLevelItem(0)
        if self.table.currentItem() is None and first is not None:
            self.table.setCurrentItem(first)
        self._enable()

    def selected(self) -> AccountView | None:
        item = self.table.currentItem()
        return None if item is None else self._accounts.get(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def _enable(self) -> None:
        a = self.selected()
        manage = self.app.can(Perm.MANAGE_ACCOUNTS)
        why = self.app.refusal(Perm.MANAGE_ACCOUNTS, self.tr("Managing accounts"))
        self.add_button.setEnabled(manage)
        for b in (self.role_button, self.active_button, self.unlock_button, self.factor_button, self.password_button):
            b.setEnabled(manage and a is not None)
            if why:
                b.setToolTip(why)
        if a is None:
            return
        self.active_button.setText(self.tr("Disable") if a.active else self.tr("Enable"))
        self.unlock_button.setEnabled(manage and a.locked_until is not None and a.locked_until > self.app.ctx.now())
        self.factor_button.setEnabled(manage and a.second_factor)
        for action in self.role_menu.actions():
            action.setChecked(action.data() == a.role)

    def _changed(self, message: str) -> None:
        self.done_label.setText(message)
        self.done_label.show()
        self.reload()

    def _write(self, fn: Callable[..., Any], *args: Any, done: str) -> None:
        self.app.tasks.write(fn, self.app.ctx, *args, on_done=lambda _r: self._changed(done),
                             on_error=self._refused, owner=self)

    def _refused(self, exc: BaseException) -> None:
        errors.show_error(self, exc)
        self.reload()

    def _confirm(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def ask_add(self) -> AccountDialog:
        dialog = AccountDialog(self.app.tasks, lambda v: accounts.create_account(
            self.app.ctx, v.username, v.display_name, v.role, v.password), mode=ADD, parent=self)
        dialog.saved.connect(lambda view: self._changed(self.tr("Account {0} added.").format(view.username)))
        dialog.open()
        return dialog

    def ask_password(self) -> AccountDialog | None:
        a = self.selected()
        if a is None:
            return None
        dialog = AccountDialog(self.app.tasks, lambda v: accounts.set_password(self.app.ctx, v.username, v.password),
                               mode=PASSWORD, username=a.username, parent=self,
                               intro=self.tr("Tell {0} the new password in person or by phone. Their sessions end "
                                             "now.").format(a.display_name or a.username))
        dialog.saved.connect(lambda view: self._changed(self.tr("New password set for {0}.").format(view.username)))
        dialog.open()
        return dialog

    def change_role(self, role: Role) -> None:
        a = self.selected()
        if a is None or a.role == role.value:
            self._enable()
            return
        self._write(accounts.change_role, a.username, role,
                    done=self.tr("{0} is now {1}; their sessions ended.").format(a.username, role_title(role)))

    def toggle_active(self) -> None:
        a = self.selected()
        if a is None:
            return
        if a.active:
            if not self._confirm(self.tr("Disable {0}").format(a.username),
                                 self.tr("{0} can no longer sign in, and their open sessions end now. You can enable "
                                         "the account again later.").format(a.display_name or a.username)):
                return
            self._write(accounts.disable_account, a.username, done=self.tr("{0} disabled.").format(a.username))
        else:
            self._write(accounts.enable_account, a.username, done=self.tr("{0} enabled.").format(a.username))

    def unlock(self) -> None:
        a = self.selected()
        if a is not None:
            self._write(accounts.unlock_account, a.username, done=self.tr("{0} unlocked.").format(a.username))

    def reset_factor(self) -> None:
        a = self.selected()
        if a is None or not self._confirm(
                self.tr("Reset second factor of {0}").format(a.username),
                self.tr("{0}'s authenticator app stops working for the console, and their sessions end. At the next "
                        "sign-in they scan a new QR code.").format(a.display_name or a.username)):
            return
        self._write(accounts.reset_second_factor, a.username,
                    done=self.tr("Second factor of {0} reset.").format(a.username))

    # --- second-factor roles -----------------------------------------------------------------

    def _factor_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Second factor required for"))
        self.factor_roles: dict[Role, QCheckBox] = {}
        row = QHBoxLayout()
        for role in STAFF_ROLES:
            check = QCheckBox(role_title(role))
            self.factor_roles[role] = check
            row.addWidget(check)
        admin = self.factor_roles[Role.ADMINISTRATOR]
        admin.setChecked(True)
        admin.setEnabled(False)
        admin.setToolTip(self.tr("Administrators manage accounts and settings: they always need a second factor"))
        row.addStretch(1)
        self.save_roles = QPushButton(self.tr("Apply"))
        row.addWidget(self.save_roles)
        self.save_roles.clicked.connect(self.store_factor_roles)
        why = self.app.refusal(Perm.SETTINGS, self.tr("Changing which roles need a second factor"))
        for w in (*self.factor_roles.values(), self.save_roles):
            if why:
                w.setEnabled(False)
                w.setToolTip(why)
        box.setLayout(row)
        return box

    def _show_settings(self, cfg: config.SecuritySettings) -> None:
        for role, check in self.factor_roles.items():
            check.setChecked(role in cfg.totp_roles or role == Role.ADMINISTRATOR)
        self.limits.setText(self.tr(
            "An account locks for {minutes} minutes after {failures} failed sign-ins; a session ends after "
            "{idle:g} hours without use, and after {most:g} hours at most.").format(
            minutes=cfg.lockout_minutes, failures=cfg.lockout_failures, idle=cfg.session_idle_hours,
            most=cfg.session_max_hours))

    def store_factor_roles(self) -> None:
        roles = [r.value for r, check in self.factor_roles.items() if check.isChecked()]
        self._write(accounts.set_totp_roles, roles, done=self.tr("Second-factor roles saved."))
