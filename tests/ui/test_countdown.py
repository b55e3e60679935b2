"""The time left counts down from the one shared timer, repainting only visible cells."""

from __future__ import annotations

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QRect,
)
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem

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
    assert sorted(changed) == [(r, r, Col.TIME_LEFT, Col.TIME_LEFT) for r in range(first, last + 1)]
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
    assert sorted(ranges) == [(r, r) for r in range(first, last + 1)]


def test_a_tick_repaints_the_time_left_column_and_not_its_neighbour(window, app_ctx, qtbot):
    """Issue 16: a dataChanged over a range made QTableView repaint a rectangle one pixel wider
    than the column, so every cell of the next column was painted again at each tick."""
    for i in range(30):
        add(app_ctx.ctx, f"Paint {i:02d}", "access", days_ago=i % 20)
    window.queue.refresh()
    table = window.queue.table
    qtbot.waitUntil(lambda: table.model().rowCount() == 30)
    QCoreApplication.processEvents()
    left = table.columnViewportPosition(Col.TIME_LEFT)
    right = left + table.columnWidth(Col.TIME_LEFT) - 1
    assert left >= 0 and right < table.viewport().width() - 1, "the column next to Time left must be on screen"
    painted: list[QRect] = []

    class Spy(QObject):
        def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                painted.extend(event.region())
            return False

    spy = Spy()
    table.viewport().installEventFilter(spy)
    for _ in range(3):  # the first tick may come with the refreshed page's own paint: the last one counts
        painted.clear()
        app_ctx.ticker.trigger()
        qtbot.waitUntil(lambda: bool(painted), timeout=5_000)
        QCoreApplication.processEvents()
    table.viewport().removeEventFilter(spy)
    assert all(left <= r.left() and r.right() <= right for r in painted), \
        [(r.left(), r.right()) for r in painted] + [(left, right)]


def test_a_cell_shows_the_same_whether_asked_role_by_role_or_all_at_once(window, app_ctx):
    """The model answers the delegate's roles in one call (multiData) on the tick and while
    scrolling; what a cell shows must not depend on which way it was asked."""
    for i in range(4):
        add(app_ctx.ctx, f"Roles {i}", "access", days_ago=i * 5)
    window.queue.refresh()
    model = window.queue.model
    assert model.rowCount() == 4
    delegate = QStyledItemDelegate()

    def shown(index: QModelIndex) -> tuple[object, ...]:
        option = QStyleOptionViewItem()
        delegate.initStyleOption(option, index)
        return (option.text, option.icon.isNull(), option.displayAlignment, option.font.toString(),
                option.palette.text().color().name(), option.backgroundBrush.color().name(),
                option.backgroundBrush.style(), option.features)

    by_role = QIdentityProxyModel()  # asks the model role by role (Qt's own multiData calls data)
    by_role.setSourceModel(model)
    for row in range(4):
        for col in range(model.columnCount()):
            assert shown(model.index(row, col)) == shown(by_role.index(row, col)), (row, col)
