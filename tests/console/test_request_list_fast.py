"""``request list`` on a local SQLite file without sign-in: the second run of a shape prints from
the kept SQL without SQLAlchemy (console.cli.request_fast), exactly what the ordinary path prints;
anything stale and the ordinary path runs."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from console import config
from console.cli import request as request_cli
from console.cli import request_fast
from console.requests import queries
from tests.console.inprocess import run_cli

NOW = datetime(2026, 12, 3, 12, 0, 7, 123456, tzinfo=UTC)
SHAPES = [("--queue", "overdue"), ("--queue", "open", "--sort", "subject_name", "--desc", "--limit", "7"),
          ("--queue", "all", "--deadline", "on_track", "--limit", "3")]


@pytest.fixture
def listing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, list[str]]:
    """A demo database, both paths on one fixed clock, and a record of the ordinary path's pages."""
    url = f"sqlite:///{tmp_path / 'fast.sqlite3'}"
    assert run_cli("demo", "--requests", "60", db=url).returncode == 0
    ordinary = request_cli.context
    monkeypatch.setattr(request_cli, "context", lambda args: dataclasses.replace(ordinary(args), clock=lambda: NOW))
    monkeypatch.setattr(request_fast, "now", lambda: NOW)
    calls: list[str] = []
    fetch = queries.fetch_page
    monkeypatch.setattr(queries, "fetch_page", lambda *a, **k: calls.append("ordinary") or fetch(*a, **k))
    return url, calls


@pytest.mark.parametrize("as_json", [False, True])
def test_second_run_prints_the_same_without_the_ordinary_path(listing: tuple[str, list[str]], as_json: bool) -> None:
    url, calls = listing
    for shape in SHAPES:
        args = ["request", "list", *shape, *(["--json"] if as_json else [])]
        first = run_cli(*args, db=url)
        assert first.returncode == 0 and calls == ["ordinary"], first.stderr
        second = run_cli(*args, db=url)
        assert second.returncode == 0 and calls == ["ordinary"], "the kept SQL answered"
        assert second.stdout == first.stdout and second.stderr == first.stderr == ""
        calls.clear()
    assert json.loads(second.stdout if as_json else "{}") or not as_json


def test_stale_key_or_sign_in_falls_back(listing: tuple[str, list[str]]) -> None:
    url, calls = listing
    args = ["request", "list", "--queue", "overdue"]
    first = run_cli(*args, db=url)
    kept_file = config.data_dir() / request_fast.CACHE_FILE
    kept = json.loads(kept_file.read_text(encoding="utf-8"))
    kept_file.write_text(json.dumps({**kept, "version": "0.0.0-older"}), encoding="utf-8")
    again = run_cli(*args, db=url)
    assert again.stdout == first.stdout and calls == ["ordinary", "ordinary"], "another version: the ordinary path"
    assert run_cli(*args, db=url).stdout == first.stdout and len(calls) == 2, "kept again, fast again"
    assert run_cli(*args, "--limit", "4", db=url).returncode == 0 and len(calls) == 3, "a new shape: ordinary"
    assert request_fast.run([*args, "--search", "Ann", "--db", url]) is None  # searches are never kept
    path = Path(url.removeprefix("sqlite:///"))
    import sqlite3

    with sqlite3.connect(path) as conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('security.sign_in_required', 'true')")
    assert request_fast.run([*args, "--db", url]) is None, "sign-in on: the ordinary path and its role checks"


def test_fast_path_loads_no_sqlalchemy() -> None:
    code = "import sys, console.cli.request_fast; assert 'sqlalchemy' not in sys.modules, sorted(sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
