"""Qt fixtures for the ui tier: the application context over the real test database, with a
synchronous task layer (work runs inline, results arrive at once) and a clock the test moves.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from console.context import Context
from ui import style
from ui.context import AppContext
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.queue.ticker import DeadlineTicker
from ui.tasks import Tasks


@pytest.fixture
def prefs(tmp_path: Path) -> Preferences:
    return Preferences(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def app_ctx(ctx: Context, qapp: QApplication, prefs: Preferences) -> Iterator[AppContext]:
    style.apply(qapp, "light")
    tasks = Tasks(synchronous=True)
    ticker = DeadlineTicker(ctx.now)  # not started: tests move the clock and call trigger()
    app = AppContext(ctx, tasks, ticker, prefs)
    yield app
    tasks.shutdown()


@pytest.fixture
def window(app_ctx: AppContext, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    w = MainWindow(app_ctx)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.fixture(autouse=True)
def reap_widgets(qapp: QApplication) -> Iterator[None]:
    """After each test, close and really delete every window it left behind.

    pytest-qt only asks for deletion (deleteLater), which needs an event loop turn that a test
    run never gives; leftover windows then pile up, each keeping its timers, watchers and pools,
    and every later stylesheet or palette change re-polishes all of them: the suite slows down
    test by test until waits on the event loop time out.
    """
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, int(QEvent.Type.DeferredDelete))
    QCoreApplication.processEvents()


@pytest.fixture(autouse=True)
def no_unexpected_modals(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A modal dialog nobody expected would block the test run forever: fail instead.

    Tests that expect one replace the method they expect with their own capture.
    """
    from PySide6.QtWidgets import QDialog, QMessageBox

    seen: list[str] = []

    def refuse(kind: str):  # type: ignore[no-untyped-def]
        def modal(*args, **kwargs):  # type: ignore[no-untyped-def]
            text = " | ".join(str(a) for a in args if isinstance(a, str))
            seen.append(f"{kind}: {text}")
            raise AssertionError(f"unexpected modal {kind}: {text}")

        return modal

    for name in ("information", "warning", "critical", "question"):
        monkeypatch.setattr(QMessageBox, name, staticmethod(refuse(f"QMessageBox.{name}")))
    monkeypatch.setattr(QMessageBox, "exec", refuse("QMessageBox.exec"))
    monkeypatch.setattr(QDialog, "exec", refuse("QDialog.exec"))
    return seen
