"""Linux desktop integration: the menu entry and the icon, installed for one user (XDG paths).

The same files serve a source install (the entry starts ``.venv/bin/privacy-console``) and the
built bundle (it starts the bundle's own program); nothing is written outside the user's data
folder, and uninstalling removes exactly what installing wrote.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from console import config
from console.errors import ValidationError
from console.resources import resource_path

APP_ID = "privacy-console"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
SOURCE_SVG = resource_path("icons", "app.svg")

DESKTOP_FILE = resource_path("desktop", f"{APP_ID}.desktop")  # Exec=/TryExec= point at the program on install


def png_path(size: int) -> Path:
    return resource_path("desktop", "icons", "hicolor", f"{size}x{size}", "apps", f"{APP_ID}.png")


def data_home() -> Path:
    """$XDG_DATA_HOME, else ~/.local/share (the XDG base directory default)."""
    value = config.XDG_DATA_HOME.get()
    return Path(value) if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


def program() -> Path:
    """The program the menu entry starts: the bundle itself, or the installed entry point."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve()
    beside = Path(sys.executable).parent / APP_ID
    if beside.is_file():
        return beside.absolute()  # the venv's script; not resolved, the venv's python is a symlink
    found = shutil.which(APP_ID)
    if found:
        return Path(found).absolute()
    raise ValidationError(f"Cannot find the {APP_ID} program to start from the menu; install the console "
                          "first (make run), then run this again.")


@dataclass(frozen=True)
class Installed:
    entry: Path
    icons: tuple[Path, ...]
    program: Path


def targets(home: Path | None = None) -> tuple[Path, list[tuple[Path, Path]]]:
    """Where the entry goes, and (source, destination) of every icon file."""
    base = home or data_home()
    icons = base / "icons" / "hicolor"
    pairs = [(SOURCE_SVG, icons / "scalable" / "apps" / f"{APP_ID}.svg")]
    pairs += [(png_path(s), icons / f"{s}x{s}" / "apps" / f"{APP_ID}.png") for s in ICON_SIZES]
    return base / "applications" / f"{APP_ID}.desktop", pairs


def install(home: Path | None = None) -> Installed:
    """Copy the icons, write the menu entry (checked sources first: nothing half-installed)."""
    entry, pairs = targets(home)
    missing = [str(src) for src in [DESKTOP_FILE, *(src for src, _ in pairs)] if not src.is_file()]
    if missing:
        raise ValidationError(f"The icon files are missing ({', '.join(missing)}); run 'make icons' in the source.")
    exe = program()
    for src, dest in pairs:
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    entry.parent.mkdir(parents=True, exist_ok=True)
    text = entry_text(exe)
    tmp = entry.with_suffix(".part")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(entry)
    _refresh_caches(entry.parent, (home or data_home()) / "icons" / "hicolor")
    return Installed(entry, tuple(dest for _, dest in pairs), exe)


def entry_text(exe: Path) -> str:
    """The shipped entry with Exec and TryExec naming this program by its full path."""
    lines = []
    for line in DESKTOP_FILE.read_text(encoding="utf-8").splitlines():
        key = line.partition("=")[0]
        lines.append(f"{key}={_quote(str(exe))}" if key in ("Exec", "TryExec") else line)
    return "\n".join(lines) + "\n"


def uninstall(home: Path | None = None) -> list[Path]:
    entry, pairs = targets(home)
    removed = []
    for path in [entry, *(dest for _, dest in pairs)]:
        if path.is_file():
            path.unlink()
            removed.append(path)
    return removed


def _quote(path: str) -> str:
    """Exec= quoting of the Desktop Entry specification: a path with spaces in double quotes."""
    if not any(c in path for c in ' \t"\\`$'):
        return path
    escaped = path.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def _refresh_caches(applications: Path, icons: Path) -> None:
    """Menus notice the new entry sooner; an icon cache that exists already must learn the new
    icon (else it hides it), but none is created. Harmless where the tools are absent."""
    commands = [["update-desktop-database", str(applications)]]
    if (icons / "icon-theme.cache").exists():
        commands.append(["gtk-update-icon-cache", "-q", "-t", str(icons)])
    for cmd in commands:
        if shutil.which(cmd[0]):
            subprocess.run(cmd, check=False, capture_output=True, timeout=30)
