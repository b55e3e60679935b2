"""Hot reads at the driver: a statement compiled once per shape, run on the DB-API cursor.

A queue page is a single SELECT whose result is a few hundred small rows. Through a session,
the ORM's execution path, its result processing and a statement rebuilt and re-keyed on every
call cost four times the SELECT itself; here the SQL text of each shape of query (which filters,
which sort, a cursor or not) is compiled by SQLAlchemy once and kept, the values are bound by
name, and the rows are turned straight into the caller's row class. Values read are the same
as through the models: times come back as aware UTC datetimes on both databases.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from sqlalchemy.exc import DBAPIError

from console.errors import storage_error
from console.security.roles import Actor, Perm, require
from console.timefmt import sqlite_text

if TYPE_CHECKING:
    from sqlalchemy.sql import Executable

    from console.uow import Database


@dataclass(frozen=True)
class RowShape:
    """How a result row becomes an object: the class (built from the row's values in order) and
    which positions hold times."""

    cls: type
    datetimes: tuple[int, ...] = ()


@dataclass(frozen=True)
class _Compiled:
    sql: str
    order: tuple[str, ...] | None  # positional parameter names (SQLite's ?), None for named (PostgreSQL)
    defaults: dict[str, Any]  # values the statement carries itself (anonymous parameters)


_CACHE: dict[Hashable, _Compiled] = {}
LISTENERS: list[Callable[[str, Any], None]] = []  # see each statement sent (bench/rawsql.py); empty in use
_CACHE_LIMIT = 2000  # shapes are few (queues x sorts x search kinds); a bound keeps it honest


@contextmanager
def watching() -> Iterator[list[tuple[str, Any]]]:
    """Every statement sent through ``fetch`` inside the block, with its parameters (tests, bench)."""
    seen: list[tuple[str, Any]] = []

    def listen(sql: str, params: Any) -> None:
        seen.append((sql, params))

    LISTENERS.append(listen)
    try:
        yield seen
    finally:
        LISTENERS.remove(listen)


def _compiled(db: Database, key: Hashable, build: Callable[[], Executable]) -> _Compiled:
    full = (db.dialect, key)
    found = _CACHE.get(full)
    if found is not None:
        return found
    compiled = build().compile(dialect=db.engine.dialect, compile_kwargs={"render_postcompile": True})
    order = tuple(compiled.positiontup) if compiled.positional and compiled.positiontup else None
    if compiled.positional and order is None:
        order = ()
    made = _Compiled(str(compiled), order, dict(compiled.params))
    if len(_CACHE) >= _CACHE_LIMIT:
        _CACHE.clear()
    _CACHE[full] = made
    return made


def statement(db: Database, key: Hashable, build: Callable[[], Executable], params: dict[str, Any]) -> tuple[str, Any]:
    """The SQL text of ``build()`` (compiled once per ``key``) and its arguments for the driver:
    a tuple for SQLite's ``?`` (times as SQLite stores them), the values by name for PostgreSQL."""
    c = _compiled(db, key, build)
    values = {**c.defaults, **params}
    if c.order is None:
        return c.sql, values
    sqlite = db.dialect == "sqlite"
    return c.sql, tuple(sqlite_text(v) if sqlite and isinstance(v, datetime) else v
                        for v in (values[name] for name in c.order))


def parameter_names(db: Database, key: Hashable, build: Callable[[], Executable]) -> tuple[str, ...] | None:
    """The names of ``build()``'s parameters in the order :func:`statement` gives their values
    (None: named parameters, PostgreSQL)."""
    return _compiled(db, key, build).order


def fetch(db: Database, actor: Actor, key: Hashable, build: Callable[[], Executable], params: dict[str, Any],
          shape: RowShape, perm: Perm | None = Perm.READ) -> list[Any]:
    """The rows of the statement ``build()`` (compiled once per ``key``) with ``params``."""
    require(actor, perm)
    sql, args = statement(db, key, build, params)
    sqlite = db.dialect == "sqlite"
    for listen in LISTENERS:
        listen(sql, args)
    try:
        conn = db.engine.raw_connection()
        try:
            cur = conn.cursor()
            cur.execute(sql, args)
            rows = cur.fetchall()
            cur.close()
        finally:
            conn.close()  # back to the pool, which rolls back whatever the driver began
    except (DBAPIError, db.engine.dialect.loaded_dbapi.Error) as exc:
        raise storage_error(db.safe_url, exc) from None
    return _build(rows, shape, sqlite)


def _build(rows: Sequence[Any], shape: RowShape, sqlite: bool) -> list[Any]:
    """Rows into ``shape.cls``: a plain (frozen) dataclass is filled through its ``__dict__``, half
    the cost of its generated ``__init__`` (which sets each field through ``object.__setattr__``)."""
    cls = shape.cls
    if cls is tuple and not shape.datetimes:
        return [tuple(r) for r in rows]
    names = _dict_fields(cls)
    at = [names[i] for i in shape.datetimes] if names else []
    parse = datetime.fromisoformat
    out = []
    if not names:
        for r in rows:
            values = list(r)
            for i in shape.datetimes:
                if values[i] is not None:
                    values[i] = parse(values[i] + "+00:00") if sqlite else values[i].astimezone(UTC)
            out.append(cls(*values))
        return out
    new = object.__new__
    for r in rows:
        d = dict(zip(names, r, strict=True))
        for name in at:
            v = d[name]
            if v is not None:  # SQLite: UTC text (appending the zone is cheaper than replace())
                d[name] = parse(v + "+00:00") if sqlite else v.astimezone(UTC)
        o = new(cls)
        o.__dict__.update(d)
        out.append(o)
    return out


@cache
def _dict_fields(cls: type) -> tuple[str, ...] | None:
    """The field names of a dataclass whose instances keep their values in ``__dict__`` and that
    checks nothing on construction; None otherwise (then the class is called)."""
    if not dataclasses.is_dataclass(cls) or "__slots__" in cls.__dict__ or hasattr(cls, "__post_init__"):
        return None
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields):
        return None
    return tuple(f.name for f in fields)
