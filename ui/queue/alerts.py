"""Desktop notices when a request enters "due soon" or "overdue".

Checked every half minute from the shared timer, in the background, for the whole database
(``console.requests.alerts.find_crossings``, not only the rows on screen).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject, Signal, Slot

from console.requests.alerts import LOOK_AT, Crossings, find_crossings
from console.requests.queries import QueueRow
from ui.context import AppContext

CHECK_EVERY_TICKS = 30
class DeadlineAlerts(QObject):
    """Emits ``notice(title, text)``; the main window shows it as a tray message or in the status bar."""

    notice = Signal(str, str)
    crossed = Signal()

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._since = app.ticker.now
        self._busy = False
        self.enabled = True
        app.ticker.tick.connect(self._on_tick)

    @Slot()
    def _on_tick(self) -> None:
        if self._app.ticker.count % CHECK_EVERY_TICKS == 0:
            self.check()

    def check(self) -> None:
        if self._busy:
            return
        self._busy = True
        since, now = self._since, self._app.ticker.now
        self._app.tasks.read(find_crossings, self._app.ctx, since, now,
                             on_done=lambda found: self._found(now, found), on_error=self._failed, owner=self)

    def _failed(self, _exc: BaseException) -> None:
        self._busy = False  # the queue shows database trouble; a notice would only repeat it

    def _found(self, now: datetime, found: Crossings) -> None:
        self._busy = False
        self._since = now
        if not (found.due_soon or found.overdue):
            return
        self.crossed.emit()
        if not self.enabled:
            return
        if found.overdue:
            self.notice.emit(self.tr("Overdue"), self._describe(
                found.overdue, self.tr("{ref} ({name}) is now overdue."),
                self.tr("{n} requests are now overdue: {refs}")))
        if found.due_soon:
            self.notice.emit(self.tr("Due soon"), self._describe(
                found.due_soon, self.tr("{ref} ({name}) is now due soon."),
                self.tr("{n} requests are now due soon: {refs}")))

    def _describe(self, rows: tuple[QueueRow, ...], one: str, many: str) -> str:
        if len(rows) == 1:
            return one.format(ref=rows[0].reference, name=rows[0].subject_name)
        refs = ", ".join(r.reference for r in rows[:3]) + ("…" if len(rows) > 3 else "")
        n = f"{len(rows)}+" if len(rows) >= LOOK_AT else str(len(rows))
        return many.format(n=n, refs=refs)
