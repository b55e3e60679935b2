"""The one task layer: every database call and every long job runs here, off the GUI thread.

A :class:`Task` is a ``QRunnable`` that carries a ``QObject`` with typed signals; the signals
object lives on the main thread, so ``progress``, ``succeeded`` and ``failed`` arrive there
through queued connections and callbacks may touch widgets. The call says what the work does:
:meth:`Tasks.write` runs a command in the writer, a pool of one thread (no lock fights on
SQLite, changes applied in the order asked); :meth:`Tasks.read` runs work that changes nothing
(a query, a check); :meth:`Tasks.background` runs a long job that does write, but must not hold
the writer up (opening and migrating the database, a package build, a file the user asked
for). Reads and background jobs share a small pool. Long console functions take ``progress``
and ``cancel`` keywords; a task hands them a throttled reporter and its cancel flag.

Tests build :class:`Tasks` with ``synchronous=True`` (run inline, deliver directly) or wait on
:attr:`Tasks.idle` with ``qtbot.waitUntil``.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThread,
    QThreadPool,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from console import logfile
from console.errors import Cancelled, ConsoleError

log = logging.getLogger("ui.tasks")
Callback = Callable[[Any], None]
PROGRESS_EVERY = 0.05  # seconds between progress signals: a flood would itself stall the loop


class TaskSignals(QObject):
    """Created on the main thread, so connected callbacks run there."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    finished = Signal()


