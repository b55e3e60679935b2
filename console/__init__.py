"""Privacy Console: the product without a screen (never imports Qt)."""

import os as _os
import sys as _sys

DIST = "privacy-console"


def _installed(field: str, default: str) -> str:
    """A field of the installed package's metadata (pyproject.toml is the one place it is written)."""
    from importlib import metadata

    try:
        meta = metadata.metadata(DIST)
    except metadata.PackageNotFoundError:  # a bare checkout on PYTHONPATH, never installed
        return default
    return meta.get(field) or default


def _version() -> str:
    """The installed version, read from the first ``*.dist-info/METADATA`` on the path, as
    importlib.metadata finds it, without importing that (25 ms at every start, before the window's
    first page too); importlib.metadata where that finds nothing (e.g. a bundle's own layout)."""
    prefix = DIST.replace("-", "_") + "-"
    for entry in _sys.path:
        folder = entry or "."
        try:
            names = [n for n in _os.listdir(folder) if n.startswith(prefix) and n.endswith(".dist-info")]
        except OSError:
            continue
        for name in names:
            try:
                with open(_os.path.join(folder, name, "METADATA"), encoding="utf-8") as f:
                    for line in f:
                        if line.startswith("Version:"):
                            return line.split(":", 1)[1].strip()
                        if not line.strip():
                            break  # the headers end here
            except OSError:
                continue
    return _installed("Version", "0+unknown")


__version__ = _version()


def licence() -> str:
    """The licence the package declares (About shows it)."""
    return _installed("License", "") or _installed("License-Expression", "unknown")
