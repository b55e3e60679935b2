"""open requests' due dates recomputed by the per-jurisdiction deadline engine (issue 13)

Revision ID: 0006_deadline_calendars
Revises: 0005_consent_withdrawals

``requests.due_at`` is materialised so the queue sorts in SQL; it must be what the engine says.
The engine now counts every clock on its own jurisdiction's calendar and zone (UK: England and
Wales holidays), pauses in calendar days, an open pause as frozen, and the transfer rights on
the law's clock alone, so the stored dates of open requests are recomputed here. Closed requests
keep the date they were answered against (letters already sent quote it). The catalogue is the
one the console loads by default (``PRIVACY_CONSOLE_POLICY`` or the shipped one); a request whose
right or jurisdiction that catalogue no longer knows keeps its stored date.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import sqlalchemy as sa
from alembic import op

from console.store.base import UTCDateTime

revision = "0006_deadline_calendars"
down_revision = "0005_consent_withdrawals"
branch_labels = None
depends_on = None

OPEN_STATUSES = ("received", "awaiting_verification", "in_progress", "awaiting_approval")
BATCH = 2000

requests = sa.table(
    "requests", sa.column("id", sa.Integer), sa.column("right_id", sa.String), sa.column("jurisdictions", sa.String),
    sa.column("received_at", UTCDateTime), sa.column("status", sa.String), sa.column("due_at", UTCDateTime),
    sa.column("due_rule_id", sa.String), sa.column("due_rule_label", sa.String),
    sa.column("acknowledge_due_at", UTCDateTime),
)
pauses = sa.table("request_pauses", sa.column("request_id", sa.Integer), sa.column("started_at", UTCDateTime),
                  sa.column("ended_at", UTCDateTime))
extensions = sa.table(
    "request_extensions", sa.column("request_id", sa.Integer), sa.column("rule_id", sa.String),
    sa.column("amount", sa.Integer), sa.column("unit", sa.String), sa.column("reason", sa.Text),
    sa.column("notified_on", sa.Date), sa.column("granted_at", UTCDateTime),
)


def upgrade() -> None:
    from console import deadlines
    from console.errors import ConsoleError
    from console.policy import load_catalogue
    from console.requests.commands import deadline_for

    conn = op.get_bind()
    cat = load_catalogue()
    # Without pauses or extensions a day-based deadline depends only on the receipt dates in the
    # clocks' zones, which every zone changes on a quarter hour: one computation per quarter hour.
    hourly = {r.id for r in cat.rights if r.window.unit == "hours"}
    cache: dict[tuple[str, str, datetime], deadlines.Deadline] = {}

    def deadline(r: sa.Row, stopped: tuple[deadlines.Pause, ...], ext: tuple[deadlines.Extension, ...]):  # type: ignore[no-untyped-def]
        juris = tuple(j for j in r.jurisdictions.split(",") if j)
        if stopped or ext or r.right_id in hourly:
            return deadline_for(cat, r.right_id, juris, r.received_at, stopped, ext)
        at = r.received_at
        key = (r.right_id, r.jurisdictions, at.replace(minute=at.minute - at.minute % 15, second=0, microsecond=0))
        if key not in cache:
            cache[key] = deadline_for(cat, r.right_id, juris, key[2])
        return cache[key]
    update = sa.update(requests).where(requests.c.id == sa.bindparam("rid")).values(
        due_at=sa.bindparam("due"), due_rule_id=sa.bindparam("rule_id"), due_rule_label=sa.bindparam("label"),
        acknowledge_due_at=sa.bindparam("ack"))
    last = 0
    while True:
        rows = conn.execute(
            sa.select(requests.c.id, requests.c.right_id, requests.c.jurisdictions, requests.c.received_at,
                      requests.c.due_at, requests.c.due_rule_id, requests.c.due_rule_label,
                      requests.c.acknowledge_due_at)
            .where(requests.c.status.in_(OPEN_STATUSES), requests.c.id > last)
            .order_by(requests.c.id).limit(BATCH)
        ).all()
        if not rows:
            return
        last = rows[-1].id
        ids = [r.id for r in rows]
        stops: dict[int, list[deadlines.Pause]] = defaultdict(list)
        for p in conn.execute(sa.select(pauses).where(pauses.c.request_id.in_(ids))):
            stops[p.request_id].append(deadlines.Pause(p.started_at, p.ended_at))
        granted: dict[int, list[deadlines.Extension]] = defaultdict(list)
        for x in conn.execute(sa.select(extensions).where(extensions.c.request_id.in_(ids))):
            granted[x.request_id].append(deadlines.Extension(
                x.rule_id, x.amount, deadlines.Unit(x.unit), x.reason, x.notified_on, x.granted_at))
        changes = []
        for r in rows:
            try:
                d = deadline(r, tuple(stops[r.id]), tuple(granted[r.id]))
            except (ConsoleError, ValueError):
                continue  # a right or jurisdiction this catalogue does not know: keep what is stored
            new = (d.due_at, d.rule.id, d.label[:120], d.acknowledge_at)
            if new != (r.due_at, r.due_rule_id, r.due_rule_label, r.acknowledge_due_at):
                changes.append({"rid": r.id, "due": new[0], "rule_id": new[1], "label": new[2], "ack": new[3]})
        if changes:
            conn.execute(update, changes)


def downgrade() -> None:
    """Nothing to undo in the schema; the recomputed dates are the correct ones either way."""
