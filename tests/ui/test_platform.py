"""Guards for the platform: the PySide6 None refcount bug, fonts, the task layer's threads."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase

from ui.queue.model import Col
from ui.tasks import Tasks

from .helpers import add


def test_unset_roles_do_not_eat_references_to_none(window, app_ctx):
    """PySide6 6.12 on Python 3.11 loses a reference to None per empty return (PLATFORM-NOTES)."""
    add(app_ctx.ctx, "Refcount Person", "access")
    window.queue.refresh()
    model = window.queue.model
    index = model.index(0, Col.SUBJECT)
    unset = int(Qt.ItemDataRole.UserRole) + 77
    before = sys.getrefcount(None)
    for _ in range(5_000):
        assert index.data(unset) is None
        assert model.headerData(0, Qt.Orientation.Vertical) is None
    after = sys.getrefcount(None)
    assert after >= before - 100, f"None lost {before - after} references"


def test_fonts_are_installed():
    assert QFontDatabase.families(), "no fonts: Qt would draw boxes"


def test_tasks_run_in_a_worker_and_deliver_on_the_main_thread(qapp, qtbot):
    tasks = Tasks()
    seen: dict[str, str] = {}

    def work(progress=None) -> str:  # type: ignore[no-untyped-def]
        progress(1, 1)
        return threading.current_thread().name

    def done(name: str) -> None:
        seen["worker"] = name
        seen["delivered"] = threading.current_thread().name

    tasks.read(work, on_done=done, on_progress=lambda a, b: seen.setdefault("progress", f"{a}/{b}"))
    qtbot.waitUntil(lambda: tasks.idle, timeout=5000)
    assert seen["worker"] != threading.main_thread().name
    assert seen["delivered"] == threading.main_thread().name
    assert seen["progress"] == "1/1"

    failures: list[BaseException] = []
    tasks.write(lambda: 1 / 0, on_error=failures.append)
    qtbot.waitUntil(lambda: tasks.idle, timeout=5000)
    assert isinstance(failures[0], ZeroDivisionError)
    tasks.shutdown()


def test_a_cancelled_task_stops_the_console_function(qapp, qtbot, app_ctx):
    from console import demo
    from console.errors import Cancelled
    from ui.tasks import Task

    tasks = Tasks()
    outcome: list[object] = []
    task = Task(demo.fill, app_ctx.ctx, 50_000, with_cancel=True, batch=1_000)
    task.cancel()
    tasks.start(task, in_writer=True, on_done=outcome.append, on_error=outcome.append)
    qtbot.waitUntil(lambda: tasks.idle, timeout=10_000)
    assert isinstance(outcome[0], Cancelled)  # told by its class, whatever its message says
    assert app_ctx.ctx.db.is_empty()
    tasks.shutdown()


def test_a_cancel_the_person_asked_for_says_nothing_while_a_refusal_is_shown(qapp, qtbot, app_ctx, monkeypatch):
    """Behind the progress dialog: Cancel stops the demo fill quietly; a console error still gets its box."""
    from console import demo
    from console.errors import ValidationError
    from ui.errors import show_error
    from ui.tasks import with_progress

    shown: list[str] = []
    monkeypatch.setattr("ui.errors.QMessageBox.warning", lambda _p, _t, text, *a, **k: shown.append(text))
    tasks = Tasks()
    tasks.error.connect(lambda exc: show_error(None, exc))  # as the main window does
    task = with_progress(tasks, None, "Adding demo requests…", demo.fill, app_ctx.ctx, 50_000, batch=1_000)
    task.cancel()
    qtbot.waitUntil(lambda: tasks.idle, timeout=30_000)
    assert shown == [] and app_ctx.ctx.db.is_empty()

    def refuse(progress, cancel):
        raise ValidationError("That file has no rows.")

    with_progress(tasks, None, "Importing…", refuse)
    qtbot.waitUntil(lambda: tasks.idle and bool(shown), timeout=30_000)
    assert shown == ["That file has no rows."]
    tasks.shutdown()
