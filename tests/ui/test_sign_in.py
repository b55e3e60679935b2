"""Signing in at start: wrong password, the authenticator code, a replayed code, enrolment with
its QR code, the session kept in the keyring, signing out, and the first administrator.

Real argon2 and real pyotp codes; the task layer runs inline, so every step is done on return.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

import pyotp
import pytest
from PySide6.QtWidgets import QApplication

from console import keychain
from console.context import Context
from console.security import accounts, auth, config
from console.security.roles import Role
from console.session import Access, find_access, session_secret_name
from console.store.base import utcnow
from ui.app import Opened, Shell
from ui.dialogs.accounts import AccountDialog
from ui.dialogs.sign_in import SignInDialog, grouped
from ui.main_window import MainWindow

from .helpers import gui_run, run_window

PASSWORD = "a long enough phrase"


@pytest.fixture
def shell(ctx: Context, app_ctx, qapp: QApplication) -> Iterator[Shell]:  # type: ignore[no-untyped-def]
    opened = Opened(ctx.db, ctx.catalogue, False, Access(None))
    s = Shell(qapp, app_ctx.prefs, app_ctx.tasks, opened)
    yield s
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow | SignInDialog | AccountDialog):
            w.close()
    qapp.setQuitOnLastWindowClosed(True)


@pytest.fixture
def sign_in_on(ctx: Context) -> Context:
    """The owner turned sign-in on for this local file (as enable_sign_in does, without its account)."""
    with ctx.db.unit(ctx.actor, None) as uow:
        config.store(uow.session, config.SIGN_IN_REQUIRED, True)
    return ctx


def account(ctx: Context, username: str, role: Role, *, with_code: bool = False) -> str | None:
    """An account; with ``with_code`` its authenticator is set up (with a code a minute old)."""
    accounts.create_account(ctx, username, username.replace(".", " ").title(), role, PASSWORD)
    if not with_code:
        return None
    before = utcnow() - timedelta(seconds=60)  # leaves the current code unused for the test
    e = auth.begin_enrolment(ctx.db, username, PASSWORD, clock=lambda: before)
    auth.finish_enrolment(ctx.db, username, PASSWORD, e.secret, pyotp.TOTP(e.secret).at(before),
                          clock=lambda: before)
    return e.secret


def dialog_of(shell: Shell) -> SignInDialog:
    assert isinstance(shell.dialog, SignInDialog)
    return shell.dialog


def type_in(dialog: SignInDialog, username: str, password: str) -> None:
    dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.submit()


def test_a_wrong_password_is_said_in_the_dialog_which_stays(shell, sign_in_on):
    ctx = sign_in_on
    account(ctx, "ana.lyst", Role.ANALYST)
    shell.start(shell_opened(ctx))
    dialog = dialog_of(shell)
    assert dialog.isVisible()
    signed: list[object] = []
    dialog.signed_in.connect(signed.append)
    type_in(dialog, "ana.lyst", "not the password at all")
    assert dialog.message.isVisible()
    assert dialog.message.text() == "Wrong user name or password."
    assert dialog.password.text() == ""
    assert dialog.username.text() == "ana.lyst"
    assert dialog.isVisible() and not signed and shell.window is None


def shell_opened(ctx: Context, access: Access | None = None) -> Opened:
    return Opened(ctx.db, ctx.catalogue, False, access or Access(None))


def test_password_and_code_sign_in_and_the_window_shows_who(shell, sign_in_on, db):
    ctx = sign_in_on
    secret = account(ctx, "dee.pio", Role.DPO, with_code=True)
    assert secret is not None
    shell.start(shell_opened(ctx))
    dialog = dialog_of(shell)
    type_in(dialog, "dee.pio", PASSWORD)
    assert dialog.code.isVisible()  # the password was right; now the code
    assert "6-digit code" in dialog.hint.text()
    assert not dialog.message.isVisible()
    dialog.code.setText(pyotp.TOTP(secret).now())
    dialog.submit()
    assert not dialog.isVisible()
    window = shell.window
    assert isinstance(window, MainWindow) and window.isVisible()
    assert window.user_label.text() == "Signed in as Dee Pio (data protection officer)"
    assert window.sign_out_action.isVisible()
    assert window.app.ctx.actor.username == "dee.pio"
    token = keychain.get_secret(session_secret_name(db))
    assert token == window.app.session.token
    resumed = find_access(db)  # the next start resumes the kept session without asking
    assert resumed.actor is not None and resumed.actor.username == "dee.pio"


def test_a_replayed_code_is_refused(shell, sign_in_on):
    ctx = sign_in_on
    secret = account(ctx, "dee.pio", Role.DPO, with_code=True)
    assert secret is not None
    code = pyotp.TOTP(secret).now()
    auth.sign_in(ctx.db, "dee.pio", PASSWORD, code)  # somebody used this code a moment ago
    shell.start(shell_opened(ctx))
    dialog = dialog_of(shell)
    type_in(dialog, "dee.pio", PASSWORD)
    dialog.code.setText(code)
    dialog.submit()
    assert "already used" in dialog.message.text()
    assert dialog.password.text() == "" and dialog.code.text() == ""
    assert dialog.isVisible() and shell.window is None


def test_enrolment_shows_the_qr_code_and_the_first_code_signs_in(shell, sign_in_on):
    ctx = sign_in_on
    account(ctx, "dee.pio", Role.DPO)  # the role needs a second factor; none is set up yet
    shell.start(shell_opened(ctx))
    dialog = dialog_of(shell)
    type_in(dialog, "dee.pio", PASSWORD)
    assert dialog.pages.currentIndex() == SignInDialog.ENROLMENT
    pixmap = dialog.qr.pixmap()
    assert pixmap is not None and not pixmap.isNull() and pixmap.width() >= 150
    enrolment = dialog.enrolment
    assert enrolment is not None
    assert dialog.secret.text() == grouped(enrolment.secret)
    dialog.first_code.setText("000000" if pyotp.TOTP(enrolment.secret).now() != "000000" else "111111")
    dialog.finish()
    assert "Wrong authenticator code" in dialog.enrol_message.text()
    assert dialog.pages.currentIndex() == SignInDialog.ENROLMENT
    dialog.first_code.setText(pyotp.TOTP(enrolment.secret).now())
    dialog.finish()
    assert shell.window is not None and shell.window.app.ctx.actor.role == Role.DPO
    assert [a.second_factor for a in accounts.list_accounts(ctx) if a.username == "dee.pio"] == [True]


def test_sign_out_returns_to_the_dialog_and_ends_the_session(shell, sign_in_on, db):
    ctx = sign_in_on
    account(ctx, "ana.lyst", Role.ANALYST)
    shell.start(shell_opened(ctx))
    type_in(dialog_of(shell), "ana.lyst", PASSWORD)
    window = shell.window
    assert window is not None
    token = window.app.session.token
    window.sign_out_action.trigger()
    assert shell.window is None and not window.isVisible()
    dialog = dialog_of(shell)
    assert dialog.isVisible()
    assert dialog.username.text() == "ana.lyst" and dialog.notice.text() == "You signed out."
    with pytest.raises(auth.SessionExpired):
        auth.resume_session(db, token)
    assert keychain.get_secret(session_secret_name(db)) is None
    assert find_access(db).actor is None  # nothing kept: the next start asks again
    type_in(dialog, "ana.lyst", PASSWORD)  # and back in
    assert shell.window is not None and shell.window.isVisible()


def test_an_ended_session_asks_to_sign_in_again(shell, sign_in_on, db):
    ctx = sign_in_on
    account(ctx, "ana.lyst", Role.ANALYST)
    shell.start(shell_opened(ctx))
    type_in(dialog_of(shell), "ana.lyst", PASSWORD)
    assert shell.window is not None
    accounts.disable_account(ctx, "ana.lyst")  # an administrator ends it
    shell._active = True  # somebody clicked in the window since the last check
    shell.check_session()
    assert shell.window is None
    dialog = dialog_of(shell)
    assert dialog.notice.text() == "You are not signed in (the session was ended). Sign in again."
    assert keychain.get_secret(session_secret_name(db)) is None


def test_the_first_administrator_of_a_new_database_then_sign_in(shell, ctx):
    shell.start(shell_opened(ctx, Access(None, first_run=True)))
    form = shell.dialog
    assert isinstance(form, AccountDialog) and form.isVisible()
    form.username.setText("first.admin")
    form.display_name.setText("First Admin")
    form.password.setText(PASSWORD)
    form.repeat.setText(PASSWORD + " typo")
    form.submit()
    assert "differ" in form.problem.text()
    form.repeat.setText(PASSWORD)
    form.submit()
    dialog = dialog_of(shell)
    assert dialog.username.text() == "first.admin"
    assert "first.admin" in dialog.notice.text()
    assert auth.sign_in_required(ctx.db)


def test_run_gui_signs_in_with_the_real_thread_pools_and_signs_out(qapp, sign_in_on, db_url, monkeypatch):
    """End to end: the database wants a sign-in, so the dialog comes first; signing out brings it back."""
    account(sign_in_on, "ana.lyst", Role.ANALYST)
    monkeypatch.setenv("PRIVACY_CONSOLE_NO_DEMO", "1")
    seen: list[str] = []

    def visible(kind: type) -> object | None:
        return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)

    def step() -> None:
        dialog, window = visible(SignInDialog), visible(MainWindow)
        if isinstance(dialog, SignInDialog) and dialog.sign_in_button.isEnabled():
            if "signed in" in seen:  # after the sign-out: done
                seen.append(f"again: {dialog.username.text()}")
                dialog.reject()  # Quit
                return
            seen.append("dialog")
            type_in(dialog, "ana.lyst", PASSWORD)
        elif isinstance(window, MainWindow) and "signed in" not in seen:
            seen.append("signed in")
            window.sign_out_action.trigger()
        later(step, 30)

    with gui_run() as later:
        later(step, 30)
        code = run_window(["--db", db_url])
    assert code == 0
    assert seen == ["dialog", "signed in", "again: ana.lyst"]
