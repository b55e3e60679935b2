"""Bulk assign and bulk status change: the service once per request, in the writer thread.

Each request is its own transaction, so one refusal (a transition the lifecycle forbids, a row
somebody else changed) does not undo the others; the refusals come back with their messages.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from console.context import Context
from console.errors import ConsoleError
from console.requests import commands
from console.requests.queries import QueueRow


@dataclass(frozen=True)
class BulkResult:
    done: tuple[str, ...]
    refused: tuple[tuple[str, str], ...]  # (reference, the service's message)
    cancelled: bool = False


def _each(rows: list[QueueRow], step: Callable[[QueueRow], Any], progress: Callable[[int, int], None] | None,
          cancel: Callable[[], bool] | None) -> BulkResult:
    done: list[str] = []
    refused: list[tuple[str, str]] = []
    for i, row in enumerate(rows, start=1):
        if cancel and cancel():
            return BulkResult(tuple(done), tuple(refused), cancelled=True)
        try:
            step(row)
            done.append(row.reference)
        except ConsoleError as exc:
            refused.append((row.reference, str(exc)))
        if progress:
            progress(i, len(rows))
    return BulkResult(tuple(done), tuple(refused))


def assign_all(ctx: Context, rows: list[QueueRow], assignee: str | None, *,
               progress: Callable[[int, int], None] | None = None, cancel: Callable[[], bool] | None = None) -> BulkResult:
    return _each(rows, lambda r: commands.assign(ctx, r.reference, assignee, expected_version=r.version), progress, cancel)


def transition_all(ctx: Context, rows: list[QueueRow], target: str, grounds: str | None, reason: str, *,
                   progress: Callable[[int, int], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> BulkResult:
    return _each(rows, lambda r: commands.transition(ctx, r.reference, target, reason=reason, outcome=grounds,
                                                     expected_version=r.version), progress, cancel)
