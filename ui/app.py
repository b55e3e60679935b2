"""The desktop application: QApplication, the application context, first start, run_gui().

The database is opened (and migrated) in the background behind a progress dialog, so a slow
server never freezes the window; a new, empty local database gets demo requests to explore.
Uncaught errors reach the person as a dialog with details to copy (ui.errors).

Who works: the owner of a local file without sign-in; else the person who signs in (a session
kept in the keyring resumes without asking). :class:`Shell` runs one session at a time: the
sign-in dialog (or, on a new shared database, the first administrator's account), the window,
signing out, a session that ends while the window is open, and signing in again.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog

from console import __version__, config, logfile
from console.errors import AuthenticationError, ConsoleError
from console.security.roles import Actor, Perm
from ui import errors, style
from ui import preferences as P
from ui.preferences import Preferences
from ui.queue.ticker import DeadlineTicker
from ui.tasks import Tasks, with_progress

# Nothing above loads SQLAlchemy: a local database's first queue page can be painted before it
# has (ui.queue.provisional); the database layer is imported where it is used, on a worker.

log = logging.getLogger("ui.app")

if TYPE_CHECKING:
    from console.context import Context
    from console.policy import Catalogue
    from console.security.auth import SignedIn
    from console.security.config import SecuritySettings
    from console.session import Access, Database, Kept
    from ui.context import AppContext
    from ui.main_window import MainWindow

DEMO_REQUESTS = config.DEMO_REQUESTS
APP_NAME = "Privacy Console"


@dataclass(frozen=True)
class Opened:
    db: Database
    catalogue: Catalogue
    empty: bool
    access: Access  # who acts, as start-up found it; nobody until sign-in

    @property
    def ctx(self) -> Context:
        """The context of whoever acts (screenshots, benchmarks); refused while nobody is signed in."""
        from console.context import Context
        from console.session import SIGN_IN_FIRST

        if self.access.actor is None:
            raise AuthenticationError(SIGN_IN_FIRST)
        return Context(self.db, self.catalogue, self.access.actor)


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="privacy-console", add_help=False)
    parser.add_argument("--db", default=None)
    parser.add_argument("--policy", default=None)
    args, _qt_args = parser.parse_known_args(list(argv))
    return args


# what building the window needs (the workspace makes every tab); the rest loads after its first
# paint (ui.main_window.AFTER_PAINT_MODULES)
WARM_MODULES = ("ui.main_window", "ui.request.overview", "ui.request.verification", "ui.request.data",
                "ui.request.processing", "ui.package.tab", "ui.request.person", "ui.request.activity")


def open_console(url: str | None, policy: str | None, warm: bool = False, sign_in: bool = False,
                 catalogue: Catalogue | None = None) -> Opened:
    """Catalogue first (cheap; a bad one must fail before the database is touched), then the database.

    ``warm`` also imports the window's modules here, in the worker, so the first paint and the
    first visit to the dashboard do not pause the event loop for imports. Without ``sign_in``
    (screenshots, benchmarks) a database that wants a sign-in and has no live session is refused.
    A local file's owner gets the first page's SQL kept for the next start's fast first paint.
    """
    from console.policy import load_catalogue
    from console.session import SIGN_IN_FIRST, find_access, open_database, register_models

    catalogue = catalogue or load_catalogue(policy or None)
    db = open_database(url)
    try:
        register_models()  # before any query: the views load their modules on other threads
        access = find_access(db)  # the OS user as owner, a kept session, or: sign in first
        if access.actor is None and not sign_in:
            raise AuthenticationError(f"{access.notice or ''} {SIGN_IN_FIRST}".strip())
        opened = Opened(db, catalogue, db.is_empty(), access)
    except BaseException:
        db.dispose()
        raise
    if warm:
        for name in WARM_MODULES:
            importlib.import_module(name)
    if db.dialect == "sqlite" and access.actor is not None and access.session is None:
        keep_first_page(opened)
    return opened


def keep_first_page(opened: Opened) -> None:
    """The SQL of the window's first page, for the next start (console.requests.first_page);
    a failure here only costs the next start its fast path."""
    from console.requests import queries
    from ui.queue.model import QueueModel

    try:
        queries.remember_first_page(opened.ctx, QueueModel.page_size)
    except Exception:  # noqa: BLE001 - never stops a start
        log.warning("the first page's SQL was not kept", exc_info=True)


def fast_start(url: str | None, policy: str | None, prefs: Preferences, tasks: Tasks) -> Any:
    """The queue's first page on screen before SQLAlchemy loads (ui.queue.provisional): a shown
    ProvisionalWindow, or None where that does not apply. Only a local file whose owner works
    without sign-in: a database that asks for sign-in shows that dialog first (first_page.read
    answers None for it), as does a server, a first start or an empty queue."""
    from console.requests import first_page

    rows = first_page.read(url)
    if not rows:
        return None
    from ui.queue.provisional import EarlyContext, KeptCatalogue, ProvisionalWindow

    kept = first_page.display(policy)
    catalogue: Any
    if kept is not None:
        catalogue = KeptCatalogue.of(kept)  # the catalogue itself loads on the worker
    else:
        from console.policy import load_catalogue

        try:
            catalogue = load_catalogue(policy or None)
        except ConsoleError:
            return None  # the ordinary start reports it
    early = ProvisionalWindow(app_context(EarlyContext(catalogue), prefs, tasks), rows)  # type: ignore[arg-type]
    early.show()
    return early


def choose_sources(args: argparse.Namespace, prefs: Preferences) -> tuple[str | None, str | None]:
    """``--db`` first, then PRIVACY_CONSOLE_DB, then Settings, then the local default file."""
    return (config.database_url(args.db, prefs.get(P.DATABASE_URL)),
            config.policy_path(args.policy, prefs.get(P.POLICY_PATH)))


def make_qapp(argv: Sequence[str] = (), language: str = "") -> QApplication:
    """The application, speaking ``language`` (a code; empty: the environment's or the system's)."""
    existing = QApplication.instance()
    qapp = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    QCoreApplication.setOrganizationName("privacy-console")
    QCoreApplication.setApplicationName("privacy-console")
    qapp.setApplicationDisplayName(APP_NAME)
    qapp.setDesktopFileName("privacy-console")  # Wayland and docks match the window to the menu entry
    qapp.setWindowIcon(style.icon("app"))
    from ui import i18n

    i18n.install(qapp, i18n.chosen(language))
    return qapp


def app_context(ctx: Context, prefs: Preferences, tasks: Tasks) -> AppContext:
    """The context every widget receives; a due-soon preference overrides the catalogue's threshold."""
    from ui.context import AppContext

    policy_hours = ctx.catalogue.due_soon_hours
    hours = prefs.get(P.DUE_SOON_HOURS)
    if hours and hours != policy_hours:
        ctx = replace(ctx, catalogue=replace(ctx.catalogue, due_soon_hours=hours))
    ticker = DeadlineTicker(ctx.now, tasks)
    return AppContext(ctx, tasks, ticker, prefs, policy_due_soon_hours=policy_hours)


