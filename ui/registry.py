"""Where features plug into the window: navigation views and request-workspace tabs.

A feature adds a page to the navigation with :func:`register_view` or a tab to the request
workspace with :func:`register_tab`; registering an existing key replaces it, which is how the
Incidents view and the Package tab replace their placeholders. The window imports the modules
named in :data:`EXTENSIONS`, so a feature needs no edit in the shell; a feature that fails to
import fails the start, loudly, rather than showing a placeholder nobody asked for::

    # ui/incidents/__init__.py
    from ui.registry import ViewSpec, register_view
    register_view(ViewSpec("incidents", lambda: tr("Incidents"), "incidents", IncidentsPage, order=10))
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ui.context import AppContext

EXTENSIONS = ("ui.incidents", "ui.package", "ui.audit", "ui.records")


@dataclass(frozen=True)
class ViewSpec:
    """A page of the main window reached from the navigation (below the queues)."""

    key: str
    title: Callable[[], str]  # called after the translator is installed
    icon: str  # a name under resources/icons
    factory: Callable[[AppContext, QWidget | None], QWidget]
    order: int = 50
    eager: bool = False  # built when the window opens (e.g. to watch deadlines), not on first visit


@dataclass(frozen=True)
class TabSpec:
    """A tab of the request workspace; ``factory(host)`` returns a ui.request.tabs.RequestTab."""

    key: str
    title: Callable[[], str]
    factory: Callable[[Any], QWidget]
    order: int = 50


_views: dict[str, ViewSpec] = {}
_tabs: dict[str, TabSpec] = {}
_loaded = {"done": False}


def register_view(spec: ViewSpec) -> None:
    _views[spec.key] = spec


def register_tab(spec: TabSpec) -> None:
    _tabs[spec.key] = spec


def views() -> list[ViewSpec]:
    load_extensions()
    return sorted(_views.values(), key=lambda s: (s.order, s.key))


def tabs() -> list[TabSpec]:
    load_extensions()
    return sorted(_tabs.values(), key=lambda s: (s.order, s.key))


def load_extensions() -> None:
    """Built-in views and tabs first, then the feature modules."""
    if _loaded["done"]:
        return
    _loaded["done"] = True
    importlib.import_module("ui.builtins")
    for name in EXTENSIONS:
        importlib.import_module(name)
