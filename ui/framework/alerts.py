"""The one base of the window's deadline notices: a background check on the shared timer.

Every ``CHECK_EVERY_TICKS`` ticks a feature's query runs in the read pool (one check at a time);
the feature turns what it found into notices (title, text), or None when no clock crossed into a
more urgent state. ``crossed`` then lets the lists regroup, and ``notice`` carries each message
to the tray or the status bar unless notices are turned off (``enabled``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

from ui.context import AppContext

CHECK_EVERY_TICKS = 30


class ClockAlerts(QObject):
    notice = Signal(str, str)
    crossed = Signal()  # some clock became more urgent: the lists may regroup

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._app = app
        self._busy = False
        self.enabled = True
        app.ticker.tick.connect(self._on_tick)

    # --- declarations ----------------------------------------------------------------------

    def query(self, now: datetime) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        """The worker function and its arguments after the context, for a check at ``now``."""
        raise NotImplementedError

    def notices(self, now: datetime, found: Any) -> list[tuple[str, str]] | None:
        """What to tell about ``found``; None when nothing crossed."""
        raise NotImplementedError

    # --- checking --------------------------------------------------------------------------

    @Slot()
    def _on_tick(self) -> None:
        if self._app.ticker.count % CHECK_EVERY_TICKS == 0:
            self.check()

    def check(self) -> None:
        if self._busy:
            return
        self._busy = True
        now = self._app.ticker.now
        fn, args = self.query(now)
        self._app.tasks.read(fn, self._app.ctx, *args, on_done=lambda found: self._found(now, found),
                             on_error=self._failed, owner=self)

    def _failed(self, _exc: BaseException) -> None:
        self._busy = False  # the lists show database trouble; a notice would only repeat it

    def _found(self, now: datetime, found: Any) -> None:
        self._busy = False
        notices = self.notices(now, found)
        if notices is None:
            return
        self.crossed.emit()
        if self.enabled:
            for title, text in notices:
                self.notice.emit(title, text)
