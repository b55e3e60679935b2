"""The window's log file: what happened, by kind and id, never whom it was about.

A rotating file in the data folder (``logs/privacy-console.log``, 1 MB, five old ones kept), so a
person reporting a problem can send it without sending anybody's data: entries name event kinds
(``request.create``), references (``REQ-…``, ``INC-…``) and error classes; never a subject's
name or e-mail, a user name, an error's message or a value typed in. No Qt here: the window
starts it, and the CLI could too.
"""

from __future__ import annotations

import logging
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from console import config

FILE_NAME = "privacy-console.log"
MAX_BYTES = 1_000_000  # about a week of a busy team's events
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

log = logging.getLogger("console")


class _Handler(RotatingFileHandler):
    """Ours, so starting twice replaces it instead of writing twice; each new file is made 0600."""

    def _open(self):  # type: ignore[no-untyped-def]
        from console.private_files import private_file

        private_file(Path(self.baseFilename))  # a rotation's fresh file too, not the umask's 0644
        return super()._open()


def default_path() -> Path:
    return config.data_dir() / "logs" / FILE_NAME


def current() -> Path | None:
    """The file being written, or None when no log was started in this process."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, _Handler):
            return Path(handler.baseFilename)
    return None


def start(path: Path | None = None) -> Path:
    """Log INFO and above from the console and the window to ``path`` (the data folder's by default)."""
    from console.private_files import private_dir

    path = path or default_path()
    private_dir(path.parent)  # 0700, like the data folder it sits in
    stop()
    handler = _Handler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    root = logging.getLogger()
    root.addHandler(handler)
    for name in ("console", "ui"):
        logging.getLogger(name).setLevel(logging.INFO)
    return path


def stop() -> None:
    root = logging.getLogger()
    for handler in [h for h in root.handlers if isinstance(h, _Handler)]:
        root.removeHandler(handler)
        handler.close()
        for name in ("console", "ui"):
            logging.getLogger(name).setLevel(logging.NOTSET)  # the CLI's stderr stays at warnings


def failure(logger: logging.Logger, what: str, exc: BaseException, tb: TracebackType | None = None) -> None:
    """A failure by its class and where it happened; its message can quote what a person typed."""
    where = "".join(traceback.format_tb(tb if tb is not None else exc.__traceback__)).rstrip()
    logger.error("%s: %s%s", what, type(exc).__name__, f"\n{where}" if where else "")
