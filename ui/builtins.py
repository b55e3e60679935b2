"""The views and tabs that ship with the window; features replace placeholders by key."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ui.registry import TabSpec, ViewSpec, register_tab, register_view


def _t(text: str) -> str:
    return QCoreApplication.translate("Builtins", text)


class PlaceholderPage(QWidget):
    """A navigation page whose feature is not installed yet: what it will hold, and which feature brings it."""

    def __init__(self, title: str, text: str, icon: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ui import style

        card = QFrame()
        card.setObjectName("tile")
        card.setFixedWidth(560)
        symbol = QLabel()
        if icon:
            symbol.setPixmap(style.icon(icon).pixmap(48, 48))
        symbol.setAlignment(Qt.AlignmentFlag.AlignCenter)
        heading = QLabel(title)
        heading.setObjectName("reference")
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QLabel(text)
        body.setObjectName("placeholder")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignCenter)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(28, 24, 28, 28)
        inner.setSpacing(10)
        inner.addWidget(symbol)
        inner.addWidget(heading)
        inner.addWidget(body)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)


def _incidents(app, parent=None):  # type: ignore[no-untyped-def]
    return PlaceholderPage(
        _t("Incidents"),
        _t("The breach-incident log arrives with the incidents feature: real incidents and response drills, "
           "the 72-hour clock to notify the supervisory authority, and the timeline of each incident."),
        "incidents", parent,
    )


def _dashboard(app, parent=None):  # type: ignore[no-untyped-def]
    from ui.dashboard.view import DashboardPage

    return DashboardPage(app, parent)


def _overview(host):  # type: ignore[no-untyped-def]
    from ui.request.overview import OverviewTab

    return OverviewTab(host)


def _verification(host):  # type: ignore[no-untyped-def]
    from ui.request.verification import VerificationTab

    return VerificationTab(host)


def _data(host):  # type: ignore[no-untyped-def]
    from ui.request.data import DataTab

    return DataTab(host)


def _package(host):  # type: ignore[no-untyped-def]
    from ui.request.tabs import PlaceholderTab

    return PlaceholderTab(host, _t("The response package (build, preview, sign and export the answer to the "
                                   "person) arrives with the packages feature."))


def _activity(host):  # type: ignore[no-untyped-def]
    from ui.request.activity import ActivityTab

    return ActivityTab(host)


def _processing(host):  # type: ignore[no-untyped-def]
    from ui.request.processing import ProcessingTab

    return ProcessingTab(host)


def _person(host):  # type: ignore[no-untyped-def]
    from ui.request.person import PersonTab

    return PersonTab(host)


register_view(ViewSpec("incidents", lambda: _t("Incidents"), "incidents", _incidents, order=10))
register_view(ViewSpec("dashboard", lambda: _t("Dashboard"), "dashboard", _dashboard, order=20))
register_tab(TabSpec("overview", lambda: _t("Overview"), _overview, order=10))
register_tab(TabSpec("verification", lambda: _t("Verification"), _verification, order=20))
register_tab(TabSpec("data", lambda: _t("Data"), _data, order=30))
register_tab(TabSpec("processing", lambda: _t("Processing"), _processing, order=35))
register_tab(TabSpec("package", lambda: _t("Package"), _package, order=40))
register_tab(TabSpec("person", lambda: _t("Person"), _person, order=45))
register_tab(TabSpec("activity", lambda: _t("Activity"), _activity, order=50))
