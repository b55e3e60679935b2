"""The shared paged model (ui.framework.paged): keyset pages, the generation guard, refresh, patch.

A small list model declared the way the features declare theirs, over a numbered list read in the
real read pool; a gate holds a page back so a reply can be made to arrive late on purpose.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QObject

from ui.context import AppContext
from ui.framework.paged import DISPLAY, ROW_ROLE, PagedTableModel
from ui.tasks import Tasks

WAIT = 60_000


@pytest.fixture
def threaded(app_ctx: AppContext) -> Iterator[AppContext]:
    """The application context with the real read pool (pages answer later, in another thread)."""
    tasks = Tasks()
    yield dataclasses.replace(app_ctx, tasks=tasks)
    tasks.shutdown()


class Source:
    """Rows ``(id, name)`` in id order; ``gate`` set: every page waits until it is opened."""

    def __init__(self, n: int) -> None:
        self.rows = [(i, f"row {i}") for i in range(1, n + 1)]
        self.gate: threading.Event | None = None
        self.asked: list[tuple[Any, int]] = []

    def page(self, _ctx: Any, _f: Any, cursor: int | None, limit: int) -> tuple[list[Any], int | None]:
        gate = self.gate
        self.asked.append((cursor, limit))
        if gate is not None:
            gate.wait(30)
        after = [r for r in self.rows if cursor is None or r[0] > cursor][:limit]
        more = bool(after) and after[-1][0] < self.rows[-1][0]
        return after, (after[-1][0] if more else None)


def model_over(app: AppContext, source: Source, parent: QObject | None = None) -> PagedTableModel:
    class Numbered(PagedTableModel):
        page_query = staticmethod(source.page)
        count_query = staticmethod(lambda _ctx, _f: len(source.rows))
        page_size = 10

        def headers(self) -> list[str]:
            return ["No.", "Name"]

        def cell(self, i: int, row: Any, col: int, role: int) -> Any:
            return str(row[col]) if role == DISPLAY else (row if role == ROW_ROLE else None)

    return Numbered(app, "everything", parent)


def names(model: PagedTableModel) -> list[str]:
    return [model.index(i, 1).data() for i in range(model.rowCount())]


def test_fetch_more_appends_the_next_keyset_page(threaded: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    source = Source(25)
    model = model_over(threaded, source)
    with qtbot.waitSignal(model.page_arrived, timeout=WAIT):
        model.set_filter("everything")
    assert names(model) == [f"row {i}" for i in range(1, 11)] and model.canFetchMore()
    qtbot.waitUntil(lambda: model.total == 25, timeout=WAIT)
    with qtbot.waitSignal(model.rowsInserted, timeout=WAIT) as inserted:
        model.fetchMore()
    assert inserted.args[1:] == [10, 19]  # appended after the first page, no reset
    with qtbot.waitSignal(model.page_arrived, timeout=WAIT):
        model.fetchMore()
    assert names(model) == [f"row {i}" for i in range(1, 26)]
    assert [cursor for cursor, _limit in source.asked] == [None, 10, 20]
    assert not model.canFetchMore() and model.exhausted


def test_a_page_that_answers_after_a_refresh_is_dropped(threaded: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    source = Source(25)
    model = model_over(threaded, source)
    with qtbot.waitSignal(model.page_arrived, timeout=WAIT):
        model.set_filter("everything")
    source.gate = late = threading.Event()
    model.fetchMore()  # asked for rows 11-20, held at the gate
    qtbot.waitUntil(lambda: len(source.asked) == 2, timeout=WAIT)
    source.gate = None
    source.rows[0] = (1, "row 1, renamed")
    with qtbot.waitSignal(model.replaced, timeout=WAIT):
        model.refresh()  # answers at once: the first 10 rows, as they are now
    assert names(model)[0] == "row 1, renamed" and model.rowCount() == 10
    arrived: list[int] = []
    model.page_arrived.connect(arrived.append)
    late.set()
    qtbot.waitUntil(lambda: threaded.tasks.idle, timeout=WAIT)
    qtbot.wait(50)  # let a queued reply be delivered, if the guard failed to drop it
    assert model.rowCount() == 10 and not arrived  # the stale page did not join the refreshed list


def test_patch_changes_one_row_without_a_reset(threaded: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    model = model_over(threaded, Source(5))
    with qtbot.waitSignal(model.page_arrived, timeout=WAIT):
        model.set_filter("everything")
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    with qtbot.waitSignal(model.dataChanged, timeout=WAIT) as changed:
        model.patch_row(model.row_of(3), (3, "row 3, patched"))
    assert names(model) == ["row 1", "row 2", "row 3, patched", "row 4", "row 5"]
    assert (changed.args[0].row(), changed.args[1].row()) == (2, 2) and not resets
    assert model.row_at(2) == (3, "row 3, patched") and model.row_of(99) == -1


def test_another_filter_drops_the_rows_and_starts_from_the_top(threaded: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    source = Source(25)
    model = model_over(threaded, source)
    with qtbot.waitSignal(model.page_arrived, timeout=WAIT):
        model.set_filter("everything")
    with qtbot.waitSignal(model.page_arrived, timeout=WAIT):
        model.fetchMore()
    with qtbot.waitSignal(model.page_arrived, timeout=WAIT):
        model.set_filter("again")
    assert model.filter == "again" and model.rowCount() == 10 and source.asked[-1] == (None, 10)
