"""Window commands on the queue as a whole: export it to CSV, save the way it is filtered as a
named view, and bring a saved view back. The menus (ui/menus.py) call these.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMenu

from console.requests import queries
from console.requests.queue_export import export_queue
from ui import words
from ui.queue.model import Col
from ui.queue.saved import SavedViews
from ui.tasks import with_progress

if TYPE_CHECKING:
    from ui.main_window import MainWindow

EXPORT_COLUMNS = {Col.REFERENCE: ("reference",), Col.SUBJECT: ("subject", "email"), Col.RIGHT: ("right",),
                  Col.STATUS: ("status",), Col.RECEIVED: ("received",), Col.DUE: ("due",),
                  Col.TIME_LEFT: ("deadline",), Col.ASSIGNEE: ("assignee", "priority")}


def _tr(text: str) -> str:
    return QCoreApplication.translate("QueueCommands", text)


def saved_views(window: MainWindow) -> SavedViews:
    return SavedViews(window.app.prefs, window.app.ctx.actor.username)


def export_columns(hidden: set[Col]) -> list[str]:
    """The columns the person chose to see (not those a narrow window put aside), as export columns."""
    return [name for col in Col if col not in hidden for name in EXPORT_COLUMNS[col]]


def export_current(window: MainWindow) -> None:
    """Every request of the queue on show, with its filters, as CSV (or CSV for Excel)."""
    plain, excel = _tr("CSV (*.csv)"), _tr("CSV for Excel, UTF-8 with BOM (*.csv)")
    path, chosen = QFileDialog.getSaveFileName(window, _tr("Export the queue"), "queue.csv", f"{plain};;{excel}")
    if not path:
        return
    run_export(window, path, chosen == excel)


def run_export(window: MainWindow, path: str, excel: bool) -> None:
    f = window.queue.model.filter
    columns = export_columns(window.queue.columns.hidden)

    def done(n: int) -> None:
        window.statusBar().showMessage(words.howmany(n, _tr("{0} request exported to "), _tr("{0} requests exported to "))
                                       + path, 10_000)

    with_progress(window.app.tasks, window, _tr("Exporting the queue…"), export_queue, window.app.ctx, f, path,
                  columns, excel=excel, in_writer=False, on_done=done)


def save_view(window: MainWindow) -> None:
    name, ok = QInputDialog.getText(window, _tr("Save view"), _tr("Name of this view (queue, search, filters, sort "
                                                                   "and columns):"))
    if ok and name.strip():
        saved_views(window).save(name.strip(), window.queue.model.filter, window.queue.columns.hidden)
        window.statusBar().showMessage(_tr("View “{0}” saved: View > Saved views.").format(name.strip()), 8000)


def open_view(window: MainWindow, name: str) -> None:
    view = saved_views(window).get(name)
    if view is None:
        return
    if window.stack.currentIndex() != 0 or not view.filter.queue.startswith(("right:",) + queries.QUEUES):
        window.nav.select("queue", "open")
    window.nav.blockSignals(True)
    window.nav.select("queue", view.filter.queue)
    window.nav.blockSignals(False)
    window.queue.apply_saved(view.filter, set(view.hidden))


def fill_views_menu(window: MainWindow, menu: QMenu) -> None:
    menu.clear()
    names = saved_views(window).names()
    for name in names:
        menu.addAction(name, lambda n=name: open_view(window, n))
    if not names:
        menu.addAction(_tr("No saved views yet: View > Save view…")).setEnabled(False)
