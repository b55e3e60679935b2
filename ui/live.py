"""Live refresh: what other people and processes change shows up in the open window by itself.

A one-second timer polls the change feed (console.changes: SQLite's ``PRAGMA data_version`` on its
own connection, PostgreSQL's NOTIFY) in the read pool, one poll at a time. When something was
committed elsewhere, ``changed`` fires and the window reloads the queue, the counts and a page
that shows figures; the request on show is left alone (an edit in progress is never thrown away;
saving a stale edit is refused and offers a reload). The window's own writes come through the
feed as well and refresh the queue the same way, as pressing Refresh would. A lost server is
said once in ``failed``; the feed reconnects on the next poll.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from console.changes import ChangeFeed, Changes
from ui.context import AppContext

POLL_MS = 1000


class LiveRefresh(QObject):
    changed = Signal(object)  # frozenset of the actions recorded (empty on SQLite: "something")
    failed = Signal(str)

    def __init__(self, app: AppContext, parent: QObject | None = None, interval_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.app = app
        self.feed = ChangeFeed(app.ctx.db)
        self._polling = False
        self._failing = False
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.poll)

    def start(self) -> None:
        self.poll()  # the first poll takes the database's current version as the starting point
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()
        if not self._polling:
            self.feed.close()

    def poll(self) -> None:
        if self._polling:
            return  # one poll at a time: the feed is not thread-safe
        self._polling = True
        self.app.tasks.read(self.feed.poll, on_done=self._polled, on_error=self._failed, owner=self)

    def _polled(self, changes: Changes) -> None:
        self._polling = False
        self._failing = False
        if changes.changed:
            self.changed.emit(changes.actions)

    def _failed(self, exc: BaseException) -> None:
        self._polling = False
        if not self._failing:
            self._failing = True
            self.failed.emit(str(exc))
