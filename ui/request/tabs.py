"""The contract between the request workspace and its tabs (built-in or from another feature).

A tab gets a :class:`WorkspaceHost` (``ui.framework.tabs.Host``): the application context, the
request on show, and ``run`` to call a service in the writer thread (the workspace then shows the
new state, tells the queue, and turns a refusal into its message). A tab never opens a session itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from console.requests.read_models import RequestView
from ui.framework.tabs import Host as WorkspaceHost
from ui.framework.tabs import RecordTab


class RequestTab(RecordTab):
    """Base of a request workspace tab: shown a fresh RequestView after every load and every change."""

    def show_request(self, view: RequestView) -> None:
        """Show ``view``; called on the GUI thread with data already loaded."""


class PlaceholderTab(RequestTab):
    """A tab whose feature is not installed yet: says which feature brings it."""

    def __init__(self, host: WorkspaceHost, text: str, parent: QWidget | None = None) -> None:
        super().__init__(host, parent)
        label = QLabel(text)
        label.setObjectName("placeholder")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(label)
        layout.addStretch(2)
