"""Storage: migrations on open, SQLite pragmas, clear refusals for bad URLs and newer schemas."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from console.errors import StorageError
from console.store import migrate
from console.store.engine import default_url, display_url, parse_url, secret_name_for
from console.uow import Database


def test_sqlite_runs_wal_with_foreign_keys(tmp_path: Path) -> None:
    db = Database(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert migrate.current_revision(db.engine) == migrate.head_revision()


def test_default_database_lives_in_the_data_dir(isolated_home: Path) -> None:
    assert default_url() == f"sqlite:///{isolated_home / 'console.sqlite3'}"
    db = Database()
    assert (isolated_home / "console.sqlite3").exists() and db.is_empty()


def test_newer_schema_is_refused_and_untouched(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    db = Database(f"sqlite:///{path}")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    with pytest.raises(StorageError, match="newer than this version"):
        Database(f"sqlite:///{path}")
    import sqlite3

    assert sqlite3.connect(path).execute("SELECT version_num FROM alembic_version").fetchone() == ("9999_future",)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("nonsense", "is not a database URL"),
        ("mysql://root@127.0.0.1/test", "Unsupported database"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/none", "Cannot open the database"),
        ("postgresql+psycopg://u:secret@127.0.0.1/x", "Do not put the password"),
        ("postgresql+psycopg2://u@127.0.0.1/x", "psycopg 3 driver"),
    ],
)
def test_bad_urls_fail_clearly(url: str, message: str) -> None:
    with pytest.raises(StorageError, match=message) as err:
        Database(url)
    assert "secret" not in str(err.value)


def test_password_comes_from_the_keyring_never_the_url(memory_keyring) -> None:
    url = parse_url("postgresql+psycopg://app@db.example:5433/console")
    assert secret_name_for(url) == "db:app@db.example:5433/console"
    assert display_url("postgresql+psycopg://app@db.example:5433/console") == "postgresql+psycopg://app@db.example:5433/console"


def test_db_login_keeps_the_password_in_the_keyring(memory_keyring, monkeypatch, capsys, pg_url) -> None:
    import io

    from console.cli import main
    from console.store.engine import make_engine

    url = pg_url or "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    monkeypatch.setattr("sys.stdin", io.StringIO("s3cret-pw\n"))
    assert main(["db", "login", url, "--password-stdin"]) == 0
    name = secret_name_for(parse_url(url))
    assert memory_keyring.get_password("privacy-console", name) == "s3cret-pw"
    assert "stored in the OS keyring" in capsys.readouterr().out
    engine = make_engine(url)
    assert engine.url.password == "s3cret-pw"  # taken from the keyring, never from a saved URL
    engine.dispose()
    assert main(["db", "logout", url]) == 0
    assert memory_keyring.get_password("privacy-console", name) is None


def test_db_login_refuses_a_password_in_the_url(capsys) -> None:
    from console.cli import main

    assert main(["db", "login", "postgresql+psycopg://u:pw@127.0.0.1/x"]) != 0
    assert "without the password" in capsys.readouterr().err
