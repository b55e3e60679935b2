"""The window's language: Qt translation files built from ``resources/i18n/*.ts`` (scripts/i18n.py).

Chosen in Settings (``display/language``: empty for the system's language, ``en`` or ``de``);
``PRIVACY_CONSOLE_LANGUAGE`` overrides it for one run. English is the source language, so it
needs no file; a language without a built ``.qm`` file falls back to English.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from console import config
from console.resources import resource_path

LANGUAGES = {"": "System language", "en": "English", "de": "Deutsch"}
ENV = config.LANGUAGE.name
_installed: list[QTranslator] = []


def chosen(preference: str = "") -> str:
    """The language code to use: the environment, then the preference, then the system's."""
    code = (config.LANGUAGE.get() or preference or QLocale.system().name().split("_")[0]).strip().lower()
    return code if code in LANGUAGES and code else "en"


def install(app: QCoreApplication, code: str) -> str:
    """Load Qt's own words and the console's for ``code``; returns the language now in use."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    locale = QLocale(code)
    QLocale.setDefault(locale)
    qt = QTranslator(app)
    if qt.load(locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    if code == "en":
        return "en"
    ours = QTranslator(app)
    if ours.load(str(resource_path("i18n", f"privacy_console_{code}.qm"))):
        app.installTranslator(ours)
        _installed.append(ours)
        return code
    return "en"
