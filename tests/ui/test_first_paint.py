"""The window paints the queue first: the other views and the heavy libraries come afterwards."""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from console.requests import commands, first_page, queries
from console.requests.queries import QueueFilter, QueueRow
from console.session import open_database
from ui.app import WARM_MODULES
from ui.main_window import AFTER_PAINT_MODULES, MainWindow
from ui.queue.model import QueueModel, fetch_rows
from ui.queue.provisional import KeptCatalogue, ProvisionalWindow

from .helpers import add, gui_run, run_window

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


# --- the fast first page: painted before SQLAlchemy loads (console.requests.first_page) -----------


def _local(db) -> str:  # type: ignore[no-untyped-def]
    if db.dialect != "sqlite":
        pytest.skip("the fast first page is for a local SQLite file")
    return db.engine.url.render_as_string(hide_password=False)


def _fill(ctx) -> None:  # type: ignore[no-untyped-def]
    for i in range(5):
        add(ctx, f"Person {i}", "access", days_ago=i * 3)
    paused = add(ctx, "Paula Paused", "erasure", days_ago=2)
    commands.pause(ctx, paused.reference, "waiting for the person's proof of identity")
    add(ctx, "Zofia Zielińska", "portability", days_ago=40, assignee="alex.morgan")


def test_the_fast_first_page_is_the_queues_own_first_page(ctx):
    url = _local(ctx.db)
    _fill(ctx)
    assert queries.remember_first_page(ctx, QueueModel.page_size)
    early = first_page.read(url)
    real, _cursor = fetch_rows(ctx, QueueFilter(), None, QueueModel.page_size)
    assert early == real and len(real) == 7
    assert isinstance(early[0][first_page.FIELDS.index("due_at")], datetime)
    add(ctx, "Late Arrival", "access", days_ago=90)  # live rows, never a snapshot of the last start
    assert first_page.read(url) == fetch_rows(ctx, QueueFilter(), None, QueueModel.page_size)[0]
    assert tuple(f.name for f in dataclasses.fields(QueueRow)) == first_page.FIELDS


@pytest.mark.parametrize("stale", [{"version": "0.0.1"}, {"revision": "0001_initial"}, {"format": 0},
                                   {"fields": ["id"]}])
def test_a_cache_from_another_version_or_revision_is_not_used(ctx, stale):
    url = _local(ctx.db)
    _fill(ctx)
    queries.remember_first_page(ctx, QueueModel.page_size)
    path = first_page.cache_path()
    path.write_text(json.dumps({**json.loads(path.read_text()), **stale}))
    assert first_page.read(url) is None


def test_a_database_at_another_revision_or_with_sign_in_is_not_read_early(ctx):
    url = _local(ctx.db)
    _fill(ctx)
    queries.remember_first_page(ctx, QueueModel.page_size)
    assert first_page.read(url)
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('security.sign_in_required', 'true')")
    assert first_page.read(url) is None  # sign-in comes first
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM settings WHERE key = 'security.sign_in_required'")
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0001_initial'")
    assert first_page.read(url) is None
    assert first_page.read("sqlite://") is None and first_page.read("postgresql+psycopg://u@h/db") is None


def test_the_window_starts_from_the_early_page_and_a_broken_cache_only_costs_that(qapp, tmp_path):
    """Second start: the provisional page shows first, then the window with the same rows in the same
    place; with a damaged cache file the window simply starts the ordinary way, no dialog."""
    url = f"sqlite:///{tmp_path / 'fast.sqlite3'}"
    db = open_database(url)
    try:
        from console.context import Context
        from console.policy import load_catalogue
        from console.session import local_actor

        _fill(Context(db, load_catalogue(), local_actor()))
    finally:
        db.dispose()

    def start() -> tuple[list[object], list[int]]:
        seen: list[object] = []
        rows: list[int] = []

        def look() -> None:
            tops = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
            seen.extend(type(w).__name__ for w in tops if type(w).__name__ not in seen)
            windows = [w for w in tops if isinstance(w, MainWindow)]
            if windows and windows[0].queue.model.rowCount() and not windows[0].queue.model.loading:
                assert not any(isinstance(w, ProvisionalWindow) for w in tops)
                rows.append(windows[0].queue.model.rowCount())
                windows[0].close()
                return
            later(look, 10)

        with gui_run() as later:
            later(look, 0)
            assert run_window(["--db", url]) == 0
        return seen, rows

    seen, rows = start()  # first start: the ordinary way; keeps the first page's SQL
    assert "ProvisionalWindow" not in seen and rows == [7]
    assert first_page.cache_path().is_file()
    seen, rows = start()
    assert seen[0] == "ProvisionalWindow" and "MainWindow" in seen and rows == [7]
    first_page.cache_path().write_text("{ not json")
    seen, rows = start()
    assert "ProvisionalWindow" not in seen and rows == [7]


