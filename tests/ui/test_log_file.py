"""The window's log file: events by kind and reference, never the people they are about; Help opens it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from console import logfile
from console.security.roles import Role
from ui.dialogs.new_request import NewRequestDialog
from ui.main_window import MainWindow

from . import test_sign_in as signing
from .test_sign_in import PASSWORD, account, dialog_of, shell_opened, type_in

shell, sign_in_on = signing.shell, signing.sign_in_on  # the sign-in tests' fixtures: a Shell, sign-in turned on

NAME, EMAIL = "Zofia Testowa-Zielinska", "zofia.testowa@example.org"  # synthetic
TYPED_AS_USER = "wanda.wrongly@example.net"  # someone types an e-mail where the user name goes


@pytest.fixture
def log_file(isolated_home: Path) -> Iterator[Path]:
    path = logfile.start()
    assert path == isolated_home / "logs" / "privacy-console.log"  # in the data folder
    yield path
    logfile.stop()


def test_a_typical_session_is_logged_by_kind_and_reference_without_personal_data(log_file, shell, sign_in_on, qtbot):
    ctx = sign_in_on
    account(ctx, "ana.lyst", Role.ANALYST)
    shell.start(shell_opened(ctx))
    dialog = dialog_of(shell)
    type_in(dialog, TYPED_AS_USER, "not the password")
    assert dialog.message.isVisible()  # refused
    type_in(dialog, "ana.lyst", PASSWORD)
    window = shell.window
    assert isinstance(window, MainWindow)

    window.new_action.trigger()
    new = window.findChild(NewRequestDialog)
    assert new is not None
    new.right.setCurrentIndex(new.right.findData("access"))
    qtbot.keyClicks(new.name, NAME)
    qtbot.keyClicks(new.email, EMAIL)
    qtbot.mouseClick(new.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not new.isVisible(), timeout=30_000)
    reference = new.view.reference

    text = log_file.read_text(encoding="utf-8")
    for event in ("auth.sign_in_failed user", "auth.sign_in user", f"request.create request {reference}",
                  "window opened: sqlite database, role analyst, sign-in on"):
        assert event in text, f"{event!r} not in the log:\n{text}"
    for personal in (NAME, "Zofia", "Zielinska", EMAIL, "example.org", TYPED_AS_USER, "wanda", "ana.lyst", "Ana Lyst"):
        assert personal not in text, f"{personal!r} reached the log:\n{text}"
    assert log_file.stat().st_mode & 0o777 == 0o600


def _open_log_action(window: MainWindow) -> QAction:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    return next(a for a in help_menu.actions() if a.objectName() == "open_log")


def test_help_open_log_opens_the_file_or_says_where_it_is(log_file, app_ctx, qtbot, monkeypatch):
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    action = _open_log_action(window)
    assert action.text() == "Open &log file"
    assert action.data() == str(log_file)

    opened: list[str] = []
    monkeypatch.setattr("ui.menus.QDesktopServices.openUrl", lambda url: opened.append(QUrl(url).toLocalFile()) or True)
    action.trigger()
    assert opened == [str(log_file)]

    told: list[str] = []
    monkeypatch.setattr("ui.menus.QDesktopServices.openUrl", lambda url: False)  # no viewer on this desktop
    monkeypatch.setattr("ui.menus.QMessageBox.exec", lambda box: told.append(box.text()) or 0)
    action.trigger()
    assert len(told) == 1 and str(log_file) in told[0]
