"""Retention: closed requests past the catalogue's period are anonymised or purged, incidents
purged, evidence dropped; a dry run changes nothing; every record done is in the audit trail."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from console import retention, verification
from console.cli import main
from console.context import Context
from console.errors import Cancelled
from console.requests import commands
from console.security import audit_trail
from console.security.audit_trail import AuditFilter
from console.store.base import Base
from console.store.models import (
    ChecklistEntry,
    Evidence,
    Request,
    RequestEvent,
    RequestPause,
    SubjectRecord,
)
from tests.factories import add_request


@pytest.fixture
def history(ctx: Context, clock, tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Requests of 2022 (closed, and still open), one closed in 2025; today is 2026-11-30."""
    clock.now = datetime(2022, 1, 10, 9, tzinfo=UTC)
    old = add_request(ctx, name="Old Person", email="old@example.org", notes="prefers letters to 1 Old Street", account="ACC-1")
    doc = tmp_path / "id.png"
    doc.write_bytes(b"identity")
    commands.pause(ctx, old, "Waiting for Old Person's documents")
    commands.resume(ctx, old)
    verification.check_item(ctx, old, "government_id", evidence=doc)
    with ctx.db.unit(ctx.actor, None) as uow:
        rid = uow.session.scalar(select(Request.id).where(Request.reference == old))
        uow.session.add(SubjectRecord(request_id=rid, category="account", source="crm", data={"email": "old@example.org"}))
    commands.withdraw(ctx, old, "Old Person withdrew by phone")
    still_open = add_request(ctx, name="Open Person", email="open@example.org", account="ACC-1")
    clock.now = datetime(2025, 6, 1, 9, tzinfo=UTC)
    recent = add_request(ctx, name="Recent Person", email="recent@example.org", account="ACC-1")
    commands.reject(ctx, recent, "unverifiable", "No documents")
    clock.now = datetime(2026, 11, 30, 9, tzinfo=UTC)
    return {"old": old, "open": still_open, "recent": recent}


def test_cutoff_counts_calendar_months() -> None:
    assert retention.months_before(datetime(2026, 11, 30, tzinfo=UTC), 36) == datetime(2023, 11, 30, tzinfo=UTC)
    assert retention.months_before(datetime(2026, 3, 31, tzinfo=UTC), 1) == datetime(2026, 2, 28, tzinfo=UTC)
    assert retention.months_before(datetime(2026, 1, 15, tzinfo=UTC), 60) == datetime(2021, 1, 15, tzinfo=UTC)


def test_dry_run_lists_what_would_go_and_changes_nothing(ctx: Context, history: dict[str, str]) -> None:
    audit_before = audit_trail.count_audit(ctx)
    plan = retention.plan(ctx)
    assert [(i.kind, i.reference, i.action) for i in plan.items] == [("request", history["old"], "anonymise")]
    assert plan.items[0].reason == "closed 2022-01-10, kept 36 months"
    assert plan.requests_closed_before == datetime(2023, 11, 30, 9, tzinfo=UTC)
    assert commands.get_request(ctx, history["old"]).subject_name == "Old Person"
    assert audit_trail.count_audit(ctx) == audit_before


def test_anonymise_keeps_the_statistics_and_drops_the_person(ctx: Context, history: dict[str, str]) -> None:
    result = retention.apply(ctx)
    assert result.done == {"request.anonymise": 1}
    view = commands.get_request(ctx, history["old"])
    assert (view.subject_name, view.subject_email, view.subject_account_id) == (retention.ANON_NAME, "", None)
    assert view.status == "withdrawn" and view.right == "access" and view.closed_at is not None
    with ctx.db.sessions() as s:
        rid = s.scalar(select(Request.id).where(Request.reference == history["old"]))
        row = s.get(Request, rid)
        assert row is not None and row.notes == "" and row.details == {} and row.outcome_reason == retention.ANON_TEXT
        assert s.scalar(select(func.count()).select_from(SubjectRecord).where(SubjectRecord.request_id == rid)) == 0
        assert s.scalar(select(func.count()).select_from(Evidence).where(Evidence.request_id == rid)) == 0
        texts = [e.detail for e in s.scalars(select(RequestEvent).where(RequestEvent.request_id == rid))]
        texts += [p.reason for p in s.scalars(select(RequestPause).where(RequestPause.request_id == rid))]
        texts += [c.comment for c in s.scalars(select(ChecklistEntry).where(ChecklistEntry.request_id == rid))]
        assert not any("Old Person" in t for t in texts)
        assert row.subject_name_folded == "[anonymised]"  # the name search's copy goes too
    from console.requests import queries

    found = queries.fetch_page(ctx, queries.QueueFilter(queue="all", search="old person")).rows
    assert history["old"] not in [r.reference for r in found]
    for key in ("open", "recent"):
        assert commands.get_request(ctx, history[key]).subject_name != retention.ANON_NAME
    rows = audit_trail.list_audit(ctx, AuditFilter(action="retention.")).rows
    assert [(r.action, r.target_id) for r in rows] == [("retention.anonymise", history["old"])]
    assert retention.plan(ctx).items == []  # done once, not again
    assert audit_trail.verify_audit(ctx).ok


