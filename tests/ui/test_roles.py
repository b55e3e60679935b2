"""The window follows the role: what a role may not do is disabled with a tooltip naming the
role it needs, an auditor's workspace is read-only, Settings > Security is for administrators
(and, on a local file, for its owner to turn sign-in on); the services refuse regardless.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from console.context import Context
from console.errors import PermissionDenied
from console.requests import commands
from console.requests.read_models import RequestView
from console.security import accounts, auth
from console.security.roles import Actor, Role
from console.session import Access
from console.verification import check_item
from ui.app import Opened, Shell
from ui.context import AppContext
from ui.dialogs.accounts import SecurityPage
from ui.dialogs.settings import SettingsDialog
from ui.dialogs.sign_in import SignInDialog
from ui.main_window import MainWindow
from ui.queue.ticker import DeadlineTicker

from .helpers import add

PASSWORD = "a long enough phrase"
WindowAs = Callable[[Role], MainWindow]


@pytest.fixture
def window_as(ctx: Context, app_ctx: AppContext, qtbot) -> WindowAs:  # type: ignore[no-untyped-def]
    def make(role: Role) -> MainWindow:
        actor = Actor(f"{role.value}.person", role)
        app = AppContext(ctx.as_actor(actor), app_ctx.tasks, DeadlineTicker(ctx.now), app_ctx.prefs)
        w = MainWindow(app)
        qtbot.addWidget(w)
        w.show()
        return w

    return make


def awaiting_approval(ctx: Context) -> RequestView:
    view = add(ctx, "Ines Okafor", "transfer_information")
    check_item(ctx, view.reference, "data_request_verification", "passed")
    view = commands.advance(ctx, view.reference)  # -> in progress
    return commands.advance(ctx, view.reference)  # -> awaiting approval


def test_an_analyst_cannot_approve_or_reject(window_as, ctx):
    view = awaiting_approval(ctx)
    window = window_as(Role.ANALYST)
    window.workspace.show_view(view)
    buttons = window.workspace.buttons
    approve, reject = buttons["advance"], buttons["reject"]
    assert approve.text() == "Advance to Completed"
    for button, what in ((approve, "Approving and completing a request"), (reject, "Rejecting a request")):
        assert button.isVisible() and not button.isEnabled()
        assert button.toolTip() == (f"{what} needs the role data protection officer; you are signed in as analyst.")
    assert buttons["withdraw"].isEnabled() and buttons["withdraw"].toolTip() == ""
    assert window.new_action.isEnabled()
    with pytest.raises(PermissionDenied):  # the service refuses it too
        commands.reject(window.app.ctx, view.reference, "excessive", "Third request this month")


def test_an_auditor_sees_the_workspace_read_only(window_as, ctx, monkeypatch):
    view = add(ctx, "Ines Okafor", "access")
    window = window_as(Role.AUDITOR)
    window.workspace.show_view(view)
    overview = window.workspace.tab("overview")
    for field in (overview.priority, overview.assignee, overview.channel, overview.language):
        assert not field.isEnabled()
    assert overview.notes.isReadOnly() and overview.account.isReadOnly()
    assert not overview.save.isVisible()
    assert "you are signed in as auditor" in overview.closed_note.text()
    assert window.workspace.read_only.isVisible()
    assert not window.workspace.buttons["advance"].isVisible()
    verification = window.workspace.tab("verification")
    assert not verification.passed.isEnabled()
    assert "you are signed in as auditor" in verification.passed.toolTip()
    assert not window.new_action.isEnabled()
    assert window.new_action.toolTip() == ("Registering a request needs the role data protection officer or "
                                           "analyst; you are signed in as auditor.")
    assert not window.import_action.isEnabled()
    window.queue.refresh()
    window.queue.select_row(0)
    assert not window.assign_action.isEnabled()  # a selection does not make a bulk change allowed
    shown: list[str] = []
    monkeypatch.setattr("ui.errors.QMessageBox.warning", lambda _p, _t, text, *a, **k: shown.append(text))
    window.workspace.run(commands.update_request, view.reference, {"priority": "urgent"})
    assert window.workspace.view.priority == "normal"  # the service refuses it too, and says why
    assert shown == ["auditor.person (auditor) may not work requests; that needs the role: data protection "
                     "officer, analyst"]


def test_an_administrator_does_not_open_a_persons_data(window_as, ctx):
    view = add(ctx, "Ines Okafor", "access")
    window = window_as(Role.ADMINISTRATOR)
    window.workspace.show_view(view)
    data = window.workspace.tab("data")
    assert "Opening a person's data needs the role" in data.note.text()
    assert data.records.topLevelItemCount() == 0


def test_security_settings_only_for_administrators(window_as, qtbot, monkeypatch):
    analyst = window_as(Role.ANALYST)
    analyst.settings_action.trigger()
    dialog = analyst.findChild(SettingsDialog)
    assert dialog.security is None and dialog.pages.count() == 1
    dialog.reject()

    admin = window_as(Role.ADMINISTRATOR)
    admin.settings_action.trigger()
    dialog = admin.findChild(SettingsDialog)
    page = dialog.security
    assert isinstance(page, SecurityPage) and dialog.pages.tabText(1) == "Security"
    form = page.ask_add()
    form.username.setText("ana.lyst")
    form.display_name.setText("Ana Lyst")
    form.role.setCurrentIndex(form.role.findData("analyst"))
    form.password.setText("short")
    form.repeat.setText("short")
    form.submit()
    assert "at least 12 characters" in form.problem.text()
    form.password.setText(PASSWORD)
    form.repeat.setText(PASSWORD)
    form.submit()
    assert not form.isVisible()
    rows = [page.table.topLevelItem(i).text(0) for i in range(page.table.topLevelItemCount())]
    assert rows == ["ana.lyst"]
    assert page.done_label.text() == "Account ana.lyst added."
    page.change_role(Role.AUDITOR)
    assert page.table.topLevelItem(0).text(2) == "auditor"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    page.toggle_active()
    assert page.table.topLevelItem(0).text(4) == "Disabled"
    assert page.active_button.text() == "Enable"
    page.factor_roles[Role.ANALYST].setChecked(True)
    page.store_factor_roles()
    assert page.done_label.text() == "Second-factor roles saved."
    dialog.reject()


def test_the_owner_turns_sign_in_on_and_signs_in_as_the_administrator(ctx, app_ctx, qapp):
    shell = Shell(qapp, app_ctx.prefs, app_ctx.tasks, Opened(ctx.db, ctx.catalogue, False, Access(None)))
    window = shell.open_window(ctx.actor, None)  # the owner of this local file: no sign-in, no Sign out
    try:
        assert not window.sign_out_action.isVisible()
        assert window.user_label.text() == "alex.morgan (owner)"
        window.settings_action.trigger()
        page = window.findChild(SettingsDialog).security
        assert isinstance(page, SecurityPage)
        form = page.ask_turn_on()
        form.username.setText("first.admin")
        form.password.setText(PASSWORD)
        form.repeat.setText(PASSWORD)
        form.submit()
        assert auth.sign_in_required(ctx.db)
        assert shell.window is None
        dialog = shell.dialog
        assert isinstance(dialog, SignInDialog) and dialog.isVisible()
        assert dialog.username.text() == "first.admin"
        assert [a.role for a in accounts.list_accounts(ctx)] == ["administrator"]
    finally:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow | SignInDialog):
                w.close()
        qapp.setQuitOnLastWindowClosed(True)
