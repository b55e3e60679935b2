"""The window paints the queue first: the other views and the heavy libraries come afterwards."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from console.session import open_database
from ui.app import WARM_MODULES
from ui.main_window import AFTER_PAINT_MODULES, MainWindow

from .helpers import add

ROOT = Path(__file__).resolve().parents[2]


def test_the_queue_paints_before_any_other_view_is_built(app_ctx, qtbot):
    for i in range(3):
        add(app_ctx.ctx, f"Person {i}", "access", days_ago=i)
    window = MainWindow(app_ctx)
    qtbot.addWidget(window)
    built_at_paint: list[set[str]] = []
    window.first_paint.painted.connect(
        lambda: built_at_paint.append({key for key in ("incidents", "dashboard", "audit", "records")
                                       if window.view(key) is not None}))
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: bool(built_at_paint), timeout=10_000)
    assert built_at_paint == [set()], "a view was built before the queue's rows were on screen"
    assert window.queue.model.rowCount() == 3
    # the incidents page runs its 72-hour notices from the start: built right after the paint
    qtbot.waitUntil(lambda: window.view("incidents") is not None, timeout=10_000)
    assert window.stack.currentIndex() == 0  # the queue is still what the window shows
    assert window.view("dashboard") is None  # the others wait for their first visit
    window.nav.select("view", "dashboard")
    assert window.view("dashboard") is not None and window.stack.currentWidget() is window.view("dashboard")


def test_building_the_window_loads_no_pdf_signing_keyring_or_migration_code():
    """What the worker imports before the window is built (WARM_MODULES) must stay light: reportlab,
    pyHanko and the package builder load after the first paint, keyring at the first secret, Alembic
    only to migrate. One real process, since this process has loaded everything already."""
    probe = (
        "import importlib, sys\n"
        "import ui.app\n"
        f"for name in {WARM_MODULES!r}: importlib.import_module(name)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'pyhanko', 'keyring', 'alembic')\n"
        "               or m in ('console.packages.builder', 'console.demo', 'ui.incidents.page', 'ui.dashboard.view'))\n"
        "print('LOADED', heavy)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert "LOADED []" in out.stdout, out.stdout + out.stderr
    assert "console.packages.builder" in AFTER_PAINT_MODULES  # the package tab's first preview finds it loaded


def test_every_model_is_registered_before_the_window_runs_queries(tmp_path):
    """Views load their modules on worker threads after the first paint; a model module half-defined
    on one thread while a query configures the mappers on another failed a request's load with
    'failed to locate a name' (seen in bench_ui). open_console registers them all first."""
    url = f"sqlite:///{tmp_path / 'm.sqlite3'}"
    open_database(url).dispose()  # made (and migrated, which loads every model) here, opened there
    probe = (
        "import sys\n"
        "from ui.app import open_console\n"
        f"opened = open_console({url!r}, None)\n"
        "opened.db.dispose()\n"
        "print('MISSING', sorted(m for m in ('console.store.models', 'console.store.fact_models',\n"
        "      'console.store.withdrawal_models', 'console.store.incident_models') if m not in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=120,
                         env={**os.environ, "PRIVACY_CONSOLE_NO_DEMO": "1"})
    assert "MISSING []" in out.stdout, out.stdout + out.stderr
