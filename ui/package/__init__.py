"""The Package tab of the request workspace: preview the letter, build and sign, verify, mark as sent.

Importing this module replaces the placeholder tab of ``ui.builtins`` (the window imports it
through ``ui.registry.EXTENSIONS``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

import ui.builtins  # noqa: F401 - its placeholder first, whoever imports this module first
from ui.registry import TabSpec, register_tab


def _package(host: Any) -> Any:
    from ui.package.tab import PackageTab

    return PackageTab(host)


register_tab(TabSpec("package", lambda: QCoreApplication.translate("Package", "Package"), _package, order=40))
