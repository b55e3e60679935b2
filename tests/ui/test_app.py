"""run_gui end to end on a new, empty database: demo data in the background, then the window."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from ui import app as gui
from ui.main_window import MainWindow

from .helpers import gui_run, run_window


def test_first_start_fills_demo_data_then_shows_the_queue(qapp, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    monkeypatch.delenv("PRIVACY_CONSOLE_NO_DEMO", raising=False)
    seen: dict[str, int] = {}

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows and windows[0].queue.model.rowCount() and windows[0].counts is not None:
            w = windows[0]
            seen["rows"] = w.queue.model.rowCount()
            seen["all"] = w.counts.queues["all"]
            w.close()
            return
        later(look, 50)

    with gui_run() as later:
        later(look, 50)
        code = run_window(["--db", url])
    assert code == 0
    assert seen["all"] == gui.DEMO_REQUESTS
    assert seen["rows"] > 0


def test_a_database_that_cannot_be_opened_says_why(qapp, tmp_path, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr("ui.app.QMessageBox.critical", lambda _p, _t, text: shown.append(text))
    code = run_window(["--db", "mysql://nobody@nowhere/db"])
    assert code == 1
    assert "Unsupported database 'mysql'" in shown[0]
