"""The Incidents view: the breach log with the live 72-hour clock, the incident workspace,
drills, documents and the authority-deadline notices. Registering replaces the placeholder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

import ui.builtins  # noqa: F401 - the placeholder first, whoever imports this package first
from ui.registry import ViewSpec, register_view

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import AppContext


def _page(app: AppContext, parent: QWidget | None = None) -> QWidget:
    from ui.incidents.page import IncidentsPage  # imported when the page is first opened

    return IncidentsPage(app, parent)


register_view(ViewSpec("incidents", lambda: QCoreApplication.translate("Incidents", "Incidents"), "incidents",
                       _page, order=10, eager=True))  # its authority-deadline notices run from the start
