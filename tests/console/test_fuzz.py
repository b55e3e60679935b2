"""Hostile input through every door, generated: never a traceback, never half a change.

Three doors, at least 300 inputs each (FUZZ_EXAMPLES raises it): CLI arguments, import files
and the policy catalogue. Each input either works whole or is refused with a ConsoleError (the
CLI: a non-zero exit with one line), and a refusal leaves the database exactly as it was.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from console.errors import ConsoleError
from console.policy import load_catalogue
from console.policy.catalogue import default_catalogue_path
from console.requests import intake
from console.store.models import Request
from tests.console.procs import UNEXPECTED, cli

_COUNT = select(func.count()).select_from(Request)
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "300"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))

# Text a person, a broken terminal or an attacker might type: controls, bidi overrides, lone
# surrogates, formulas, SQL, very long runs, numbers far beyond any column.
NASTY = st.one_of(
    st.text(max_size=30),
    st.sampled_from(["", " ", "=cmd|' /C calc'!A0", "'; DROP TABLE requests; --", "\x00", "\x1b[31mred",
                     "abc\u202egpj.exe", "J\udcfcrgen", "0001-01-01T00:00:00+00:00", "2026-02-30T10:00:00+00:00",
                     "99999999999999999999", "-1", "0", "NaN", "1e309", "DSR-2026-000001", "access", "EU",
                     "a@example.com", "x" * 300, "é" * 81, "2026-03-10T10:00:00+00:00", "\ud800"]),
    st.integers().map(str),
    st.builds(lambda c, n: c * n, st.characters(), st.integers(0, 2000)),
)
RIGHTS = st.one_of(st.sampled_from(["access", "erasure", "inquiry", "rectification"]), NASTY)

COMMANDS = st.one_of(
    st.builds(lambda r, n, e, w, extra: ["request", "add", "--right", r, "--subject-name", n, "--subject-email", e,
                                        "--received", w, *extra],
              RIGHTS, NASTY, st.one_of(st.just("ann@example.com"), NASTY),
              st.one_of(st.just("2026-11-20T10:00:00+00:00"), NASTY),
              st.lists(st.sampled_from(["--assignee", "--notes", "--jurisdiction", "--category", "--language",
                                        "--account-id", "--priority"]).flatmap(lambda o: st.tuples(st.just(o), NASTY)),
                       max_size=2).map(lambda pairs: [x for p in pairs for x in p])),
    st.builds(lambda a, b: ["request", "list", a, b], st.sampled_from(["--limit", "--search", "--queue", "--status",
                                                                       "--assignee", "--right"]), NASTY),
    st.builds(lambda verb, ref: ["request", verb, ref], st.sampled_from(["show", "advance", "verify", "pause"]), NASTY),
    st.builds(lambda ref, amount, day: ["request", "extend", ref, "--amount", amount, "--reason", "more time",
                                        "--notified-on", day], NASTY, NASTY, NASTY),
    st.builds(lambda a, b: ["audit", "list", a, b], st.sampled_from(["--limit", "--since", "--before", "--actor"]), NASTY),
    st.builds(lambda a: ["demo", "--requests", a], NASTY.filter(lambda v: not v.strip().lstrip("+").isdigit() or len(v) > 8)),
    st.lists(NASTY, max_size=4),
)


def _counts(path: Path) -> tuple[int, int]:
    with sqlite3.connect(path) as conn:
        return (conn.execute("SELECT count(*) FROM requests").fetchone()[0],
                conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])


@pytest.fixture
def fuzz_db(ctx, db_url, monkeypatch):  # type: ignore[no-untyped-def]
    if ctx.db.dialect != "sqlite":
        pytest.skip("the fuzz runs on the local file; the PostgreSQL tier runs the bounds through the same code")
    monkeypatch.setenv("PRIVACY_CONSOLE_DB", db_url)
    monkeypatch.setenv("PRIVACY_CONSOLE_USER", "alex.morgan")
    assert cli(["request", "add", "--right", "access", "--subject-name", "Ann Lee", "--subject-email",
                "ann@example.com", "--received", "2026-11-20T10:00:00+00:00"])[0] == 0
    return Path(db_url.removeprefix("sqlite:///"))


def test_cli_arguments(fuzz_db: Path) -> None:
    tried: list[int] = []

    @FUZZ
    @given(COMMANDS)
    def run(argv: list[str]) -> None:
        before = _counts(fuzz_db)
        code, err = cli(argv)
        tried.append(code)
        assert code != UNEXPECTED, (argv, err)
        if code != 0:
            assert err.count("\n") <= 1, (argv, err)  # one line (none where the help was printed)
            assert "Traceback" not in err and "[SQL:" not in err, err
            # A refusal writes nothing; a read (show) that succeeded may add its audit entry.
            assert _counts(fuzz_db) == before, (argv, err)

    run()
    assert len(tried) >= EXAMPLES


FIELD_VALUES = st.one_of(NASTY, st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                         st.lists(st.text(max_size=5), max_size=3), st.dictionaries(st.text(max_size=3), st.text(max_size=3), max_size=2))
GOOD = {"right": "access", "subject_name": "Ann Lee", "subject_email": "ann@example.com",
        "received_at": "2026-11-20T10:00:00+00:00"}
LINES = st.lists(st.fixed_dictionaries({}, optional={f: FIELD_VALUES for f in intake.FIELDS}).map(lambda d: {**GOOD, **d}),
                 min_size=1, max_size=4)


def test_import_files_are_all_or_nothing(ctx) -> None:
    tried: list[int] = []

    @FUZZ
    @given(LINES)
    def run(lines: list[dict]) -> None:
        with ctx.db.read(ctx.actor) as s:
            before = s.execute(_COUNT).scalar_one()
        try:
            result = intake.import_lines(ctx, list(enumerate(lines, start=1)))
            added = result.imported
            assert added == len(lines)
        except ConsoleError:
            added = 0
        with ctx.db.read(ctx.actor) as s:
            assert s.execute(_COUNT).scalar_one() == before + added
        tried.append(added)

    run()
    assert len(tried) >= EXAMPLES and any(tried) and not all(tried)


def test_import_file_formats(ctx, tmp_path: Path) -> None:
    """Whole files: broken CSV, deep JSON, NUL bytes, Latin-1, a field past the csv module's limit."""
    cases = {"deep.json": "[" * 100_000 + "]" * 100_000, "nul.csv": "right,subject_name\x00,subject_email,received_at\n",
             "huge.csv": "right,subject_name,subject_email,received_at\naccess," + "x" * 140_000 + ",a@example.com,2026-11-20T10:00:00+00:00\n",
             "obj.json": '{"requests": {"a": 1}}', "nested.json": '[{"right": {"x": [1]}, "subject_name": ["a"]}]'}
    for name, content in cases.items():
        path = tmp_path / name
        path.write_text(content)
        with pytest.raises(ConsoleError):
            intake.import_file(ctx, path)
    latin = tmp_path / "latin.csv"
    latin.write_bytes("right,subject_name,subject_email,received_at\naccess,J\xfcrgen,j@example.com,x\n".encode("latin-1"))
    with pytest.raises(ConsoleError, match="UTF-8"):
        intake.import_file(ctx, latin)


