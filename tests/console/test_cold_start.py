"""Cold start: a command loads what it needs; a database at the current schema opens without Alembic."""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from console.cli import COMMANDS, build_parser, command_of, main
from console.errors import PolicyError, StorageError
from console.policy import load_catalogue
from console.resources import resource_path
from console.store import migrate
from console.uow import Database

ROOT = Path(__file__).resolve().parents[2]


def test_version_and_help_load_no_database_code() -> None:
    """One real process (sys.modules is shared in-process): nothing of SQLAlchemy, Alembic or the models."""
    probe = (
        "import sys\n"
        "from console.cli import main\n"
        "for argv in (['--version'], ['--help'], []):\n"
        "    try: main(argv)\n"
        "    except SystemExit: pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'alembic', 'keyring', 'holidays')\n"
        "               or m.startswith('console.store') or m.startswith('console.requests'))\n"
        "print('LOADED', heavy, file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert "privacy-console 0.1" in out.stdout and "request" in out.stdout
    assert "LOADED []" in out.stderr, out.stderr


def test_every_command_is_listed_with_its_own_help_line() -> None:
    """The list --help shows comes from COMMANDS; each module's parser must say the same."""
    for name, (_module, text) in COMMANDS.items():
        parser = build_parser(name)
        sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
        shown = {a.dest: a.help for a in sub._choices_actions}
        assert shown.keys() == COMMANDS.keys(), name  # every command stays reachable and listed
        assert shown[name] == text, f"console/cli/{COMMANDS[name][0]}.py says {shown[name]!r} for {name!r}"


def test_the_command_word_is_found_after_global_options() -> None:
    assert command_of(["--db", "sqlite:///x", "--json", "request", "list"]) == "request"
    assert command_of(["--policy", "p", "--version"]) is None


def test_unknown_command_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["teleport"])
    assert exit_.value.code == 2
    assert "unknown command" in capsys.readouterr().err


def test_head_revision_is_known_without_loading_the_scripts() -> None:
    from alembic.script import ScriptDirectory

    assert migrate.head_revision() == ScriptDirectory.from_config(migrate.alembic_config()).get_current_head()


def test_a_database_at_the_current_schema_opens_without_alembic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    Database(url).dispose()  # new: migrated by Alembic
    from alembic import command

    def refuse(*_a: object, **_k: object) -> None:
        raise AssertionError("Alembic ran for a database already at the current schema")

    monkeypatch.setattr(command, "upgrade", refuse)
    db = Database(url)
    assert migrate.current_revision(db.engine) == migrate.head_revision() and db.is_empty()
    db.dispose()


def test_a_database_at_the_current_schema_opens_without_loading_alembic_at_all(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not even its script directory (which imports every migration): sys.modules is emptied of
    Alembic for the open and put back afterwards."""
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    Database(url).dispose()  # new: migrated by Alembic
    for name in [m for m in sys.modules if m == "alembic" or m.startswith("alembic.")]:
        monkeypatch.delitem(sys.modules, name)
    db = Database(url)
    loaded = sorted(m for m in sys.modules if m == "alembic" or m.startswith("alembic."))
    db.dispose()
    assert loaded == [], "opening a database at the current schema loaded Alembic"


def test_a_database_with_an_unknown_revision_is_refused_by_name(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    db = Database(url)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'zz_from_the_future'")
    db.dispose()
    with pytest.raises(StorageError, match="zz_from_the_future.*newer than this version"):
        Database(url, upgrade=False)


def _laws(tmp_path: Path, country: str) -> Path:
    folder = tmp_path / "policy"
    shutil.copytree(resource_path("policy"), folder)
    laws = folder / "laws.toml"
    laws.write_text(laws.read_text(encoding="utf-8").replace('holiday_country = "IE"', f'holiday_country = "{country}"', 1),
                    encoding="utf-8")
    return folder


def test_a_holiday_country_that_is_no_code_fails_on_load(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match="laws.toml: .*holiday_country: 'Ireland' is not a two-letter country code"):
        load_catalogue(_laws(tmp_path, "Ireland"))


def test_policy_check_names_a_country_without_a_holiday_calendar(tmp_path: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = _laws(tmp_path, "XQ")
    assert main(["policy", "check", "--policy", str(folder)]) != 0
    err = capsys.readouterr().err
    assert "holiday_country 'XQ'" in err and "not a country the holidays calendar knows" in err


def test_the_version_read_at_start_is_the_installed_packages() -> None:
    """console.__version__ reads the dist-info itself (importlib.metadata costs 25 ms per start)."""
    from importlib import metadata

    import console

    assert console.__version__ == metadata.version(console.DIST)
