"""A small typed reader over parsed TOML that names the file and key of every problem.

Why not a schema library: the messages must read "rights.toml: rights[2].window.unit: ..."
for a privacy officer editing the file, and the schema is small and the product's own.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from console.errors import PolicyError, ValidationError


def unknown(kind: str, wanted: str, known: Iterable[str], plural: str) -> ValidationError:
    """The refusal of an id the catalogue does not hold, naming the ones it does."""
    return ValidationError(f"Unknown {kind} {wanted!r}. Known {plural}: {', '.join(known) or 'none'}")


class Node:
    """A table of the catalogue with the path that leads to it, for error messages."""

    def __init__(self, data: Any, file: str, path: str) -> None:
        if not isinstance(data, dict):
            raise PolicyError(f"{file}: {path or 'top level'}: expected a table, got {_kind(data)}")
        self.data = data
        self.file = file
        self.path = path

    def _key(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def fail(self, key: str, problem: str) -> PolicyError:
        return PolicyError(f"{self.file}: {self._key(key)}: {problem}")

    def has(self, key: str) -> bool:
        return key in self.data

    def _get(self, key: str, required: bool, default: Any) -> Any:
        if key not in self.data:
            if required:
                raise self.fail(key, "is missing")
            return default
        return self.data[key]

    def text(self, key: str, *, required: bool = True, default: str = "") -> str:
        value = self._get(key, required, default)
        if not isinstance(value, str):
            raise self.fail(key, f"expected text, got {_kind(value)}")
        if required and not value.strip():
            raise self.fail(key, "must not be empty")
        return value

    def number(self, key: str, *, required: bool = True, default: int = 0, minimum: int = 0) -> int:
        value = self._get(key, required, default)
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(key, f"expected a whole number, got {_kind(value)}")
        if value < minimum:
            raise self.fail(key, f"must be at least {minimum}, got {value}")
        return value

    def flag(self, key: str, *, default: bool = False) -> bool:
        value = self._get(key, False, default)
        if not isinstance(value, bool):
            raise self.fail(key, f"expected true or false, got {_kind(value)}")
        return value

    def choice(self, key: str, choices: Iterable[str], *, required: bool = True, default: str = "") -> str:
        allowed = list(choices)
        value = self.text(key, required=required, default=default)
        if value not in allowed:
            raise self.fail(key, f"{value!r} is not one of {', '.join(allowed)}")
        return value

    def str_list(self, key: str, *, required: bool = False) -> tuple[str, ...]:
        value = self._get(key, required, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "expected a list of texts")
        return tuple(value)

    def table(self, key: str, *, required: bool = True) -> Node | None:
        value = self._get(key, required, None)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise self.fail(key, f"expected a table, got {_kind(value)}")
        return Node(value, self.file, self._key(key))

    def tables(self, key: str, *, required: bool = True) -> list[Node]:
        value = self._get(key, required, [])
        if not isinstance(value, list):
            raise self.fail(key, f"expected a list of tables, got {_kind(value)}")
        return [Node(item, self.file, f"{self._key(key)}[{i}]") for i, item in enumerate(value)]


def _kind(value: Any) -> str:
    names = {str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)
