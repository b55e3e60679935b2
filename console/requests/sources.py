"""The subject's data, gathered from the company's systems, grouped by the catalogue's categories.

Two real ways in: (a) a CSV or JSON export someone pulled from a system, (b) configured data
sources: a SQLAlchemy URL (its password in the keyring) with one parameterised SQL query per
category; the subject's email and account id are bound as parameters, never pasted into SQL.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, delete, select, text
from sqlalchemy.exc import SQLAlchemyError

from console import bounds, keychain
from console.context import Context
from console.errors import Cancelled, ConsoleError, NotFoundError, ValidationError
from console.files import json_in, read_in
from console.requests.commands import add_event, load_request
from console.security.roles import Perm
from console.store.engine import parse_url
from console.store.models import DataSource, SubjectRecord

MAX_ROWS_PER_QUERY = 100_000
PARAMS = ("email", "account_id")


def source_name(source: str) -> str:
    """'source:crm' -> 'crm', 'file:shop.json' -> 'shop.json': the system, not our bookkeeping."""
    return source.split(":", 1)[1] if ":" in source else source


def as_text(value: object) -> str:
    """A value as one CSV cell or table cell: nested values as compact JSON, None as empty."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)



@dataclass(frozen=True)
class RecordView:
    category: str
    source: str
    data: dict[str, Any]
    gathered_at: datetime


@dataclass(frozen=True)
class SourceView:
    name: str
    url: str
    categories: tuple[str, ...]
    enabled: bool


@dataclass(frozen=True)
class FetchResult:
    records: int
    by_source: dict[str, int]
    problems: tuple[str, ...]


MAX_VALUE = 1_000_000  # characters in one value of a subject record

def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return value


def _check_category(ctx: Context, category: str, where: str) -> str:
    try:
        return ctx.catalogue.category(category.strip()).id
    except ValidationError as exc:
        raise ValidationError(f"{where}: {exc}") from None


def parse_records_file(ctx: Context, path: str | Path) -> list[tuple[str, dict[str, Any]]]:
    """(category, fields) pairs from a CSV with a ``category`` column, or JSON ({category: [..]} or [{category, ...}])."""
    p = Path(path)
    content = read_in(p)
    out: list[tuple[str, dict[str, Any]]] = []
    if p.suffix.lower() == ".json":
        data = json_in(p.name, content, "records")
        if isinstance(data, dict):
            for cat, rows in data.items():
                if not isinstance(rows, list):
                    raise ValidationError(f"{p.name}: {cat}: expected a list of records")
                out += [(_check_category(ctx, cat, p.name), dict(r) if isinstance(r, dict) else {"value": r}) for r in rows]
        elif isinstance(data, list):
            for i, r in enumerate(data, start=1):
                if not isinstance(r, dict) or "category" not in r:
                    raise ValidationError(f"{p.name}: record {i}: needs a 'category' field")
                fields = {k: v for k, v in r.items() if k != "category"}
                out.append((_check_category(ctx, str(r["category"]), f"{p.name}: record {i}"), fields))
        else:
            raise ValidationError(f"{p.name}: expected an object of categories or a list of records")
    elif p.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(content))
        try:
            if "category" not in (reader.fieldnames or []):
                raise ValidationError(f"{p.name}: the header needs a 'category' column")
            for row in reader:
                fields = {k: v for k, v in row.items() if k != "category" and k is not None and v not in (None, "")}
                out.append((_check_category(ctx, row["category"] or "", f"{p.name}: line {reader.line_num}"), fields))
        except csv.Error as exc:  # a NUL byte, a field over the csv module's 131,072 characters
            raise ValidationError(f"{p.name}: not a readable CSV file at line {reader.line_num + 1} ({exc}).") from None
    else:
        raise ValidationError(f"{p.name}: subject data import takes .csv or .json files.")
    if not out:
        raise ValidationError(f"{p.name}: holds no records.")
    for i, (_category, fields) in enumerate(out, start=1):
        _check_record(fields, f"{p.name}: record {i}")
    return out


