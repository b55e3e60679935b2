"""Desktop notices when a request enters "due soon" or "overdue".

Checked every half minute from the shared timer, in the background, for the whole database
(``console.requests.alerts.find_crossings``, not only the rows on screen).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject

from console.requests.alerts import LOOK_AT, Crossings, find_crossings
from console.requests.queries import QueueRow
from ui.context import AppContext
from ui.framework.alerts import ClockAlerts


class DeadlineAlerts(ClockAlerts):
    """Emits ``notice(title, text)``; the main window shows it as a tray message or in the status bar."""

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(app, parent)
        self._since = app.ticker.now

    def query(self, now: datetime) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return find_crossings, (self._since, now)

    def notices(self, now: datetime, found: Crossings) -> list[tuple[str, str]] | None:
        self._since = now
        if not (found.due_soon or found.overdue):
            return None
        notices = []
        if found.overdue:
            notices.append((self.tr("Overdue"), self._describe(
                found.overdue, self.tr("{ref} ({name}) is now overdue."),
                self.tr("{n} requests are now overdue: {refs}"))))
        if found.due_soon:
            notices.append((self.tr("Due soon"), self._describe(
                found.due_soon, self.tr("{ref} ({name}) is now due soon."),
                self.tr("{n} requests are now due soon: {refs}"))))
        return notices

    def _describe(self, rows: tuple[QueueRow, ...], one: str, many: str) -> str:
        if len(rows) == 1:
            return one.format(ref=rows[0].reference, name=rows[0].subject_name)
        refs = ", ".join(r.reference for r in rows[:3]) + ("…" if len(rows) > 3 else "")
        n = f"{len(rows)}+" if len(rows) >= LOOK_AT else str(len(rows))
        return many.format(n=n, refs=refs)
