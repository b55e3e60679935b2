"""The request workspace: refusals show the service's message; stale edits offer a reload."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from console.deadlines import format_time_left, local_due_date
from console.requests import commands
from console.verification import check_item
from ui.dialogs.reasons import ReasonDialog
from ui.queue.model import Col

from .helpers import add, row_texts


def _show(window, qtbot, reference: str) -> None:  # type: ignore[no-untyped-def]
    window.queue.refresh()
    window.queue.select_row(row_texts(window, Col.REFERENCE).index(reference))
    window._open_current()
    qtbot.waitUntil(lambda: window.workspace.view is not None and window.workspace.view.reference == reference)


def test_a_refused_transition_shows_its_message(window, app_ctx, qtbot, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr("ui.errors.QMessageBox.warning", lambda _p, title, text, *a, **k: shown.append((title, text)))
    view = add(app_ctx.ctx, "Søren Umar", "access")
    check_item(app_ctx.ctx, view.reference, "government_id", "passed")
    _show(window, qtbot, view.reference)
    advance = window.workspace.buttons["advance"]
    assert advance.text() == "Advance to In progress"
    qtbot.mouseClick(advance, Qt.MouseButton.LeftButton)
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Not done"
    assert f"{view.reference} cannot leave verification yet" in text
    assert "'Proof of address' is not done" in text
    assert window.workspace.view.status == "awaiting_verification"
    assert advance.isEnabled()


def test_pause_and_resume_stop_the_clock(window, app_ctx, qtbot, monkeypatch, clock):
    view = add(app_ctx.ctx, "Farah Walsh", "access")
    _show(window, qtbot, view.reference)

    def waiting(dialog: ReasonDialog) -> int:
        dialog.text.setPlainText("A copy of a government-issued ID")
        return 1

    monkeypatch.setattr(ReasonDialog, "exec", waiting)
    qtbot.mouseClick(window.workspace.buttons["pause"], Qt.MouseButton.LeftButton)
    paused = window.workspace.view
    assert paused.paused_since is not None
    assert window.workspace.badge.state.text() == "Paused"
    assert window.workspace.buttons["resume"].isVisible()
    # The time left stands still while the clock moves on: queue and workspace show the same.
    left = format_time_left(paused.due_at - paused.paused_since)
    due = f"{local_due_date(paused.due_at, app_ctx.zone).isoformat()} end of day"
    clock.advance(days=2, hours=3)
    app_ctx.ticker.trigger()
    window.queue.refresh()
    row = row_texts(window, Col.REFERENCE).index(view.reference)
    assert window.queue.model.index(row, Col.TIME_LEFT).data() == f"{left} · paused"
    assert window.queue.model.index(row, Col.DUE).data() == due
    assert window.workspace.badge.countdown.text() == f"{left} left, clock stopped"
    assert window.workspace.due_line.text().startswith(f"Due {due} — ")
    qtbot.mouseClick(window.workspace.buttons["resume"], Qt.MouseButton.LeftButton)
    assert window.workspace.view.paused_since is None
    events = window.workspace.tab("activity").events
    assert events.topLevelItem(0).text(2) == "Clock resumed"


def test_a_stale_edit_is_refused_and_offers_a_reload(window, app_ctx, qtbot, monkeypatch):
    view = add(app_ctx.ctx, "Giulia Rossi", "access")
    _show(window, qtbot, view.reference)
    overview = window.workspace.tab("overview")
    commands.update_request(app_ctx.ctx, view.reference, {"notes": "Changed elsewhere"})  # somebody else
    offered: list[str] = []
    monkeypatch.setattr("ui.framework.workspace.offer_reload", lambda _p, exc: offered.append(str(exc)) or True)
    overview.priority.setCurrentIndex(overview.priority.findData("urgent"))
    assert overview.save.isEnabled()
    qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)
    assert offered and "changed by somebody else" in offered[0]
    assert window.workspace.view.notes == "Changed elsewhere"  # reloaded
    assert overview.priority.currentData() == "normal"

    overview.priority.setCurrentIndex(overview.priority.findData("urgent"))
    overview.assignee.setEditText("jo.lindahl")
    qtbot.mouseClick(overview.save, Qt.MouseButton.LeftButton)
    assert window.workspace.view.priority == "urgent"
    assert window.workspace.view.assignee == "jo.lindahl"
    row = row_texts(window, Col.REFERENCE).index(view.reference)
    assert window.queue.model.index(row, Col.ASSIGNEE).data() == "jo.lindahl"


def test_tabs_and_the_placeholders_of_features_not_installed(window, app_ctx, qtbot):
    from ui import registry

    view = add(app_ctx.ctx, "Mateo Berg", "access")
    _show(window, qtbot, view.reference)
    titles = [window.workspace.tabs.tabText(i) for i in range(window.workspace.tabs.count())]
    assert {"Overview", "Verification", "Data", "Package", "Activity"} <= set(titles)
    assert titles[0] == "Overview"
    builtin_tabs = {s.key for s in registry.tabs() if s.factory.__module__ == "ui.builtins"}
    if "package" in builtin_tabs:  # the packages feature replaces it when installed
        package = window.workspace.tab("package")
        assert "arrives with the packages feature" in " ".join(lbl.text() for lbl in package.findChildren(QLabel))
    builtin_views = {s.key for s in registry.views() if s.factory.__module__ == "ui.builtins"}
    window.nav.select("view", "incidents")
    assert window.stack.currentWidget() is window.view("incidents")
    if "incidents" in builtin_views:
        assert "arrives with the incidents feature" in " ".join(
            lbl.text() for lbl in window.view("incidents").findChildren(QLabel))


def test_data_tab_imports_a_file_and_shows_records_by_category(window, app_ctx, qtbot, tmp_path):
    view = add(app_ctx.ctx, "Mateo Berg", "access")
    _show(window, qtbot, view.reference)
    data = window.workspace.tab("data")
    if data._sources is None:  # the data-sources feature is not installed in this checkout
        assert "arrives with the data-sources feature" in data.note.text()
        return
    window.workspace.tabs.setCurrentWidget(data)
    assert data.count.text() == "0 records"
    export = tmp_path / "crm.csv"
    export.write_text("category,field,value\naccount,email,mateo@example.org\naccount,plan,pro\n"
                      "usage,last_login,2026-11-29\n", encoding="utf-8")
    data.import_file(str(export))
    assert data.count.text() == "3 records"
    top = [data.records.topLevelItem(i).text(0) for i in range(data.records.topLevelItemCount())]
    assert top == ["Usage data", "Account data"]  # the catalogue's order
    assert data.records.topLevelItem(1).childCount() == 2
    assert data.records.topLevelItem(1).child(0).text(1) == "file:crm.csv"
    assert window.workspace.tab("activity").events.topLevelItem(0).text(2) == "Subject data imported"
