"""About: which console this is (version from the package), on which database, counting with
which catalogue, under which licence; what a support request needs to name."""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

import console
from ui import style
from ui.context import AppContext

THIRD_PARTY = "Qt for Python (PySide6, LGPL-3.0), DejaVu fonts (free licence) and Droid Sans Fallback (Apache-2.0) " \
              "in resources/fonts, pyHanko (MIT), " \
              "reportlab (BSD), SQLAlchemy (MIT)."


def facts(app: AppContext) -> list[tuple[str, str]]:
    """The lines About shows, as (label, value): also what a person copies into a support request."""
    from console.policy.records import catalogue_version

    cat = app.ctx.catalogue
    edition = f"{cat.version} " if cat.version else ""
    digest = catalogue_version(cat.source)[:12]  # the stamp the records exports carry
    return [
        (_t("Version"), console.__version__),
        (_t("Database"), app.ctx.db.safe_url),
        (_t("Policy catalogue"), _t("{0}(version {1}) from {2}").format(edition, digest, cat.source)),
        (_t("Organisation"), f"{cat.organisation.name} ({cat.organisation.time_zone})"),
        (_t("Licence"), console.licence()),
        (_t("Built with"), THIRD_PARTY),
    ]


def _t(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("About", text)


class AboutDialog(QDialog):
    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Privacy Console"))
        self.setWindowIcon(style.icon("app"))
        self.setMinimumWidth(520)
        logo = QLabel()
        logo.setPixmap(style.icon("app").pixmap(QSize(64, 64)))
        logo.setAlignment(Qt.AlignmentFlag.AlignTop)
        title = QLabel(f"<h2>Privacy Console {html.escape(console.__version__)}</h2>"
                       + self.tr("Data-subject requests with their legal deadlines, identity checks, signed answers "
                                 "and the breach log."))
        title.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(logo)
        head.addWidget(title, 1)
        rows = "".join(f"<tr><td style='padding-right:12px'><b>{html.escape(k)}</b></td><td>{html.escape(v)}</td></tr>"
                       for k, v in facts(app))
        self.details = QLabel(f"<table>{rows}</table>")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
