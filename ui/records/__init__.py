"""The Records page of the navigation: processing activities (Art. 30) and the cookie inventory.

Importing this module registers the view (the window imports it through ``ui.registry.EXTENSIONS``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.registry import ViewSpec, register_view


def _records(app: Any, parent: Any = None) -> Any:
    from ui.records.view import RecordsPage

    return RecordsPage(app, parent)


register_view(ViewSpec("records", lambda: QCoreApplication.translate("Records", "Records"), "export", _records,
                       order=55))
