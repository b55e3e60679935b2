"""The same flows with the real thread pools: results arrive later, on the main thread."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from ui.context import AppContext
from ui.dialogs.new_request import NewRequestDialog
from ui.main_window import MainWindow
from ui.queue.model import Col
from ui.queue.ticker import DeadlineTicker
from ui.tasks import Tasks

from .helpers import row_texts


@pytest.fixture
def async_window(ctx, qapp, prefs, qtbot):  # type: ignore[no-untyped-def]
    tasks = Tasks()
    app = AppContext(ctx, tasks, DeadlineTicker(ctx.now), prefs)
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.show()
    yield window
    window.close()
    tasks.shutdown()


def test_register_verify_and_advance_with_real_threads(async_window, qtbot):
    w = async_window
    tasks = w.app.tasks
    qtbot.waitUntil(lambda: tasks.idle and w.queue.model.exhausted, timeout=10_000)
    w.new_action.trigger()
    dialog = w.findChild(NewRequestDialog)
    qtbot.keyClicks(dialog.name, "Nora Lindqvist")
    qtbot.keyClicks(dialog.email, "nora@example.org")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.view is not None, timeout=10_000)
    reference = dialog.view.reference
    qtbot.waitUntil(lambda: reference in row_texts(w, Col.REFERENCE), timeout=10_000)
    qtbot.waitUntil(lambda: w.counts is not None and w.counts.queues["open"] == 1, timeout=10_000)
    assert w.nav.count_of("queue", "open") == 1

    w.queue.select_row(row_texts(w, Col.REFERENCE).index(reference))
    qtbot.waitUntil(lambda: w.workspace.view is not None and w.workspace.view.reference == reference, timeout=10_000)
    tab = w.workspace.tab("verification")
    for item in ("government_id", "proof_of_address", "account_verification"):
        tab.select(item)
        qtbot.mouseClick(tab.passed, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda item=item: any(c.item_id == item and c.result == "passed"
                                              for c in w.workspace.view.checklist), timeout=10_000)
    qtbot.mouseClick(tab.finish, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.workspace.view.status == "in_progress", timeout=10_000)
    row = w.queue.model.row_of(w.workspace.view.id)
    qtbot.waitUntil(lambda: w.queue.model.index(row, Col.STATUS).data() == "In progress", timeout=10_000)