def _check_record(fields: dict[str, Any], where: str, depth: int = 0) -> None:
    """Field names and text values within bounds (a JSON value may nest a little)."""
    if depth > 8:
        raise ValidationError(f"{where}: nested too deeply.")
    for key, value in fields.items():
        bounds.text(str(key), f"{where}: a field name", 200)
        values = value.values() if isinstance(value, dict) else value if isinstance(value, list) else (value,)
        for v in values:
            if isinstance(v, str):
                bounds.text(v, f"{where}: field {str(key)[:40]!r}", MAX_VALUE, multiline=True)
            elif isinstance(v, dict | list):
                _check_record({key: v}, where, depth + 1)


def import_records(ctx: Context, reference: str, path: str | Path) -> int:
    """Add the records of an export file to the request's data (all or nothing)."""
    records = parse_records_file(ctx, path)
    name = Path(path).name
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        row = load_request(uow.session, reference)
        now = ctx.now()
        for category, fields in records:
            uow.session.add(SubjectRecord(request_id=row.id, category=category, source=f"file:{name}"[:120],
                                          data={k: _plain(v) for k, v in fields.items()}, gathered_at=now))
        add_event(uow.session, row, ctx.actor.username, "data_imported", f"{len(records)} records from {name}")
        uow.audit("data.import", "request", row.reference, f"{len(records)} records")
    return len(records)


def records(ctx: Context, reference: str) -> dict[str, list[RecordView]]:
    """The request's records by category, in catalogue order (a read of personal data: audited)."""
    with ctx.db.unit(ctx.actor, Perm.READ_SUBJECT_DATA) as uow:
        row = load_request(uow.session, reference)
        rows = uow.session.scalars(select(SubjectRecord).where(SubjectRecord.request_id == row.id).order_by(SubjectRecord.id)).all()
        uow.audit("data.read", "request", row.reference, f"{len(rows)} records")
        grouped: dict[str, list[RecordView]] = {c.id: [] for c in ctx.catalogue.categories}
        for r in rows:
            grouped.setdefault(r.category, []).append(RecordView(r.category, r.source, dict(r.data), r.gathered_at))
    return {k: v for k, v in grouped.items() if v}


def source_secret(name: str) -> str:
    return f"source:{name}"


def add_source(ctx: Context, name: str, url: str, queries: dict[str, str], password: str | None = None) -> SourceView:
    """Register a company system; its password goes to the keyring, never the database."""
    name = bounds.text(name, "The source name", 80).strip()
    if not name:
        raise ValidationError("A data source needs a name.")
    parsed = _source_url(url)
    if not queries:
        raise ValidationError("A data source needs at least one query (category = SQL).")
    for category, sql in queries.items():
        _check_category(ctx, category, f"source {name}")
        if not any(f":{p}" in sql for p in PARAMS):
            raise ValidationError(f"source {name}: the {category} query must select by :email or :account_id")
    with ctx.db.unit(ctx.actor, Perm.SETTINGS) as uow:
        if uow.session.scalar(select(DataSource.id).where(DataSource.name == name)):
            raise ValidationError(f"A data source called {name!r} exists already.")
        uow.session.add(DataSource(name=name, url=parsed, queries=dict(queries), enabled=True))
        uow.audit("source.add", "data_source", name, parsed)
    if password:
        keychain.set_secret(source_secret(name), password)
    return SourceView(name, parsed, tuple(queries), True)


def _source_url(url: str) -> str:
    try:
        parsed = parse_url(url)
    except ConsoleError:
        from sqlalchemy.engine import make_url

        try:
            parsed = make_url(url)
        except Exception:  # noqa: BLE001
            raise ValidationError(f"{url!r} is not a database URL.") from None
    if parsed.password is not None:
        raise ValidationError("Give the source URL without a password; it is asked for and kept in the keyring.")
    return parsed.render_as_string(hide_password=True)


def list_sources(ctx: Context) -> list[SourceView]:
    with ctx.db.read(ctx.actor) as s:
        return [SourceView(d.name, d.url, tuple(d.queries), d.enabled) for d in s.scalars(select(DataSource).order_by(DataSource.name))]


