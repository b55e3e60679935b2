"""Races between real processes: what one decides on, another cannot change underneath it.

The workers are forked processes against the same database file (or server), each with its own
connections; every call is its own transaction, as two people at two terminals make them.
"""

from __future__ import annotations

import os

from sqlalchemy import select, update

from console import verification
from console.context import Context
from console.errors import TransitionError
from console.requests import commands, intake
from console.store.models import ChecklistEntry, Request
from console.store.uow import Database
from tests.console.procs import lockstep

RUNS = 40


def _verified_requests(ctx, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    """Access requests whose every check passed: one 'advance' away from being worked on."""
    lines = [(i, {"right": "access", "subject_name": f"Race Subject {i}", "subject_email": f"race{i}@example.com",
                  "received_at": ctx.now().isoformat(), "jurisdictions": "EU"}) for i in range(1, n + 1)]
    refs = list(intake.import_lines(ctx, lines).references)
    with ctx.db.unit(ctx.actor, None) as uow:  # as if a verifier had ticked every item
        uow.session.execute(update(ChecklistEntry).values(result="passed", done_by="v.erifier", done_at=ctx.now()))
        uow.session.execute(update(Request).values(status="awaiting_verification"))
    return refs


def _own_context(ctx):  # type: ignore[no-untyped-def]
    """The same database, catalogue and user, through this process's own connections."""
    key = os.getpid()
    if key not in _CONTEXTS:
        _CONTEXTS[key] = Context(Database(ctx.db.url), ctx.catalogue, ctx.actor, ctx.clock)
    return _CONTEXTS[key]


_CONTEXTS: dict[int, Context] = {}


def test_a_failed_check_and_an_advance_at_once_never_release_to_an_unverified_person(ctx) -> None:
    refs = _verified_requests(ctx, RUNS)
    ctx.db.dispose()  # the workers open their own connections

    def fail(_w: int, i: int) -> object:
        return verification.check_item(_own_context(ctx), refs[i], "proof_of_address", "failed", "address does not match")

    def advance(_w: int, i: int) -> object:
        return commands.advance(_own_context(ctx), refs[i])

    outcomes = lockstep([fail, advance], RUNS)

    assert len(outcomes) == 2 * RUNS
    # Each pair resolves one way or the other: the check fails first (the advance is refused),
    # or the request moves on first (the late check is refused: its checklist is closed).
    unexpected = [o for o in outcomes if o.code not in (0, TransitionError.exit_code)]
    assert not unexpected, unexpected[:3]
    with ctx.db.read(ctx.actor) as s:
        failed = set(s.scalars(select(Request.reference).join(ChecklistEntry).where(ChecklistEntry.result == "failed")))
        moving_on = set(s.scalars(select(Request.reference).where(Request.status == "in_progress")))
    escapes = failed & moving_on
    assert not escapes, f"{len(escapes)} of {RUNS} requests are in progress with a failed identity check"
    assert failed | moving_on == set(refs)