def test_purge_deletes_the_request_and_everything_hanging_off_it(ctx: Context, history: dict[str, str]) -> None:
    result = retention.apply(ctx, "purge")
    assert result.done == {"request.purge": 1}
    with ctx.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Request).where(Request.reference == history["old"])) == 0
        assert s.scalar(select(func.count()).select_from(SubjectRecord)) == 0
        assert s.scalar(select(func.count()).select_from(Evidence)) == 0
    assert [r.target_id for r in audit_trail.list_audit(ctx, AuditFilter(action="retention.purge")).rows] == [history["old"]]


def test_closed_incidents_past_their_period_are_purged(ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    table = Base.metadata.tables.get("incidents")
    if table is None:
        pytest.skip("the incident log is not part of this build")
    values = []
    for ref, closed in (("INC-2020-001", datetime(2020, 3, 1, tzinfo=UTC)), ("INC-2024-001", datetime(2024, 3, 1, tzinfo=UTC)),
                        ("INC-2020-002", None)):
        row: dict[str, object] = {}
        for col in table.columns:  # fill what the table requires, whatever the incident model looks like
            if col.primary_key or col.nullable or col.default is not None or col.server_default is not None:
                continue
            py = getattr(col.type, "impl", col.type).python_type
            row[col.name] = (datetime(2020, 1, 1, tzinfo=UTC) if py is datetime else 0 if py is int
                             else False if py is bool else [] if py is list else {} if py is dict else "x")
        row.update(reference=ref, closed_at=closed)
        values.append(row)
    with ctx.db.engine.begin() as conn:
        conn.execute(insert(table), values)
    plan = retention.plan(ctx)
    assert [(i.kind, i.reference, i.action) for i in plan.items] == [("incident", "INC-2020-001", "purge")]
    retention.apply(ctx)
    with ctx.db.sessions() as s:
        assert sorted(s.scalars(select(table.c.reference))) == ["INC-2020-002", "INC-2024-001"]


def test_cli_dry_run_then_run(ctx: Context, history: dict[str, str], db_url: str, capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the subprocess-free CLI path with the test's clock: a dry run lists, a run anonymises and says so
    monkeypatch.setattr("console.session.resolve_actor", lambda db: ctx.actor)
    monkeypatch.setattr("console.cli.retention.context", lambda args: ctx)
    assert main(["retention", "run", "--dry-run", "--db", db_url]) == 0
    out = capsys.readouterr().out
    assert history["old"] in out and "would go" in out and "nothing was changed" in out
    assert main(["retention", "run", "--json", "--db", db_url]) == 0
    assert json.loads(capsys.readouterr().out)["done"] == {"request.anonymise": 1}
    assert main(["retention", "run", "--dry-run", "--db", db_url]) == 0
    assert "0 record(s) would go" in capsys.readouterr().out


def test_cancel_stops_between_batches_keeping_what_was_done(ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2021, 5, 1, tzinfo=UTC)
    refs = [add_request(ctx, name=f"P{i}", email=f"p{i}@example.org", account="ACC-1") for i in range(5)]
    for r in refs:
        commands.withdraw(ctx, r, "withdrawn")
    clock.now = datetime(2026, 11, 30, tzinfo=UTC)
    calls = iter([False, False, True])
    with pytest.raises(Cancelled, match="cancelled after 4 of 5"):
        retention.apply(ctx, batch=2, cancel=lambda: next(calls))
    assert len(retention.plan(ctx).items) == 1
    assert audit_trail.count_audit(ctx, AuditFilter(action="retention.anonymise")) == 4
