"""Bulk intake of requests from a web-form export (CSV or JSON): all or nothing.

Every line is validated first; if any is bad, each bad line is reported with its number and
reason and nothing is imported. Possible duplicates (same subject and right while one is open,
in the database or earlier in the file) are imported and flagged.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, func, insert, select, text, update

from console.context import Context
from console.deadlines import Deadline
from console.errors import Cancelled, ConsoleError, ImportRejected, ValidationError
from console.files import json_in, read_in
from console.folding import fold
from console.policy import Catalogue
from console.requests.commands import NewRequest, deadline_for, validate_new
from console.requests.lifecycle import OPEN, Status
from console.security import seals
from console.security.roles import Perm
from console.store.base import utcnow
from console.store.bulk import bulk_load, insert_rows, refresh_statistics
from console.store.models import ChecklistEntry, Counter, Request, RequestEvent
from console.timefmt import due as due_text

FIELDS = ("right", "subject_name", "subject_email", "received_at", "jurisdictions", "channel", "language",
          "account_id", "child", "guardian_name", "guardian_email", "assignee", "priority", "notes",
          "categories", "corrections", "restriction", "format", "destination")
REQUIRED = ("right", "subject_name", "subject_email", "received_at")
TRUE = {"1", "true", "yes", "y", "x"}
LISTS = ("jurisdictions", "categories", "corrections")  # JSON may give these as lists


@dataclass(frozen=True)
class ImportResult:
    imported: int
    references: tuple[str, ...]
    duplicates: tuple[tuple[str, str], ...]  # (new reference, the open request it may duplicate)
    warnings: tuple[str, ...] = ()  # follow-up work after the commit that did not happen


def read_lines(path: str | Path) -> list[tuple[int, dict[str, Any]]]:
    """(line number, fields) for each request in a CSV or JSON file; line numbers as a person counts."""
    p = Path(path)
    text = read_in(p)
    if p.suffix.lower() == ".json":
        return _json_lines(p.name, text)
    if p.suffix.lower() in (".csv", ".txt"):
        return _csv_lines(p.name, text)
    raise ValidationError(f"{p.name}: import takes .csv or .json files.")


def _csv_lines(name: str, text: str) -> list[tuple[int, dict[str, Any]]]:
    reader = csv.DictReader(io.StringIO(text))
    try:
        missing = [f for f in REQUIRED if f not in (reader.fieldnames or [])]
        if missing:
            raise ValidationError(f"{name}: the header lacks the column(s) {', '.join(missing)}. Columns: {', '.join(FIELDS)}")
        return [(reader.line_num, dict(row)) for row in reader]
    except csv.Error as exc:  # a NUL byte, a field over the csv module's 131,072 characters
        raise ValidationError(f"{name}: not a readable CSV file at line {reader.line_num + 1} ({exc}); "
                              "nothing was imported.") from None


def _json_lines(name: str, text: str) -> list[tuple[int, dict[str, Any]]]:
    data = json_in(name, text, "a list of requests")
    if isinstance(data, dict):
        data = data.get("requests")
    if not isinstance(data, list):
        raise ValidationError(f"{name}: expected a list of requests (or {{\"requests\": [...]}}).")
    return [(i, item if isinstance(item, dict) else {"__bad__": item}) for i, item in enumerate(data, start=1)]



def _text(v: Any) -> str:
    return "" if v is None else str(v).strip()


def _list(v: Any, sep: str = ";") -> tuple[str, ...]:
    if isinstance(v, list):
        return tuple(_text(x) for x in v if _text(x))
    return tuple(x.strip() for x in _text(v).split(sep) if x.strip())


def to_new_request(fields: dict[str, Any]) -> NewRequest:
    """One line's fields as a NewRequest; raises ValidationError naming the field."""
    if "__bad__" in fields:
        raise ValidationError("expected an object with request fields")
    for name in FIELDS:  # a nested list or object where text belongs is refused, not stringified
        v = fields.get(name)
        if isinstance(v, dict) or (isinstance(v, list) and (name not in LISTS or any(isinstance(x, dict | list) for x in v))):
            raise ValidationError(f"{name} must be text, not a {'list' if isinstance(v, list) else 'JSON object'}")
    for f in REQUIRED:
        if not _text(fields.get(f)):
            raise ValidationError(f"{f} is empty")
    try:
        received = datetime.fromisoformat(_text(fields["received_at"]))
    except ValueError:
        raise ValidationError(f"received_at {_text(fields['received_at'])[:40]!r} is not a date-time like "
                              "2026-03-10T10:00:00+00:00") from None
    details: dict[str, Any] = {}
    if _text(fields.get("corrections")):
        details["corrections"] = [{"field": c.partition("=")[0].strip(), "to": c.partition("=")[2].strip()}
                                  for c in _list(fields["corrections"])]
    if _text(fields.get("restriction")):
        details["restriction"] = {"parameters": _text(fields["restriction"])}
    for key in ("format", "destination"):
        if _text(fields.get(key)):
            details[key] = _text(fields[key])
    return NewRequest(
        right=_text(fields["right"]), subject_name=_text(fields["subject_name"]),
        subject_email=_text(fields["subject_email"]), received_at=received,
        jurisdictions=_list(fields.get("jurisdictions")), channel=_text(fields.get("channel")) or "web_form",
        language=_text(fields.get("language")), subject_account_id=_text(fields.get("account_id")) or None,
        subject_is_child=_text(fields.get("child")).lower() in TRUE or fields.get("child") is True,
        guardian_name=_text(fields.get("guardian_name")) or None, guardian_email=_text(fields.get("guardian_email")) or None,
        assignee=_text(fields.get("assignee")) or None, priority=_text(fields.get("priority")) or "normal",
        notes=_text(fields.get("notes")), categories=_list(fields.get("categories")), details=details,
    )


