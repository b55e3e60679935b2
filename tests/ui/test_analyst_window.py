"""Issue 15's defects, each as the analyst met it in the window: actions on what is seen, dates taken
whole, completion that says what happens, the keyboard path through the queue, the menu bar.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from console import verification
from console.errors import TransitionError
from console.requests import commands
from ui.dialogs.new_request import NewRequestDialog
from ui.dialogs.reasons import AssignDialog, CompleteDialog
from ui.queue.model import Col

from .helpers import add, row_texts


def _three(ctx):  # type: ignore[no-untyped-def]
    return [add(ctx, name, "access", days_ago=d) for name, d in (("Ana Arce", 3), ("Bo Berg", 2), ("Cy Chen", 1))]


# --- 1. the toolbar acts only on what is selected in the view on show ------------------------------


def test_assign_and_status_act_only_on_the_queue_on_show(window, app_ctx, qtbot, monkeypatch):
    _three(app_ctx.ctx)
    window.queue.refresh()
    window.queue.table.selectAll()
    assert window.assign_action.isEnabled() and window.status_action.isEnabled()
    for view in ("dashboard", "incidents", "audit"):
        window.nav.select("view", view)
        assert not window.assign_action.isEnabled(), view
        assert not window.status_action.isEnabled(), view
        window.assign_action.trigger()  # a shortcut pressed anyway: no dialog (one would fail the test)
    assert set(row_texts(window, Col.ASSIGNEE)) == {"Unassigned"}
    window.nav.select("queue", "open")
    window.queue.table.selectAll()
    assert window.assign_action.isEnabled()
    monkeypatch.setattr(AssignDialog, "exec", lambda d: d.who.setEditText("sam.keane") or 1)
    window.assign_action.trigger()
    assert set(row_texts(window, Col.ASSIGNEE)) == {"sam.keane"}


def test_a_closed_request_is_not_reassigned(app_ctx):
    ref = add(app_ctx.ctx, "Dee Dunn").reference
    commands.withdraw(app_ctx.ctx, ref, "The person called it off")
    with pytest.raises(TransitionError, match="closed request is not reassigned"):
        commands.assign(app_ctx.ctx, ref, "sam.keane")


# --- 2. a typed date is taken whole, or refused where it can be seen ------------------------------


def test_typed_received_date_is_taken_whole_or_refused_visibly(window, app_ctx, qtbot):
    window.new_action.trigger()
    dialog = window.findChild(NewRequestDialog)
    qtbot.keyClicks(dialog.name, "Eve Ekstrom")
    qtbot.keyClicks(dialog.email, "eve@example.org")
    field = dialog.received.edit
    field.selectAll()
    qtbot.keyClicks(field, "2025-11-15 08:30")
    assert dialog.received_at() == datetime(2025, 11, 15, 8, 30, tzinfo=app_ctx.zone)
    assert dialog.save_button.isEnabled() and dialog.problem.text() == ""

    field.selectAll()
    qtbot.keyClicks(field, "2027-03-01 10:00")  # after now (2026-11-30): refused, not turned into 2026
    assert "in the future" in dialog.problem.text()
    assert field.property("invalid") is True and not dialog.save_button.isEnabled()

    field.selectAll()
    qtbot.keyClicks(field, "2026-11-3 8:")  # half typed
    assert "not a whole date and time" in dialog.problem.text() and "YYYY-MM-DD HH:MM" in dialog.problem.text()
    assert field.property("invalid") is True and not dialog.save_button.isEnabled()

    field.selectAll()
    qtbot.keyClicks(field, "2026-11-29 17:05")
    assert dialog.received_at() == datetime(2026, 11, 29, 17, 5, tzinfo=app_ctx.zone)
    assert field.property("invalid") is False and dialog.save_button.isEnabled()
    dialog.reject()


# --- 3. completing says what happens, and needs the answer sent or the reason none is ---------------


def _awaiting_approval(ctx):  # type: ignore[no-untyped-def]
    ref = add(ctx, "Fay Fox").reference
    for item in ("government_id", "proof_of_address", "account_verification"):
        verification.check_item(ctx, ref, item)
    commands.advance(ctx, ref)
    commands.advance(ctx, ref)
    return ref


def test_completion_without_sending_asks_why_and_says_what_happens(window, app_ctx, qtbot, monkeypatch):
    ref = _awaiting_approval(app_ctx.ctx)
    window.queue.refresh()
    window.workspace.show_reference(ref)
    advance = window.workspace.buttons["advance"]
    assert advance.text() == "Advance to Completed"
    seen: list[CompleteDialog] = []

    def cancel(dialog: CompleteDialog) -> int:
        seen.append(dialog)
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # no reason, no completion
        return 0

    monkeypatch.setattr(CompleteDialog, "exec", cancel)
    qtbot.mouseClick(advance, Qt.MouseButton.LeftButton)
    assert seen, "completing asked nothing"
    intro = " ".join(label.text() for label in seen[0].findChildren(type(window.rows_label)))
    assert "No response has been sent to Fay Fox" in intro and "Mark as sent" in intro
    assert commands.get_request(app_ctx.ctx, ref).status == "awaiting_approval"

    def give_reason(dialog: CompleteDialog) -> int:
        dialog.text.setPlainText("Answered in person at the front desk")
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return 1

    monkeypatch.setattr(CompleteDialog, "exec", give_reason)
    qtbot.mouseClick(advance, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.workspace.view.status == "completed")
    assert window.workspace.view.outcome_reason == "No response sent: Answered in person at the front desk"


# --- 5. the keyboard path through the queue, focus that shows, a menu for every action -------------


def _ring(widget) -> QColor:  # type: ignore[no-untyped-def]
    image = widget.grab().toImage()
    return image.pixelColor(1, image.height() // 2)


def test_keyboard_moves_rows_with_arrows_and_tab_leaves_the_table(window, app_ctx, qtbot):
    _three(app_ctx.ctx)
    window.queue.refresh()
    table = window.queue.table
    window.activateWindow()
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(table.hasFocus)
    window.queue.select_row(0)
    assert _ring(table) == QColor("#1f5fa8"), "the focused queue has no visible ring"
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1
    qtbot.waitUntil(lambda: window.workspace.view is not None
                    and window.workspace.view.reference == row_texts(window, Col.REFERENCE)[1])
    opened = window.workspace.view.reference
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus(), "Tab walked the cells instead of leaving the table"
    assert table.currentIndex().row() == 1 and window.workspace.view.reference == opened
    assert _ring(table) != QColor("#1f5fa8")


def test_tab_leaves_the_date_field_in_one_step(window, qtbot):
    window.new_action.trigger()
    dialog = window.findChild(NewRequestDialog)
    dialog.activateWindow()
    dialog.received.edit.setFocus()
    qtbot.waitUntil(dialog.received.edit.hasFocus)
    qtbot.keyClick(dialog.received.edit, Qt.Key.Key_Tab)
    focus = QApplication.focusWidget()
    assert focus is not dialog.received.edit and not dialog.received.isAncestorOf(focus)
    dialog.reject()


def _menu_actions(window) -> list:  # type: ignore[no-untyped-def]
    found = []

    def walk(menu: QMenu) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu())
            elif not action.isSeparator():
                found.append(action)

    for top in window.menuBar().actions():
        walk(top.menu())
    return found


def test_menu_bar_holds_every_action_with_its_shortcut_and_ctrl_q_quits(window, qtbot):
    in_menus = _menu_actions(window)
    for action in window.toolbar.actions():
        if action.text() and not action.isSeparator() and action.isVisible():
            assert action in in_menus, f"{action.text()} is in the toolbar but in no menu"
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in in_menus}
    for text, key in (("New request", "Ctrl+N"), ("Search", "Ctrl+F"), ("Assign…", "Ctrl+Shift+A"),
                      ("Dashboard", "Ctrl+D"), ("Quit", "Ctrl+Q"), ("Advance", "Ctrl+Shift+Return")):
        assert shortcuts.get(text) == key, (text, shortcuts.get(text))
    assert {"File", "Edit", "Request", "View", "Tools"} <= {a.text().replace("&", "") for a in window.menuBar().actions()}
    qtbot.keyClick(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not window.isVisible())


# --- 7. one "due soon" number ------------------------------------------------------------------------


def test_due_soon_is_one_number_in_the_sidebar_and_on_the_dashboard(window, app_ctx, qtbot):
    ctx = app_ctx.ctx  # now: Monday 2026-11-30 09:00 UTC; "due soon" within 72 hours
    add(ctx, "Gil Grant", "inquiry", days_ago=1.9)  # 48 h: due in about 2 hours, today
    add(ctx, "Hal Hart", "access", days_ago=28.5)  # due in a day or two
    add(ctx, "Ida Imre", "access", days_ago=2)  # on track
    add(ctx, "Jo Jung", "inquiry", days_ago=3)  # overdue
    window.refresh_counts()
    sidebar = window.nav.count_of("queue", "due_soon")
    window.nav.select("view", "dashboard")
    page = window.view("dashboard")
    qtbot.waitUntil(lambda: page.figures is not None)
    assert sidebar == 2
    assert page.tiles["due_soon"].value.text() == str(sidebar)
    window.nav.select("queue", "due_soon")
    assert len(row_texts(window, Col.REFERENCE)) == sidebar


# --- 8. panes never show what the list no longer holds -------------------------------------------


def test_a_filter_that_empties_the_queue_empties_the_request_pane(window, app_ctx, qtbot):
    _three(app_ctx.ctx)
    window.queue.refresh()
    window.queue.select_row(0)
    qtbot.waitUntil(lambda: window.workspace.view is not None)
    window.queue.filters.search.setText("nobody-by-this-name")
    window.queue.filters.flush()
    assert window.queue.model.rowCount() == 0
    qtbot.waitUntil(lambda: window.workspace.view is None)
    assert window.workspace.stack.currentWidget() is window.workspace.placeholder


# --- 10. the theme reaches pages that are hidden ----------------------------------------------------


def test_switching_theme_while_the_dashboard_is_hidden_redraws_its_charts(window, app_ctx, qtbot):
    from PySide6.QtCharts import QChart

    from ui import preferences as P

    window.nav.select("view", "dashboard")
    page = window.view("dashboard")
    qtbot.waitUntil(lambda: page.figures is not None)
    window.nav.select("queue", "open")
    app_ctx.prefs.set(P.APPEARANCE, "dark")
    window._settings_applied(False)
    try:
        assert all(v.chart().theme() == QChart.ChartTheme.ChartThemeDark for v in page.charts.values())
    finally:
        app_ctx.prefs.set(P.APPEARANCE, "light")
        window._settings_applied(False)


def test_an_emptied_incident_list_empties_the_incident_pane(window, app_ctx, qtbot):
    from datetime import timedelta

    from console.incidents import commands as incidents
    from console.incidents.commands import NewIncident

    aware = app_ctx.ctx.now() - timedelta(hours=5)
    incidents.open_incident(app_ctx.ctx, NewIncident(title="Laptop left on a train", became_aware_at=aware))
    window.nav.select("view", "incidents")
    page = window.view("incidents")
    page.refresh()
    qtbot.waitUntil(lambda: page.workspace.view is not None)
    page.list.filters.search.setText("no incident is called this")
    page.list.filters.flush()
    qtbot.waitUntil(lambda: page.workspace.view is None)


# --- 6. the window at 1024 x 640, nothing clipped ---------------------------------------------------


def _clipped(buttons) -> list[str]:  # type: ignore[no-untyped-def]
    """Buttons on show whose words are wider than the button (Qt would cut them off)."""
    return [b.text() for b in buttons if b.isVisible() and b.text()
            and b.fontMetrics().horizontalAdvance(b.text()) + (b.iconSize().width() + 8 if not b.icon().isNull() else 0)
            > b.width()]


def test_the_window_works_at_1024_by_640_with_nothing_clipped(window, app_ctx, qtbot):
    from datetime import timedelta

    from console.incidents import commands as incidents
    from console.incidents.commands import NewIncident

    assert window.minimumSizeHint().width() <= 1024 and window.minimumSizeHint().height() <= 640
    ref = _three(app_ctx.ctx)[0].reference
    incidents.open_incident(app_ctx.ctx, NewIncident(title="Mailbox rule forwarding invoices",
                                                     became_aware_at=app_ctx.ctx.now() - timedelta(hours=3)))
    window.resize(1024, 640)
    qtbot.waitUntil(lambda: window.width() == 1024 and window.height() == 640)
    window.queue.refresh()
    window.workspace.show_reference(ref)
    qtbot.waitUntil(lambda: window.workspace.view is not None)
    table = window.queue.table
    header = table.horizontalHeader()
    for col in (Col.SUBJECT, Col.TIME_LEFT, Col.ASSIGNEE):  # what the analyst needs stays in view
        assert not header.isSectionHidden(col)
        assert header.sectionViewportPosition(col) + header.sectionSize(col) <= table.viewport().width() + 1, col
    assert _clipped(window.workspace.buttons.values()) == []
    window.nav.select("view", "incidents")
    page = window.view("incidents")
    page.refresh()
    qtbot.waitUntil(lambda: page.workspace.view is not None)
    assert _clipped(page.workspace.buttons.values()) == []
    f = page.list.filters
    qtbot.waitUntil(lambda: f.search.geometry().right() < f.queue.geometry().left())  # once laid out, no overlap
    assert f.search.width() >= f.search.minimumWidth()
    assert f.risk.geometry().right() <= f.width()
    # an incident's tabs (the Documents tab among them) scroll rather than make the window taller
    assert window.minimumSizeHint().height() <= 640


def _cut_short(combos) -> list[str]:  # type: ignore[no-untyped-def]
    """The boxes too narrow for the choice they show (its text, icon, arrow and frame in the window's style)."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

    def needed(c) -> int:  # type: ignore[no-untyped-def]
        opt = QStyleOptionComboBox()
        c.initStyleOption(opt)
        icon = 0 if c.itemIcon(c.currentIndex()).isNull() else c.iconSize().width() + 4
        contents = QSize(c.fontMetrics().horizontalAdvance(c.currentText()) + icon, c.fontMetrics().height())
        return c.style().sizeFromContents(QStyle.ContentsType.CT_ComboBox, opt, contents, c).width()

    return [c.currentText() for c in combos if c.width() + 2 < needed(c)]  # Qt rounds a pixel otherwise


def test_filters_show_their_whole_choice_in_a_usual_window(window, qtbot):
    window.resize(1400, 900)
    qtbot.waitUntil(lambda: window.width() == 1400)
    q = window.queue.filters
    qtbot.waitUntil(lambda: q.search.geometry().right() < q.right.geometry().left())
    assert _cut_short((q.right, q.status, q.deadline)) == []
    window.nav.select("view", "incidents")
    f = window.view("incidents").list.filters
    qtbot.waitUntil(lambda: f.search.geometry().right() < f.queue.geometry().left())
    qtbot.waitUntil(lambda: _cut_short((f.queue, f.drills, f.status, f.risk)) == [], timeout=10_000)


# --- 9 and 10. words the window uses --------------------------------------------------------------


def test_window_messages_name_buttons_not_commands(app_ctx, tmp_path):
    from console.errors import ConsoleError
    from console.packages import build_package
    from ui.errors import in_window

    ref = add(app_ctx.ctx, "Kim Kato").reference
    for item in ("government_id", "proof_of_address", "account_verification"):
        verification.check_item(app_ctx.ctx, ref, item)
    commands.advance(app_ctx.ctx, ref)
    with pytest.raises(ConsoleError) as refused:
        build_package(app_ctx.ctx, ref, tmp_path / "out", sign=False)
    shown = in_window(str(refused.value))
    assert "privacy-console" not in shown and "Fetch from data sources" in shown, shown


def test_counts_speak_in_the_singular_and_the_title_names_the_organisation_once(window, app_ctx):
    add(app_ctx.ctx, "Lou Lam")
    window.queue.refresh()
    assert window.queue.count_label.text() == "1 request"
    org = app_ctx.ctx.catalogue.organisation.name
    assert window.windowTitle().endswith(f" — {org}") and window.windowTitle().count(org) == 1


def test_the_title_says_which_request_and_queue_are_on_show(window, app_ctx, qtbot):
    ref = add(app_ctx.ctx, "Lou Lam").reference
    org = app_ctx.ctx.catalogue.organisation.name
    window.queue.refresh()
    qtbot.waitUntil(lambda: window.windowTitle() == f"{ref}, Received · All open — {org}", timeout=60_000)
    window.nav.select("view", "dashboard")
    assert window.windowTitle() == f"Dashboard — {org}"


# --- build 3: column chooser, saved views, CSV export --------------------------------------------------


def test_export_writes_every_row_of_the_queue_with_formulas_neutralised(window, app_ctx, qtbot, tmp_path):
    from ui.queue import commands as qc

    _three(app_ctx.ctx)
    add(app_ctx.ctx, "@Mallory Mint", email="mallory@example.org")
    window.queue.refresh()
    window.queue.columns.toggle(Col.RECEIVED, False)
    path = tmp_path / "queue.csv"
    qc.run_export(window, str(path), excel=True)
    qtbot.waitUntil(path.exists)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # what Excel reads as UTF-8
    lines = raw.decode("utf-8-sig").splitlines()
    assert lines[0].split(",") == ["reference", "subject", "email", "right", "status", "due", "deadline", "assignee",
                                   "priority"]
    assert len(lines) == 1 + 4
    assert any(line.split(",")[1] == "'@Mallory Mint" for line in lines[1:])


def test_a_saved_view_brings_back_queue_filters_sort_and_columns(window, app_ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from ui.queue import commands as qc

    _three(app_ctx.ctx)
    window.queue.refresh()
    window.queue.filters.search.setText("berg")
    window.queue.filters.flush()
    window.queue.columns.toggle(Col.ASSIGNEE, False)
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Bo's requests", True)))
    window.save_view_action.trigger()
    window.queue.filters.reset()
    window.queue.columns.toggle(Col.ASSIGNEE, True)
    window.nav.select("view", "dashboard")
    assert len(row_texts(window, Col.SUBJECT)) == 3
    qc.open_view(window, "Bo's requests")
    assert window.stack.currentIndex() == 0
    assert window.queue.filters.search.text() == "berg"
    assert row_texts(window, Col.SUBJECT) == ["Bo Berg"]
    assert window.queue.table.horizontalHeader().isSectionHidden(Col.ASSIGNEE)
    assert qc.saved_views(window).names() == ["Bo's requests"]


# --- build 2: the person's other requests ------------------------------------------------------------


def test_person_tab_lists_every_request_of_the_same_person_and_opens_one(window, app_ctx, qtbot):
    ctx = app_ctx.ctx
    first = add(ctx, "Mia Moreau", "access", days_ago=20, email="mia@example.org")
    commands.withdraw(ctx, first.reference, "Asked again later")
    second = add(ctx, "Mia Moreau", "erasure", days_ago=2, email="mia@example.org")
    third = add(ctx, "M. Moreau", "rectification", days_ago=1, email="other@example.org", subject_account_id="ACC-77",
                details={"corrections": [{"field": "address", "to": "1 Rue Neuve"}]})
    commands.update_request(ctx, second.reference, {"subject_account_id": "ACC-77"})
    add(ctx, "Noa Nash", "access", email="noa@example.org")
    window.queue.refresh()
    window.workspace.show_reference(second.reference)
    qtbot.waitUntil(lambda: window.workspace.view is not None)
    tab = next(t for t in window.workspace.findChildren(QWidget) if type(t).__name__ == "PersonTab")
    qtbot.waitUntil(lambda: tab.list.topLevelItemCount() == 3)
    refs = [tab.list.topLevelItem(i).text(0) for i in range(3)]
    assert set(refs) == {first.reference, second.reference, third.reference}  # by email, and by account id
    assert "2 other requests." in tab.summary.text()
    withdrawn = next(tab.list.topLevelItem(i) for i in range(3) if tab.list.topLevelItem(i).text(0) == first.reference)
    assert withdrawn.text(2) == "Withdrawn"
    tab.list.itemActivated.emit(withdrawn, 0)
    qtbot.waitUntil(lambda: window.workspace.view.reference == first.reference)


# --- build 4: a search looks across all requests --------------------------------------------------


def test_search_finds_requests_outside_the_queue_on_show(window, app_ctx, qtbot):
    ctx = app_ctx.ctx
    gone = add(ctx, "Olga Orlova", "access", days_ago=5)
    commands.withdraw(ctx, gone.reference, "Asked by phone to stop")
    add(ctx, "Olga Orlova", "erasure", days_ago=1)
    window.nav.select("queue", "overdue")
    f = window.queue.filters
    f.search.setText("orlova")
    f.flush()
    assert sorted(row_texts(window, Col.STATUS)) == ["Received", "Withdrawn"]
    f.everywhere.setChecked(False)  # only the queue on show: nothing of hers is overdue
    assert row_texts(window, Col.STATUS) == []
    f.everywhere.setChecked(True)
    f.search.clear()
    f.flush()
    assert window.queue.model.filter.queue == "overdue"


# --- build 7: undo the last reversible change -------------------------------------------------------


def test_undo_puts_back_the_last_assignment_and_priority(window, app_ctx, qtbot):
    ref = add(app_ctx.ctx, "Pia Park").reference
    window.queue.refresh()
    window.workspace.show_reference(ref)
    qtbot.waitUntil(lambda: window.workspace.view is not None)
    overview = next(t for t in window.workspace.findChildren(QWidget) if type(t).__name__ == "OverviewTab")
    assert not window.undo_action.isEnabled()
    overview.assignee.setEditText("jo.lindahl")
    overview.priority.setCurrentIndex(overview.priority.findData("urgent"))
    overview.save.click()
    qtbot.waitUntil(lambda: window.workspace.view.assignee == "jo.lindahl")
    assert window.undo_button.isVisible() and window.undo_action.isEnabled()
    assert window.workspace.view.priority == "urgent"
    window.undo_button.click()
    qtbot.waitUntil(lambda: commands.get_request(app_ctx.ctx, ref).assignee is None)
    back = commands.get_request(app_ctx.ctx, ref)
    assert back.priority == "normal" and not window.undo_button.isVisible()
    assert [e.action for e in back.events][-1] == "assigned"  # the undo is itself recorded
