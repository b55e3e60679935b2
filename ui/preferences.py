"""The window's preferences, declared once with types and defaults, kept in QSettings.

Only the desktop's own choices live here (which database to open, look, display zone, window
layout); rules the team shares stay in the policy catalogue. The database URL kept here never
holds a password: that goes to the keyring.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QSettings

from console import config

T = TypeVar("T", str, int, bool)


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    default: T


DATABASE_URL = Option("database/url", "")
POLICY_PATH = Option("policy/path", "")
DISPLAY_ZONE = Option("display/zone", "organisation")  # organisation | local | utc
DUE_SOON_HOURS = Option("deadlines/due_soon_hours", 0)  # 0: the policy catalogue's threshold
APPEARANCE = Option("display/appearance", "light")  # light | dark
NOTIFY = Option("deadlines/notify", True)
LANGUAGE = Option("display/language", "")  # "" the system's, "en", "de" (ui.i18n); from the next start
ZONES = ("organisation", "local", "utc")
APPEARANCES = ("light", "dark")


def open_settings() -> QSettings:
    """An INI file beside the console's data when PRIVACY_CONSOLE_HOME is set (tests, portable use)."""
    home = config.HOME.get()
    if home:
        Path(home).mkdir(parents=True, exist_ok=True)
        return QSettings(str(Path(home) / "privacy-console.ini"), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "privacy-console", "privacy-console")


class Preferences:
    """Typed access: a value of the wrong type in the file falls back to the default."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings or open_settings()

    def get(self, option: Option[T]) -> T:
        raw: Any = self.settings.value(option.key, option.default)
        kind = type(option.default)
        try:
            if kind is bool:
                return (raw if isinstance(raw, bool) else str(raw).lower() in ("1", "true", "yes")) is True  # type: ignore[return-value]
            return kind(raw)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        self.settings.setValue(option.key, value)

    def value(self, key: str) -> Any:
        """Window layout blobs (geometry, splitter and header states)."""
        return self.settings.value(key)

    def set_value(self, key: str, value: Any) -> None:
        self.settings.setValue(key, value)

    def sync(self) -> None:
        self.settings.sync()
