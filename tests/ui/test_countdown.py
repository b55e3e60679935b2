"""The time left counts down from the one shared timer, repainting only visible cells."""

from __future__ import annotations

from console import deadlines
from ui.queue.model import STATE_ROLE, Col

from .helpers import add


def test_the_countdown_changes_when_the_clock_moves(window, app_ctx, clock, qtbot):
    for i in range(3):
        add(app_ctx.ctx, f"Person {i}", "access", days_ago=i)
    window.queue.refresh()
    model = window.queue.model
    index = model.index(0, Col.TIME_LEFT)
    before = index.data()
    changed: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=None: changed.append((a.row(), b.row(), a.column(), b.column())))

    clock.advance(seconds=7)
    app_ctx.ticker.trigger()

    after = index.data()
    assert after != before
    row = model.row_at(0)
    assert after == deadlines.format_time_left(deadlines.time_left(row.due_at, clock.now))
    assert changed, "the tick repainted nothing"
    first, last = window.queue.visible_rows()
    assert all(c == (first, last, Col.TIME_LEFT, Col.TIME_LEFT) for c in changed)
    # The workspace badge runs on the same tick.
    window._open_current()
    badge_before = window.workspace.badge.countdown.text()
    clock.advance(seconds=3)
    app_ctx.ticker.trigger()
    assert window.workspace.badge.countdown.text() != badge_before


def test_state_shows_as_icon_and_words_not_colour_alone(window, app_ctx, clock):
    add(app_ctx.ctx, "Late Person", "inquiry", days_ago=3)  # 48 hours: overdue
    window.queue.refresh()
    model = window.queue.model
    index = model.index(0, Col.TIME_LEFT)
    assert index.data(STATE_ROLE) == "overdue"
    assert "overdue" in index.data()
    assert not index.data(1).isNull()  # DecorationRole: the state icon


def test_only_visible_rows_are_repainted(window, app_ctx, clock):
    for i in range(60):
        add(app_ctx.ctx, f"Bulk {i:02d}", "access", days_ago=i % 20)
    window.queue.refresh()
    model = window.queue.model
    assert model.rowCount() == 60
    first, last = window.queue.visible_rows()
    assert 0 <= first <= last < 59  # the table shows fewer rows than it has
    ranges: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, _roles=None: ranges.append((a.row(), b.row())))
    app_ctx.ticker.trigger()
    assert ranges == [(first, last)]
