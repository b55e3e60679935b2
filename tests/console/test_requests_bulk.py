"""Bulk assign and bulk status change: one transaction a request, refusals reported, not undone."""

from __future__ import annotations

from datetime import UTC, datetime

from console.requests import bulk, commands
from console.requests.commands import NewRequest
from console.requests.queries import QueueFilter, fetch_page


def _add(ctx, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    return [commands.add_request(ctx, NewRequest(
        right="access", subject_name=f"Bulk Person {i}", subject_email=f"bulk{i}@example.org",
        received_at=datetime(2026, 3, 2, 9, 0, tzinfo=UTC), jurisdictions=("EU",))).reference for i in range(n)]


def test_bulk_assign_changes_each_row_and_a_stale_one_is_refused_alone(ctx) -> None:  # type: ignore[no-untyped-def]
    refs = _add(ctx, 3)
    rows = sorted(fetch_page(ctx, QueueFilter(queue="open")).rows, key=lambda r: r.reference)
    commands.assign(ctx, refs[1], "somebody.else")  # changed after the queue showed it: its version is stale
    seen: list[tuple[int, int]] = []
    result = bulk.assign_all(ctx, rows, "ana.lyst", progress=lambda i, n: seen.append((i, n)))
    assert result.done == (refs[0], refs[2])
    assert [ref for ref, _ in result.refused] == [refs[1]] and "changed" in result.refused[0][1].lower()
    assert seen[-1] == (3, 3) and not result.cancelled
    assert [commands.get_request(ctx, r).assignee for r in refs] == ["ana.lyst", "somebody.else", "ana.lyst"]


def test_bulk_transition_refuses_what_the_lifecycle_forbids_and_stops_when_cancelled(ctx) -> None:  # type: ignore[no-untyped-def]
    refs = _add(ctx, 2)
    rows = sorted(fetch_page(ctx, QueueFilter(queue="open")).rows, key=lambda r: r.reference)
    result = bulk.transition_all(ctx, rows, "completed", None, "all done")
    assert result.done == () and [ref for ref, _ in result.refused] == refs
    stopped = bulk.transition_all(ctx, rows, "withdrawn", None, "the person withdrew", cancel=lambda: True)
    assert stopped.cancelled and stopped.done == ()
    assert {commands.get_request(ctx, r).status for r in refs} == {"received"}
