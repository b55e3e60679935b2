"""The README's exit code table names every code the CLI returns, and says what 13 and 14 mean."""

from __future__ import annotations

import re

from console import backup, errors
from console.cli import audit
from tests.conftest import ROOT


def _classes(base: type) -> list[type]:
    found = []
    for sub in base.__subclasses__():
        found += [sub, *_classes(sub)]
    return found


def _table() -> dict[int, str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return {int(code): meaning for code, meaning in re.findall(r"^\| (\d+) \| ([^|]+) \|", text, re.MULTILINE)}


def test_every_exit_code_is_in_the_readme_table() -> None:
    assert backup.BackupError and audit.TamperedError  # their modules are loaded, so their classes count
    codes = {cls.exit_code for cls in [errors.ConsoleError, *_classes(errors.ConsoleError)]} | {0, 70, 130}
    table = _table()
    assert codes - set(table) == set(), f"exit codes missing from the README table: {sorted(codes - set(table))}"
    assert "busy" in table[errors.BusyError.exit_code]
    assert "damaged" in table[errors.DamagedError.exit_code]
