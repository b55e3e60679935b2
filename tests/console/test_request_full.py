"""One request in full, read in one statement, is the same view the models give (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from console import verification
from console.requests import commands
from console.requests.commands import NewRequest
from console.requests.read_models import request_view
from console.store import reads
from console.store.models import Evidence


def _through_the_models(ctx, ref: str):  # type: ignore[no-untyped-def]
    with ctx.db.read(ctx.actor) as s:
        row = commands.load_request(s, ref, full=True)
        evidence: dict[str, tuple[str, ...]] = {}
        for item_id, filename in s.execute(select(Evidence.item_id, Evidence.filename).where(
                Evidence.request_id == row.id, Evidence.purged_at.is_(None)).order_by(Evidence.id)).all():
            evidence[item_id] = evidence.get(item_id, ()) + (filename,)
        return request_view(row, ctx.catalogue, ctx.now(), full=True, rules=commands._rules_due(ctx, row),
                            evidence=evidence)


def test_one_request_in_full_matches_the_models(ctx, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Checklist ticks with evidence, history, a pause that ended and one still running, an
    extension, details and categories: every field as the ORM reads it, in one statement."""
    ref = commands.add_request(ctx, NewRequest(
        right="rectification", subject_name="Łucja Wiśniewska", subject_email="Lucja.W@Example.org",
        received_at=ctx.now() - timedelta(days=3), jurisdictions=("EU",), categories=("account",),
        details={"corrections": [{"field": "address", "from": "Alte Straße 1", "to": "Neue Straße 2"}]},
        notes="asked twice")).reference
    scan = tmp_path / "passport.pdf"
    scan.write_bytes(b"%PDF-1.4 synthetic")
    verification.check_item(ctx, ref, "account_verification", evidence=scan)
    commands.pause(ctx, ref, "waiting for the passport")
    ctx.clock.advance(hours=5)
    commands.resume(ctx, ref, "arrived")
    commands.extend(ctx, ref, 2, "complex request", ctx.now().date() - timedelta(days=0))
    commands.assign(ctx, ref, ctx.actor.username)
    commands.pause(ctx, ref, "waiting again")

    with reads.watching() as sent:
        got = commands.get_request(ctx, ref)
    assert len(sent) == 1  # one statement, nothing through the session
    want = _through_the_models(ctx, ref)
    assert got == want
    assert got.pauses[0].ended_at is not None and got.pauses[1].ended_at is None
    assert got.extensions and isinstance(got.extensions[0].notified_on, date)
    assert any(c.evidence for c in got.checklist) and got.events and got.rules
    assert got.subject_email == "lucja.w@example.org" and got.details["corrections"][0]["to"] == "Neue Straße 2"
