"""Desktop integration on Linux: the menu entry and the icons land in the user's XDG folders,
start this program, and go away again on uninstall (in-process, into a throwaway XDG folder)."""

from __future__ import annotations

import configparser
import os
import struct
from pathlib import Path

import pytest

from console import desktop
from console.cli import main


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    return struct.unpack(">II", data[16:24])


def test_install_writes_an_entry_that_starts_this_program_with_its_icon(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert main(["desktop", "install"]) == 0
    entry = tmp_path / "xdg" / "applications" / "privacy-console.desktop"
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive in desktop entries
    parser.read(entry, encoding="utf-8")
    section = parser["Desktop Entry"]
    assert section["Type"] == "Application" and section["Name"] == "Privacy Console"
    assert section["Terminal"] == "false" and section["Icon"] == "privacy-console"
    program = Path(section["Exec"])
    assert program.is_absolute() and os.access(program, os.X_OK) and program.name == "privacy-console"
    icons = tmp_path / "xdg" / "icons" / "hicolor"
    assert (icons / "scalable" / "apps" / "privacy-console.svg").read_text().startswith("<svg")
    for size in desktop.ICON_SIZES:
        assert png_size(icons / f"{size}x{size}" / "apps" / "privacy-console.png") == (size, size)
    assert "application menu" in capsys.readouterr().out

    assert main(["desktop", "uninstall"]) == 0
    assert not entry.exists() and not any(p.is_file() for p in icons.rglob("*"))


def test_a_path_with_spaces_is_quoted_as_the_specification_asks() -> None:
    assert desktop._quote("/opt/Privacy Console/privacy-console") == '"/opt/Privacy Console/privacy-console"'
    assert desktop._quote("/usr/bin/privacy-console") == "/usr/bin/privacy-console"


def test_the_shipped_entry_and_icons_are_complete() -> None:
    assert desktop.DESKTOP_FILE.is_file()
    for size in desktop.ICON_SIZES:
        assert png_size(desktop.png_path(size)) == (size, size)


@pytest.mark.parametrize("value", ["", "relative/path"])
def test_an_unusable_xdg_data_home_falls_back_to_the_default(monkeypatch, value: str) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", value)
    assert desktop.data_home() == Path.home() / ".local" / "share"
