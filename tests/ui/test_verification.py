"""Ticking the checklist in the Verification tab moves the request along."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.queue.model import Col
from ui.request.verification import VerificationTab

from .helpers import add, row_texts


def _open(window, qtbot, reference: str) -> VerificationTab:  # type: ignore[no-untyped-def]
    window.queue.refresh()
    window.queue.select_row(row_texts(window, Col.REFERENCE).index(reference))
    window._open_current()
    qtbot.waitUntil(lambda: window.workspace.view is not None and window.workspace.view.reference == reference)
    tab = window.workspace.tab("verification")
    assert isinstance(tab, VerificationTab)
    window.workspace.tabs.setCurrentWidget(tab)
    return tab


def test_ticking_the_checklist_advances_the_request(window, app_ctx, qtbot):
    view = add(app_ctx.ctx, "Priya Costa", "access")
    tab = _open(window, qtbot, view.reference)
    assert window.workspace.status_chip.text() == "Received"
    assert tab.items.topLevelItemCount() == 3

    tab.select("government_id")
    qtbot.keyClicks(tab.comment, "Passport seen")
    qtbot.mouseClick(tab.passed, Qt.MouseButton.LeftButton)
    assert window.workspace.view.status == "awaiting_verification"
    assert window.workspace.status_chip.text() == "Awaiting verification"
    first = tab.items.topLevelItem(0)
    assert first.text(1) == "Passed"
    assert first.text(2).startswith(app_ctx.ctx.actor.username)
    assert first.text(5) == "Passport seen"
    assert tab.progress.text() == "1 of 3 required checks passed"

    for item_id in ("proof_of_address", "account_verification"):
        tab.select(item_id)
        qtbot.mouseClick(tab.passed, Qt.MouseButton.LeftButton)
    assert tab.progress.text() == "3 of 3 required checks passed"
    assert tab.finish.isVisible()
    qtbot.mouseClick(tab.finish, Qt.MouseButton.LeftButton)
    assert window.workspace.view.status == "in_progress"
    assert window.workspace.status_chip.text() == "In progress"
    assert not tab.passed.isEnabled()  # the checklist is closed now
    # The queue row follows without a reload.
    row = window.queue.model.row_of(view.id)
    assert window.queue.model.row_at(row).status == "in_progress"


def test_a_failed_check_needs_a_reason_and_evidence_is_attached(window, app_ctx, qtbot, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("ui.errors.QMessageBox.warning", lambda _p, _t, text, *a, **k: shown.append(text))
    view = add(app_ctx.ctx, "Oskar Quinn", "access")
    tab = _open(window, qtbot, view.reference)
    tab.select("proof_of_address")
    qtbot.mouseClick(tab.failed, Qt.MouseButton.LeftButton)
    assert shown and "Say why the check failed" in shown[0]

    scan = tmp_path / "utility-bill.pdf"
    scan.write_bytes(b"%PDF-1.4 pretend scan")
    tab.select("government_id")
    tab.evidence.setText(str(scan))
    qtbot.mouseClick(tab.passed, Qt.MouseButton.LeftButton)
    item = tab.items.topLevelItem(0)
    assert item.text(4) == "utility-bill.pdf"
