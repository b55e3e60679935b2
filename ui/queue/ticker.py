"""The one shared 1-second timer every countdown in the window listens to.

One ``QTimer`` for the whole window: the queue repaints only its visible time-left cells on a
tick, the workspace header its one label. Tests move the clock and call :meth:`trigger`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot


class DeadlineTicker(QObject):
    tick = Signal()

    def __init__(self, clock: Callable[[], datetime], parent: QObject | None = None, interval_ms: int = 1000) -> None:
        super().__init__(parent)
        self._clock = clock
        self.now = clock()
        self.count = 0
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self.trigger)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    @Slot()
    def trigger(self) -> None:
        """Read the clock once for everybody, then tell the listeners."""
        self.now = self._clock()
        self.count += 1
        self.tick.emit()