def should_fill_demo(opened: Opened, allowed: bool = True) -> bool:
    """Demo data only into an empty local file, never unasked into a team's server; after the
    welcome (``allowed`` False) only what the person chose there."""
    actor = opened.access.actor
    if not allowed or not opened.empty or config.NO_DEMO.is_set() or actor is None or \
            not actor.can(Perm.WORK_REQUESTS):
        return False
    if opened.db.dialect == "sqlite":
        return True
    answer = QMessageBox.question(
        None, APP_NAME,
        QCoreApplication.translate("App", "The database {0} is empty. Fill it with {1} demo requests to try the "
                                          "console?").format(opened.db.safe_url, DEMO_REQUESTS))
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


EARLY_PAINT_WAIT_MS = 1_000  # the database layer loads after the fast first page paints, or after this
SESSION_CHECK_MS = 60_000  # how often the window asks whether its session is still live
ACTIVITY = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress, QEvent.Type.Wheel})


class Shell(QObject):
    """One desktop session at a time: sign in (or set up), the window, sign out, sign in again.

    While a session is open, activity in the window (a click, a key, the wheel) is noted; once a
    minute the session is resumed on the database if there was any, which keeps it alive and
    ends the window when an administrator disabled the account or changed its role. Without
    activity nothing is touched, so the session's idle limit still ends an unattended window.
    """

    finished = Signal(int)  # the person quit at a sign-in: the application ends with this code

    def __init__(self, qapp: QApplication, prefs: Preferences, tasks: Tasks, opened: Opened) -> None:
        super().__init__(qapp)
        self.qapp, self.prefs, self.tasks = qapp, prefs, tasks
        self.db, self.catalogue = opened.db, opened.catalogue  # the actor comes with each sign-in
        self.access = opened.access
        self.offer_demo = True  # False after the welcome: the person chose there
        self.window: MainWindow | None = None
        self.early: Any = None  # the first page shown before the database layer loaded (fast_start)
        self.app: AppContext | None = None
        self.dialog: QObject | None = None
        self.limits: SecuritySettings | None = None
        self._active = False
        self._checking = False
        self._last_activity = datetime.now(UTC)
        self.guard = QTimer(self)
        self.guard.setInterval(SESSION_CHECK_MS)
        self.guard.timeout.connect(self.check_session)

    def _t(self, text: str) -> str:
        return QCoreApplication.translate("Shell", text)

    # --- before the window ----------------------------------------------------------------

    def start(self, opened: Opened) -> None:
        access = opened.access
        fill = access.actor is not None and should_fill_demo(opened, self.offer_demo)
        if access.actor is None or fill:
            self._drop_early()  # a dialog or the demo's progress comes first after all
        if access.actor is not None:
            actor, session = access.actor, access.session
            if not fill:
                self.open_window(actor, session)
                return

            def filled(result: Any) -> None:
                if isinstance(result, BaseException):
                    errors.show_error(None, result)  # the window opens anyway, on what is there
                self.open_window(actor, session)

            from console import demo

            with_progress(self.tasks, None, self._t("A new database: adding {0} demo requests to explore…").format(
                DEMO_REQUESTS), demo.fill, opened.ctx, DEMO_REQUESTS, on_done=filled, on_error=filled)
        elif access.first_run:
            self.ask_first_administrator()
        else:
            notice = access.notice
            if access.keyring_missing:
                notice = (notice + " " if notice else "") + self._t(
                    "No OS keyring is available, so the console cannot keep your session: you sign in at every "
                    "start.")
            self.ask_sign_in(notice=notice)

    def ask_sign_in(self, notice: str = "", username: str = "") -> Any:
        from ui.dialogs.sign_in import SignInDialog

        dialog = SignInDialog(self.db, self.tasks, username=username, notice=notice)
        dialog.signed_in.connect(self._signed_in)
        dialog.rejected.connect(lambda: self.finished.emit(0))
        self.dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def ask_first_administrator(self) -> Any:
        """A new shared database: its first administrator, then sign in as them."""
        from console.security import accounts
        from console.session import local_actor
        from ui.dialogs.accounts import FIRST, AccountDialog

        db, by = self.db, local_actor().username

        def create(values: Any) -> Any:
            return accounts.enable_sign_in(db, values.username, values.display_name, values.password, by=by)

        dialog = AccountDialog(self.tasks, create, mode=FIRST, intro=self._t(
            "The shared database {0} has no accounts yet. Create the first administrator: they add an account for "
            "each person who works here. From then on everyone signs in.").format(db.safe_url))
        dialog.saved.connect(lambda view: self.ask_sign_in(
            self._t("The administrator {0} was created. Sign in as them now; you then set up the authenticator "
                    "app.").format(view.username), view.username))
        dialog.rejected.connect(lambda: self.finished.emit(0))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _signed_in(self, kept: Kept) -> None:
        self.dialog = None
        self.open_window(kept.signed.actor, kept.signed)
        if not kept.remembered and self.window is not None:
            self.window.statusBar().showMessage(self._t(
                "No OS keyring is available: the console cannot keep your session, so you sign in again at the "
                "next start."), 15_000)

    # --- the window -------------------------------------------------------------------------

    def open_window(self, actor: Actor, session: SignedIn | None) -> MainWindow:
        from console.context import Context
        from ui.main_window import MainWindow

        app = app_context(Context(self.db, self.catalogue, actor), self.prefs, self.tasks)
        app.session = session
        window = MainWindow(app)
        early, self.early = self.early, None
        if early is not None:  # the same rows in the same place until the queue's own first page replaces them
            window.queue.model.show_provisional(early.model.rows())
            window.restoreGeometry(early.saveGeometry())
        window.sign_out_requested.connect(self.sign_out)
        window.sign_in_enabled.connect(self._sign_in_turned_on)
        self.app, self.window = app, window
        log.info("window opened: %s database, role %s, sign-in %s", self.db.dialect, actor.role.value,
                 "on" if session is not None else "off")
        window.show()
        if early is not None:
            early.replaced = True
            early.close()
            early.deleteLater()
        app.ticker.start()
        window.start_live()  # what others change shows up by itself
        self.qapp.setQuitOnLastWindowClosed(True)
        if session is not None:
            self._watch(window)
        settle()
        return window

    def _drop_early(self) -> None:
        early, self.early = self.early, None
        if early is not None:
            early.replaced = True
            early.close()
            early.deleteLater()

    def _close_window(self) -> str:
        """Close the window of the session that ends; returns its user name (for the next sign-in)."""
        self.guard.stop()
        window, app = self.window, self.app
        self.window, self.app = None, None
        log.info("window closed: the session ended")
        self.qapp.setQuitOnLastWindowClosed(False)  # the sign-in dialog comes next, not the end
        if window is not None:
            window.end_session()
        return app.ctx.actor.username if app is not None else ""

    def sign_out(self) -> None:
        from console.session import sign_out

        session = self.app.session if self.app is not None else None
        from_env = self.access.from_env
        username = self._close_window()
        dialog = self.ask_sign_in(self._t("You signed out."), username)
        if session is not None:
            self.tasks.write(sign_out, self.db, session.token, from_env, owner=dialog,
                             on_error=lambda exc: dialog.notice.setText(self._t(
                                 "The session could not be ended on the database ({0}); it ends by itself.").format(exc)))

    def _sign_in_turned_on(self, username: str) -> None:
        self._close_window()
        self.ask_sign_in(self._t("Sign-in is on for this database. Sign in as {0}; the console then shows how to set "
                                 "up the authenticator app.").format(username), username)

    # --- a session that ends while the window is open ----------------------------------------

    def _watch(self, window: MainWindow) -> None:
        from console.security import accounts

        self._active, self._last_activity = False, datetime.now(UTC)
        handle = window.windowHandle()  # window-level input only: not every paint of every widget
        if handle is not None:
            handle.installEventFilter(self)
        assert self.app is not None
        self.tasks.read(accounts.security_settings, self.app.ctx, on_done=self._limits, on_error=lambda _e: None,
                        owner=window)
        self.guard.start()

    def _limits(self, limits: SecuritySettings) -> None:
        self.limits = limits

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY:
            self._active = True
        return False

    def check_session(self) -> None:
        """Resume the session where there was activity, or where it should have ended by now."""
        app = self.app
        session = app.session if app is not None else None
        if app is None or session is None or self._checking:
            return
        now = datetime.now(UTC)
        if self._active:
            self._last_activity = now
        idle = timedelta(hours=self.limits.session_idle_hours) if self.limits is not None else None
        ended = now >= session.expires_at or (idle is not None and now - self._last_activity >= idle)
        if not (self._active or ended):
            return
        self._active, self._checking = False, True
        from console.security import auth

        self.tasks.write(auth.resume_session, self.db, session.token, on_done=self._still_live,
                         on_error=self._session_failed, owner=self.window)

    def _still_live(self, _signed: SignedIn) -> None:
        self._checking = False

    def _session_failed(self, exc: BaseException) -> None:
        from console.security.auth import SessionExpired
        from console.session import forget_session

        self._checking = False
        if not isinstance(exc, SessionExpired):
            if self.window is not None:  # a lost connection: try again at the next check
                self.window.statusBar().showMessage(self._t("Could not check the session: {0}").format(exc), 10_000)
            return
        if not self.access.from_env:
            self.tasks.write(forget_session, self.db)
        username = self._close_window()
        self.ask_sign_in(str(exc), username)


