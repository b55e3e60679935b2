"""The policy catalogue: the organisation's rules as data (resources/policy/*.toml)."""

from console.policy.catalogue import (
    Catalogue,
    Category,
    ChecklistItem,
    Jurisdiction,
    LawClock,
    Right,
    Window,
    default_catalogue_path,
    load_catalogue,
)

__all__ = [
    "Catalogue",
    "Category",
    "ChecklistItem",
    "Jurisdiction",
    "LawClock",
    "Right",
    "Window",
    "default_catalogue_path",
    "load_catalogue",
]
