"""Fixtures shared by every tier: a real database (SQLite file, or the PostgreSQL server),
an in-memory keyring, a clock the test moves, and Qt offscreen for the ui tier.

Select PostgreSQL with PRIVACY_CONSOLE_TEST_PG=postgresql+psycopg://postgres@127.0.0.1:5432/test:
a throwaway database is created for the session and dropped at the end.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PRIVACY_CONSOLE_NULLPOOL", "1")

from console.context import Context  # noqa: E402
from console.policy import Catalogue, load_catalogue  # noqa: E402
from console.security.roles import Actor, Role  # noqa: E402
from console.uow import Database  # noqa: E402
from tests.keyring_memory import MemoryKeyring  # noqa: E402

PG_ENV = "PRIVACY_CONSOLE_TEST_PG"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Never touch a real keyring in tests; each test starts with an empty one."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The console's data folder lives in the test's temp dir, never in the real home."""
    home = tmp_path / "home"
    monkeypatch.setenv("PRIVACY_CONSOLE_HOME", str(home))
    monkeypatch.delenv("PRIVACY_CONSOLE_DB", raising=False)
    monkeypatch.delenv("PRIVACY_CONSOLE_POLICY", raising=False)
    return home


@dataclass
class MovableClock:
    """A clock the test sets and moves; services read time only through the context."""

    now: datetime

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += timedelta(**kwargs)


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str | None]:
    base = os.environ.get(PG_ENV)
    if not base:
        yield None
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"pc_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(base).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _empty(db: Database) -> None:
    """Every table of the session's PostgreSQL database emptied and every sequence restarted, as
    a freshly migrated database has them. DELETE with triggers and foreign-key checks off (a
    superuser's session_replication_role) takes ~60 ms on this machine; TRUNCATE of the 25 tables
    took ~1 s, and so did cloning a template database per test."""
    with db.engine.begin() as conn:
        tables = [r[0] for r in conn.exec_driver_sql(
            "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema() "
            "AND tablename <> 'alembic_version'")]
        sequences = [r[0] for r in conn.exec_driver_sql(
            "SELECT quote_ident(sequencename) FROM pg_sequences WHERE schemaname = current_schema()")]
        conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
        for table in tables:
            conn.exec_driver_sql(f"DELETE FROM {table}")
        for sequence in sequences:
            conn.exec_driver_sql(f"SELECT setval('{sequence}', 1, false)")


@pytest.fixture
def db_url(tmp_path: Path, pg_url: str | None) -> str:
    return pg_url or f"sqlite:///{tmp_path / 'console.sqlite3'}"


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated to head once a session; each test's database starts as a copy of it
    (migrating costs about a second, copying a few milliseconds)."""
    path = tmp_path_factory.mktemp("template") / "console.sqlite3"
    Database(f"sqlite:///{path}").dispose()  # the last connection's close folds the WAL back in
    assert not path.with_name(path.name + "-wal").exists()
    return path


@pytest.fixture
def db(db_url: str, request: pytest.FixtureRequest) -> Iterator[Database]:
    if db_url.startswith("sqlite:///"):
        path = Path(db_url.removeprefix("sqlite:///"))
        if path.name != ":memory:" and not path.exists():
            shutil.copyfile(request.getfixturevalue("sqlite_template"), path)
    database = Database(db_url)
    if database.dialect == "postgresql":
        _empty(database)
    yield database
    database.dispose()


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(datetime(2026, 11, 30, 9, 0, tzinfo=UTC))


@pytest.fixture
def ctx(db: Database, catalogue: Catalogue, clock: MovableClock) -> Context:
    return Context(db, catalogue, Actor("alex.morgan", Role.OWNER), clock)


def actor(name: str, role: str) -> Actor:
    return Actor(name, Role(role))
