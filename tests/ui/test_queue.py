"""Searching, filtering, sorting and bulk changes in the queue, all answered by SQL."""

from __future__ import annotations

from PySide6.QtCore import Qt

from ui.dialogs.reasons import AssignDialog, StatusDialog
from ui.queue.model import Col

from .helpers import add, row_texts


def _fill(ctx):  # type: ignore[no-untyped-def]
    add(ctx, "Hannah Nakamura", "access", days_ago=2)
    add(ctx, "Ivan Petrov", "erasure", days_ago=5)
    add(ctx, "Rosa Nakamura", "rectification", days_ago=1,
        details={"corrections": [{"field": "address", "to": "34 New Road"}]})
    add(ctx, "Wen Young", "inquiry", days_ago=3)  # 48 hours: overdue


def test_search_box_filters_in_sql(window, app_ctx, qtbot):
    _fill(app_ctx.ctx)
    window.queue.refresh()
    assert len(row_texts(window, Col.SUBJECT)) == 4
    window.search_action.trigger()
    assert window.queue.filters.search.hasFocus()
    qtbot.keyClicks(window.queue.filters.search, "nakamura")
    qtbot.keyClick(window.queue.filters.search, Qt.Key.Key_Return)
    assert sorted(row_texts(window, Col.SUBJECT)) == ["Hannah Nakamura", "Rosa Nakamura"]
    assert window.queue.count_label.text() == "2 requests"

    window.queue.filters.search.clear()
    window.queue.filters.flush()
    reference = row_texts(window, Col.REFERENCE)[0]
    window.queue.filters.search.setText(reference[-6:])  # the end of a reference finds it
    window.queue.filters.flush()
    assert row_texts(window, Col.REFERENCE) == [reference]


def test_filters_by_right_status_and_deadline(window, app_ctx, qtbot):
    _fill(app_ctx.ctx)
    f = window.queue.filters
    window.queue.refresh()
    f.right.setCurrentIndex(f.right.findData("erasure"))
    assert row_texts(window, Col.SUBJECT) == ["Ivan Petrov"]
    f.right.setCurrentIndex(0)
    f.deadline.setCurrentIndex(f.deadline.findData("overdue"))
    assert row_texts(window, Col.SUBJECT) == ["Wen Young"]
    f.deadline.setCurrentIndex(0)
    f.status.setCurrentIndex(f.status.findData("completed"))
    assert row_texts(window, Col.SUBJECT) == []
    assert window.queue.empty.isVisible()
    assert "No request matches" in window.queue.empty.text()
    f.reset()
    assert len(row_texts(window, Col.SUBJECT)) == 4


def test_navigation_queues_and_counts(window, app_ctx, qtbot):
    _fill(app_ctx.ctx)
    window.refresh_counts()
    assert window.nav.count_of("queue", "open") == 4
    assert window.nav.count_of("queue", "overdue") == 1
    assert window.nav.count_of("queue", "right:access") == 1
    window.nav.select("queue", "overdue")
    assert row_texts(window, Col.SUBJECT) == ["Wen Young"]
    window.nav.select("queue", "right:erasure")
    assert row_texts(window, Col.SUBJECT) == ["Ivan Petrov"]
    window.nav.select("view", "dashboard")
    assert window.stack.currentWidget() is window.view("dashboard")


def test_header_click_sorts_in_sql(window, app_ctx, qtbot):
    _fill(app_ctx.ctx)
    window.queue.refresh()
    header = window.queue.table.horizontalHeader()
    header.setSortIndicator(Col.SUBJECT, Qt.SortOrder.AscendingOrder)
    assert window.queue.model.filter.sort == "subject_name"
    assert row_texts(window, Col.SUBJECT) == sorted(row_texts(window, Col.SUBJECT))
    header.setSortIndicator(Col.SUBJECT, Qt.SortOrder.DescendingOrder)
    assert window.queue.model.filter.descending
    assert row_texts(window, Col.SUBJECT) == sorted(row_texts(window, Col.SUBJECT), reverse=True)


def test_bulk_assign_and_bulk_status(window, app_ctx, qtbot, monkeypatch):
    _fill(app_ctx.ctx)
    window.queue.refresh()
    window.queue.table.selectAll()
    assert window.assign_action.isEnabled()

    def accept_assign(dialog: AssignDialog) -> int:
        dialog.who.setEditText("sam.keane")
        return 1

    monkeypatch.setattr(AssignDialog, "exec", accept_assign)
    window.assign_action.trigger()
    assert set(row_texts(window, Col.ASSIGNEE)) == {"sam.keane"}

    window.queue.table.selectAll()
    shown: list[str] = []
    monkeypatch.setattr("ui.main_window.QMessageBox.exec", lambda box: shown.append(box.informativeText()) or 0)

    def to_approval(dialog: StatusDialog) -> int:
        dialog.target.setCurrentIndex(dialog.target.findData("awaiting_approval"))
        return 1

    monkeypatch.setattr(StatusDialog, "exec", to_approval)
    window.status_action.trigger()
    # Nothing is in progress yet, so the lifecycle refuses every one, each with its reason.
    assert shown and "cannot become awaiting approval" in shown[0]
    assert set(row_texts(window, Col.STATUS)) == {"Received"}


def test_keyboard_shortcuts(window):
    shortcuts = {a.text(): [k.toString() for k in a.shortcuts()] for a in window.actions()}
    assert "Ctrl+N" in shortcuts["New request"]
    assert "F5" in shortcuts["Refresh"]
    assert "Ctrl+F" in shortcuts["Search"]
    assert "Ctrl+I" in shortcuts["Import…"]


def test_a_request_that_leaves_the_queue_stays_on_show(window, app_ctx, qtbot):
    """Completing (here: withdrawing) the request on show takes it out of the overdue queue; the
    workspace keeps showing it, so the analyst sees what they did, and no other request is opened."""
    from console.requests import commands

    ctx = app_ctx.ctx
    _fill(ctx)
    first = add(ctx, "Kai Berg", "inquiry", days_ago=4)  # the most overdue: first in the queue
    window.nav.select("queue", "overdue")
    assert row_texts(window, Col.SUBJECT) == ["Kai Berg", "Wen Young"]
    qtbot.waitUntil(lambda: window.workspace.view is not None and window.workspace.view.reference == first.reference)
    commands.withdraw(ctx, first.reference, "The person no longer wants an answer")
    window.queue.refresh()
    qtbot.waitUntil(lambda: row_texts(window, Col.SUBJECT) == ["Wen Young"])
    assert not window.queue.table.currentIndex().isValid()  # nothing picked in its place
    assert not window._open_timer.isActive()
    assert window.workspace.view.reference == first.reference
