"""Is this file a sound Privacy Console database? Checked before opening, backing up and verifying.

A damaged page in the middle of a SQLite file goes unnoticed by every query that does not read
it, and a backup of such a file cannot be restored; ``PRAGMA quick_check`` reads every page
(about a second for 200,000 requests). A 0-byte or foreign file is refused, never re-created,
so a mistyped path or a truncated copy cannot silently start an empty database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from console.errors import DamagedError

SQLITE_MAGIC = b"SQLite format 3\x00"
RESTORE = "Restore the latest backup ('privacy-console restore FILE --to PATH') or open another file."


def check_file(path: Path, shown: str) -> None:
    """Refuse an existing file that SQLite would open as an empty database or cannot read."""
    if not path.exists():
        return  # a new database: created on open
    if path.is_dir():
        raise DamagedError(f"{shown} is a folder, not a database file.")
    with path.open("rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    wal = path.with_name(path.name + "-wal")
    if not head and not (wal.exists() and wal.stat().st_size):
        raise DamagedError(f"The database file {shown} is empty (0 bytes): it was truncated or is not ours. "
                           f"It was left as it is, not re-created. {RESTORE}")
    if head and head != SQLITE_MAGIC:
        raise DamagedError(f"{shown} is not a Privacy Console database (not an SQLite file). "
                           "It was left as it is. Check the path given with --db or PRIVACY_CONSOLE_DB.")
    if head:
        _check_ours(path, shown)


def _check_ours(path: Path, shown: str) -> None:
    """Refuse another application's SQLite database, read-only, before anything writes to it."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            conn.close()
    except sqlite3.Error:
        return  # unreadable here: opening it properly names the problem
    if tables and "alembic_version" not in tables:
        raise DamagedError(f"{shown} is another application's database (tables {', '.join(sorted(tables)[:5])}); "
                           "it was left as it is. Check the path given with --db or PRIVACY_CONSOLE_DB.")


def problems(engine: Engine, shown: str) -> list[str]:
    """SQLite's own page-level check (empty when sound); servers check their own storage."""
    if engine.dialect.name != "sqlite":
        return []
    try:
        with engine.connect() as conn:
            rows = [str(r[0]) for r in conn.exec_driver_sql("PRAGMA quick_check")]
            rows += [f"table {r[0]} row {r[1]} refers to a missing {r[2]} row"
                     for r in conn.exec_driver_sql("PRAGMA foreign_key_check")]
    except DBAPIError as exc:  # a damaged header or schema page stops the check itself
        lines = str(exc.orig or exc).strip().splitlines()
        return [lines[0] if lines else type(exc).__name__]
    return [] if rows == ["ok"] else [r for r in rows if r != "ok"]


def require_sound(engine: Engine, shown: str, doing: str) -> None:
    """Stop before ``doing`` (a backup, a verification) when the file is damaged."""
    found = problems(engine, shown)
    if found:
        more = f" (and {len(found) - 3} more)" if len(found) > 3 else ""
        raise DamagedError(f"The database {shown} is damaged, so {doing} was not done: "
                           f"{'; '.join(found[:3])}{more}. {RESTORE}")
