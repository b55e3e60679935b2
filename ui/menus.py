"""The menu bar: every window action, with its shortcut shown, reachable from the keyboard (Alt+letter).

The toolbar holds the frequent actions; the menus hold them all, including the lifecycle steps of
the request on show (the workspace's buttons, enabled exactly when the buttons are).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMessageBox, QWidget

from console import logfile
from ui.queue import commands as queue_commands

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# The request workspace's buttons, with the shortcut each gets in the Request menu.
REQUEST_STEPS = (
    ("advance", "Ctrl+Shift+Return"),
    ("pause", "Ctrl+Shift+P"),
    ("resume", "Ctrl+Shift+R"),
    ("extend", "Ctrl+Shift+E"),
    ("acknowledge", "Ctrl+Shift+K"),
    ("reject", "Ctrl+Shift+J"),
    ("withdraw", "Ctrl+Shift+W"),
    ("reopen", "Ctrl+Shift+O"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("Menus", text)


def build(window: MainWindow) -> dict[str, QAction]:
    """Fill the window's menu bar; returns the request-step actions by key (kept in step with the buttons)."""
    bar = window.menuBar()
    bar.clear()
    file_menu = bar.addMenu(_tr("&File"))
    window.export_action = window._action("export", _tr("Export queue…"), lambda: queue_commands.export_current(window),
                                          "Ctrl+E", _tr("Save every request of the queue on show, as filtered, as CSV"))
    for action in (window.new_action, window.import_action, window.export_action):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(window.sign_out_action)
    window.quit_action = window._action("", _tr("&Quit"), window.quit, QKeySequence.StandardKey.Quit,
                                        _tr("Close the console"))
    if window.quit_action.shortcut().isEmpty():
        window.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
    file_menu.addAction(window.quit_action)

    edit = bar.addMenu(_tr("&Edit"))
    edit.addAction(window.undo_action)
    edit.addSeparator()
    for action in (window.search_action, window.assign_action, window.status_action):
        edit.addSeparator() if action is None else edit.addAction(action)

    request = bar.addMenu(_tr("&Request"))
    steps: dict[str, QAction] = {}
    buttons = window.workspace.buttons
    for key, shortcut in REQUEST_STEPS:
        button = buttons[key]
        action = QAction(button.icon(), button.text() or str(button.property("fullText") or ""), window)
        action.setShortcut(QKeySequence(shortcut))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False, b=button: b.click() if b.isEnabled() else None)
        action.setEnabled(False)
        window.addAction(action)
        request.addAction(action)
        steps[key] = action
    request.aboutToShow.connect(lambda: sync_steps(window, steps))
    for signal in (window.workspace.loaded, window.workspace.busy_changed, window.stack.currentChanged):
        signal.connect(lambda *_: sync_steps(window, steps))

    request.addSeparator()
    workspace_tabs = window.workspace.tabs
    for i in range(min(workspace_tabs.count(), 9)):  # the workspace's tabs by number, as browsers do
        show = QAction(workspace_tabs.tabText(i), window)
        show.setShortcut(QKeySequence(f"Alt+{i + 1}"))
        show.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        show.triggered.connect(lambda _checked=False, n=i: workspace_tabs.setCurrentIndex(n))
        window.addAction(show)
        request.addAction(show)

    view = bar.addMenu(_tr("&View"))
    for action in (window.queue_action, window.dashboard_action, window.refresh_action):
        view.addAction(action)
    view.addSeparator()
    columns = view.addMenu(_tr("&Columns"))
    columns.aboutToShow.connect(lambda: window.queue.columns.populate(columns))
    window.save_view_action = window._action("", _tr("Save view…"), lambda: queue_commands.save_view(window),
                                             "Ctrl+Shift+V", _tr("Keep the queue, search, filters, sort and columns "
                                                                 "under a name"))
    view.addAction(window.save_view_action)
    saved = view.addMenu(_tr("Saved &views"))
    saved.aboutToShow.connect(lambda: queue_commands.fill_views_menu(window, saved))

    tools = bar.addMenu(_tr("&Tools"))
    tools.addAction(window.settings_action)
    help_menu = bar.addMenu(_tr("&Help"))
    about = getattr(window, "about_action", None)
    if about is not None:
        help_menu.addAction(about)
    open_log = help_menu.addAction(_tr("Open &log file"))
    open_log.setObjectName("open_log")
    open_log.setData(str(log_path()))
    open_log.setStatusTip(_tr("What the window did, by kind and reference, without anybody's data: {0}").format(
        log_path()))
    open_log.triggered.connect(lambda: show_log(window))
    return steps


def log_path() -> Path:
    """The file this window writes (the data folder's, when no log was started here)."""
    return logfile.current() or logfile.default_path()


def show_log(parent: QWidget) -> bool:
    """Open the log in the desktop's viewer; where that cannot be, say where the file is."""
    path = log_path()
    if path.is_file() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        return True
    box = QMessageBox(QMessageBox.Icon.Information, _tr("Log file"),
                      _tr("The log file is here (it names events and references, never people):\n\n{0}").format(path),
                      QMessageBox.StandardButton.Close, parent)
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    box.exec()
    return False


def sync_steps(window: MainWindow, steps: dict[str, QAction]) -> None:
    """A step is offered in the menu when its button is (visible on a request in the queue on show)."""
    on_queue = window.stack.currentIndex() == 0 and window.workspace.view is not None
    for key, action in steps.items():
        button = window.workspace.buttons[key]
        action.setText(button.text() or str(button.property("fullText") or ""))  # icons only on a small screen
        action.setEnabled(on_queue and button.isEnabled() and not button.isHidden())
        action.setToolTip(button.toolTip() or action.text())
