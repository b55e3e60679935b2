"""The schema revisions this program ships, read from the migration files' text (not imported).

No SQLAlchemy here: the window's fast first page (``console.requests.first_page``) compares a
database's stored revision with the head before SQLAlchemy has loaded.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from console.errors import StorageError

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision(?:\s*:[^=]*)?\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision(?:\s*:[^=]*)?\s*=\s*(?:['\"]([^'\"]+)['\"]|None)", re.M)


@cache
def known_revisions() -> tuple[frozenset[str], str]:
    """(every revision id this app ships, the head): read from the files' text, without importing them."""
    ids: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(text), _DOWN.search(text)
        if rev is None or down is None:
            continue
        ids.add(rev.group(1))
        if down.group(1):
            parents.add(down.group(1))
    heads = ids - parents
    if len(heads) != 1:
        raise StorageError(f"The migrations must form one chain; found heads {sorted(heads)}.")
    return frozenset(ids), heads.pop()


def head_revision() -> str:
    return known_revisions()[1]