class Task(QRunnable):
    """``fn(*args, **kwargs)`` in a pool thread; the outcome comes back as a signal."""

    def __init__(self, fn: Callable[..., Any], *args: Any, name: str = "", with_progress: bool = False,
                 with_cancel: bool = False, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python keeps it (Tasks._running) until ``finished`` is delivered
        self.signals = TaskSignals()
        self.name = name or getattr(fn, "__name__", "task")
        self._fn, self._args, self._kwargs = fn, args, kwargs
        self._with_progress, self._with_cancel = with_progress, with_cancel
        self._cancelled = threading.Event()
        self._last_progress = 0.0

    def cancel(self) -> None:
        self._cancelled.set()

    def is_cancelled(self) -> bool:
        return self._cancelled.is_set()

    def _report(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - self._last_progress < PROGRESS_EVERY:
            return
        self._last_progress = now
        try:
            self.signals.progress.emit(int(done), int(total))
        except RuntimeError:
            self.cancel()  # nobody is listening any more: stop the work

    def run(self) -> None:
        kwargs = dict(self._kwargs)
        if self._with_progress:
            kwargs["progress"] = self._report
        if self._with_cancel:
            kwargs["cancel"] = self.is_cancelled
        try:
            try:
                result = self._fn(*self._args, **kwargs)
            except Exception as exc:  # noqa: BLE001 - every failure is delivered, none is lost in a thread
                _log_failure(self.name, exc)
                self.signals.failed.emit(exc)
            else:
                self.signals.succeeded.emit(result)
            finally:
                self.signals.finished.emit()
        except RuntimeError:
            pass  # the window went away while the work ran (shutdown): nobody is left to tell


def _log_failure(name: str, exc: Exception) -> None:
    """The log file learns the task and the kind of failure; the message stays in the window."""
    if isinstance(exc, Cancelled):
        log.info("%s cancelled", name)
    elif isinstance(exc, ConsoleError):
        log.info("%s refused: %s", name, type(exc).__name__)
    else:
        logfile.failure(log, f"{name} failed", exc)


class Tasks(QObject):
    """The pools and the bookkeeping of running tasks (``idle`` tells tests and screenshots)."""

    busy_changed = Signal(bool)
    error = Signal(object)  # a failure nobody handled: the main window shows it

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.shared = QThreadPool(self)  # reads and background jobs
        self.shared.setMaxThreadCount(max(2, min(4, QThread.idealThreadCount())))
        self.writer = QThreadPool(self)
        self.writer.setMaxThreadCount(1)
        self._running: set[Task] = set()

    @property
    def idle(self) -> bool:
        return not self._running

    def read(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
             on_error: Callback | None = None, on_progress: Callable[[int, int], None] | None = None,
             owner: QObject | None = None, **kwargs: Any) -> Task:
        """Run work that changes nothing (a query, a check) in the shared pool."""
        return self._start(self.shared, Task(fn, *args, with_progress=on_progress is not None, **kwargs),
                           on_done, on_error, on_progress, owner)

    def background(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
                   on_error: Callback | None = None, on_progress: Callable[[int, int], None] | None = None,
                   owner: QObject | None = None, **kwargs: Any) -> Task:
        """Run a long job that writes (files, or the database in its own transaction) in the shared
        pool, beside the writer rather than in its queue."""
        return self._start(self.shared, Task(fn, *args, with_progress=on_progress is not None, **kwargs),
                           on_done, on_error, on_progress, owner)

    def write(self, fn: Callable[..., Any], *args: Any, on_done: Callback | None = None,
              on_error: Callback | None = None, on_progress: Callable[[int, int], None] | None = None,
              owner: QObject | None = None, cancellable: bool = False, **kwargs: Any) -> Task:
        """Run a command in the single writer thread, in the order asked."""
        task = Task(fn, *args, with_progress=on_progress is not None, with_cancel=cancellable, **kwargs)
        return self._start(self.writer, task, on_done, on_error, on_progress, owner)

    def start(self, task: Task, *, in_writer: bool = False, on_done: Callback | None = None,
              on_error: Callback | None = None, on_progress: Callable[[int, int], None] | None = None,
              owner: QObject | None = None) -> Task:
        """Start a task built by the caller (to pass ``with_cancel`` to a read, for example)."""
        return self._start(self.writer if in_writer else self.shared, task, on_done, on_error, on_progress, owner)

    def _start(self, pool: QThreadPool, task: Task, on_done: Callback | None, on_error: Callback | None,
               on_progress: Callable[[int, int], None] | None, owner: QObject | None) -> Task:
        kind = Qt.ConnectionType.DirectConnection if self.synchronous else Qt.ConnectionType.QueuedConnection

        def alive() -> bool:
            return owner is None or shiboken6.isValid(owner)

        def done(result: Any) -> None:
            if on_done is not None and alive():
                on_done(result)

        def failed(exc: Any) -> None:
            if on_error is not None and alive():
                on_error(exc)
            elif on_error is None:
                self.error.emit(exc)

        def progress(value: int, total: int) -> None:
            if on_progress is not None and alive():
                on_progress(value, total)

        task.signals.succeeded.connect(done, kind)
        task.signals.failed.connect(failed, kind)
        task.signals.progress.connect(progress, kind)
        task.signals.finished.connect(lambda: self._finished(task), kind)
        was_idle = not self._running
        self._running.add(task)
        if was_idle:
            self.busy_changed.emit(True)
        if self.synchronous:
            task.run()
        else:
            pool.start(task)
        return task

    @Slot()
    def _finished(self, task: Task) -> None:
        self._running.discard(task)
        if not self._running:
            self.busy_changed.emit(False)

    def cancel_all(self) -> None:
        for task in list(self._running):
            task.cancel()

    def wait_idle(self, timeout_s: float = 30.0) -> bool:
        """Pump events until every task has delivered (screenshots and shutdown, never in slots)."""
        deadline = time.monotonic() + timeout_s
        while self._running and time.monotonic() < deadline:
            QCoreApplication.processEvents()
            QThread.msleep(5)
        QCoreApplication.processEvents()
        return not self._running

    def shutdown(self, timeout_ms: int = 10_000) -> None:
        """Ask running work to stop and let the writer finish its transaction before exit."""
        self.cancel_all()
        self.shared.waitForDone(timeout_ms)
        self.writer.waitForDone(timeout_ms)


def with_progress(tasks: Tasks, parent: QWidget | None, label: str, fn: Callable[..., Any], *args: Any,
                  on_done: Callback | None = None, on_error: Callback | None = None, in_writer: bool = True,
                  **kwargs: Any) -> Task:
    """Run ``fn(..., progress=, cancel=)`` behind a modal progress dialog with a Cancel button.

    In the writer by default; ``in_writer=False`` runs a long job in the shared pool (see
    :meth:`Tasks.background`)."""
    tr = QCoreApplication.translate
    dialog = QProgressDialog(label, tr("Tasks", "Cancel"), 0, 0, parent)
    dialog.setWindowTitle(tr("Tasks", "Privacy Console"))
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumWidth(420)
    task = Task(fn, *args, with_progress=True, with_cancel=True, **kwargs)

    def on_cancel() -> None:
        task.cancel()
        dialog.setLabelText(tr("Tasks", "Cancelling…"))

    def on_progress(done: int, total: int) -> None:
        if shiboken6.isValid(dialog):
            dialog.setMaximum(max(total, 1))
            dialog.setValue(min(done, max(total, 1)))

    def close() -> None:
        if shiboken6.isValid(dialog):
            dialog.canceled.disconnect(on_cancel)  # closing a progress dialog emits canceled
            dialog.reset()
            dialog.close()
            dialog.deleteLater()

    def done(result: Any) -> None:
        close()
        if on_done is not None:
            on_done(result)

    def failed(exc: Any) -> None:
        close()
        if on_error is not None:
            on_error(exc)
        else:
            tasks.error.emit(exc)

    dialog.canceled.connect(on_cancel)
    dialog.setValue(0)
    return tasks.start(task, in_writer=in_writer, on_done=done, on_error=failed, on_progress=on_progress)
