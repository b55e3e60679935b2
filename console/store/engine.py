"""Where the database is and how to connect: ``make_engine`` is the one way in."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError
from sqlalchemy.pool import NullPool, StaticPool

from console import config
from console.config import APP_NAME, LOCAL_FILE, busy_timeout, data_dir
from console.errors import SecretStoreError, StorageError

__all__ = ["APP_NAME", "busy_timeout", "data_dir", "default_url", "display_url", "make_engine", "parse_url",
           "resolve_url", "secret_name_for", "writer"]
SUPPORTED = ("sqlite", "postgresql")


def default_url() -> str:
    return f"sqlite:///{data_dir() / LOCAL_FILE}"


def resolve_url(url: str | None = None) -> str:
    """``--db`` first, then ``PRIVACY_CONSOLE_DB``, then the local file."""
    return config.database_url(url) or default_url()


def parse_url(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise StorageError(
            f"{url!r} is not a database URL. Use sqlite:///path/to/file.sqlite3 or "
            "postgresql+psycopg://user@host:5432/dbname"
        ) from None
    if parsed.get_backend_name() not in SUPPORTED:
        raise StorageError(
            f"Unsupported database {parsed.get_backend_name()!r}: use SQLite or PostgreSQL "
            "(postgresql+psycopg://...)"
        )
    if parsed.get_backend_name() == "postgresql" and parsed.get_driver_name() not in ("psycopg", ""):
        raise StorageError("Use the psycopg 3 driver: postgresql+psycopg://user@host:5432/dbname")
    return parsed


def secret_name_for(url: URL) -> str:
    """The keyring entry that holds the password of this server account."""
    return f"db:{url.username or ''}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def display_url(url: str) -> str:
    """The URL safe to show or save: never with a password in it."""
    return parse_url(url).render_as_string(hide_password=True)


def _with_password(url: URL) -> URL:
    if url.password is not None:
        raise StorageError(
            "Do not put the password in the database URL; store it once with "
            "'privacy-console db login URL' and the console takes it from the keyring."
        )
    if url.get_backend_name() != "postgresql" or not url.username:
        return url
    from console import keychain  # the keyring loads only for a server account that may need it

    try:
        password = keychain.get_secret(secret_name_for(url))
    except SecretStoreError:
        password = None  # a trust-auth server needs none; a refusal then names the fix
    return url.set(password=password) if password else url


def make_engine(url: str | None = None, *, echo: bool = False) -> Engine:
    """An engine for ``url`` with SQLite pragmas (WAL, foreign keys) or server pre-ping."""
    raw = resolve_url(url)
    parsed = _with_password(parse_url(raw))
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database or ""
        memory = database in ("", ":memory:")
        if not memory:
            from console.private_files import private_dir, private_sqlite, tighten

            path = Path(database).expanduser()
            private_dir(path.parent)  # new folders 0700; the console's own data folder tightened
            if path.parent.resolve() == data_dir().expanduser().resolve():
                tighten(path.parent, 0o700)
            private_sqlite(path)  # 0600 before SQLite opens it (its -wal and -shm take the same mode)
        engine = create_engine(
            parsed,
            echo=echo,
            poolclass=StaticPool if memory else NullPool if config.NULLPOOL.is_set() else None,
            hide_parameters=True,  # personal data never reaches a log through SQL parameters
            connect_args={"check_same_thread": False, "timeout": busy_timeout()},
        )
        event.listen(engine, "connect", _sqlite_pragmas(memory))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    return create_engine(parsed, echo=echo, pool_pre_ping=True, hide_parameters=True, connect_args={"connect_timeout": 5})


WRITE = {"sqlite_begin": "IMMEDIATE"}  # execution options of a connection that will write


def writer(engine: Engine) -> Engine:
    """The same engine for transactions that write: on SQLite they take the write lock at BEGIN.

    A deferred transaction reads a snapshot, and by the time it writes another process may have
    committed a change to what it read (a failed identity check, the last audit entry number);
    holding the lock from the first statement makes every read-then-decide serial.
    """
    return engine.execution_options(**WRITE) if engine.dialect.name == "sqlite" else engine


def _sqlite_begin(conn) -> None:  # type: ignore[no-untyped-def]
    """Our own BEGIN (pysqlite's is off): IMMEDIATE for writers, DEFERRED for readers."""
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def _sqlite_pragmas(memory: bool):  # type: ignore[no-untyped-def]
    def on_connect(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        # pysqlite would BEGIN only before the first INSERT/UPDATE, so reads ran outside the
        # transaction; the "begin" hook emits the BEGIN instead (the SQLAlchemy pysqlite recipe).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.close()

    return on_connect
