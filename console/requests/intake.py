"""Bulk intake of requests from a web-form export (CSV or JSON): all or nothing.

Every line is validated first; if any is bad, each bad line is reported with its number and
reason and nothing is imported. Possible duplicates (same subject and right while one is open,
in the database or earlier in the file) are imported and flagged.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from console.context import Context
from console.deadlines import Deadline
from console.errors import ConsoleError, ImportRejected, ValidationError
from console.requests.commands import (
    NewRequest,
    deadline_for,
    insert_request,
    open_duplicate,
    validate_new,
)
from console.security.roles import Perm
from console.store.bulk import refresh_statistics

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
    if not p.is_file():
        raise ValidationError(f"{str(p)!r} does not exist.")
    try:
        text = p.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(f"{p.name}: not UTF-8 text; save the export as UTF-8.") from None
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
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(f"{name}: not valid JSON ({exc.msg} at line {exc.lineno}).") from None
    except RecursionError:
        raise ValidationError(f"{name}: the JSON is nested too deeply to be a list of requests.") from None
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
    warnings = refresh_statistics(ctx.db.engine) if result.imported >= 1000 else []
    if progress:
        progress(2 * len(lines), 2 * len(lines))
    return replace(result, warnings=tuple(warnings))


def _prepare(ctx: Context, lines: list[tuple[int, dict[str, Any]]], now: datetime,
             progress: Callable[[int, int], None] | None) -> list[tuple[NewRequest, Deadline]]:
    """Every line checked and given its deadline, with no transaction open; bad lines refuse all."""
    prepared: list[tuple[NewRequest, Deadline]] = []
    problems: list[tuple[int, str]] = []
    for i, (line_no, fields) in enumerate(lines, start=1):
        try:
            new = validate_new(ctx.catalogue, to_new_request(fields), now)
            prepared.append((new, deadline_for(ctx.catalogue, new.right, new.jurisdictions, new.received_at)))
        except ConsoleError as exc:
            problems.append((line_no, str(exc)))
        if progress and i % 500 == 0:
            progress(i, 2 * len(lines))
    if problems:
        raise ImportRejected(problems, len(lines))
    return prepared


def _write(ctx: Context, prepared: list[tuple[NewRequest, Deadline]],
           progress: Callable[[int, int], None] | None, cancel: Callable[[], bool] | None) -> ImportResult:
    """The one write transaction: duplicates, references, rows and the audit entry."""
    refs: list[str] = []
    dups: list[tuple[str, str]] = []
    total = 2 * len(prepared)
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        seen: dict[tuple[str, str], str] = {}
        for i, (new, deadline) in enumerate(prepared, start=1):
            if cancel and cancel():
                raise ConsoleError("Import cancelled: nothing was imported.")
            key = (new.subject_email, new.right)
            duplicate = seen.get(key) or open_duplicate(uow.session, *key)
            row = insert_request(uow, ctx.catalogue, new, deadline, duplicate)
            seen.setdefault(key, row.reference)
            refs.append(row.reference)
            if duplicate:
                dups.append((row.reference, duplicate))
            if progress and i % 200 == 0:
                progress(len(prepared) + i, total)
        uow.audit("request.import", "requests", "", f"{len(refs)} requests")
    return ImportResult(len(refs), tuple(refs), tuple(dups))