def test_the_early_page_paints_before_sqlalchemy_is_imported(tmp_path):
    """One real process (this one has loaded SQLAlchemy long ago): at the provisional table's first
    paint, SQLAlchemy is not in sys.modules, and the page shows the queue's rows."""
    url = f"sqlite:///{tmp_path / 'fast.sqlite3'}"
    env = {**os.environ, "PRIVACY_CONSOLE_NO_DEMO": "1", "QT_QPA_PLATFORM": "offscreen",
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    probe = (
        "import sys\n"
        "import ui.app as A\n"
        "from PySide6.QtWidgets import QApplication\n"
        "real = A.fast_start\n"
        "def fast(*args):\n"
        "    early = real(*args)\n"
        "    if early is None:\n"
        "        print('NO EARLY PAGE', flush=True)\n"
        "        return early\n"
        "    def painted():\n"
        "        print('PAINTED', 'sqlalchemy' in sys.modules, early.model.rowCount(), flush=True)\n"
        "        QApplication.instance().exit(0)\n"
        "    early.first_paint.painted.connect(painted)\n"
        "    return early\n"
        "A.fast_start = fast\n"
        "def opened(*args):\n"
        "    print('WINDOW', flush=True)\n"
        "    QApplication.instance().exit(0)\n"
        "A.Shell.open_window = opened\n"
        f"sys.exit(A.run_gui(['--db', {url!r}]))\n"
    )
    db = open_database(url)
    try:
        from console.context import Context
        from console.policy import load_catalogue
        from console.session import local_actor

        ctx = Context(db, load_catalogue(), local_actor())
        _fill(ctx)
        queries.remember_first_page(ctx, QueueModel.page_size)
        home_cache = first_page.cache_path().read_text()
    finally:
        db.dispose()
    child_home = tmp_path / "child-home"
    child_home.mkdir()
    (child_home / first_page.CACHE_FILE).write_text(home_cache)
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=180,
                         env={**env, "PRIVACY_CONSOLE_HOME": str(child_home)})
    assert "PAINTED False 7" in out.stdout, out.stdout + out.stderr


def test_the_catalogues_details_are_kept_only_while_its_files_are_unchanged(ctx, tmp_path, monkeypatch):
    """The early page shows the rights' titles, the zone and the due-soon threshold as the
    catalogue has them, without loading it; an edited catalogue file makes it load the catalogue."""
    import shutil

    from console.policy import load_catalogue
    from console.policy_files import default_catalogue_path

    _local(ctx.db)
    policy = tmp_path / "policy"
    shutil.copytree(default_catalogue_path(), policy)
    catalogue = load_catalogue(policy)
    queries.remember_first_page(dataclasses.replace(ctx, catalogue=catalogue), QueueModel.page_size)
    kept = first_page.display(str(policy))
    assert kept is not None and first_page.display(None) is None  # another catalogue: not these details
    early = KeptCatalogue.of(kept)
    assert early.organisation.tz == catalogue.organisation.tz and early.due_soon == catalogue.due_soon
    assert all(early.right_title(r.id) == catalogue.right_title(r.id) for r in catalogue.rights)
    first = sorted(policy.glob("*.toml"))[0]
    first.write_text(first.read_text() + "\n# edited\n")
    assert first_page.display(str(policy)) is None
