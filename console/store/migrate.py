"""Apply the Alembic migrations on open, and refuse a database newer than this app.

Opening a database already at the current schema is the common case and must be cheap: the
stored revision is read with one query and compared with the head revision found by reading the
revision ids out of the migration files (text, not imported), so neither Alembic nor its scripts
load. Alembic runs only when there is something to upgrade or an unknown revision to explain.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from console.errors import StorageError
from console.store.engine import writer
from console.store.revisions import MIGRATIONS, head_revision, known_revisions

if TYPE_CHECKING:
    from alembic.config import Config


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def stored_revision(conn: Connection) -> str | None:
    """The revision the database records (None for a new database), read with one plain query."""
    if conn.dialect.name == "sqlite":
        exists = conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
    else:
        exists = conn.exec_driver_sql("SELECT to_regclass('alembic_version')")
    found = exists.scalar()
    if not found:
        return None
    rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(rows) > 1:
        raise StorageError(f"The database records several schema revisions ({', '.join(r[0] for r in rows)}).")
    return rows[0][0] if rows else None


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return stored_revision(conn)


def _refuse_unknown(current: str | None) -> None:
    if current is not None and current not in known_revisions()[0]:
        raise StorageError(
            f"The database schema ({current}) is newer than this version of Privacy Console "
            f"knows (latest {head_revision()}). Update the console before opening this database.")


def check_not_newer(engine: Engine) -> str | None:
    """The database's revision; StorageError if this app does not know it (schema is newer)."""
    current = current_revision(engine)
    _refuse_unknown(current)
    return current


def upgrade(engine: Engine, around: Callable[[Connection], AbstractContextManager[object]] | None = None,
            ) -> tuple[str | None, str]:
    """Bring the schema to head; returns (before, after) revisions. At head already: one query.

    ``around(conn)`` wraps the migrations in their transaction (a server's owner checks and role).
    """
    before = check_not_newer(engine)
    head = head_revision()
    if before == head:
        return before, head
    from alembic import command

    cfg = alembic_config()
    # A second process opening a new file waits, then finds it done.
    with writer(engine).begin() as conn, around(conn) if around is not None else nullcontext():
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return before, head
