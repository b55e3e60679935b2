"""One resolver for the files under ``resources/``: installed, editable, and in the PyInstaller bundle.

The top-level ``resources/`` folder is shipped as the package ``privacy_console_resources``
(pyproject maps the name to the folder), so it is read with :mod:`importlib.resources` wherever
the console is installed; the PyInstaller bundle carries it as data under ``sys._MEIPASS``.
"""

from __future__ import annotations

import sys
from functools import cache
from importlib import resources
from pathlib import Path

PACKAGE = "privacy_console_resources"


@cache
def resources_root() -> Path:
    """The folder holding the resources (policy, templates, fonts, icons, ...) as a real path."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    try:
        root = resources.files(PACKAGE)
    except ModuleNotFoundError:
        raise RuntimeError(
            f"Privacy Console is not installed completely: the package {PACKAGE} is missing. "
            "Install it again (pip install . or, in a checkout, make .venv/.installed-test).") from None
    # Installed wheels and editable installs are unpacked folders, so this is a real directory
    # (fonts, Qt icons and the desktop entry need file paths, not a stream).
    return Path(str(root))


def resource_path(*parts: str) -> Path:
    """Path of one resource file, e.g. ``resource_path("policy", "catalogue.toml")``."""
    return resources_root().joinpath(*parts)
