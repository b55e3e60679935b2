"""Every command that can ask a question, run with no terminal and nothing on standard input:
one clear line naming the ``--...-stdin`` option, a non-zero exit, and nothing left behind
(no file, no audit entry, no secret). In-process: the real CLI entry, a real SQLite file."""

from __future__ import annotations

import io
import os
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from sqlalchemy import text

from console.cli import main
from console.uow import Database


def audit_count(db: Database) -> int:
    with db.engine.connect() as conn:
        return int(conn.execute(text("SELECT count(*) FROM audit_log")).scalar_one())


def snapshot(*folders: Path) -> set[str]:
    """Every file under the folders, ignoring SQLite's own journal files of an open database."""
    found = set()
    for folder in folders:
        if folder.exists():
            found |= {str(p) for p in folder.rglob("*") if p.is_file() and not p.name.endswith(("-wal", "-shm"))}
    return found


@pytest.fixture
def no_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input as a launcher or cron gives it: not a terminal, and empty."""
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


@pytest.fixture
def work(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "work"
    folder.mkdir()
    monkeypatch.chdir(folder)
    (folder / "queries.toml").write_text('[queries]\naccount = "SELECT 1"\n')
    return folder


SQLITE = "sqlite:///{db}"

# (arguments, the option the message must name); {db} is the test's database file.
PROMPTING = [
    (["cert", "create-self-signed", "--cn", "Team", "--org", "Org", "--email", "p@example.com",
      "--out", "team.p12", "--pem", "team.pem"], "--passphrase-stdin"),
    (["cert", "create-self-signed", "--cn", "Team", "--org", "Org", "--email", "p@example.com",
      "--out", "team.p12", "--use", "--db", SQLITE], "--passphrase-stdin"),
    (["cert", "use", "team.p12", "--db", SQLITE], "--passphrase-stdin"),
    (["db", "login", "postgresql+psycopg://alex@127.0.0.1:5432/nowhere"], "--password-stdin"),
    (["backup", "console.backup", "--db", SQLITE], "--passphrase-stdin"),
    (["restore", "console.backup", "--to", "restored.sqlite3"], "--passphrase-stdin"),
    (["account", "add", "sam", "--role", "analyst", "--db", SQLITE], "--password-stdin"),
    (["account", "password", "--db", SQLITE], "--password-stdin"),
    (["account", "enable-sign-in", "admin", "--db", SQLITE], "--password-stdin"),
    (["source", "add", "crm", "postgresql+psycopg://crm@127.0.0.1/crm", "--queries", "queries.toml",
      "--ask-password", "--db", SQLITE], "--password-stdin"),
    (["login", "--db", SQLITE], "--password-stdin"),
    (["login", "admin", "--db", SQLITE], "--password-stdin"),
]


@pytest.mark.parametrize(("argv", "option"), PROMPTING, ids=[" ".join(a[:2]) + (" --use" if "--use" in a else "")
                                                              for a, _ in PROMPTING])
def test_a_question_without_a_terminal_names_the_stdin_option_and_leaves_nothing(
        argv, option, no_stdin, work: Path, tmp_path: Path, isolated_home: Path, memory_keyring,
        capsys: pytest.CaptureFixture[str]) -> None:
    db_file = tmp_path / "db" / "console.sqlite3"
    db_file.parent.mkdir()
    db = Database(SQLITE.format(db=db_file))
    if argv[0] == "login":
        from console.security import accounts

        accounts.enable_sign_in(db, "admin", "Admin", "a long enough passphrase 1", by="setup")
    if argv[0] == "restore":
        (work / "console.backup").write_bytes(b"not really a backup")
    before_audit, before_files = audit_count(db), snapshot(work, isolated_home, db_file.parent)
    before_keys = dict(memory_keyring.store)  # the audit seal's key, made with the database

    code = main([a.format(db=db_file) for a in argv])

    err = capsys.readouterr().err
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "No terminal" in lines[0] and option in lines[0], lines[0]
    assert "Traceback" not in err and "unexpected" not in err
    assert snapshot(work, isolated_home, db_file.parent) == before_files
    assert audit_count(db) == before_audit
    assert memory_keyring.store == before_keys
    db.dispose()


def test_a_certificate_without_a_keyring_leaves_no_files_and_no_audit_entries(
        work: Path, tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """The issue's case: no keyring, `cert create-self-signed --use` used to leave team.p12 behind."""
    db_file = tmp_path / "db" / "console.sqlite3"
    db_file.parent.mkdir()
    db = Database(SQLITE.format(db=db_file))
    before_audit, before_files = audit_count(db), snapshot(work, isolated_home, db_file.parent)
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the real backend of a host with no keyring
    monkeypatch.setattr("sys.stdin", io.StringIO("a trial passphrase\n"))

    code = main(["cert", "create-self-signed", "--cn", "Team", "--org", "Org", "--email", "p@example.com",
                 "--out", "team.p12", "--pem", "team.pem", "--use", "--passphrase-stdin",
                 "--db", SQLITE.format(db=db_file)])

    err = capsys.readouterr().err
    assert code == 9
    assert len(err.strip().splitlines()) == 1 and "No OS keyring" in err
    assert snapshot(work, isolated_home, db_file.parent) == before_files
    assert not os.path.exists(work / "team.p12")
    assert audit_count(db) == before_audit
    db.dispose()


def test_stdin_options_are_in_the_help(capsys: pytest.CaptureFixture[str]) -> None:
    """A person who meets the message finds the option described where they look next."""
    for argv, option in PROMPTING:
        words = argv[:1] if argv[0] in ("login", "backup", "restore") else argv[:2]
        with pytest.raises(SystemExit):
            main([*words, "--help"])
        assert option in capsys.readouterr().out, words


def test_demo_help_describes_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["demo", "--help"])
    out = capsys.readouterr().out
    for option, words in (("--requests", "how many requests"), ("--incidents", "breach incidents"),
                          ("--seed", "random seed")):
        assert option in out and words in out
