"""The Package tab: preview the pages, build and sign into a folder that verifies, roles, signing set-up."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from console.packages import configure_signing, list_packages, verify_package
from console.security.roles import Actor, Role
from tests.console.test_packages_support import (
    PASSPHRASE,
    TEAM,
    add_request,
    gather,
    org_p12_file,
    ready_request,
    verify_identity,
)
from ui.context import AppContext
from ui.package.dialogs import BuiltDialog, SigningDialog, VerifyDialog
from ui.package.preview import PAGES
from ui.package.tab import OUTPUT_FOLDER, PackageTab
from ui.queue.ticker import DeadlineTicker
from ui.request.workspace import RequestWorkspace
from ui.tasks import Tasks


@pytest.fixture
def p12_path(tmp_path: Path) -> Path:
    return org_p12_file(tmp_path, TEAM)


def _tab(app: AppContext, qtbot, reference: str) -> PackageTab:  # type: ignore[no-untyped-def]
    workspace = RequestWorkspace(app)
    qtbot.addWidget(workspace)
    workspace.resize(1200, 700)
    workspace.show_reference(reference)
    qtbot.waitUntil(lambda: workspace.view is not None)
    tab = workspace.tab("package")
    assert isinstance(tab, PackageTab)
    workspace.tabs.setCurrentWidget(tab)
    workspace.show()
    qtbot.waitExposed(workspace)
    return tab


def test_preview_shows_the_pages_with_navigation_and_zoom(app_ctx, qtbot, tmp_path):
    ref = ready_request(app_ctx.ctx, tmp_path)
    tab = _tab(app_ctx, qtbot, ref)
    assert tab.current_kind() == "access"
    assert tab.kind.currentText().startswith("Access")
    assert not tab.preview.next_button.isEnabled()  # nothing rendered yet

    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    pages = tab.preview.document.pageCount()
    assert pages > 0
    assert tab.preview.stack.currentIndex() == PAGES
    assert tab.preview.page_count.text() == f"of {pages}"
    assert "preview, not signed" in tab.preview.caption.text()
    if pages > 1:
        qtbot.mouseClick(tab.preview.next_button, Qt.MouseButton.LeftButton)
        assert tab.preview.page_box.value() == 2
    before = tab.preview.effective_zoom()
    qtbot.mouseClick(tab.preview.zoom_in_button, Qt.MouseButton.LeftButton)
    assert tab.preview.effective_zoom() == pytest.approx(round(before * 1.25, 3), rel=1e-3)
    tab.preview.set_zoom(1.0)
    assert tab.preview.zoom.currentText() == "100%"

    tab.select_kind("receipt")  # another kind: the old pages go
    assert tab.preview.pages() == 0


def test_build_and_sign_from_the_tab_writes_a_package_that_verifies(app_ctx, qtbot, tmp_path, p12_path,
                                                                   monkeypatch):
    ctx = app_ctx.ctx
    ref = ready_request(ctx, tmp_path)
    cert = configure_signing(ctx, p12_path, PASSPHRASE)
    tab = _tab(app_ctx, qtbot, ref)
    assert tab.build_button.isEnabled()
    assert tab.signing.text().startswith("Signs as Miximonster Data Protection Team")
    assert tab.packages.item(0).text(0) == "No package built yet."

    out = tmp_path / "out"
    monkeypatch.setattr(tab, "_choose_folder", lambda: str(out))
    qtbot.mouseClick(tab.build_button, Qt.MouseButton.LeftButton)
    dialog = tab.dialog
    assert isinstance(dialog, BuiltDialog)
    result = dialog.built
    assert result.signed and Path(result.path).parent == out and result.pages > 0
    assert app_ctx.prefs.get(OUTPUT_FOLDER) == str(out)
    report = verify_package(result.path, trust_roots=[cert.pem])
    assert report.ok and report.trusted, report.problems

    row = tab.packages.item(0)
    assert (row.text(1), row.text(3)) == ("Access", "not yet")
    assert tab.selected().package.manifest_hash == result.manifest_hash
    tab.verify_selected()  # checked in the background against the configured certificate
    assert isinstance(tab.dialog, VerifyDialog) and tab.dialog.report.ok and tab.dialog.report.trusted
    assert "can be relied on" in tab.dialog.text()

    monkeypatch.setattr(tab, "confirm", lambda text: True)
    qtbot.mouseClick(tab.packages.mark_sent_button, Qt.MouseButton.LeftButton)
    (sent,) = list_packages(ctx, ref)
    assert sent.sent_at is not None
    assert tab.packages.item(0).text(3) != "not yet"
    assert not tab.packages.mark_sent_button.isEnabled()


def test_a_changed_file_fails_the_check_in_words(app_ctx, qtbot, tmp_path, p12_path):
    ctx = app_ctx.ctx
    ref = ready_request(ctx, tmp_path)
    configure_signing(ctx, p12_path, PASSPHRASE)
    tab = _tab(app_ctx, qtbot, ref)
    tab.build(str(tmp_path / "out"))
    folder = Path(tab.dialog.built.path)
    (folder / "signer-certificate.pem").write_bytes(b"swapped")
    tab.verify_path(str(folder))
    report_dialog = tab.dialog
    assert isinstance(report_dialog, VerifyDialog) and not report_dialog.report.ok
    text = report_dialog.text()
    assert "NOT OK" in text and "Do not send it" in text and "signer-certificate.pem" in text


def test_an_unverified_signer_shows_the_reports_own_summary_not_a_count_of_nothing(app_ctx, qtbot, tmp_path,
                                                                                  p12_path):
    ctx = app_ctx.ctx
    ref = ready_request(ctx, tmp_path)
    configure_signing(ctx, p12_path, PASSPHRASE)
    tab = _tab(app_ctx, qtbot, ref)
    tab.build(str(tmp_path / "out"))
    report = verify_package(tab.dialog.built.path)  # no trust anchor: intact, signer not verified
    assert not report.ok and not report.problems
    dialog = VerifyDialog(report, app_ctx.zone)
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert report.summary in text and "SIGNER NOT VERIFIED" in text
    assert "problem(s)" not in text and "0 problem" not in text and "Do not send" not in text
    assert "Trusted for checks" in text  # where to make the signer verifiable


def test_without_a_certificate_build_offers_to_configure_signing(app_ctx, qtbot, tmp_path, p12_path, monkeypatch):
    ref = ready_request(app_ctx.ctx, tmp_path)
    tab = _tab(app_ctx, qtbot, ref)
    assert tab.signing.text().startswith("No signing certificate is configured")
    monkeypatch.setattr(tab, "_choose_folder", lambda: str(tmp_path / "out"))
    qtbot.mouseClick(tab.build_button, Qt.MouseButton.LeftButton)
    box = tab.dialog
    assert isinstance(box, QMessageBox) and box.text() == "No signing certificate is configured yet."
    configure = next(b for b in box.buttons() if b.text() == "Configure signing…")
    configure.click()
    signing = tab.dialog
    assert isinstance(signing, SigningDialog) and not signing.ok.isEnabled()
    signing.path.setText(str(p12_path))
    signing.passphrase.setText(PASSPHRASE)
    signing.ok.click()  # configured in a task, then the build goes on
    assert isinstance(tab.dialog, BuiltDialog) and tab.dialog.built.signed
    assert "Miximonster" in tab.signing.text()


def test_a_wrong_passphrase_is_shown_as_its_message(app_ctx, qtbot, tmp_path, p12_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("ui.errors.QMessageBox.warning", lambda _p, _t, text, *a, **k: shown.append(text))
    ref = ready_request(app_ctx.ctx, tmp_path)
    tab = _tab(app_ctx, qtbot, ref)
    tab.signing.apply(str(p12_path), "not the passphrase")
    assert shown and "passphrase" in shown[0]
    assert tab.signing.text().startswith("No signing certificate is configured")


def _as(ctx, role: Role, prefs) -> AppContext:  # type: ignore[no-untyped-def]
    who = ctx.as_actor(Actor(f"someone.{role.value}", role))
    return AppContext(who, Tasks(synchronous=True), DeadlineTicker(who.now), prefs)


def test_an_analyst_may_preview_but_not_build_sign_or_mark_sent(ctx, qtbot, tmp_path, prefs, p12_path):
    ref = ready_request(ctx, tmp_path)
    configure_signing(ctx, p12_path, PASSPHRASE)
    tab = _tab(_as(ctx, Role.ANALYST, prefs), qtbot, ref)
    assert tab.preview_button.isEnabled()
    assert not tab.build_button.isEnabled()
    assert "data protection officer" in tab.build_button.toolTip() and "analyst" in tab.build_button.toolTip()
    assert not tab.packages.mark_sent_button.isEnabled() and "analyst" in tab.packages.mark_sent_button.toolTip()
    assert not tab.signing.configure_button.isVisible()
    assert "You can preview the letter." in tab.signing.text()
    tab.build(str(tmp_path / "out"))  # even when called directly: nothing happens
    assert tab.dialog is None and not (tmp_path / "out").exists()
    qtbot.mouseClick(tab.preview_button, Qt.MouseButton.LeftButton)
    assert tab.preview.document.pageCount() > 0


def test_an_administrator_chooses_the_certificate_an_auditor_only_looks(ctx, qtbot, tmp_path, prefs, p12_path):
    ref = ready_request(ctx, tmp_path)
    configure_signing(ctx, p12_path, PASSPHRASE)
    admin = _tab(_as(ctx, Role.ADMINISTRATOR, prefs), qtbot, ref)
    assert admin.signing.configure_button.isEnabled() and admin.signing.text().startswith("Signs as Miximonster")
    assert not admin.build_button.isEnabled() and not admin.preview_button.isEnabled()
    auditor = _tab(_as(ctx, Role.AUDITOR, prefs), qtbot, ref)
    assert not auditor.preview_button.isEnabled() and "auditor" in auditor.preview_button.toolTip()
    assert not auditor.signing.configure_button.isVisible() and not auditor.build_button.isEnabled()
    assert auditor.packages.item(0).text(0) == "No package built yet."


def test_once_the_request_may_be_answered_the_package_is_its_answer_not_the_receipt(app_ctx, qtbot, tmp_path):
    """Seen in the analyst's day: a request opened at 'Received' offered the receipt; after
    verification the tab still had the receipt chosen instead of the access answer."""
    ctx = app_ctx.ctx
    ref = add_request(ctx, "access")
    tab = _tab(app_ctx, qtbot, ref)
    first = tab.current_kind()
    gather(ctx, ref, tmp_path)
    verify_identity(ctx, ref)
    tab.host.reload()
    qtbot.waitUntil(lambda: tab.current_kind() == "access", timeout=60_000)
    assert first != "access" or tab.kind.count() == 1
    assert tab.kind.currentText().startswith("Access")


def test_making_the_tab_in_an_open_window_shows_no_window_of_its_own(app_ctx, qtbot, tmp_path):
    """The Configure signing button was shown before it was in the bar: for a moment a window of its
    own, which took the keyboard from the open window (a tab made after the window is up)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

    shown: list[str] = []

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Show and isinstance(obj, QWidget) and obj.isWindow():
                shown.append(type(obj).__name__)
            return False

    workspace = RequestWorkspace(app_ctx)
    qtbot.addWidget(workspace)
    typing = QLineEdit(workspace)
    workspace.show()
    qtbot.waitExposed(workspace)
    workspace.activateWindow()
    typing.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is typing)
    watch = Watch()
    QApplication.instance().installEventFilter(watch)
    try:
        tab = PackageTab(workspace)
        qtbot.addWidget(tab)
        qtbot.wait(50)  # the window system's answer to a window shown comes as an event
    finally:
        QApplication.instance().removeEventFilter(watch)
    assert shown == []
    assert QApplication.focusWidget() is typing
    assert tab.signing.configure_button.isVisibleTo(tab)  # still offered, in its bar
