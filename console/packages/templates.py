"""The words of response letters: TOML files per language, so an organisation edits text, not code.

``resources/templates/letters/<language>/<kind>.toml`` plus ``common.toml`` for what every letter
shares. ``PRIVACY_CONSOLE_LETTERS`` points at another folder of the same shape. A missing file,
key or placeholder stops the build with a :class:`DocumentError` naming the file and what to add;
the letter is never sent with a hole in it.
"""

from __future__ import annotations

import string
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from console import config
from console.documents.spec import Labels
from console.errors import DocumentError
from console.resources import resource_path

LETTERS_ENV = config.LETTERS.name
_LABEL_KEYS = ("date", "reference", "page", "signature", "empty_table")


def letters_root() -> Path:
    """The folder of letter templates in use: ``PRIVACY_CONSOLE_LETTERS`` or the shipped one."""
    override = config.LETTERS.get()
    return Path(override) if override else resource_path("templates", "letters")


@lru_cache(maxsize=64)
def _read(path: Path, mtime: float) -> dict[str, Any]:
    """Cached per modification time, so an edited template is picked up without a restart."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DocumentError(f"The letter template {path} is not valid TOML: {exc}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DocumentError(f"The letter template {path} cannot be read: {exc}") from None


def _load(root: Path, language: str, name: str) -> dict[str, Any]:
    path = root / language / f"{name}.toml"
    try:
        mtime = path.stat().st_mtime
    except OSError:
        if not (root / language).is_dir():
            raise DocumentError(
                f"There are no letter templates in the language {language!r}: the folder "
                f"{root / language} is missing. Add it (copy the 'en' folder and translate it) "
                "or change the request's language."
            ) from None
        raise DocumentError(
            f"The letter template {path} is missing; add it (the 'en' folder has one to copy)."
        ) from None
    return _read(path, mtime)


class _Strict(dict[str, object]):
    """format_map values that name an unknown placeholder instead of printing a gap."""

    def __init__(self, values: Mapping[str, object], where: str) -> None:
        super().__init__(values)
        self.where = where

    def __missing__(self, key: str) -> object:
        known = ", ".join(sorted(f"{{{k}}}" for k in self))
        raise DocumentError(
            f"The letter template {self.where} uses the placeholder {{{key}}}, which the console "
            f"does not fill here. Placeholders available: {known}."
        )


@dataclass(frozen=True)
class Words:
    """The texts of one language, with the values every letter of one request can fill in."""

    language: str
    values: Mapping[str, object] = field(default_factory=dict)
    root: Path = field(default_factory=letters_root)
    regime: str = ""  # an overlay folder (ccpa, coppa, uk_gdpr) whose keys win over the language's

    def with_values(self, **values: object) -> Words:
        return Words(self.language, {**self.values, **values}, self.root, self.regime)

    def _overlay(self, name: str, key: str) -> tuple[bool, Any]:
        """The regime's own wording for ``key``, when its folder has the file and the key."""
        if not self.regime:
            return False, None
        path = self.root / self.language / self.regime / f"{name}.toml"
        try:
            node: Any = _read(path, path.stat().st_mtime)
        except OSError:
            return False, None
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                return False, None
            node = node[part]
        return True, node

    def raw(self, name: str, key: str) -> Any:
        """The template value at ``key`` (dotted for a table: ``"grounds.excessive"``)."""
        found, value = self._overlay(name, key)
        if found:
            return value
        node: Any = _load(self.root, self.language, name)
        for part in key.split("."):
            if not isinstance(node, dict) or part not in node:
                raise DocumentError(
                    f"The letter template {self.language}/{name}.toml has no '{key}'; add it "
                    "(the 'en' folder shows what it should say)."
                )
            node = node[part]
        return node

    def has(self, name: str, key: str) -> bool:
        try:
            self.raw(name, key)
        except DocumentError:
            return False
        return True

    def text(self, name: str, key: str, **values: object) -> str:
        """One text with its placeholders filled; a list in the template joins as lines."""
        raw = self.raw(name, key)
        if isinstance(raw, list):
            raw = "\n".join(str(line) for line in raw)
        return self._fill(str(raw), f"{self.language}/{name}.toml '{key}'", values)

    def lines(self, name: str, key: str, **values: object) -> list[str]:
        raw = self.raw(name, key)
        items = raw if isinstance(raw, list) else [raw]
        where = f"{self.language}/{name}.toml '{key}'"
        return [self._fill(str(item), where, values) for item in items]

    def table(self, name: str, key: str) -> dict[str, str]:
        raw = self.raw(name, key)
        if not isinstance(raw, dict):
            raise DocumentError(f"The letter template {self.language}/{name}.toml '{key}' must be a table.")
        return {str(k): str(v) for k, v in raw.items()}

    def optional(self, name: str, key: str, fallback: str) -> str:
        """A text an organisation may leave out (e.g. a translated category title)."""
        return self.text(name, key) if self.has(name, key) else fallback

    def _fill(self, text: str, where: str, values: Mapping[str, object]) -> str:
        merged = _Strict({**self.values, **values}, where)
        try:
            return string.Formatter().vformat(text, (), merged)
        except (IndexError, ValueError) as exc:
            raise DocumentError(
                f"The letter template {where} has a broken placeholder ({exc}); write "
                "placeholders as {name} and a literal brace as {{ or }}."
            ) from None

    def months(self) -> tuple[str, ...]:
        months = self.raw("common", "labels.months")
        if not isinstance(months, list) or len(months) != 12:
            raise DocumentError(
                f"The letter template {self.language}/common.toml 'labels.months' must list 12 months."
            )
        return tuple(str(m) for m in months)

    def date(self, day: date) -> str:
        """'30 November 2026' / '30. November 2026', as the language writes a date."""
        pattern = self._date_pattern()
        return pattern.format(day=day.day, month=self.months()[day.month - 1], year=day.year)

    def _date_pattern(self) -> str:
        """Not a letter text: its placeholders are {day}, {month} and {year}, filled per date."""
        if self.has("common", "labels.date_format"):
            return str(self.raw("common", "labels.date_format"))
        return "{day} {month} {year}"

    def labels(self) -> Labels:
        words = {k: str(self.raw("common", f"labels.{k}")) for k in _LABEL_KEYS}
        pattern = self._date_pattern()
        return DatedLabels(**words, months=self.months(), pattern=pattern)


@dataclass(frozen=True)
class DatedLabels(Labels):
    """Labels whose date follows the language's pattern ("30. November 2026" in German)."""

    pattern: str = "{day} {month} {year}"

    def format_date(self, day: date) -> str:
        return self.pattern.format(day=day.day, month=self.months[day.month - 1], year=day.year)
