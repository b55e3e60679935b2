"""The window's first queue page read with stdlib sqlite3, before SQLAlchemy has loaded.

Loading SQLAlchemy and the models takes most of the window's start, and a bare window needs none
of it. So the SQL of the page the window opens on (the open queue by deadline) is kept in a small
file in the data folder, as SQLAlchemy compiled it (``queries.remember_first_page``, each start),
keyed by the program's version and schema revision. At the next start, when the database is a
local file at that revision and needs no sign-in, that SQL runs read-only on the file itself: the
rows are live, never a snapshot, and the same as the queue's own first page, which replaces them
as soon as the full program is up.

Anything else (a server, sign-in on — that dialog comes first —, another version or revision, a
missing or damaged file, any error) answers None, and the window starts the ordinary way.
No SQLAlchemy here: this module runs before it loads.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import tempfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote

from console import __version__, config, policy_files
from console.store.revisions import head_revision

log = logging.getLogger(__name__)

CACHE_FILE = "first-page.json"
FORMAT = 1
# console.requests.queries.QueueRow's fields, the order the rows come in (a test keeps them equal)
FIELDS = ("id", "reference", "subject_name", "subject_email", "right", "status", "received_at", "due_at",
          "due_rule", "paused_since", "assignee", "priority", "version")
_SIGN_IN = "security.sign_in_required"  # console.security.config.SIGN_IN_REQUIRED


def cache_path() -> Path:
    return config.data_dir() / CACHE_FILE


def local_file(url: str | None) -> Path | None:
    """The file of a plain local SQLite URL (None: the default file); None for anything else."""
    if url is None:
        return config.data_dir() / config.LOCAL_FILE
    if not url.startswith("sqlite:///") or "?" in url:
        return None
    path = url.removeprefix("sqlite:///")
    return Path(path) if path and path != ":memory:" else None


def key() -> dict[str, Any]:
    """What a kept statement is valid for: this file format, program version, schema revision, row fields."""
    return {"format": FORMAT, "version": __version__, "revision": head_revision(), "fields": list(FIELDS)}


def remember(sql: str, args: Sequence[Any], fields: Sequence[str], datetimes: Sequence[int],
             display: dict[str, Any] | None = None) -> bool:
    """Keep the first page's SQL for the next start, and ``display``: what showing it needs of
    the policy catalogue (see :func:`display`); True when the file was (re)written.

    Only SQL, its plain arguments and catalogue details are kept (no rows, nothing about a person)."""
    if tuple(fields) != FIELDS or not all(isinstance(a, str | int | float) for a in args):
        return False
    text = json.dumps({**key(), "sql": sql, "args": list(args), "datetimes": list(datetimes),
                       "display": display}, indent=1)
    return keep_text(cache_path(), text)


def keep_text(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` whole (a new file put in place) unless it holds it already;
    True when written. A read-only data folder: nothing kept, nothing else changes."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        log.info("%s not kept: %s", path.name, exc.strerror or exc)
        return False
    return True


def read(url: str | None) -> list[tuple[Any, ...]] | None:
    """The first page's rows (``FIELDS`` order, times as aware UTC datetimes), or None where the
    fast path does not apply or anything at all goes wrong (the ordinary start then shows it)."""
    try:
        return _read(url)
    except Exception as exc:  # noqa: BLE001 - never an error from here: the ordinary start follows
        log.info("fast first page skipped: %s", type(exc).__name__)
        return None


def _read(url: str | None) -> list[tuple[Any, ...]] | None:
    path = local_file(url)
    if path is None or not path.is_file():
        return None
    kept = json.loads(cache_path().read_text(encoding="utf-8"))
    if not isinstance(kept, dict) or any(kept.get(k) != v for k, v in key().items()):
        return None
    sql, args, at = kept["sql"], kept["args"], kept["datetimes"]
    if not (isinstance(sql, str) and isinstance(args, list) and isinstance(at, list)):
        return None
    conn = open_checked(path)
    if conn is None:
        return None
    try:
        rows = conn.execute(sql, args).fetchall()
    finally:
        conn.close()
    if rows and len(rows[0]) != len(FIELDS):
        return None
    return [tuple(values) for values in with_times(rows, at)]


def with_times(rows: Sequence[Sequence[Any]], at: Sequence[int]) -> list[list[Any]]:
    """Each row's values, those at ``at`` (SQLite's UTC text) made aware datetimes, as
    ``console.store.reads`` reads them."""
    parse = datetime.fromisoformat
    out = []
    for r in rows:
        values = list(r)
        for i in at:
            if values[i] is not None:
                values[i] = parse(values[i] + "+00:00")
        out.append(values)
    return out


def open_checked(path: Path) -> sqlite3.Connection | None:
    """The file at ``path`` opened read-only, where it is at this program's schema revision and
    needs no sign-in (its local owner may then read everything); else None (the caller takes the
    ordinary path, which checks who acts)."""
    conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True, timeout=config.busy_timeout())
    try:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        if revision == [(head_revision(),)]:
            sign_in = conn.execute("SELECT value FROM settings WHERE key = ?", (_SIGN_IN,)).fetchone()
            if sign_in is None or json.loads(sign_in[0]) is False:
                return conn
    except BaseException:
        conn.close()
        raise
    conn.close()  # another revision, or sign-in first (or a setting this cannot read)
    return None


def catalogue_display(source: str, name: str, time_zone: str, due_soon_hours: int,
                      titles: dict[str, str]) -> dict[str, Any]:
    """What the first page shows of the catalogue read from ``source``: the organisation's name and
    zone, the due-soon threshold, the rights' titles; with the fingerprint of the catalogue's files."""
    return {"fingerprint": policy_files.fingerprint(source), "name": name, "time_zone": time_zone,
            "due_soon_hours": due_soon_hours, "titles": titles}


def display(policy: str | None) -> dict[str, Any] | None:
    """The kept catalogue details (name, time_zone, due_soon_hours, titles) where the catalogue at
    ``policy`` (None: the default) is still the one they were read from; None otherwise (the
    caller then loads the catalogue itself)."""
    try:
        kept = json.loads(cache_path().read_text(encoding="utf-8"))
        shown = kept.get("display") if isinstance(kept, dict) else None
        if not isinstance(shown, dict) or shown.get("fingerprint") != json.loads(json.dumps(
                policy_files.fingerprint(policy))):
            return None
        if not (isinstance(shown.get("name"), str) and isinstance(shown.get("time_zone"), str)
                and isinstance(shown.get("due_soon_hours"), int) and isinstance(shown.get("titles"), dict)):
            return None
        return shown
    except Exception as exc:  # noqa: BLE001 - the catalogue is loaded the ordinary way instead
        log.info("kept catalogue details skipped: %s", type(exc).__name__)
        return None
