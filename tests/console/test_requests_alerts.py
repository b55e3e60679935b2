"""The window's deadline notices ask which requests crossed into due soon or overdue since the last look."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from console.requests import commands
from console.requests.alerts import find_crossings
from console.requests.commands import NewRequest


def test_a_request_is_announced_once_when_it_becomes_due_soon_and_once_when_overdue(ctx) -> None:  # type: ignore[no-untyped-def]
    view = commands.add_request(ctx, NewRequest(
        right="access", subject_name="Alert Person", subject_email="alert@example.org",
        received_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC), jurisdictions=("EU",)))
    due, soon, minute = view.due_at, ctx.catalogue.due_soon, timedelta(minutes=1)

    entering = find_crossings(ctx, due - soon - minute, due - soon + minute)
    assert [r.reference for r in entering.due_soon] == [view.reference] and entering.overdue == ()
    later = find_crossings(ctx, due - soon + minute, due - minute)  # still due soon: nothing new to say
    assert later.due_soon == () and later.overdue == ()
    passing = find_crossings(ctx, due - minute, due + minute)
    assert [r.reference for r in passing.overdue] == [view.reference] and passing.due_soon == ()
