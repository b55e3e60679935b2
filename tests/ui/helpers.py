"""Small builders shared by the ui tests (requests made through the real services)."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console.context import Context
from console.requests import commands
from console.requests.commands import NewRequest
from console.requests.read_models import RequestView


def add(ctx: Context, name: str = "Ada Abara", right: str = "access", days_ago: float = 1.0,
        **kw: Any) -> RequestView:
    email = kw.pop("email", f"{name.lower().replace(' ', '.')}@example.org")
    new = NewRequest(right=right, subject_name=name, subject_email=email,
                     received_at=ctx.now() - timedelta(days=days_ago), **kw)
    return commands.add_request(ctx, new)


def row_texts(window: Any, column: int) -> list[str]:
    model = window.queue.model
    return [model.index(i, column).data() for i in range(model.rowCount())]


@contextmanager
def gui_run(timeout_ms: int = 180_000) -> Iterator[Callable[..., None]]:
    """For a test that runs the real event loop (``ui.app.run_gui``).

    Yields ``later(fn, ms)``, which schedules a driver step only while the block lasts, and arms a
    watchdog that ends a hung run with exit code 3. Both are disarmed when the block ends: an
    ``exit()`` called after the run, outside any ``exec()``, would make every later event-loop
    wait of the session return at once, and a driver still polling would type into later tests.
    """
    running = True

    def later(fn: Callable[[], None], ms: int = 30) -> None:
        QTimer.singleShot(ms, lambda: fn() if running else None)

    watchdog = QTimer()
    watchdog.setSingleShot(True)
    watchdog.timeout.connect(lambda: QApplication.instance().exit(3) if running else None)
    watchdog.start(timeout_ms)
    try:
        yield later
    finally:
        running = False
        watchdog.stop()


def run_window(argv: list[str]) -> int:
    """``ui.app.run_gui(argv)`` (inside :func:`gui_run`), then the process as it was before: the
    exception hook run_gui installs and the quit-on-last-window it switches off are put back."""
    from ui import app as gui

    hook = sys.excepthook
    try:
        return gui.run_gui(argv)
    finally:
        sys.excepthook = hook
        QApplication.instance().setQuitOnLastWindowClosed(True)