def remove_source(ctx: Context, name: str) -> None:
    with ctx.db.unit(ctx.actor, Perm.SETTINGS) as uow:
        if not uow.session.execute(delete(DataSource).where(DataSource.name == name)).rowcount:  # type: ignore[attr-defined]
            raise NotFoundError(f"No data source called {name!r}.")
        uow.audit("source.remove", "data_source", name)
    keychain.delete_secret(source_secret(name))


@dataclass(frozen=True)
class _Source:
    name: str
    url: str
    queries: dict[str, str]


def _query_source(source: _Source, params: dict[str, Any], cancel: Callable[[], bool] | None) -> list[tuple[str, dict[str, Any]]]:
    from sqlalchemy.engine import make_url

    url = make_url(source.url)
    try:
        password = keychain.get_secret(source_secret(source.name))
    except ConsoleError:
        password = None
    if password:
        url = url.set(password=password)
    engine = create_engine(url, poolclass=None) if url.get_backend_name() != "sqlite" else create_engine(url)
    out: list[tuple[str, dict[str, Any]]] = []
    try:
        with engine.connect() as conn:
            for category, sql in source.queries.items():
                if cancel and cancel():
                    raise Cancelled("Cancelled: nothing was stored.")
                result = conn.execute(text(sql), params)
                keys = list(result.keys())
                for n, values in enumerate(result):
                    if n >= MAX_ROWS_PER_QUERY:
                        break
                    out.append((category, {k: _plain(v) for k, v in zip(keys, values, strict=True)}))
            conn.rollback()  # read-only by intent: nothing a query did is kept
    finally:
        engine.dispose()
    return out


def fetch_from_sources(ctx: Context, reference: str, *, progress: Callable[[int, int], None] | None = None,
                       cancel: Callable[[], bool] | None = None) -> FetchResult:
    """Run every enabled source's queries for the subject; a failing source is reported, not fatal."""
    with ctx.db.read(ctx.actor, Perm.READ_SUBJECT_DATA) as s:
        row = load_request(s, reference)
        params = {"email": row.subject_email, "account_id": row.subject_account_id or ""}
        sources = [_Source(d.name, d.url, dict(d.queries)) for d in
                   s.scalars(select(DataSource).where(DataSource.enabled.is_(True)).order_by(DataSource.name))]
    if not sources:
        raise ValidationError("No data sources are configured: add one with 'privacy-console source add' or import a file.")
    gathered: list[tuple[str, str, dict[str, Any]]] = []
    by_source: dict[str, int] = {}
    problems: list[str] = []
    for i, source in enumerate(sources, start=1):
        try:
            found = _query_source(source, params, cancel)
        except SQLAlchemyError as exc:
            detail = str(getattr(exc, "orig", exc)).splitlines()[0]
            problems.append(f"{source.name}: {detail}")
            found = []
        gathered += [(source.name, cat, data) for cat, data in found]
        by_source[source.name] = len(found)
        if progress:
            progress(i, len(sources))
    with ctx.db.unit(ctx.actor, Perm.WORK_REQUESTS) as uow:
        req = load_request(uow.session, reference)
        names = [s.name for s in sources if s.name in by_source and s.name not in {p.split(":")[0] for p in problems}]
        if names:  # a fresh fetch replaces what those sources gave before
            uow.session.execute(delete(SubjectRecord).where(SubjectRecord.request_id == req.id,
                                                            SubjectRecord.source.in_([f"source:{n}" for n in names])))
        now = ctx.now()
        for source_name, category, data in gathered:
            uow.session.add(SubjectRecord(request_id=req.id, category=category, source=f"source:{source_name}", data=data, gathered_at=now))
        add_event(uow.session, req, ctx.actor.username, "data_fetched",
               ", ".join(f"{k}: {v}" for k, v in by_source.items()) + (f"; failed: {'; '.join(problems)}" if problems else ""))
        uow.audit("data.fetch", "request", req.reference, f"{len(gathered)} records")
    return FetchResult(len(gathered), by_source, tuple(problems))