def import_file(ctx: Context, path: str | Path, *, progress: Callable[[int, int], None] | None = None,
                cancel: Callable[[], bool] | None = None) -> ImportResult:
    return import_lines(ctx, read_lines(path), progress=progress, cancel=cancel)


def import_lines(ctx: Context, lines: list[tuple[int, dict[str, Any]]], *,
                 progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> ImportResult:
    """Validate every line and work out its deadline first, then write all in one transaction (or nothing).

    Only the writing holds the database's write lock (on SQLite nobody else can save meanwhile),
    so everything that needs no lock (parsing, checks, deadline computation) happens before it.
    """
    now = ctx.now()
    if not lines:
        raise ValidationError("The file holds no requests.")
    prepared = _prepare(ctx, lines, now, progress)
    result = _write(ctx, prepared, progress, cancel)
    warnings = refresh_statistics(ctx.db.engine, sample=True) if result.imported >= 1000 else []
    if progress:
        progress(2 * len(lines), 2 * len(lines))
    return replace(result, warnings=tuple(warnings))


def _prepare(ctx: Context, lines: list[tuple[int, dict[str, Any]]], now: datetime,
             progress: Callable[[int, int], None] | None) -> list[tuple[NewRequest, Deadline]]:
    """Every line checked and given its deadline, with no transaction open; bad lines refuse all."""
    prepared: list[tuple[NewRequest, Deadline]] = []
    problems: list[tuple[int, str]] = []
    cat = ctx.catalogue
    rules: dict[tuple[str, tuple[str, ...]], Any] = {}  # the catalogue's rules of each right and jurisdictions
    for i, (line_no, fields) in enumerate(lines, start=1):
        try:
            new = validate_new(cat, to_new_request(fields), now)
            key = (new.right, new.jurisdictions)
            if key not in rules:
                rules[key] = cat.deadline_rules(*key)
            prepared.append((new, deadline_for(cat, new.right, new.jurisdictions, new.received_at, rules=rules[key])))
        except ConsoleError as exc:
            problems.append((line_no, str(exc)))
        if progress and i % 500 == 0:
            progress(i, 2 * len(lines))
    if problems:
        raise ImportRejected(problems, len(lines))
    return prepared


@dataclass
class _Planned:
    """One line's rows as they will be stored, less what the database decides (id, reference, duplicate)."""

    year: int
    row: dict[str, Any]
    received: dict[str, Any]  # the first history line
    checks: list[dict[str, Any]]
    right: str


def _write(ctx: Context, prepared: list[tuple[NewRequest, Deadline]],
           progress: Callable[[int, int], None] | None, cancel: Callable[[], bool] | None) -> ImportResult:
    """Every row built with no lock held, then one short transaction of bulk inserts.

    Only what the database decides waits for the lock: the ids, the references (one counter
    update per year), and which requests are already open for the same subject and right (one
    indexed query per few hundred addresses). Rows, events, checklists and the audit entries go
    in as a handful of multi-row inserts; a 20,000-line file holds the lock for seconds, not
    minutes, so other writers wait well within their busy timeout. Still all or nothing.
    """
    cat = ctx.catalogue
    stamp = utcnow()
    planned = _plan(cat, prepared, ctx.actor.username, stamp, progress)
    years: dict[int, int] = {}
    for p in planned:
        years[p.year] = years.get(p.year, 0) + 1
    if cancel and cancel():
        raise Cancelled("Import cancelled: nothing was imported.")
    refs: list[str] = []
    dups: list[tuple[str, str]] = []
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        conn = uow.session.connection()
        ids = _reserve_ids(conn, len(planned))
        seq = {year: _reserve_references(conn, f"{cat.request_prefix}-{year}", n) for year, n in years.items()}
        open_refs = _open_requests(conn, {(p.row["subject_email"], p.right) for p in planned})
        seen: dict[tuple[str, str], str] = {}
        events: list[dict[str, Any]] = []
        for rid, p in zip(ids, planned, strict=True):
            ref = f"{cat.request_prefix}-{p.year}-{seq[p.year]:06d}"
            seq[p.year] += 1
            key = (p.row["subject_email"], p.right)
            duplicate = seen.get(key) or open_refs.get(key)
            seen.setdefault(key, ref)
            p.row.update(id=rid, reference=ref, duplicate_of=duplicate)
            p.received["request_id"] = rid
            events.append(p.received)
            for check in p.checks:
                check["request_id"] = rid
            if duplicate:
                dups.append((ref, duplicate))
                events.append({**p.received, "action": "duplicate", "to_status": None,
                               "detail": f"Possible duplicate of {duplicate} (same subject and right, still open)"})
            refs.append(ref)
            uow.audit("request.create", "request", ref, p.right)
        with bulk_load(conn, min(ids, default=0)):  # name index and counts once for all the rows
            insert_rows(conn, Request.__table__,  # type: ignore[arg-type]
                        seals.seal_request_rows(p.row for p in planned))
        insert_rows(conn, RequestEvent.__table__, events)  # type: ignore[arg-type]
        insert_rows(conn, ChecklistEntry.__table__, [c for p in planned for c in p.checks])  # type: ignore[arg-type]
        uow.audit("request.import", "requests", "", f"{len(refs)} requests")
    return ImportResult(len(refs), tuple(refs), tuple(dups))


def _plan(cat: Catalogue, prepared: list[tuple[NewRequest, Deadline]], actor: str, stamp: datetime,
          progress: Callable[[int, int], None] | None) -> list[_Planned]:
    """Each line's rows, built before the transaction opens."""
    tz = cat.organisation.tz
    planned: list[_Planned] = []
    for i, (new, deadline) in enumerate(prepared, start=1):
        row = {
            "right_id": new.right, "jurisdictions": ",".join(new.jurisdictions), "channel": new.channel,
            "language": new.language, "received_at": new.received_at, "subject_name": new.subject_name,
            "subject_name_folded": fold(new.subject_name), "subject_email": new.subject_email,
            "subject_account_id": new.subject_account_id or None, "subject_is_child": new.subject_is_child,
            "guardian_name": new.guardian_name, "guardian_email": new.guardian_email,
            "assignee": new.assignee or None, "priority": new.priority, "status": Status.RECEIVED.value,
            "notes": new.notes, "categories": list(new.categories), "details": new.details,
            "due_at": deadline.due_at, "due_rule_id": deadline.rule.id, "due_rule_label": deadline.label,
            "acknowledge_due_at": deadline.acknowledge_at, "created_at": stamp, "updated_at": stamp, "version": 1,
        }
        received = {"at": stamp, "actor": actor, "action": "received", "from_status": None,
                    "to_status": Status.RECEIVED.value,
                    "detail": f"{cat.right(new.right).title} via {new.channel}; due "
                              f"{due_text(deadline.due_at, tz)} ({deadline.label})"}
        checks = [{"position": pos, "item_id": item.id, "label": item.label, "required": item.required, "comment": ""}
                  for pos, item in enumerate(cat.checklist_for(new.right, new.subject_is_child))]
        planned.append(_Planned(new.received_at.astimezone(tz).year, row, received, checks, new.right))
        if progress and i % 500 == 0:
            progress(len(prepared) + i, 2 * len(prepared))
    return planned


def _reserve_ids(conn: Connection, n: int) -> list[int]:
    """``n`` request ids nobody else can take (given explicitly, so that events and checklists
    point at their request without reading anything back)."""
    if conn.dialect.name == "postgresql":  # from the sequence, as every other insert takes them
        return list(conn.scalars(text("SELECT nextval(pg_get_serial_sequence('requests', 'id')) "
                                      "FROM generate_series(1, :n)"), {"n": n}))
    # SQLite: the transaction holds the write lock from BEGIN IMMEDIATE, so MAX(id) cannot move.
    first = int(conn.scalar(select(func.max(Request.id))) or 0) + 1
    return list(range(first, first + n))


def _reserve_references(conn: Connection, name: str, n: int) -> int:
    """The first of ``n`` reference numbers of the year's counter, taken in one update."""
    top = conn.execute(update(Counter).where(Counter.name == name).values(value=Counter.value + n)
                       .returning(Counter.value)).scalar()
    if top is None:
        conn.execute(insert(Counter).values(name=name, value=n))
        top = n
    return int(top) - n + 1


def _open_requests(conn: Connection, keys: set[tuple[str, str]], chunk: int = 500) -> dict[tuple[str, str], str]:
    """(email, right) -> the first open request of that subject and right already in the database."""
    emails = sorted({email for email, _ in keys})
    found: dict[tuple[str, str], str] = {}
    for start in range(0, len(emails), chunk):
        for ref, email, right in conn.execute(
            select(Request.reference, Request.subject_email, Request.right_id)
            .where(Request.subject_email.in_(emails[start:start + chunk]),
                   Request.status.in_(sorted(st.value for st in OPEN)))
            .order_by(Request.id)
        ):
            if (email, right) in keys:
                found.setdefault((email, right), ref)
    return found
