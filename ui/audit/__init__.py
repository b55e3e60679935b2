"""The Audit trail page of the navigation (for the roles that may read it; an explanation otherwise).

Importing this module registers the view (the window imports it through ``ui.registry.EXTENSIONS``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication

from ui.registry import ViewSpec, register_view


def _audit(app: Any, parent: Any = None) -> Any:
    from ui.audit.view import page_for

    return page_for(app, parent)


register_view(ViewSpec("audit", lambda: QCoreApplication.translate("Audit", "Audit trail"), "state-closed", _audit,
                       order=60))
