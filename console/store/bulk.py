"""Bulk inserts for demo data and big imports: the driver directly (executemany on SQLite, COPY on PostgreSQL).

On SQLite, SQLAlchemy's per-value bind processing costs as much as the insert itself, so rows
are converted here (UTC datetimes to SQLAlchemy's own text format, JSON to text) and handed to
``executemany`` as tuples. Values read back through the models are identical either way.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Connection, Engine, Table, insert
from sqlalchemy.exc import DBAPIError

from console.errors import ConsoleError
from console.store.base import UTCDateTime
from console.store.engine import writer


def _dt(v: datetime | None) -> str | None:
    if v is None:
        return None
    if v.tzinfo is UTC:  # the usual case, by the million in a bulk load: cut the "+00:00" off
        return v.isoformat(" ", "microseconds")[:-6]
    if v.utcoffset():
        v = v.astimezone(UTC)
    return v.replace(tzinfo=None).isoformat(" ", "microseconds")


_JSON = json.JSONEncoder(ensure_ascii=False)  # json.dumps(v, ensure_ascii=False) makes one per call


def _json(v: Any) -> str | None:
    return None if v is None else _JSON.encode(v)


def _bool(v: Any) -> int | None:
    return None if v is None else int(bool(v))


def _same(v: Any) -> Any:
    return v


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert ``rows`` (dicts keyed by column name; every row the same keys).

    Request rows come sealed (``console.security.seals.seal_request_rows``): storage holds no keys.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        _copy_rows(conn, table, rows)
        return
    if conn.dialect.name != "sqlite":
        conn.execute(insert(table), list(rows))
        return
    names = list(rows[0].keys())
    converters: list[Callable[[Any], Any]] = []
    for name in names:
        col_type = table.c[name].type
        if isinstance(col_type, UTCDateTime):
            converters.append(_dt)
        elif isinstance(col_type, JSON):
            converters.append(_json)
        elif isinstance(col_type, Boolean):
            converters.append(_bool)
        else:
            converters.append(_same)
    special = [(i, conv) for i, conv in enumerate(converters) if conv is not _same]
    sql = f'INSERT INTO {table.name} ({", ".join(names)}) VALUES ({", ".join("?" for _ in names)})'
    params = []
    for row in rows:
        values = list(row.values())
        for i, conv in special:
            values[i] = conv(values[i])
        params.append(tuple(values))
    conn.exec_driver_sql(sql, params)


def _copy_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """PostgreSQL: COPY ... FROM STDIN through psycopg, in the connection's own transaction
    (a quarter of the time of batched INSERTs); JSON goes as its text."""
    names = list(rows[0].keys())
    json_at = [i for i, name in enumerate(names) if isinstance(table.c[name].type, JSON)]
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    columns = ", ".join(f'"{name}"' for name in names)
    with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in rows:
            values = list(row.values())
            for i in json_at:
                values[i] = _json(values[i])
            copy.write_row(values)


NAME_TRIGGER = "requests_name_insert"  # keeps the name search's FTS5 table in step (migration 0007)
COUNTS_TRIGGER = "requests_counts_insert"  # keeps queue_counts in step (migration 0004)
LOADED = ("requests", "request_events", "checklist_entries")  # the tables a bulk load fills


@contextmanager
def bulk_load(conn: Connection, first_id: int, *, rebuild_indexes: bool = False) -> Iterator[None]:
    """SQLite: requests inserted inside the block (ids from ``first_id`` on) skip the per-row work,
    which is done once for all of them at the end.

    Row by row, the FTS5 name index costs two thirds of a bulk insert (7 of 11 s for 20,000 rows)
    and the queue counts one upsert per row; with ``rebuild_indexes`` (a load larger than the
    table) the secondary indexes are dropped and built again by one sort each, instead of a
    random page write per row and index, which at a million rows outgrows any cache and floods
    the WAL. Everything is set aside and put back, as it was written, inside the caller's
    transaction: nobody else ever sees the tables without it, and a rollback (an error, a
    cancel) restores it with the rows. Other databases: nothing changes.
    """
    if conn.dialect.name != "sqlite":
        yield
        return
    triggers = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (?, ?)",
        (NAME_TRIGGER, COUNTS_TRIGGER)).all()
    indexes = conn.exec_driver_sql(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(LOADED))})", LOADED).all() if rebuild_indexes else []
    for name, _ in triggers:
        conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    for name, _ in indexes:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    yield
    for _, sql in indexes:
        conn.exec_driver_sql(sql)
    names = {name for name, _ in triggers}
    if NAME_TRIGGER in names:
        conn.exec_driver_sql("INSERT INTO requests_name_fts (rowid, subject_name_folded) "
                             "SELECT id, subject_name_folded FROM requests WHERE id >= ?", (first_id,))
    if COUNTS_TRIGGER in names:
        conn.exec_driver_sql(
            "INSERT INTO queue_counts (status, right_id, assignee, paused, n) "
            "SELECT status, right_id, coalesce(assignee, ''), paused_since IS NOT NULL, count(*) FROM requests "
            "WHERE id >= ? GROUP BY 1, 2, 3, 4 "
            "ON CONFLICT (status, right_id, assignee, paused) DO UPDATE SET n = n + excluded.n", (first_id,))
    for _, sql in triggers:
        conn.exec_driver_sql(sql)


def refresh_statistics(engine: Engine, *, sample: bool = False) -> list[str]:
    """After a bulk load, let the planner see the new shape (it picks the partial indexes then).

    ``sample``: rows added to a table that may be far larger (an import): on SQLite each index is
    analysed from a sample of rows, so the cost does not grow with the table (a full ANALYZE of a
    million requests takes seconds; PostgreSQL samples anyway).

    It runs after the data is committed, so a failure (a full disk) is a warning, never an error:
    the rows are there, and the next open of the database refreshes the statistics again.
    """
    return after_commit("the query statistics were not refreshed", _analyse, writer(engine), sample)


def _analyse(engine: Engine, sample: bool = False) -> None:
    with engine.begin() as conn:
        if not sample:
            conn.exec_driver_sql("ANALYZE")
            return
        # Rows added to existing tables: the queue's table is what the planner's choices hang on.
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            conn.exec_driver_sql("PRAGMA analysis_limit = 1000")  # this connection only
        conn.exec_driver_sql("ANALYZE requests")
        if sqlite:
            conn.exec_driver_sql("PRAGMA analysis_limit = 0")


def after_commit(what: str, fn: Callable[..., object], *args: object) -> list[str]:
    """Run follow-up work after a commit: its failure becomes a warning ("done, but ...")."""
    try:
        fn(*args)
    except (DBAPIError, ConsoleError, OSError) as exc:
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()
        return [f"done, but {what} ({detail[0] if detail else type(exc).__name__})"]
    return []
