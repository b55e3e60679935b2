"""The request workspace's Processing tab: the activities of the request's data categories, and
the form that records a withdrawal of consent."""

from __future__ import annotations

from sqlalchemy import update

from console.processing.withdrawals import withdrawals_for
from console.requests import commands
from console.store.models import Request
from ui.queue.model import Col

from .helpers import add, row_texts


def _show(window, qtbot, reference: str) -> None:  # type: ignore[no-untyped-def]
    window.queue.refresh()
    window.queue.select_row(row_texts(window, Col.REFERENCE).index(reference))
    window._open_current()
    qtbot.waitUntil(lambda: window.workspace.view is not None and window.workspace.view.reference == reference,
                    timeout=60_000)


def _activities(tab) -> list[str]:  # type: ignore[no-untyped-def]
    return [tab.table.item(r, 0).text() for r in range(tab.table.rowCount())]


def test_the_processing_tab_shows_the_activities_of_the_request_categories(window, app_ctx, qtbot):
    view = add(app_ctx.ctx, "Mateo Berg", "access", categories=("account",))
    _show(window, qtbot, view.reference)
    tab = window.workspace.tab("processing")
    window.workspace.tabs.setCurrentWidget(tab)
    assert "Running user accounts" in _activities(tab)
    row = _activities(tab).index("Running user accounts")
    assert "Contract" in tab.table.item(row, 1).text()
    assert "backup" in tab.table.item(row, 2).text()
    assert not tab.withdrawal.isVisible()  # an access request withdraws nothing
    commands.update_request(app_ctx.ctx, view.reference, {"categories": ["transaction"]})
    window.workspace.reload()
    qtbot.waitUntil(lambda: "Payments, billing and financial records" in _activities(tab), timeout=60_000)
    assert "Running user accounts" not in _activities(tab)


def test_a_withdrawal_of_consent_is_recorded_from_the_form(window, app_ctx, qtbot):
    ctx = app_ctx.ctx
    view = add(ctx, "Ines Duarte", "consent_withdrawal", categories=("preference",))
    with ctx.db.unit(ctx.actor, None) as uow:  # identity confirmed: the request is being acted on
        uow.session.execute(update(Request).where(Request.reference == view.reference).values(status="in_progress"))
    _show(window, qtbot, view.reference)
    tab = window.workspace.tab("processing")
    window.workspace.tabs.setCurrentWidget(tab)
    assert tab.withdrawal.isVisible()
    qtbot.waitUntil(lambda: tab.recorded.text() == "Nothing recorded yet.", timeout=60_000)
    assert not tab.record.isEnabled() and "Tick what" in tab.note.text()
    tab.cookie_boxes["analytics"].setChecked(True)
    tab.cookie_boxes["essential"].setChecked(True)
    tab.activity_boxes["preferences"].setChecked(True)
    assert tab.record.isEnabled()
    tab.record.click()
    qtbot.waitUntil(lambda: len(withdrawals_for(ctx, view.reference)) == 3, timeout=60_000)
    qtbot.waitUntil(lambda: "Recorded:" in tab.recorded.text(), timeout=60_000)
    done = {w.target_id: w.outcome for w in withdrawals_for(ctx, view.reference)}
    assert done == {"analytics": "withdrawn", "essential": "not_withdrawable", "preferences": "withdrawn"}
    assert "essential: cannot be withdrawn" in tab.recorded.text()
    assert not tab.cookie_boxes["analytics"].isEnabled() and tab.cookie_boxes["analytics"].isChecked()
    assert tab.cookie_boxes["functional"].isEnabled() and not tab.record.isEnabled()


def test_the_form_says_when_a_withdrawal_can_be_recorded(window, app_ctx, qtbot):
    """Before identity is confirmed the form is closed and names both states it opens in; awaiting
    approval (still being answered) it is open, as the console's rule allows."""
    ctx = app_ctx.ctx
    view = add(ctx, "Noor Haddad", "consent_withdrawal", categories=("preference",))
    _show(window, qtbot, view.reference)
    tab = window.workspace.tab("processing")
    window.workspace.tabs.setCurrentWidget(tab)
    tab.cookie_boxes["analytics"].setChecked(True)
    assert not tab.record.isEnabled()
    assert "in progress or awaiting approval" in tab.note.text()
    with ctx.db.unit(ctx.actor, None) as uow:
        uow.session.execute(update(Request).where(Request.reference == view.reference)
                            .values(status="awaiting_approval"))
    window.workspace.reload()
    qtbot.waitUntil(lambda: window.workspace.view.status == "awaiting_approval", timeout=60_000)
    tab.cookie_boxes["analytics"].setChecked(False)
    tab.cookie_boxes["analytics"].setChecked(True)
    assert tab.record.isEnabled()
