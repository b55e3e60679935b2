"""The environment is read in one place: console/config.py declares every variable with its meaning."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from console import config
from console.store.engine import resolve_url

ROOT = Path(__file__).resolve().parents[2]


def _environment_reads(path: Path) -> list[str]:
    """Lines of ``path`` that touch the process environment (os.environ, os.getenv, os.putenv)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    names = ("environ", "getenv", "putenv", "unsetenv")

    def touches(node: ast.AST) -> bool:
        if isinstance(node, ast.Attribute):
            return node.attr in names
        return isinstance(node, ast.ImportFrom) and node.module == "os" and any(a.name in names for a in node.names)

    return [f"{path.relative_to(ROOT)}:{node.lineno}" for node in ast.walk(tree) if touches(node)]


def test_only_the_config_module_reads_the_environment() -> None:
    sources = [p for pkg in ("console", "ui") for p in sorted((ROOT / pkg).rglob("*.py"))]
    assert len(sources) > 100  # the scan saw the program, not an empty folder
    reads = [hit for p in sources if p != ROOT / "console" / "config.py" for hit in _environment_reads(p)]
    assert reads == [], "read the environment through console.config: " + ", ".join(reads)


def test_every_variable_the_program_names_is_declared() -> None:
    """A PRIVACY_CONSOLE_* name written anywhere in the program is one config declares."""
    declared = {v.name for v in config.VARIABLES}
    named = set()
    for pkg in ("console", "ui"):
        for p in (ROOT / pkg).rglob("*.py"):
            named |= set(re.findall(r"\bPRIVACY_CONSOLE_[A-Z_]+\b", p.read_text(encoding="utf-8")))
    assert named <= declared, f"not declared in console/config.py: {sorted(named - declared)}"


def test_user_facing_variables_are_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [v.name for v in config.VARIABLES if v.user_facing and f"`{v.name}`" not in readme]
    assert missing == []
    assert all(v.meaning for v in config.VARIABLES)


def test_the_database_url_is_resolved_in_one_order(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PRIVACY_CONSOLE_HOME", str(tmp_path))
    monkeypatch.delenv("PRIVACY_CONSOLE_DB", raising=False)
    assert config.database_url(None, "sqlite:///saved.db") == "sqlite:///saved.db"
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'console.sqlite3'}"  # the local file in the data folder
    monkeypatch.setenv("PRIVACY_CONSOLE_DB", "sqlite:///env.db")
    assert config.database_url(None, "sqlite:///saved.db") == "sqlite:///env.db"  # the environment before Settings
    assert config.database_url("sqlite:///flag.db", "sqlite:///saved.db") == "sqlite:///flag.db"  # --db first
    assert resolve_url(None) == "sqlite:///env.db"


def test_a_bad_busy_timeout_falls_back_to_thirty_seconds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRIVACY_CONSOLE_BUSY_TIMEOUT", "soon")
    assert config.busy_timeout() == 30.0
    monkeypatch.setenv("PRIVACY_CONSOLE_BUSY_TIMEOUT", "2.5")
    assert config.busy_timeout() == 2.5
