"""Letter templates: every language says everything English says, with the same placeholders."""

from __future__ import annotations

import string
import tomllib
from pathlib import Path
from typing import Any

import pytest

from console.resources import resource_path

LETTERS = resource_path("templates", "letters")
LANGUAGES = sorted(p.name for p in LETTERS.iterdir() if p.is_dir())


def _keys(node: Any, prefix: str = "") -> dict[str, Any]:
    if not isinstance(node, dict):
        return {prefix: node}
    out: dict[str, Any] = {}
    for key, value in node.items():
        out.update(_keys(value, f"{prefix}.{key}" if prefix else key))
    return out


def _placeholders(value: Any) -> set[str]:
    texts = value if isinstance(value, list) else [value]
    return {name for text in texts if isinstance(text, str)
            for _, name, _, _ in string.Formatter().parse(text) if name}


def _load(path: Path) -> dict[str, Any]:
    return _keys(tomllib.loads(path.read_text(encoding="utf-8")))


def test_english_and_german_are_shipped() -> None:
    assert {"en", "de"} <= set(LANGUAGES)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
def test_every_language_has_every_text_with_the_same_placeholders(language: str) -> None:
    for english in sorted((LETTERS / "en").glob("*.toml")):
        other = LETTERS / language / english.name
        assert other.exists(), f"{language}/{english.name} is missing"
        en, tr = _load(english), _load(other)
        missing = sorted(set(en) - set(tr) - {"labels.date_format"})
        assert not missing, f"{language}/{english.name} lacks {missing}"
        for key, value in tr.items():
            if key in en and not key.startswith("labels."):
                assert _placeholders(value) <= _placeholders(en[key]), f"{language}/{english.name} {key}"


REGIMES = sorted(p.name for p in (LETTERS / "en").iterdir() if p.is_dir())


def test_regime_overlays_exist_for_california_children_and_the_uk() -> None:
    assert {"ccpa", "coppa", "uk_gdpr"} <= set(REGIMES)


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if lang != "en"])
@pytest.mark.parametrize("regime", REGIMES)
def test_every_language_overlays_what_english_overlays(language: str, regime: str) -> None:
    """A regime's wording replaces keys of the language's letters: same files, same keys, no new placeholders."""
    for english in sorted((LETTERS / "en" / regime).glob("*.toml")):
        other = LETTERS / language / regime / english.name
        assert other.exists(), f"{language}/{regime}/{english.name} is missing"
        en, tr = _load(english), _load(other)
        assert set(en) == set(tr), f"{language}/{regime}/{english.name}: {sorted(set(en) ^ set(tr))}"
        base = _load(LETTERS / "en" / english.name)
        for key, value in en.items():
            assert key in base or key.startswith("rights."), f"en/{regime}/{english.name} {key} overrides nothing"
            assert _placeholders(value) <= _placeholders(base.get(key, "")) | {"subject_name"}, key
            assert _placeholders(tr[key]) <= _placeholders(value) | {"subject_name"}, key