def _catalogue_files() -> dict[str, str]:
    return {p.name: p.read_text() for p in sorted(default_catalogue_path().glob("*.toml"))}


def _toml(value: object) -> str:
    """A TOML literal for a generated value (JSON's string escapes are TOML's too)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value) if isinstance(value, int) or value == value else "nan"
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(str(k))} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(str(value), ensure_ascii=False)


def _mutate(text: str, pick: int, value: object, garble: int | None) -> str:
    """Give the ``pick``-th assignment another value; optionally cut garbage in at ``garble`` per mille."""
    lines = text.splitlines()
    assignments = [i for i, line in enumerate(lines) if re.match(r"\s*[\w.\"-]+\s*=", line)]
    i = assignments[pick % len(assignments)]
    key = lines[i].split("=", 1)[0]
    lines[i] = f"{key}= {_toml(value)}"
    out = "\n".join(lines) + "\n"
    if garble is not None:
        at = len(out) * garble // 1000
        out = out[:at] + "\x00]]=[" + out[at:]
    return out


TOML_VALUES = st.one_of(st.text(max_size=20), st.integers(), st.floats(), st.booleans(),
                        st.lists(st.integers(), max_size=3), st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
                        st.just([]), st.just({}), st.sampled_from(["-1", "hours", "calendar_days", "EU", "access", "x" * 500]),
                        st.integers(-10**30, 10**30))


def test_catalogue_loader(tmp_path: Path) -> None:
    if os.environ.get("PRIVACY_CONSOLE_TEST_PG"):
        pytest.skip("no database involved: the SQLite tier runs it")
    files = _catalogue_files()
    tried: list[bool] = []

    @FUZZ
    @given(st.sampled_from(sorted(files)), st.integers(0, 10_000), TOML_VALUES, st.one_of(st.none(), st.integers(0, 999)))
    def run(name: str, pick: int, value: object, garble: int | None) -> None:
        folder = tmp_path / "policy"
        folder.mkdir(exist_ok=True)
        for other, text in files.items():
            (folder / other).write_text(_mutate(text, pick, value, garble) if other == name else text)
        try:
            load_catalogue(folder)
            tried.append(True)
        except ConsoleError as exc:
            assert str(exc).strip() and "Traceback" not in str(exc)
            tried.append(False)

    run()
    assert len(tried) >= EXAMPLES and not all(tried)
