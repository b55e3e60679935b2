"""The desktop application: QApplication, the application context, first start, run_gui().

The database is opened (and migrated) in the background behind a progress dialog, so a slow
server never freezes the window; a new, empty local database gets demo requests to explore.
Uncaught errors reach the person as a dialog with details to copy (ui.errors).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from console import demo
from console.cli.app import resolve_actor
from console.context import Context
from console.errors import ConsoleError
from console.policy import load_catalogue
from console.store.uow import Database
from ui import errors, style
from ui import preferences as P
from ui.context import AppContext
from ui.preferences import Preferences
from ui.queue.ticker import DeadlineTicker
from ui.tasks import Tasks, with_progress

DEMO_REQUESTS = 300
APP_NAME = "Privacy Console"


@dataclass(frozen=True)
class Opened:
    ctx: Context
    empty: bool


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="privacy-console", add_help=False)
    parser.add_argument("--db", default=None)
    parser.add_argument("--policy", default=None)
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


WARM_MODULES = ("ui.main_window", "ui.dashboard.view", "ui.request.overview", "ui.request.verification",
                "ui.request.data", "ui.request.activity")


def open_console(url: str | None, policy: str | None, warm: bool = False) -> Opened:
    """Catalogue first (cheap; a bad one must fail before the database is touched), then the database.

    ``warm`` also imports the window's modules here, in the worker, so the first paint and the
    first visit to the dashboard do not pause the event loop for imports.
    """
    catalogue = load_catalogue(policy or None)
    db = Database(url)
    try:
        actor = resolve_actor(db)  # the OS user as owner, unless this database requires sign-in
    except BaseException:
        db.dispose()
        raise
    opened = Opened(Context(db, catalogue, actor), db.is_empty())
    if warm:
        for name in WARM_MODULES:
            importlib.import_module(name)
    return opened


def choose_sources(args: argparse.Namespace, prefs: Preferences) -> tuple[str | None, str | None]:
    """``--db`` first, then PRIVACY_CONSOLE_DB, then Settings, then the local default file."""
    url = args.db or os.environ.get("PRIVACY_CONSOLE_DB") or prefs.get(P.DATABASE_URL) or None
    policy = args.policy or os.environ.get("PRIVACY_CONSOLE_POLICY") or prefs.get(P.POLICY_PATH) or None
    return url, policy


def make_qapp(argv: Sequence[str] = ()) -> QApplication:
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    QCoreApplication.setOrganizationName("privacy-console")
    QCoreApplication.setApplicationName("privacy-console")
    qapp.setApplicationDisplayName(APP_NAME)
    qapp.setWindowIcon(style.icon("app"))
    translator = QTranslator(qapp)
    if translator.load(QLocale(), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        qapp.installTranslator(translator)
    return qapp


def app_context(ctx: Context, prefs: Preferences, tasks: Tasks) -> AppContext:
    """The context every widget receives; a due-soon preference overrides the catalogue's threshold."""
    policy_hours = ctx.catalogue.due_soon_hours
    hours = prefs.get(P.DUE_SOON_HOURS)
    if hours and hours != policy_hours:
        ctx.catalogue = replace(ctx.catalogue, due_soon_hours=hours)
    ticker = DeadlineTicker(ctx.now, tasks)
    return AppContext(ctx, tasks, ticker, prefs, policy_due_soon_hours=policy_hours)


def should_fill_demo(opened: Opened) -> bool:
    """Demo data only into an empty local file, never unasked into a team's server."""
    if not opened.empty or os.environ.get("PRIVACY_CONSOLE_NO_DEMO"):
        return False
    if opened.ctx.db.dialect == "sqlite":
        return True
    answer = QMessageBox.question(
        None, APP_NAME,
        QCoreApplication.translate("App", "The database {0} is empty. Fill it with {1} demo requests to try the "
                                          "console?").format(opened.ctx.db.safe_url, DEMO_REQUESTS))
    return answer == QMessageBox.StandardButton.Yes


GIL_SWITCH_S = 0.001  # Python's default 5 ms lets a busy worker keep the GIL from the GUI thread longer


def responsive_threads() -> None:
    """Ask a running worker to hand the GIL over sooner: the import's longest stall on a million
    requests went from 50-220 ms to 60-100 ms, at no cost in import time."""
    sys.setswitchinterval(GIL_SWITCH_S)


def settle() -> None:
    """Move everything made at start-up out of the collector's way (gc.freeze, without a costly
    collect first), so the periodic full collections only walk what the session creates."""
    gc.freeze()


def run_gui(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    qapp = make_qapp(argv)
    responsive_threads()
    qapp.setQuitOnLastWindowClosed(False)  # the opening dialogs close before the window shows
    errors.install()
    prefs = Preferences()
    style.apply(qapp, prefs.get(P.APPEARANCE))
    tasks = Tasks(qapp)
    url, policy = choose_sources(args, prefs)
    state: dict[str, object] = {}
    tr = QCoreApplication.translate

    opening = QProgressDialog(tr("App", "Opening the database…"), "", 0, 0)
    opening.setWindowTitle(APP_NAME)
    opening.setCancelButton(None)
    opening.setMinimumDuration(400)
    opening.setMinimumWidth(380)
    opening.setWindowModality(Qt.WindowModality.ApplicationModal)

    def show_window(app: AppContext) -> None:
        from ui.main_window import MainWindow

        window = MainWindow(app)
        state["window"] = window
        window.show()
        app.ticker.start()
        qapp.setQuitOnLastWindowClosed(True)
        settle()

    def opened(result: Opened) -> None:
        opening.close()
        app = app_context(result.ctx, prefs, tasks)
        state["app"] = app
        if not should_fill_demo(result):
            show_window(app)
            return
        with_progress(tasks, None, tr("App", "A new database: adding {0} demo requests to explore…").format(DEMO_REQUESTS),
                      demo.fill, result.ctx, DEMO_REQUESTS, on_done=lambda _r: show_window(app),
                      on_error=lambda exc: (errors.show_error(None, exc), show_window(app)))

    def failed(exc: BaseException) -> None:
        opening.close()
        if isinstance(exc, ConsoleError):
            QMessageBox.critical(None, APP_NAME, tr("App", "The console cannot start.\n\n{0}\n\nStart it with "
                                                          "--db URL, or set PRIVACY_CONSOLE_DB.").format(exc))
        else:
            errors.show_unexpected(None, type(exc), exc, exc.__traceback__)
        qapp.exit(1)

    tasks.read(open_console, url, policy, True, on_done=opened, on_error=failed)
    code = qapp.exec()
    tasks.shutdown()
    app = state.get("app")
    if isinstance(app, AppContext):
        app.ctx.db.dispose()
    return int(code)
