"""Feature modules plug into the window; one that cannot be imported fails the start, never a silent placeholder."""

from __future__ import annotations

import importlib.util

import pytest

from ui import registry


def test_every_listed_feature_exists_and_registers() -> None:
    assert all(importlib.util.find_spec(name) is not None for name in registry.EXTENSIONS)
    keys = {v.key for v in registry.views()}
    assert {"incidents", "audit", "records"} <= keys, keys
    assert "package" in {t.key for t in registry.tabs()}


def test_a_feature_that_fails_to_import_fails_loudly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry, "EXTENSIONS", (*registry.EXTENSIONS, "ui.no_such_feature"))
    monkeypatch.setitem(registry._loaded, "done", False)
    with pytest.raises(ModuleNotFoundError, match="ui.no_such_feature"):
        registry.load_extensions()
