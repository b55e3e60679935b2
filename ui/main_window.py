"""The shell: navigation, the stacked views, toolbar, status bar, window layout kept in QSettings.

It owns no feature: the queue page, the request workspace, the dashboard and the registered
views do their own work; the shell wires their signals and offers the window-wide actions.
Actions the signed-in role may not use are disabled with a tooltip naming the role they need
(the services refuse them anyway). One window serves one session: signing out (or turning
sign-in on) asks the application to close it and sign in again (ui.app.Shell).
"""

from __future__ import annotations

import importlib
from dataclasses import replace

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QToolBar,
    QWidget,
)

from console.requests import bulk, queries
from console.requests.queries import Counts, QueueRow
from console.requests.read_models import RequestView
from console.security.roles import Perm
from ui import menus, registry, style, words
from ui import preferences as P
from ui.context import AppContext
from ui.dialogs.import_requests import import_requests
from ui.dialogs.new_request import NewRequestDialog
from ui.dialogs.reasons import AssignDialog, StatusDialog
from ui.dialogs.settings import SettingsDialog
from ui.errors import show_error
from ui.framework.paged import FirstPaint
from ui.live import POLL_MS as LIVE_POLL_MS
from ui.live import LiveRefresh
from ui.navigation import Navigation
from ui.queue.alerts import DeadlineAlerts
from ui.queue.view import QueueView
from ui.request.workspace import RequestWorkspace
from ui.tasks import with_progress

COUNTS_EVERY_TICKS = 30
OPEN_DELAY_MS = 120
UNDO_SECONDS = 10  # the status bar offers to put the last change back this long  # moving through rows with the keyboard loads only where the cursor rests
EAGER_FALLBACK_MS = 1500  # views that run from the start are built by then even if no page came
# loaded on a worker once the queue is on screen: the pages built right after (incidents, for its
# notices) and the first places a person goes (the dashboard, a request's package tab's builder)
AFTER_PAINT_MODULES = ("ui.incidents.page", "ui.dashboard.view", "console.packages.builder")


def import_modules(names: tuple[str, ...]) -> tuple[str, ...]:
    for name in names:
        importlib.import_module(name)
    return names


