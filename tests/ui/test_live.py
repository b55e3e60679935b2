"""Live refresh (issue 12): a request another process adds or changes shows up in the open queue
and the sidebar's counts by itself, from the change feed (SQLite's data_version)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from ui.queue.model import Col

from .helpers import add, row_texts

ROOT = Path(__file__).resolve().parents[2]


def second_writer(db_url: str, *args: str) -> str:
    """The CLI in its own process, writing to the same database file as the window."""
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "tests.keyring_memory.MemoryKeyring", "PYTHONPATH": str(ROOT),
           "PRIVACY_CONSOLE_USER": "sam.keane"}
    env.pop("PRIVACY_CONSOLE_DB", None)
    done = subprocess.run([sys.executable, "-m", "console.cli", *args, "--db", db_url], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_another_process_adding_and_changing_requests_refreshes_the_open_queue(window, app_ctx, qtbot, db_url):
    if not db_url.startswith("sqlite"):
        pytest.skip("the second writer is the CLI on the same SQLite file")
    first = add(app_ctx.ctx, "Ana Arce").reference
    window.queue.refresh()
    qtbot.waitUntil(lambda: row_texts(window, Col.REFERENCE) == [first], timeout=60_000)
    live = window.start_live(interval_ms=50)

    with qtbot.waitSignal(live.changed, timeout=60_000), \
            qtbot.waitSignal(window.queue.model.page_arrived, timeout=60_000):
        out = second_writer(db_url, "request", "add", "--right", "erasure", "--subject-name", "Bo Berg",
                            "--subject-email", "bo.berg@example.org", "--jurisdiction", "EU")
    added = out.split()[0]
    qtbot.waitUntil(lambda: added in row_texts(window, Col.REFERENCE), timeout=60_000)
    qtbot.waitUntil(lambda: window.nav.count_of("queue", "open") == 2, timeout=60_000)

    with qtbot.waitSignal(window.queue.model.page_arrived, timeout=60_000):
        second_writer(db_url, "request", "assign", first, "jo.lindahl")
    row = row_texts(window, Col.REFERENCE).index(first)
    qtbot.waitUntil(lambda: window.queue.model.index(row, Col.ASSIGNEE).data() == "jo.lindahl", timeout=60_000)

    window.close()
    assert not live.timer.isActive()