def welcome(args: argparse.Namespace, prefs: Preferences, tasks: Tasks, then: Any, failed: Any,
            keep: dict[str, Any]) -> bool:
    """On a real first start, the welcome (ui.dialogs.first_run) runs before the database opens."""
    from console.policy import load_catalogue
    from ui.dialogs.first_run import FirstRunWizard, needs_welcome

    if not needs_welcome(args.db, prefs):
        return False
    _url, policy = choose_sources(args, prefs)
    try:
        catalogue = load_catalogue(policy or None)
    except ConsoleError as exc:
        failed(exc)
        return True
    wizard = FirstRunWizard(prefs, tasks, catalogue, policy or "")
    wizard.finished_setup.connect(lambda _outcome: then())
    wizard.rejected.connect(lambda: QApplication.instance().exit(0))
    keep["welcome"] = wizard
    wizard.show()
    wizard.raise_()
    return True


def run_gui(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    try:
        logfile.start()
    except OSError as exc:  # a read-only data folder: the window runs without its log
        sys.stderr.write(f"privacy-console: no log file ({exc.strerror or exc})\n")
    log.info("started: Privacy Console %s, Python %s, %s", __version__, sys.version.split()[0], sys.platform)
    qapp = make_qapp(argv, Preferences().get(P.LANGUAGE))
    responsive_threads()
    qapp.setQuitOnLastWindowClosed(False)  # the opening dialogs close before the window shows
    errors.install()
    prefs = Preferences()
    style.apply(qapp, prefs.get(P.APPEARANCE))
    tasks = Tasks(qapp)
    url, policy = choose_sources(args, prefs)
    state: dict[str, Any] = {}
    tr = QCoreApplication.translate
    early = fast_start(url, policy, prefs, tasks)

    opening = QProgressDialog(tr("App", "Opening the database…"), "", 0, 0)
    opening.setWindowTitle(APP_NAME)
    opening.setCancelButton(None)
    opening.setMinimumDuration(400)
    opening.setMinimumWidth(380)
    opening.setWindowModality(Qt.WindowModality.ApplicationModal)
    if early is not None:
        opening.cancel()  # the first page is on show: no "opening" dialog over it

    def opened(result: Opened, offer_demo: bool = True) -> None:
        opening.close()
        shell = Shell(qapp, prefs, tasks, result)
        shell.early = early
        shell.offer_demo = offer_demo
        shell.finished.connect(qapp.exit)
        state["shell"] = shell
        shell.start(result)

    def failed(exc: BaseException) -> None:
        opening.close()
        if early is not None:
            early.close()
        if isinstance(exc, ConsoleError):
            QMessageBox.critical(None, APP_NAME, tr("App", "The console cannot start.\n\n{0}\n\nStart it with "
                                                          "--db URL, or set PRIVACY_CONSOLE_DB.").format(exc))
        else:
            errors.show_unexpected(None, type(exc), exc, exc.__traceback__)
        qapp.exit(1)

    def begin(url: str | None, policy: str | None, offer_demo: bool = True, catalogue: Catalogue | None = None,
              ) -> None:
        tasks.background(open_console, url, policy, True, True, catalogue, on_done=lambda r: opened(r, offer_demo),
                         on_error=failed)

    if early is not None:  # a database file exists, so no welcome; the rest loads once the page is on screen
        def begin_once() -> None:
            if not state.get("begun"):
                state["begun"] = True
                begin(url, policy, catalogue=early.catalogue)

        early.first_paint.painted.connect(begin_once, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(EARLY_PAINT_WAIT_MS, begin_once)  # should it never paint (minimised)
    elif not welcome(args, prefs, tasks, lambda: begin(*choose_sources(args, prefs), offer_demo=False), failed,
                     state):
        begin(url, policy)
    code = qapp.exec()
    log.info("exiting with code %s", code)
    tasks.shutdown()
    shell = state.get("shell")
    if shell is not None:
        shell.db.dispose()
    return int(code)
