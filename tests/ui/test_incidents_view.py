"""The Incidents view over the real services: the new-incident dialog, the live 72-hour countdown,
drills marked DRILL, the append-only timeline, refusals shown as the service's message, notices.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton

from console import deadlines
from console.incidents import commands, notifications
from console.incidents.commands import NewIncident
from ui import words
from ui.dialogs.reasons import ReasonDialog
from ui.incidents.actions import EntryDialog
from ui.incidents.model import BADGE_ROLE, STATE_ROLE, Col
from ui.incidents.new import NewIncidentDialog, StartDrillDialog

_ACCESSIBLE = int(Qt.ItemDataRole.AccessibleTextRole)


@pytest.fixture
def page(window):  # type: ignore[no-untyped-def]
    window.nav.select("view", "incidents")
    return window.view("incidents")


def _open(ctx, title: str, hours_ago: float) -> str:  # type: ignore[no-untyped-def]
    aware = ctx.now() - timedelta(hours=hours_ago)
    return commands.open_incident(ctx, NewIncident(title=title, became_aware_at=aware)).reference


def _show(page, qtbot, reference: str) -> None:  # type: ignore[no-untyped-def]
    page.list.refresh(select=reference)
    page.open_current()
    qtbot.waitUntil(lambda: page.workspace.view is not None and page.workspace.view.reference == reference)


def test_a_new_incident_is_checked_as_you_type_and_listed_with_its_due_time(page, app_ctx, clock, qtbot):
    page.new_incident()
    dialog = page.findChild(NewIncidentDialog)
    assert dialog is not None and dialog.isVisible()
    assert not dialog.save_button.isEnabled()  # no title yet
    dialog.title.setText("Support mailbox phished")
    aware = clock.now - timedelta(hours=2)
    dialog.aware.set_value(aware)
    dialog.detected.set_value(aware + timedelta(hours=1))
    assert not dialog.save_button.isEnabled()
    assert "cannot come before detection" in dialog.problem.text()
    dialog.detected.set_value(aware - timedelta(minutes=30))
    assert dialog.save_button.isEnabled(), dialog.problem.text()
    due = words.local_time(aware + timedelta(hours=72), app_ctx.zone)
    assert dialog.due.text() == due  # shown before anything is saved
    assert "70 h 00 min left" in dialog.left.text()
    dialog.subjects.boxes["customers"].setChecked(True)  # whose data: Art. 33(3)(a), recorded with the incident
    dialog.other_subjects.setText("usres")
    assert not dialog.save_button.isEnabled() and "Unknown category of data subjects" in dialog.problem.text()
    dialog.other_subjects.setText("Employees, Contractors")
    assert dialog.save_button.isEnabled(), dialog.problem.text()

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    view = page.workspace.view
    assert view is not None and view.title == "Support mailbox phished"
    assert view.subject_categories == ("customers", "Employees", "Contractors")
    row = page.list.model.row_of(view.reference)
    assert row >= 0
    assert page.list.model.index(row, Col.DUE).data() == due
    assert page.list.current_row().reference == view.reference
    assert page.workspace.badge.countdown.text() == "2d 22:00:00 left"


def test_the_countdown_follows_the_clock_on_each_tick(page, app_ctx, clock, qtbot):
    reference = _open(app_ctx.ctx, "Backup bucket publicly readable", hours_ago=50)
    _show(page, qtbot, reference)
    model = page.list.model
    cell = model.index(model.row_of(reference), Col.TIME_LEFT)
    before, badge_before = cell.data(), page.workspace.badge.countdown.text()
    assert cell.data(STATE_ROLE) == "due_soon"  # 22 hours left of 72, due tomorrow
    assert not cell.data(int(Qt.ItemDataRole.DecorationRole)).isNull()  # an icon, not colour alone

    clock.advance(seconds=7)
    app_ctx.ticker.trigger()

    row = model.row_at(cell.row())
    assert cell.data() != before
    assert cell.data() == f"{deadlines.format_time_left(row.time_left(clock.now))} · soon"
    assert page.workspace.badge.countdown.text() != badge_before
    assert page.workspace.badge.countdown.text() == "21:59:53 left"

    clock.advance(hours=23)
    app_ctx.ticker.trigger()
    assert cell.data(STATE_ROLE) == "overdue"
    assert page.workspace.badge.countdown.text() == "01:00:07 late"
    page.alerts.check()  # the background refresh (every half minute) finds the passed deadline
    assert window_message(page).startswith("Authority report overdue: ")
    assert reference in window_message(page)


def window_message(page) -> str:  # type: ignore[no-untyped-def]
    return page.window().statusBar().currentMessage()


def test_a_drill_is_marked_drill_in_the_list_and_the_workspace(page, app_ctx, qtbot):
    page.start_drill()
    dialog = page.findChild(StartDrillDialog)
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    dialog.list.setCurrentRow(titles.index("Lost laptop with a customer extract"))
    qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)

    view = page.workspace.view
    assert view.is_drill and view.reference.startswith("DRILL-")
    model = page.list.model
    row = model.row_of(view.reference)
    assert model.index(row, Col.TITLE).data(BADGE_ROLE) == "DRILL"
    assert model.index(row, Col.TITLE).data(_ACCESSIBLE).startswith("DRILL: ")
    assert page.workspace.drill_pill.isVisible() and page.workspace.drill_pill.text() == "DRILL"
    assert "not a real breach" in page.workspace.drill_note.text()
    real = _open(app_ctx.ctx, "Printed invoices sent to old addresses", hours_ago=1)
    page.list.refresh()
    assert model.index(model.row_of(real), Col.TITLE).data(BADGE_ROLE) is None

    filters = page.list.filters
    filters.drills.setCurrentIndex(filters.drills.findData("exclude"))
    assert model.row_of(view.reference) < 0 and model.row_of(real) >= 0
    filters.drills.setCurrentIndex(filters.drills.findData("only"))
    assert [model.row_at(i).reference for i in range(model.rowCount())] == [view.reference]


def test_timeline_entries_are_added_and_corrected_never_edited(page, app_ctx, qtbot, monkeypatch):
    reference = _open(app_ctx.ctx, "Misdirected email with an order export", hours_ago=3)
    _show(page, qtbot, reference)
    timeline = page.workspace.tab("timeline")
    typed = iter(["Called the partner; they deleted the file", "They deleted it on Monday, not today"])

    def fill(dialog: EntryDialog) -> int:
        dialog.text.setPlainText(next(typed))
        return 1

    monkeypatch.setattr(EntryDialog, "exec", fill)
    qtbot.mouseClick(timeline.add, Qt.MouseButton.LeftButton)
    tree = timeline.entries
    texts = [tree.topLevelItem(i).text(4) for i in range(tree.topLevelItemCount())]
    assert texts[-1] == "Called the partner; they deleted the file"
    added = tree.topLevelItem(tree.topLevelItemCount() - 1)
    assert added.text(2) == "alex.morgan" and added.text(3) == "Note"

    assert tree.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    for i in range(tree.topLevelItemCount()):
        assert not tree.topLevelItem(i).flags() & Qt.ItemFlag.ItemIsEditable
    buttons = [b.text() for b in timeline.findChildren(QPushButton, options=Qt.FindChildOption.FindDirectChildrenOnly)]
    assert sorted(buttons) == ["Add entry…", "Correct…"]  # nothing that edits an entry

    tree.setCurrentItem(added)
    qtbot.mouseClick(timeline.correct, Qt.MouseButton.LeftButton)
    texts = [tree.topLevelItem(i).text(4) for i in range(tree.topLevelItemCount())]
    original = next(t for t in texts if t.startswith("Called the partner"))
    correction = next(t for t in texts if t.startswith("Corrects #"))
    assert original.endswith("(corrected by #4)")
    assert correction == "Corrects #3: They deleted it on Monday, not today"
    entries = page.workspace.view.timeline
    assert [e.text for e in entries if e.seq == 3] == ["Called the partner; they deleted the file"]  # unchanged


def test_closing_a_reportable_breach_nobody_reported_shows_the_services_message(page, app_ctx, qtbot, monkeypatch):
    ctx = app_ctx.ctx
    reference = _open(ctx, "Phishing compromise of a support mailbox", hours_ago=5)
    notifications.assess(ctx, reference, "risk", "Customer emails and ticket history exposed")
    for status, note in (("triaged", ""), ("contained", "Mailbox password reset, sessions revoked"), ("resolved", "")):
        commands.transition(ctx, reference, status, note=note)
    _show(page, qtbot, reference)
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr("ui.errors.QMessageBox.warning", lambda _p, title, text, *a, **k: shown.append((title, text)))
    monkeypatch.setattr(ReasonDialog, "exec", lambda _d: 1)
    close = page.workspace.buttons["close"]
    assert close.isEnabled()

    qtbot.mouseClick(close, Qt.MouseButton.LeftButton)

    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Not done"
    assert text.startswith(f"{reference} cannot be closed: ")
    assert "the supervisory authority has not been notified" in text
    assert page.workspace.view.status == "resolved"
    assert close.isEnabled()


def test_open_an_incident_and_start_a_drill_with_real_threads(ctx, qapp, prefs, qtbot):
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.queue.ticker import DeadlineTicker
    from ui.tasks import Tasks

    tasks = Tasks()
    window = MainWindow(AppContext(ctx, tasks, DeadlineTicker(ctx.now), prefs))
    qtbot.addWidget(window)
    window.show()
    try:
        window.nav.select("view", "incidents")
        page = window.view("incidents")
        qtbot.waitUntil(lambda: tasks.idle and page.list.model.exhausted, timeout=10_000)
        page.new_incident()
        dialog = page.findChild(NewIncidentDialog)
        qtbot.keyClicks(dialog.title, "Card numbers in a debug log")
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
        reference = dialog.view.reference
        qtbot.waitUntil(lambda: page.list.model.row_of(reference) >= 0, timeout=10_000)
        qtbot.waitUntil(lambda: page.list.current_row() is not None and page.list.current_row().reference == reference,
                        timeout=10_000)
        assert page.workspace.view.reference == reference

        page.start_drill()
        drill = page.findChild(StartDrillDialog)
        qtbot.waitUntil(lambda: drill.list.count() > 0, timeout=10_000)
        qtbot.mouseClick(drill.start_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.workspace.view.is_drill, timeout=10_000)
        drill_ref = page.workspace.view.reference
        qtbot.waitUntil(lambda: page.list.model.row_of(drill_ref) >= 0, timeout=10_000)
        row = page.list.model.row_of(drill_ref)
        assert page.list.model.index(row, Col.TITLE).data(BADGE_ROLE) == "DRILL"
        qtbot.waitUntil(lambda: tasks.idle, timeout=10_000)
    finally:
        window.close()
        tasks.shutdown()


def test_a_role_that_may_only_read_incidents_sees_why_the_actions_are_off(ctx, qapp, prefs, qtbot):
    from console.security.roles import Actor, Role
    from ui.context import AppContext
    from ui.main_window import MainWindow
    from ui.queue.ticker import DeadlineTicker
    from ui.tasks import Tasks

    reference = _open(ctx, "Lost encrypted laptop", hours_ago=2)
    analyst = ctx.as_actor(Actor("sam.reed", Role.ANALYST))
    tasks = Tasks(synchronous=True)
    window = MainWindow(AppContext(analyst, tasks, DeadlineTicker(analyst.now), prefs))
    qtbot.addWidget(window)
    window.show()
    window.nav.select("view", "incidents")
    page = window.view("incidents")
    assert page.workspace.view.reference == reference  # reading is allowed
    for button in (page.list.new_button, page.list.drill_button, *page.workspace.buttons.values(),
                   page.workspace.tab("timeline").add, page.workspace.tab("overview").save):
        assert not button.isEnabled(), button.text()
    assert "may read incidents but not work on them" in page.workspace.buttons["assess"].toolTip()
    page.new_incident()
    assert page.findChild(NewIncidentDialog) is None
    tasks.shutdown()


def test_incident_notices_run_from_the_start(window, qtbot) -> None:
    """The 72-hour notices must not wait until somebody opens the Incidents page (built right after
    the queue's first page, which paints first)."""
    assert window.queue.model.rowCount() > 0 or window.queue.model.exhausted
    qtbot.waitUntil(lambda: window.view("incidents") is not None, timeout=5_000)
    page = window.view("incidents")
    assert page is not None and page.alerts.enabled is not None
    assert window.stack.currentIndex() == 0  # the queue is still what the window shows
