"""``privacy-console screenshot OUT.png [--view queue|request|incidents|dashboard|records|welcome] [--size 1400x900] [--language de]``

Renders the real main window (offscreen when there is no display) on the current database,
waits until its pages, counts and figures have arrived, and saves what it shows. The README's
screenshots are made with it. Layout preferences of the person are not used (a throwaway
settings file), so the picture is the same on every machine.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from console import config

VIEWS = ("queue", "request", "incidents", "dashboard", "records", "welcome")
SIZE = re.compile(r"^(\d{3,5})x(\d{3,5})$")
WAIT_S = 120.0


class Usage(Exception):
    """A bad argument: the message says which and how to fix it."""


def parse(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="privacy-console screenshot",
                                     description="Save a picture of the console window, rendered offscreen "
                                                 "on the current database.")
    parser.add_argument("out", metavar="OUT.png", help="where to save the picture (PNG)")
    parser.add_argument("--view", choices=VIEWS, default="queue")
    parser.add_argument("--size", default="1400x900", help="window size as WIDTHxHEIGHT (default 1400x900)")
    parser.add_argument("--db", default=None, help="database URL (default: PRIVACY_CONSOLE_DB, else the local file)")
    parser.add_argument("--policy", default=None, help="policy catalogue folder")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument("--queue", default="open", help="queue to show (default: open)")
    parser.add_argument("--tab", default="overview", help="workspace tab for --view request (default: overview)")
    parser.add_argument("--language", choices=("en", "de"), default="en",
                        help="the window's language (default: en)")
    parser.add_argument("--sort", default="", help="queue sort key, '-' first for descending (e.g. -received_at)")
    return parser.parse_args(list(argv))


def check_out(out: str) -> Path:
    path = Path(out).expanduser()
    if path.suffix.lower() != ".png":
        raise Usage(f"{out}: the picture is saved as PNG; give a name ending in .png")
    if path.is_dir():
        raise Usage(f"{out} is a folder; give a file name ending in .png")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise Usage(f"{out}: the folder {parent} does not exist")
    if not os.access(parent, os.W_OK):
        raise Usage(f"{out}: the folder {parent} is not writable")
    return path


def check_size(text: str) -> tuple[int, int]:
    m = SIZE.match(text.strip().lower())
    if not m:
        raise Usage(f"--size {text!r}: write it as WIDTHxHEIGHT, e.g. 1400x900")
    w, h = int(m.group(1)), int(m.group(2))
    if not (320 <= w <= 7680 and 240 <= h <= 4320):
        raise Usage(f"--size {text!r}: between 320x240 and 7680x4320")
    return w, h


def wait_for(done: Callable[[], bool], tasks: object, timeout: float = WAIT_S) -> bool:
    from PySide6.QtCore import QCoreApplication, QThread

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents()
        if done() and getattr(tasks, "idle", True):
            QCoreApplication.processEvents()
            return True
        QThread.msleep(10)
    return False


def main(argv: Sequence[str]) -> int:
    argv = list(argv)
    if argv and argv[0] == "screenshot":
        argv = argv[1:]
    elif "screenshot" in argv:  # global options first: privacy-console --db URL screenshot OUT.png
        argv.remove("screenshot")
    try:
        args = parse(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    try:
        out = check_out(args.out)
        width, height = check_size(args.size)
    except Usage as exc:
        print(f"privacy-console screenshot: {exc}", file=sys.stderr)
        return 2
    if args.sort and args.sort.lstrip("-") not in ("reference", "subject_name", "right", "status", "received_at",
                                                   "due_at", "assignee"):
        print(f"privacy-console screenshot: --sort {args.sort!r}: one of reference, subject_name, right, status, "
              "received_at, due_at, assignee (a '-' first sorts descending)", file=sys.stderr)
        return 2
    if not config.DISPLAY.is_set() and not config.WAYLAND_DISPLAY.is_set():
        config.QT_QPA_PLATFORM.set_default("offscreen")
    config.NO_DEMO.set_default("1")
    try:
        return _shoot(args, out, width, height)
    except Exception as exc:  # noqa: BLE001 - one line for people, not a traceback
        from console.errors import ConsoleError

        if not isinstance(exc, ConsoleError):
            raise
        print(f"privacy-console screenshot: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 1)


def _shoot(args: argparse.Namespace, out: Path, width: int, height: int) -> int:
    from PySide6.QtCore import QSettings

    from ui import style
    from ui.app import app_context, make_qapp, open_console
    from ui.preferences import Preferences
    from ui.tasks import Tasks

    qapp = make_qapp(language=args.language)
    style.apply(qapp, args.theme)
    if args.view == "welcome":  # the first-run welcome as a new user meets it; no database is opened
        return _save(_welcome(args.policy), out, args.view)
    with tempfile.TemporaryDirectory() as tmp:
        prefs = Preferences(QSettings(str(Path(tmp) / "screenshot.ini"), QSettings.Format.IniFormat))
        tasks = Tasks(qapp)
        opened = open_console(config.database_url(args.db), args.policy)
        app = app_context(opened.ctx, prefs, tasks)
        try:
            return _save(_window(app, args, width, height), out, args.view)
        finally:
            tasks.shutdown()
            opened.ctx.db.dispose()


def _welcome(policy: str | None):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from console.policy import load_catalogue
    from ui.dialogs.first_run import FirstRunWizard
    from ui.preferences import Preferences
    from ui.tasks import Tasks

    tmp = tempfile.mkdtemp()
    prefs = Preferences(QSettings(str(Path(tmp) / "screenshot.ini"), QSettings.Format.IniFormat))
    wizard = FirstRunWizard(prefs, Tasks(synchronous=True), load_catalogue(policy or None))
    wizard.show()
    wait_for(lambda: True, None)
    return wizard


def _save(widget, out: Path, view: str) -> int:  # type: ignore[no-untyped-def]
    pixmap = widget.grab()
    widget.close()
    if not pixmap.save(str(out), "PNG", 0):  # 0: the strongest (lossless) compression
        print(f"privacy-console screenshot: could not write {out}", file=sys.stderr)
        return 1
    print(f"{out} ({pixmap.width()}x{pixmap.height()}, {view})")
    return 0


def _window(app, args: argparse.Namespace, width: int, height: int):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    from ui.main_window import MainWindow

    window = MainWindow(app)
    window.resize(width, height)
    window.show()
    tasks = app.tasks
    queue = window.queue
    if args.view in ("queue", "request"):
        if args.sort:
            from dataclasses import replace

            key = args.sort.lstrip("-")
            from ui.queue.model import SORT_COLUMNS

            column = SORT_COLUMNS.get(key)
            if column is None:
                raise Usage(f"--sort {args.sort!r}: one of {', '.join(SORT_COLUMNS)}")
            order = Qt.SortOrder.DescendingOrder if args.sort.startswith("-") else Qt.SortOrder.AscendingOrder
            queue.table.horizontalHeader().setSortIndicator(column, order)
            queue.model.set_filter(replace(queue.model.filter, sort=key, descending=args.sort.startswith("-")))
        window.nav.select("queue", args.queue)
        wait_for(lambda: queue.model.rowCount() > 0 or queue.model.exhausted, tasks)
        if args.view == "request":
            window.work_split.setSizes([int(height * 0.30), int(height * 0.70)])
        else:
            window.work_split.setSizes([int(height * 0.55), int(height * 0.45)])
        if queue.model.rowCount():
            queue.select_row(_interesting_row(queue) if args.view == "request" else 0)
            window._open_current()
            wait_for(lambda: window.workspace.view is not None, tasks)
            tab = window.workspace.tab(args.tab)
            if args.view == "request" and tab is not None:
                window.workspace.tabs.setCurrentWidget(tab)
                wait_for(lambda: True, tasks)
    else:
        window.nav.select("view", args.view)
        page = window.view(args.view)
        wait_for(lambda: getattr(page, "figures", True) is not None, tasks)
    wait_for(lambda: window.counts is not None, tasks)
    app.ticker.trigger()
    wait_for(lambda: True, tasks)
    return window


def _interesting_row(queue) -> int:  # type: ignore[no-untyped-def]
    """For the request picture: the first row awaiting verification (its checklist half done)."""
    from console.requests.lifecycle import Status

    for i in range(queue.model.rowCount()):
        row = queue.model.row_at(i)
        if row is not None and row.status == Status.AWAITING_VERIFICATION and not row.paused:
            return i
    return 0
