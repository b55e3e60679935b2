"""A paused request as people see it: frozen time left and one due date in the service, the CLI
(in-process, with the test's clock) and the letters; late-recorded extensions judged by the notice."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select

from console.cli import main
from console.packages.content import base_values
from console.packages.templates import Words
from console.requests import commands
from console.requests.commands import NewRequest
from console.store.models import AuditEntry


def new(**kw) -> NewRequest:  # type: ignore[no-untyped-def]
    base = dict(right="access", subject_name="Pat Example", subject_email="pat@example.com",
                received_at=datetime(2026, 11, 20, 10, 0, tzinfo=UTC), jurisdictions=("EU",))
    return NewRequest(**{**base, **kw})  # type: ignore[arg-type]


@pytest.fixture
def cli(ctx, db_url: str, capsys, monkeypatch):  # type: ignore[no-untyped-def]
    """The request commands in this process, on the test's context (and so its clock)."""
    monkeypatch.setattr("console.cli.request._open_context", lambda args: ctx)

    def run(*args: str) -> tuple[int, str, str]:
        code = main(["request", *args, "--db", db_url])
        out = capsys.readouterr()
        return code, out.out, out.err
    return run


def test_a_paused_request_keeps_its_time_left_and_due_date_everywhere(ctx, clock, cli) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
    ref = commands.add_request(ctx, new()).reference  # 30 days: 20 Dec, end of day in Dublin
    paused = commands.pause(ctx, ref, "Waiting for proof of address")
    frozen = timedelta(days=29, hours=15)  # from 21 Nov 09:00 to 21 Dec 00:00
    assert paused.seconds_left == frozen.total_seconds()
    clock.advance(days=3, hours=5)
    view = commands.get_request(ctx, ref)
    assert view.deadline_state == "paused" and view.seconds_left == frozen.total_seconds()
    assert view.due_at == paused.due_at == datetime(2026, 12, 21, tzinfo=UTC)
    assert min(r.due_at for r in view.rules if r.milestone == "response") == view.due_at  # the rules agree

    code, out, _ = cli("show", ref)
    assert code == 0
    assert "2026-12-20 end of day" in out and "paused, 29d 15:00:00" in out
    code, out, _ = cli("list", "--queue", "paused")
    assert code == 0 and ref in out and "2026-12-20 end of day" in out and "paused, 29d 15:00:00" in out

    letter = base_values(view, ctx.catalogue, Words("en"), ctx.now())
    assert letter["due"] == Words("en").date(date(2026, 12, 20))

    resumed = commands.resume(ctx, ref)  # stopped 21 Nov, restarted 24 Nov: three days
    assert resumed.due_at == view.due_at + timedelta(days=3)
    assert resumed.deadline_state == "on_track"
    assert "now due 2026-12-23 end of day" in resumed.events[-1].detail


def test_a_notice_given_in_time_is_accepted_when_recorded_late(ctx, clock, cli) -> None:  # type: ignore[no-untyped-def]
    """Received 5 Jan, the person told on 20 Jan, recorded on 1 Mar (first period ended 5 Feb)."""
    clock.now = datetime(2026, 3, 1, 11, 0, tzinfo=UTC)
    ref = commands.add_request(ctx, new(received_at=datetime(2026, 1, 5, 10, 0, tzinfo=UTC))).reference
    code, out, err = cli("extend", ref, "--amount", "2", "--reason", "Eleven systems to search",
                         "--notified-on", "2026-01-20")
    assert code == 0, err
    assert "2026-04-07 end of day" in out  # 5 Apr (Sun), 6 Apr Easter Monday in Ireland
    with ctx.db.read(ctx.actor) as s:
        detail = s.scalars(select(AuditEntry.detail).where(AuditEntry.action == "request.extend")).one()
    assert detail == "gdpr.art12 +2; told 2026-01-20, recorded 2026-03-01 11:00 UTC"


def test_a_notice_given_after_the_first_period_is_refused_with_both_dates(ctx, clock, cli) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime(2026, 3, 1, 11, 0, tzinfo=UTC)
    ref = commands.add_request(ctx, new(received_at=datetime(2026, 1, 5, 10, 0, tzinfo=UTC))).reference
    code, out, err = cli("extend", ref, "--amount", "2", "--reason", "Eleven systems", "--notified-on", "2026-02-06")
    assert code != 0 and out == ""
    assert "ended on 2026-02-05; the person was told on 2026-02-06" in err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert commands.get_request(ctx, ref).extensions == ()


def test_the_migration_recomputes_open_requests_stored_under_the_old_rules(ctx, clock, db) -> None:  # type: ignore[no-untyped-def]
    """Stored due dates from before issue 13 (UK clock without English bank holidays) are put
    right on upgrade; a closed request keeps the date it was answered against."""
    import importlib.util

    from alembic.operations import Operations
    from alembic.runtime.migration import MigrationContext
    from sqlalchemy import update

    from console.store import migrate
    from console.store.models import Request

    clock.now = datetime(2026, 3, 20, 9, 0, tzinfo=UTC)
    uk = new(right="transfer_objection", jurisdictions=("UK",), received_at=datetime(2026, 3, 6, 10, 0, tzinfo=UTC))
    open_ref = commands.add_request(ctx, uk).reference
    closed_ref = commands.add_request(ctx, replace(uk, subject_email="sam@example.com")).reference
    commands.withdraw(ctx, closed_ref, "The person withdrew it")
    right = datetime(2026, 4, 7, 23, 0, tzinfo=UTC)  # 6 Apr is Easter Monday in England: end of 7 Apr (BST)
    assert commands.get_request(ctx, open_ref).due_at == right
    old = datetime(2026, 4, 6, 23, 0, tzinfo=UTC)  # what the whole-UK calendar used to give
    with db.engine.begin() as conn:
        conn.execute(update(Request).values(due_at=old, due_rule_label="stale"))
    # This revision's upgrade alone, as Alembic runs it (later revisions may change the schema).
    path = migrate.MIGRATIONS / "versions" / "0006_deadline_calendars.py"
    spec = importlib.util.spec_from_file_location("deadline_calendars_revision", path)
    assert spec and spec.loader
    revision = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(revision)
    with db.engine.begin() as conn, Operations.context(MigrationContext.configure(conn)):
        revision.upgrade()
    fixed = commands.get_request(ctx, open_ref)
    assert fixed.due_at == right and fixed.due_rule == "GDPR Art. 12(3): one month"
    assert commands.get_request(ctx, closed_ref).due_at == old
