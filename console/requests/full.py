"""One request in full, in one statement: the row with its checklist, history, pauses, extensions
and evidence file names as JSON arrays (SQLite's json_group_array, PostgreSQL's json_agg).

Through the ORM it took seven statements (a transaction, the row, four eager loads, the evidence)
and most of its time in the loaders; here the database assembles it in one round trip on the
driver (``store.reads``) and the view is built from plain values. Values are those the models
read: aware UTC times, dates, booleans, JSON.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

from sqlalchemy import bindparam, text

from console import bounds
from console.context import Context
from console.errors import NotFoundError
from console.store import reads
from console.store.models import Request

# The request's own columns the view reads, and which of them hold times, JSON, a boolean.
COLUMNS = ("id", "reference", "right_id", "jurisdictions", "channel", "language", "received_at", "subject_name",
           "subject_email", "subject_account_id", "subject_is_child", "guardian_name", "guardian_email", "assignee",
           "priority", "status", "notes", "categories", "details", "outcome", "outcome_reason", "due_at",
           "due_rule_id", "due_rule_label", "acknowledge_due_at", "acknowledged_at", "paused_since", "duplicate_of",
           "closed_at", "version")
TIMES = frozenset({"received_at", "due_at", "acknowledge_due_at", "acknowledged_at", "paused_since", "closed_at"})
# Each child: table, the column it is ordered by (sent first, sorted here), its columns, which are times / dates /
# booleans, and an extra condition.
CHILDREN: dict[str, tuple[str, str, tuple[str, ...], frozenset[str], frozenset[str], frozenset[str], str]] = {
    "checklist": ("checklist_entries", "position",
                  ("item_id", "label", "required", "result", "done_by", "done_at", "comment", "second_by", "second_at"),
                  frozenset({"done_at", "second_at"}), frozenset(), frozenset({"required"}), ""),
    "events": ("request_events", "id", ("at", "actor", "action", "detail", "from_status", "to_status"),
               frozenset({"at"}), frozenset(), frozenset(), ""),
    "pauses": ("request_pauses", "id", ("started_at", "ended_at", "reason", "started_by"),
               frozenset({"started_at", "ended_at"}), frozenset(), frozenset(), ""),
    "extensions": ("request_extensions", "id",
                   ("rule_id", "amount", "unit", "reason", "notified_on", "granted_at", "granted_by"),
                   frozenset({"granted_at"}), frozenset({"notified_on"}), frozenset(), ""),
    "evidence": ("evidence", "id", ("item_id", "filename"), frozenset(), frozenset(), frozenset(),
                 " AND purged_at IS NULL"),
}


def _statement(dialect: str) -> Any:
    parts = [f"r.{c}" for c in COLUMNS]
    for table, order, cols, *_rest, extra in CHILDREN.values():
        values = ", ".join(f"c.{x}" for x in (order, *cols))
        if dialect == "postgresql":
            agg = f"coalesce(json_agg(json_build_array({values})), '[]'::json)"
        else:
            agg = f"json_group_array(json_array({values}))"
        parts.append(f"(SELECT {agg} FROM {table} c WHERE c.request_id = r.id{extra})")
    sql = f"SELECT {', '.join(parts)} FROM requests r WHERE r.reference = :reference"
    return text(sql).bindparams(bindparam("reference"))


def load(ctx: Context, reference: str) -> SimpleNamespace:
    """The request ``reference`` and its children, as attributes named like the model's."""
    bounds.text(reference, "The reference", Request.reference)
    dialect = ctx.db.dialect
    rows = reads.fetch(ctx.db, ctx.actor, "request-full", lambda: _statement(dialect),
                       {"reference": reference.strip().upper()}, reads.RowShape(tuple))
    if not rows:
        raise NotFoundError(f"No request with reference {reference!r}.")
    values = rows[0]
    row = SimpleNamespace(**{name: _value(name, v, TIMES, frozenset(), frozenset({"subject_is_child"}))
                             for name, v in zip(COLUMNS, values, strict=False)})
    for name in ("categories", "details"):
        v = getattr(row, name)
        setattr(row, name, json.loads(v) if isinstance(v, str) else v)
    for (name, (_table, _order, cols, times, dates, flags, _extra)), packed in zip(
            CHILDREN.items(), values[len(COLUMNS):], strict=True):
        items = json.loads(packed) if isinstance(packed, str) else packed
        items = sorted(items, key=lambda item: item[0])
        setattr(row, name, [SimpleNamespace(**{c: _value(c, v, times, dates, flags) for c, v in zip(cols, item[1:], strict=True)})
                            for item in items])
    return row


def _value(name: str, v: Any, times: frozenset[str], dates: frozenset[str], flags: frozenset[str]) -> Any:
    if v is None:
        return None
    if name in times:
        return _time(v)
    if name in dates:
        return v if isinstance(v, date) else date.fromisoformat(v)
    if name in flags:
        return bool(v)
    return v


def _time(v: Any) -> datetime:
    """SQLite's stored UTC text, PostgreSQL's JSON text with an offset, or a driver's datetime."""
    t = v if isinstance(v, datetime) else datetime.fromisoformat(v)
    return t.replace(tzinfo=UTC) if t.tzinfo is None else t.astimezone(UTC)