class MainWindow(QMainWindow):
    sign_out_requested = Signal()
    sign_in_enabled = Signal(str)  # the owner turned sign-in on with this first administrator

    def __init__(self, app: AppContext) -> None:
        super().__init__()
        self.app = app
        self._ending = False
        # the application's name is added by Qt (applicationDisplayName): "Miximonster — Privacy Console"
        self.setWindowTitle(app.ctx.catalogue.organisation.name)
        self.setWindowIcon(style.icon("app"))
        self._counting = False
        self.counts: Counts | None = None
        self._views: dict[str, QWidget] = {}
        self._view_index: dict[str, int] = {}
        specs = registry.views()
        self.nav = Navigation(app, specs)
        self.queue = QueueView(app)
        self.workspace = RequestWorkspace(app)
        self.work_split = QSplitter(Qt.Orientation.Vertical)
        self.work_split.setChildrenCollapsible(False)
        self.work_split.addWidget(self.queue)
        self.work_split.addWidget(self.workspace)
        self.work_split.setStretchFactor(0, 4)
        self.work_split.setStretchFactor(1, 5)
        self.work_split.setSizes([440, 420])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.work_split)
        self._specs = {s.key: s for s in specs}
        self.split = QSplitter(Qt.Orientation.Horizontal)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.nav)
        self.split.addWidget(self.stack)
        self.split.setStretchFactor(1, 1)
        self.split.setSizes([250, 1150])
        self.setCentralWidget(self.split)
        self._build_actions()
        self._build_status_bar()
        self.live: LiveRefresh | None = None  # started by the program (start_live), not by tests
        self.alerts = DeadlineAlerts(app, self)
        self.alerts.enabled = app.prefs.get(P.NOTIFY)
        self.alerts.notice.connect(self._notice)
        self.alerts.crossed.connect(self.refresh_counts)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(style.icon("app"), self)
            self.tray.setToolTip(self.tr("Privacy Console"))
            self.tray.show()
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(OPEN_DELAY_MS)
        self._open_timer.timeout.connect(self._open_current)
        self.nav.queue_chosen.connect(self.show_queue)
        self.nav.view_chosen.connect(self.show_view)
        self.queue.current_changed.connect(lambda _row: self._open_timer.start())
        self.workspace.loaded.connect(lambda _view: self._update_title())
        self.stack.currentChanged.connect(lambda _i: self._update_title())
        self.nav.currentItemChanged.connect(lambda *_: self._update_title())
        self.queue.activated.connect(self._activated)
        self.queue.selection_changed.connect(self._selection_changed)
        self.queue.assign_requested.connect(self.bulk_assign)
        self.queue.status_requested.connect(self.bulk_status)
        self.queue.model.page_arrived.connect(lambda _n: self._update_status())
        self.queue.model.total_known.connect(lambda _n: self._update_status())
        app.events.request_changed.connect(self._request_changed)
        app.events.requests_changed.connect(self._requests_changed)
        app.tasks.busy_changed.connect(self._busy)
        app.tasks.error.connect(self._task_failed)
        app.ticker.tick.connect(self._tick)
        self.resize(1400, 900)
        self._restore_layout()
        self.nav.select("queue", "open")
        # The queue paints first; views that must run from the start are built once its first
        # page is on screen (or after a moment, should it never come), their modules loaded on a
        # worker first so building them is only making widgets.
        self.first_paint = FirstPaint(self.queue.table)
        self.first_paint.painted.connect(self._after_first_paint, Qt.ConnectionType.QueuedConnection)
        QTimer.singleShot(EAGER_FALLBACK_MS, self, self._build_eager)
        self.refresh_counts()

    def _after_first_paint(self) -> None:
        self.app.tasks.read(import_modules, AFTER_PAINT_MODULES, owner=self,
                            on_done=lambda _names: self._build_eager(), on_error=lambda _exc: self._build_eager())

    def _build_eager(self) -> None:
        for spec in self._specs.values():
            if spec.eager and spec.key not in self._views:  # e.g. the incidents' 72-hour notices
                page = self._build_view(spec.key)
                # built unseen, it must not raise the window's minimum size above the queue's
                page.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)

    # --- building --------------------------------------------------------------------------

    def _action(self, icon: str, text: str, slot: object,
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                tip: str = "") -> QAction:
        action = QAction(style.icon(icon), text, self)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        shown = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip or text} ({shown})" if shown else (tip or text))
        action.triggered.connect(slot)  # type: ignore[arg-type]
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_action = self._action("new", self.tr("New request"), self.new_request, QKeySequence.StandardKey.New,
                                       self.tr("Register a request received by email, letter, phone or form"))
        self.import_action = self._action("import", self.tr("Import…"), self.import_file, "Ctrl+I",
                                          self.tr("Import requests from a web-form export (CSV or JSON)"))
        self.refresh_action = self._action("refresh", self.tr("Refresh"), self.refresh, QKeySequence.StandardKey.Refresh)
        self.search_action = self._action("search", self.tr("Search"), self.focus_search, QKeySequence.StandardKey.Find)
        self.assign_action = self._action("assign", self.tr("Assign…"), self.bulk_assign, "Ctrl+Shift+A",
                                          self.tr("Assign the selected requests"))
        self.status_action = self._action("advance", self.tr("Change status…"), self.bulk_status, "Ctrl+Shift+S",
                                          self.tr("Change the status of the selected requests"))
        self.dashboard_action = self._action("dashboard", self.tr("Dashboard"), lambda: self.nav.select("view", "dashboard"),
                                             "Ctrl+D")
        self.settings_action = self._action("settings", self.tr("Settings…"), self.open_settings, "Ctrl+,")
        self.queue_action = self._action("queue", self.tr("Queue"), lambda: self.nav.select("queue", "open"), "Ctrl+1")
        if QKeySequence(QKeySequence.StandardKey.Refresh).toString() != "F5":
            self.refresh_action.setShortcuts([QKeySequence("F5"), QKeySequence(QKeySequence.StandardKey.Refresh)])
        self.undo_action = self._action("", self.tr("Undo"), self.undo, QKeySequence.StandardKey.Undo,
                                        self.tr("Put back the last assignment, priority or categories change"))
        self.undo_action.setEnabled(False)
        self.sign_out_action = self._action("", self.tr("Sign out"), self.sign_out, None,  # words, no icon
                                            self.tr("End your session and return to the sign-in window"))
        self.sign_out_action.setVisible(self.app.session is not None)
        self.assign_action.setEnabled(False)
        self.status_action.setEnabled(False)
        self._gate(self.new_action, Perm.WORK_REQUESTS, self.tr("Registering a request"))
        self._gate(self.import_action, Perm.WORK_REQUESTS, self.tr("Importing requests"))
        self._gate(self.assign_action, Perm.WORK_REQUESTS, self.tr("Assigning requests"))
        self._gate(self.status_action, Perm.WORK_REQUESTS, self.tr("Changing the status of requests"))
        bar = QToolBar(self.tr("Main"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action in (self.new_action, self.import_action, None, self.assign_action, self.status_action, None,
                       self.refresh_action, self.dashboard_action, self.settings_action):
            if action is None:
                bar.addSeparator()
            else:
                bar.addAction(action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        bar.addAction(self.sign_out_action)
        self.about_action = self._action("app", self.tr("About"), self.show_about, None,
                                         self.tr("Version, database, policy catalogue and licence"))
        bar.addAction(self.about_action)
        self.toolbar = bar
        self._style_toolbar()
        self.addToolBar(bar)
        self.request_steps = menus.build(self)

    def show_about(self) -> None:
        from ui.dialogs.about import AboutDialog

        AboutDialog(self.app, self).exec()

    def _style_toolbar(self) -> None:
        """Disabled toolbar buttons look disabled (the stylesheet's text colour would hide it)."""
        grey = "#7b848e" if style.theme() == "dark" else "#9aa3ad"  # the palettes' disabled text
        self.toolbar.setStyleSheet(f"QToolButton:disabled {{ color: {grey}; }}")

    def _gate(self, action: QAction, perm: Perm, what: str) -> None:
        """Disable an action the role may not use, and say in its tooltip which role it needs."""
        why = self.app.refusal(perm, what)
        if why:
            action.setEnabled(False)
            action.setToolTip(why)
            action.setProperty("refused", True)

    def _allowed(self, action: QAction) -> bool:
        return action.property("refused") is not True

    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.busy_label = QLabel()
        self.rows_label = QLabel()
        self.db_label = QLabel(self.app.ctx.db.safe_url)
        self.db_label.setToolTip(self.tr("The database in use (Settings to change it)"))
        self.user_label = QLabel(self.app.user_title)
        self.user_label.setObjectName("signedIn")
        session = self.app.session
        if session is None:
            self.user_label.setToolTip(self.tr("You own this local database; nobody signs in to it "
                                               "(Settings > Security to turn sign-in on)"))
        else:
            self.user_label.setText(self.tr("Signed in as {0}").format(self.app.user_title))
            self.user_label.setToolTip(self.tr("User name {0}; the session ends at {1} at the latest").format(
                session.actor.username, session.expires_at.astimezone(self.app.zone).strftime("%H:%M")))
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setToolTip(self.tr("Put the last change back (Ctrl+Z)"))
        self.undo_button.hide()
        self.undo_button.clicked.connect(self.undo)
        bar.insertPermanentWidget(0, self.undo_button)  # a temporary message would hide a normal widget
        self._undo: object = None
        self._undo_timer = QTimer(self)
        self._undo_timer.setSingleShot(True)
        self._undo_timer.setInterval(UNDO_SECONDS * 1000)
        self._undo_timer.timeout.connect(self._forget_undo)
        self.app.events.undo_offered.connect(self._offer_undo)
        self.zone_label = QLabel()
        for label in (self.busy_label, self.rows_label, self.zone_label, self.user_label, self.db_label):
            bar.addPermanentWidget(label)
        self._update_zone()

    # --- navigation --------------------------------------------------------------------------

    @Slot(str)
    def show_queue(self, key: str) -> None:
        self.stack.setCurrentIndex(0)
        self.queue.show_queue(key)
        self._update_row_actions()
        self._update_status()

    @Slot(str)
    def show_view(self, key: str) -> None:
        self._build_view(key)
        self.stack.setCurrentIndex(self._view_index[key])
        self._update_row_actions()  # the queue's selection is out of sight: nothing to act on
        self._update_status()

    def _build_view(self, key: str) -> QWidget:
        if key not in self._views:
            page = self._specs[key].factory(self.app, None)
            self._views[key] = page
            self._view_index[key] = self.stack.addWidget(page)
        return self._views[key]

    def view(self, key: str) -> QWidget | None:
        return self._views.get(key)

    def _open_current(self) -> None:
        row = self.queue.current_row()
        self.workspace.show_reference(row.reference if row else None)
        self._update_title()

    def _activated(self, row: QueueRow) -> None:
        self._open_timer.stop()
        self.workspace.show_reference(row.reference)
        self.workspace.tabs.setFocus(Qt.FocusReason.OtherFocusReason)

    def _selection_changed(self, _n: int = 0) -> None:
        self._update_row_actions()
        self._update_status()

    def _queue_rows(self) -> list[QueueRow]:
        """The rows a window-wide action works on: only those selected in the queue on show."""
        return self.queue.selected_rows() if self.stack.currentIndex() == 0 else []

    def _update_row_actions(self) -> None:
        n = len(self._queue_rows())
        self.assign_action.setEnabled(n > 0 and self._allowed(self.assign_action))
        self.status_action.setEnabled(n > 0 and self._allowed(self.status_action))
        if hasattr(self, "export_action"):
            self.export_action.setEnabled(self.stack.currentIndex() == 0)  # exports the queue on show only

    # --- actions -----------------------------------------------------------------------------

    @Slot()
    def new_request(self) -> None:
        dialog = NewRequestDialog(self.app, self)
        dialog.created.connect(self._created)
        dialog.open()

    def _created(self, view: RequestView) -> None:
        self._open_timer.stop()
        self.workspace.show_view(view)
        self.queue.reveal(view.id)
        self.statusBar().showMessage(self.tr("{0} registered; due {1}.").format(
            view.reference, words.due(view.due_at, self.app.zone)), 8000)
        self._requests_changed()

    @Slot()
    def import_file(self) -> None:
        import_requests(self.app, self)

    @Slot()
    def refresh(self) -> None:
        self.queue.refresh()
        self.workspace.reload()
        self.refresh_counts()
        current = self.stack.currentWidget()
        refresh = getattr(current, "refresh", None)
        if current is not self.work_split and callable(refresh):
            refresh()

    @Slot()
    def focus_search(self) -> None:
        if self.stack.currentIndex() != 0:
            self.nav.select("queue", "open")
        self.queue.focus_search()

    def _refused(self, action: QAction) -> bool:
        """The queue's context menu offers bulk changes to everyone: say why they are not for this role."""
        if self._allowed(action):
            return False
        self.statusBar().showMessage(action.toolTip(), 8000)
        return True

    @Slot()
    def bulk_assign(self) -> None:
        rows = self._queue_rows()
        if not rows or self._refused(self.assign_action):
            return
        known = [r.assignee for r in (self.queue.model.row_at(i) for i in range(min(self.queue.model.rowCount(), 500)))
                 if r is not None and r.assignee]
        dialog = AssignDialog(len(rows), known, self.app.ctx.actor.username, self)
        if dialog.exec():
            with_progress(self.app.tasks, self, self.tr("Assigning {0} requests…").format(len(rows)), bulk.assign_all,
                          self.app.ctx, rows, dialog.assignee, on_done=self._bulk_done)

    @Slot()
    def bulk_status(self) -> None:
        rows = self._queue_rows()
        if not rows or self._refused(self.status_action):
            return
        dialog = StatusDialog(len(rows), self)
        if dialog.exec():
            target, grounds, reason = dialog.values
            with_progress(self.app.tasks, self, self.tr("Changing {0} requests…").format(len(rows)),
                          bulk.transition_all, self.app.ctx, rows, target, grounds, reason, on_done=self._bulk_done)

    def _bulk_done(self, result: bulk.BulkResult) -> None:
        self._requests_changed()
        if result.refused:
            lines = "\n".join(f"{ref}: {why}" for ref, why in result.refused[:15])
            more = self.tr("\n… and {0} more").format(len(result.refused) - 15) if len(result.refused) > 15 else ""
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Some requests were not changed"),
                              self.tr("{0} changed, {1} refused:").format(len(result.done), len(result.refused)),
                              QMessageBox.StandardButton.Ok, self)
            box.setInformativeText(lines + more)
            box.exec()
        else:
            self.statusBar().showMessage(words.howmany(len(result.done), self.tr("{0} request changed."),
                                                        self.tr("{0} requests changed.")), 6000)

    @Slot()
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.app, self)
        dialog.applied.connect(self._settings_applied)
        dialog.sign_in_enabled.connect(self.sign_in_enabled)
        dialog.open()

    @Slot()
    def quit(self) -> None:
        """Ctrl+Q: close the window (its layout is kept); the application ends with its last window."""
        self.close()

    @Slot()
    def sign_out(self) -> None:
        self.sign_out_requested.emit()

    def _settings_applied(self, restart: bool) -> None:
        from PySide6.QtWidgets import QApplication

        prefs = self.app.prefs
        instance = QApplication.instance()
        if isinstance(instance, QApplication):
            style.apply(instance, prefs.get(P.APPEARANCE))
            self._style_toolbar()
            for page in self._views.values():  # hidden pages too: charts keep the theme they were drawn in
                restyle = getattr(page, "restyle", None)
                if callable(restyle):
                    restyle()
        hours = prefs.get(P.DUE_SOON_HOURS) or self.app.policy_due_soon_hours
        if hours != self.app.ctx.catalogue.due_soon_hours:
            # A new Context, handed over: workers may still hold the old one, which nobody mutates.
            self.app.ctx = replace(self.app.ctx, catalogue=replace(self.app.ctx.catalogue, due_soon_hours=hours))
        self.alerts.enabled = prefs.get(P.NOTIFY)
        self.app.events.zone_changed.emit()
        self._update_zone()
        self.refresh()
        if restart:
            QMessageBox.information(self, self.tr("Settings saved"),
                                    self.tr("The new database or policy catalogue is used from the next start."))

    # --- background figures ------------------------------------------------------------------

    @Slot()
    def refresh_counts(self) -> None:
        if self._counting:
            return
        self._counting = True
        self.app.tasks.read(queries.queue_counts, self.app.ctx, on_done=self._counted, on_error=self._count_failed,
                            owner=self)

    def _counted(self, counts: Counts) -> None:
        self._counting = False
        self.counts = counts
        self.nav.set_counts(counts)
        self.nav.viewport().update()

    def _count_failed(self, exc: BaseException) -> None:
        self._counting = False
        self.statusBar().showMessage(self.tr("Counts not updated: {0}").format(exc), 10000)

    @Slot()
    def _tick(self) -> None:
        if self.app.ticker.count % COUNTS_EVERY_TICKS == 0:
            self.refresh_counts()

    def _request_changed(self, view: RequestView) -> None:
        self.queue.model.patch(view)
        self.refresh_counts()

    def _requests_changed(self) -> None:
        self.queue.refresh()
        self.workspace.reload()  # a bulk change or an import may have changed the one on show
        self.refresh_counts()

    def _notice(self, title: str, text: str) -> None:
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        else:
            self.statusBar().showMessage(f"{title}: {text}", 15_000)

    def _busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working…") if busy else "")

    def _update_title(self) -> None:
        """What is on show, then the organisation: "DSR-2026-000401, Awaiting verification · Overdue —
        Miximonster" (a taskbar, a window switcher and a screen reader say where the person is)."""
        org = self.app.ctx.catalogue.organisation.name
        item = self.nav.currentItem()
        place = item.text(0) if item is not None and self.nav.current_key() is not None else ""
        view = self.workspace.view if self.stack.currentIndex() == 0 else None
        if view is not None:
            place = f"{view.reference}, {words.status(view.status)}" + (f" · {place}" if place else "")
        self.setWindowTitle(f"{place} — {org}" if place else org)

    def _update_status(self) -> None:
        if self.stack.currentIndex() == 0:
            self.rows_label.setText(self.queue.count_label.text())
        else:
            self.rows_label.setText("")

    def _update_zone(self) -> None:
        self.zone_label.setText(self.tr("Times in {0}").format(self.app.zone_name))

    # --- layout persistence ------------------------------------------------------------------

    def _restore_layout(self) -> None:
        prefs = self.app.prefs
        for key, restore in (("window/geometry", self.restoreGeometry), ("window/state", self.restoreState),
                             ("window/split", self.split.restoreState),
                             ("window/work_split", self.work_split.restoreState),
                             ("queue/header", self.queue.table.horizontalHeader().restoreState)):
            value = prefs.value(key)
            if isinstance(value, QByteArray | bytes) and value:
                restore(QByteArray(value))
        if prefs.value("queue/header"):
            self.queue._sized = True  # the person's own column widths win over the sample
        self.queue.columns.fit()  # the chosen columns, whatever the saved header state says

    def save_layout(self) -> None:
        prefs = self.app.prefs
        prefs.set_value("window/geometry", self.saveGeometry())
        prefs.set_value("window/state", self.saveState())
        prefs.set_value("window/split", self.split.saveState())
        prefs.set_value("window/work_split", self.work_split.saveState())
        prefs.set_value("queue/header", self.queue.table.horizontalHeader().saveState())
        prefs.sync()

    def _offer_undo(self, text: str, put_back: object) -> None:
        self._undo = put_back
        self.undo_button.show()
        self.undo_action.setEnabled(True)
        self.statusBar().showMessage(text + " " + self.tr("Undo puts it back."), UNDO_SECONDS * 1000)
        self._undo_timer.start()

    def _forget_undo(self) -> None:
        self._undo = None
        self.undo_button.hide()
        self.undo_action.setEnabled(False)

    @Slot()
    def undo(self) -> None:
        put_back, self._undo = self._undo, None
        self._forget_undo()
        if callable(put_back):
            put_back()
            self.statusBar().showMessage(self.tr("Put back."), 4000)

    def _task_failed(self, exc: BaseException) -> None:
        show_error(self, exc)

    def end_session(self) -> None:
        """Close for a sign-out: keep the layout, let go of the shared task layer (which lives on)."""
        self._ending = True
        for signal, slot in ((self.app.tasks.busy_changed, self._busy), (self.app.tasks.error, self._task_failed)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.close()
        self.deleteLater()

    def start_live(self, interval_ms: int = LIVE_POLL_MS) -> LiveRefresh:
        """Poll the change feed: another person's or process's change reloads the queue, the
        sidebar's counts and a page showing figures (the request on show keeps its edits)."""
        if self.live is None:
            self.live = LiveRefresh(self.app, self, interval_ms)
            self.live.changed.connect(self._changed_elsewhere)
            self.live.failed.connect(lambda text: self.statusBar().showMessage(
                self.tr("Not refreshed by itself: {0}").format(text), 15_000))
            self.live.start()
        return self.live

    def _changed_elsewhere(self, _actions: object) -> None:
        if self.stack.currentIndex() == 0:
            self.queue.refresh()
        else:
            current = self.stack.currentWidget()
            refresh = getattr(current, "refresh", None)
            if callable(refresh):
                refresh()
        self.refresh_counts()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.live is not None:
            self.live.stop()
        self.save_layout()
        self.app.ticker.stop()
        if self.tray is not None:
            self.tray.hide()
        if not self._ending:
            self.app.tasks.shutdown()
        super().closeEvent(event)
