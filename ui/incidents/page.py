"""The Incidents page: the list above, the workspace of the incident under the cursor below,
and the authority-deadline notices. It owns no rule: the services decide, the page wires.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QSplitter, QSystemTrayIcon, QVBoxLayout, QWidget

from console.incidents.drills import DrillStatus
from console.incidents.read_models import IncidentRow, IncidentView
from ui import preferences as P
from ui import words
from ui.context import AppContext
from ui.incidents.alerts import IncidentAlerts
from ui.incidents.listing import IncidentList
from ui.incidents.new import NewIncidentDialog, StartDrillDialog
from ui.incidents.workspace import IncidentWorkspace

OPEN_DELAY_MS = 120  # moving through rows with the keyboard loads only where the cursor rests


class IncidentsPage(QWidget):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self.list = IncidentList(app)
        self.workspace = IncidentWorkspace(app)
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.list)
        self.split.addWidget(self.workspace)
        self.split.setStretchFactor(0, 2)
        self.split.setStretchFactor(1, 3)
        self.split.setSizes([300, 560])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.split)
        self._open_timer = QTimer(self)
        self._open_timer.setSingleShot(True)
        self._open_timer.setInterval(OPEN_DELAY_MS)
        self._open_timer.timeout.connect(self.open_current)
        self.alerts = IncidentAlerts(app, self)
        self.alerts.enabled = app.prefs.get(P.NOTIFY)
        self.alerts.notice.connect(self._notice)
        self.alerts.crossed.connect(self.list.refresh)
        self.list.current_changed.connect(self._current_changed)
        self.list.new_requested.connect(self.new_incident)
        self.list.drill_requested.connect(self.start_drill)
        self.workspace.changed.connect(self._changed)
        app.events.zone_changed.connect(self._settings_changed)  # emitted when settings are applied
        new_action = QAction(self)
        new_action.setShortcut(QKeySequence("Ctrl+Shift+N"))
        new_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        new_action.triggered.connect(self.new_incident)
        self.addAction(new_action)
        self.list.new_button.setToolTip(self.list.new_button.toolTip() + " (Ctrl+Shift+N)")
        self.list.load()
        self.alerts.check()

    # --- what the shell calls --------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """F5: reload the list and the incident on show."""
        self.list.refresh()
        self.workspace.reload()

    @Slot()
    def _settings_changed(self) -> None:
        self.alerts.enabled = self.app.prefs.get(P.NOTIFY)

    # --- list and workspace ----------------------------------------------------------------

    def _current_changed(self, row: IncidentRow | None) -> None:
        shown = self.workspace.view
        if row is not None and shown is not None and shown.reference == row.reference:
            return
        if shown is None:
            self.open_current()  # the first one at once, later ones where the cursor rests
        else:
            self._open_timer.start()

    @Slot()
    def open_current(self) -> None:
        self._open_timer.stop()
        row = self.list.current_row()
        self.workspace.show_reference(row.reference if row else None)

    def show_incident(self, view: IncidentView) -> None:
        """Show a just-written incident and find it in the list once the list has reloaded."""
        self.workspace.show_view(view)
        self.list.refresh(select=view.reference)

    def _changed(self, view: IncidentView) -> None:
        self.list.model.patch(view)

    # --- new incident, drill ---------------------------------------------------------------

    @Slot()
    def new_incident(self) -> None:
        if not self.list.new_button.isEnabled():
            return  # a role that may not work on incidents (the button says why)
        dialog = NewIncidentDialog(self.app, self)
        dialog.created.connect(self._created)
        dialog.open()

    def _created(self, view: IncidentView) -> None:
        self.show_incident(view)
        self._status(self.tr("{0} logged; report to the authority due {1}.").format(
            view.reference, words.local_time(view.authority_due_at, self.app.zone)))

    @Slot()
    def start_drill(self) -> None:
        if not self.list.drill_button.isEnabled():
            return
        dialog = StartDrillDialog(self.app, self)
        dialog.started.connect(self._drill_started)
        dialog.open()

    def _drill_started(self, status: DrillStatus) -> None:
        self.show_incident(status.incident)
        self._status(self.tr("Drill {0} started from “{1}”; its 72-hour clock runs from now.").format(
            status.reference, status.scenario_title))

    # --- telling people --------------------------------------------------------------------

    def _window(self) -> QMainWindow | None:
        window = self.window()
        return window if isinstance(window, QMainWindow) else None

    def _status(self, text: str) -> None:
        window = self._window()
        if window is not None:
            window.statusBar().showMessage(text, 8000)

    def _notice(self, title: str, text: str) -> None:
        """The shell's tray icon when there is one, else the status bar."""
        window = self._window()
        tray = getattr(window, "tray", None)
        if isinstance(tray, QSystemTrayIcon) and tray.supportsMessages():
            tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Warning, 10_000)
        elif window is not None:
            window.statusBar().showMessage(f"{title}: {text}", 15_000)
