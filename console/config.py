"""Every environment variable the program reads, declared once with what it means.

The one module that reads ``os.environ`` (a test holds every other module to it), so a reader
finds here all the knobs the environment turns, and the README's table lists the user-facing ones.
Values are read when asked for, never at import: a test or a command may set them just before.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "privacy-console"


@dataclass(frozen=True)
class Variable:
    name: str
    meaning: str
    user_facing: bool = True  # listed in the README

    def get(self) -> str:
        """The value without surrounding blanks; empty when unset."""
        return os.environ.get(self.name, "").strip()

    def is_set(self) -> bool:
        return bool(self.get())

    def set_default(self, value: str) -> None:
        """Give it a value for this process (and its children) unless the caller set one."""
        os.environ.setdefault(self.name, value)


HOME = Variable("PRIVACY_CONSOLE_HOME", "the data folder (local database, settings, log file) instead of the "
                "platform's user data folder")
DB = Variable("PRIVACY_CONSOLE_DB", "the database URL when --db is not given (sqlite:///file or "
              "postgresql+psycopg://user@host:5432/name, never with a password)")
POLICY = Variable("PRIVACY_CONSOLE_POLICY", "the policy catalogue (a .toml file or a folder of them) instead of "
                  "the shipped one")
LETTERS = Variable("PRIVACY_CONSOLE_LETTERS", "the folder of letter templates instead of the shipped one")
SIGNING_CERT = Variable("PRIVACY_CONSOLE_SIGNING_CERT", "the PKCS#12 certificate response packages are signed "
                        "with, before the shared setting")
SESSION = Variable("PRIVACY_CONSOLE_SESSION", "a session token (login --print-token) for hosts without a keyring")
USER = Variable("PRIVACY_CONSOLE_USER", "the name the owner of a local database without sign-in acts under "
                "(default: the login name)")
LANGUAGE = Variable("PRIVACY_CONSOLE_LANGUAGE", "the window's language for one run (en, de), before Settings")
DEBUG = Variable("PRIVACY_CONSOLE_DEBUG", "1: an unexpected error shows its traceback instead of one line")
BUSY_TIMEOUT = Variable("PRIVACY_CONSOLE_BUSY_TIMEOUT", "seconds a change waits for another's lock on a SQLite "
                        "file before 'busy, try again' (default 30)")
NO_WELCOME = Variable("PRIVACY_CONSOLE_NO_WELCOME", "1: the window skips the first-start welcome")
NO_DEMO = Variable("PRIVACY_CONSOLE_NO_DEMO", "1: the window never fills an empty local file with demo data")
NULLPOOL = Variable("PRIVACY_CONSOLE_NULLPOOL", "1: SQLite connections are not pooled (tests, which delete "
                    "files under open engines)", user_facing=False)
XDG_DATA_HOME = Variable("XDG_DATA_HOME", "where the desktop menu entry is installed (XDG base directories)",
                         user_facing=False)
DISPLAY = Variable("DISPLAY", "an X display: without it or WAYLAND_DISPLAY, screenshot renders offscreen",
                   user_facing=False)
WAYLAND_DISPLAY = Variable("WAYLAND_DISPLAY", "a Wayland display (see DISPLAY)", user_facing=False)
QT_QPA_PLATFORM = Variable("QT_QPA_PLATFORM", "Qt's platform plugin; screenshot sets 'offscreen' without a display",
                           user_facing=False)

VARIABLES = (HOME, DB, POLICY, LETTERS, SIGNING_CERT, SESSION, USER, LANGUAGE, DEBUG, BUSY_TIMEOUT, NO_WELCOME,
             NO_DEMO, NULLPOOL, XDG_DATA_HOME, DISPLAY, WAYLAND_DISPLAY, QT_QPA_PLATFORM)


DEMO_REQUESTS = 300  # the demo requests a new local database gets
LOCAL_FILE = "console.sqlite3"  # the local database's file in the data folder


def data_dir() -> Path:
    """The user's data folder for the console (created on demand, never here)."""
    override = HOME.get()
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def database_url(explicit: str | None = None, saved: str | None = None) -> str | None:
    """The database asked for: ``--db``, then ``PRIVACY_CONSOLE_DB``, then the window's saved
    choice; None means the local default file (``console.store.engine.default_url``)."""
    return explicit or DB.get() or saved or None


def policy_path(explicit: str | None = None, saved: str | None = None) -> str | None:
    """The catalogue asked for: ``--policy``, then ``PRIVACY_CONSOLE_POLICY``, then the saved one."""
    return explicit or POLICY.get() or saved or None


def busy_timeout() -> float:
    """Seconds a writer waits for another's lock before 'busy, try again' (SQLite)."""
    try:
        return max(0.0, float(BUSY_TIMEOUT.get() or "30"))
    except ValueError:
        return 30.0
