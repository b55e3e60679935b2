"""Which files make the policy catalogue, without reading them (no catalogue code is imported).

``console.policy.catalogue`` reads these; the window's fast first page (``console.requests.first_page``)
compares their fingerprint with the one its kept display details were made from.
"""

from __future__ import annotations

from pathlib import Path

from console import config
from console.resources import resource_path


def default_catalogue_path() -> Path:
    """The catalogue in use: ``PRIVACY_CONSOLE_POLICY`` if set, else the shipped one."""
    override = config.POLICY.get()
    return Path(override) if override else resource_path("policy")


def catalogue_files(path: Path) -> list[Path]:
    """The catalogue's TOML files: every ``*.toml`` of a folder (in name order), or the one file."""
    return sorted(path.glob("*.toml")) if path.is_dir() else [path]


def fingerprint(path: str | Path | None) -> list[object]:
    """What changes when the catalogue at ``path`` (None: the default) may have: the folder and
    each file's name, size and modification time."""
    root = Path(path) if path else default_catalogue_path()
    stats: list[object] = [str(root.resolve())]
    for file in catalogue_files(root):
        st = file.stat()
        stats.append([file.name, st.st_size, st.st_mtime_ns])
    return stats
