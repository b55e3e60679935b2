"""Privacy Console: the product without a screen (never imports Qt)."""

from importlib import metadata as _metadata

DIST = "privacy-console"


def _installed(field: str, default: str) -> str:
    """A field of the installed package's metadata (pyproject.toml is the one place it is written)."""
    try:
        meta = _metadata.metadata(DIST)
    except _metadata.PackageNotFoundError:  # a bare checkout on PYTHONPATH, never installed
        return default
    return meta.get(field) or default


__version__ = _installed("Version", "0+unknown")


def licence() -> str:
    """The licence the package declares (About shows it)."""
    return _installed("License", "") or _installed("License-Expression", "unknown")
