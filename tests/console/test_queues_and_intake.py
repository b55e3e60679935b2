"""Queues are SQL filters with keyset paging; bulk intake is all or nothing."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console import demo
from console.errors import ImportRejected, ValidationError
from console.requests import commands, intake, queries
from console.store.models import Request
from tests.factories import add_request


def test_queues_by_deadline_state(ctx) -> None:
    overdue = add_request(ctx, "restriction", email="a@example.org", days_ago=10, details={"restriction": {"parameters": "x"}})
    soon = add_request(ctx, email="b@example.org", days_ago=28.5)
    fine = add_request(ctx, email="c@example.org", days_ago=1, assignee="alex.morgan")
    paused = add_request(ctx, "restriction", email="d@example.org", days_ago=5, details={"restriction": {"parameters": "x"}})
    commands.pause(ctx, paused, "waiting for documents")

    def refs(queue: str) -> list[str]:
        return [r.reference for r in queries.fetch_page(ctx, queries.QueueFilter(queue=queue)).rows]

    assert refs("overdue") == [overdue]
    assert refs("due_soon") == [soon]
    assert refs("mine") == [fine]
    assert refs("paused") == [paused]
    assert refs("open") == [overdue, soon, paused, fine]  # by due date
    counts = queries.queue_counts(ctx)
    assert counts.queues["open"] == 4 and counts.queues["overdue"] == 1 and counts.queues["due_soon"] == 1
    assert counts.queues["paused"] == 1 and counts.queues["mine"] == 1 and counts.by_right == {"access": 2, "restriction": 2}


def test_search_by_reference_email_and_name(ctx) -> None:
    a = add_request(ctx, email="lucja@example.org", name="Łucja Kowalczyk", days_ago=1)
    add_request(ctx, email="bjorn@example.org", name="Björn Berg", days_ago=1)
    find = lambda text: [r.reference for r in queries.fetch_page(ctx, queries.QueueFilter(search=text)).rows]  # noqa: E731
    assert find(a) == [a]
    assert find("lucja@") == [a]
    assert find("Kowal") == [a]
    assert find("nobody") == []


def test_keyset_paging_walks_every_row_once_in_order(ctx) -> None:
    demo.fill(ctx, 950, seed=3)
    f = queries.QueueFilter(queue="all", sort="due_at")
    seen, cursor = [], None
    while True:
        page = queries.fetch_page(ctx, f, cursor, limit=100)
        seen += page.rows
        if page.cursor is None:
            break
        cursor = page.cursor
    assert len(seen) == 950 == len({r.id for r in seen})
    keys = [(r.due_at, r.id) for r in seen]
    assert keys == sorted(keys)
    desc = queries.fetch_page(ctx, queries.QueueFilter(queue="all", sort="reference", descending=True), limit=5).rows
    assert [r.reference for r in desc] == sorted((r.reference for r in seen), reverse=True)[:5]


def test_filters_combine(ctx) -> None:
    demo.fill(ctx, 1500, seed=5)
    f = queries.QueueFilter(queue="open", right="access", assignee="sam.keane", deadline="on_track")
    rows = queries.fetch_page(ctx, f, limit=1000).rows
    soon = ctx.now() + ctx.catalogue.due_soon
    assert rows and all(r.right == "access" and r.assignee == "sam.keane" and r.due_at >= soon and not r.paused
                        for r in rows)
    assert queries.count(ctx, f) == len(rows)
    with pytest.raises(ValidationError, match="Unknown queue"):
        queries.fetch_page(ctx, queries.QueueFilter(queue="nonsense"))


def _write_csv(path: Path, rows: list[dict]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=intake.FIELDS)
        w.writeheader()
        w.writerows(rows)
    return path


def _row(i: int) -> dict:
    return {"right": "access", "subject_name": f"Person {i} Müller", "subject_email": f"p{i}@example.org",
            "received_at": "2026-11-20T10:00:00+00:00", "jurisdictions": "EU", "channel": "web_form"}


def test_import_of_1000_lines_with_3_bad_imports_nothing(ctx, tmp_path: Path) -> None:
    rows = [_row(i) for i in range(1000)]
    rows[10]["subject_email"] = "broken"
    rows[500]["right"] = "teleport"
    rows[998]["received_at"] = "yesterday"
    path = _write_csv(tmp_path / "export.csv", rows)
    with pytest.raises(ImportRejected) as err:
        intake.import_file(ctx, path)
    assert [n for n, _ in err.value.problems] == [12, 502, 1000]  # header is line 1
    assert "line 12:" in str(err.value) and "Unknown right" in str(err.value)
    with ctx.db.sessions() as s:
        assert s.query(Request).count() == 0


def test_import_json_flags_duplicates(ctx, tmp_path: Path) -> None:
    existing = add_request(ctx, email="p1@example.org", days_ago=1)
    path = tmp_path / "web.json"
    path.write_text(json.dumps({"requests": [_row(1), _row(2), _row(2)]}), encoding="utf-8")
    result = intake.import_file(ctx, path)
    assert result.imported == 3
    assert dict(result.duplicates) == {result.references[0]: existing, result.references[2]: result.references[1]}


def test_import_rejects_unknown_format(ctx, tmp_path: Path) -> None:
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(ValidationError, match=".csv or .json"):
        intake.import_file(ctx, path)


def test_demo_data_is_varied(ctx) -> None:
    demo.fill(ctx, 3000, seed=11)
    counts = queries.queue_counts(ctx)
    assert counts.queues["overdue"] > 0 and counts.queues["due_soon"] > 0 and counts.queues["closed"] > 0
    assert len(counts.by_right) >= 12
    with ctx.db.sessions() as s:
        statuses = {st for (st,) in s.query(Request.status).distinct()}
        assignees = {a for (a,) in s.query(Request.assignee).distinct()}
    assert statuses == {"received", "awaiting_verification", "in_progress", "awaiting_approval", "completed", "rejected", "withdrawn"}
    assert len(assignees) >= 4
    # demo rows read back through the models exactly like rows written by the services
    first = queries.fetch_page(ctx, queries.QueueFilter(queue="all"), limit=1).rows[0]
    full = commands.get_request(ctx, first.reference)
    assert full.received_at.tzinfo is not None and full.due_at == first.due_at
    # references keep counting after demo data
    assert add_request(ctx, email="new@example.org", days_ago=0.1).startswith("DSR-2026-")


def test_demo_then_services_keep_reference_sequence(ctx) -> None:
    demo.fill(ctx, 10, seed=1)
    ref = add_request(ctx, email="x@example.org", days_ago=0.01)
    with ctx.db.sessions() as s:
        assert s.query(Request).filter_by(reference=ref).count() == 1
    assert datetime.now(UTC).year >= 2026
