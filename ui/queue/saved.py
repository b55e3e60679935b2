"""Saved views: a named queue, search, filters, sort and column set, kept per user in the window's
settings (they are the person's way of looking, not data of the organisation).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields

from console.requests.queries import QueueFilter
from ui.preferences import Preferences
from ui.queue.columns import names, parse
from ui.queue.model import Col


@dataclass(frozen=True)
class SavedView:
    name: str
    filter: QueueFilter
    hidden: frozenset[Col]


class SavedViews:
    def __init__(self, prefs: Preferences, user: str) -> None:
        self._prefs = prefs
        self._key = f"users/{user}/queue/views"

    def _load(self) -> dict[str, dict[str, object]]:
        try:
            data = json.loads(str(self._prefs.value(self._key) or "{}"))
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}

    def names(self) -> list[str]:
        return sorted(self._load(), key=str.casefold)

    def get(self, name: str) -> SavedView | None:
        raw = self._load().get(name)
        if not isinstance(raw, dict):
            return None
        known = {f.name for f in fields(QueueFilter)}
        f = QueueFilter(**{k: v for k, v in dict(raw.get("filter") or {}).items() if k in known})  # type: ignore[arg-type]
        return SavedView(name, f, frozenset(parse(raw.get("hidden"))))

    def save(self, name: str, f: QueueFilter, hidden: set[Col]) -> None:
        data = self._load()
        data[name] = {"filter": asdict(f), "hidden": names(hidden)}
        self._prefs.set_value(self._key, json.dumps(data, sort_keys=True))
        self._prefs.sync()

    def delete(self, name: str) -> None:
        data = self._load()
        data.pop(name, None)
        self._prefs.set_value(self._key, json.dumps(data, sort_keys=True))
