"""Instants in messages meant for people: minutes and a zone, never microseconds."""

from __future__ import annotations

from datetime import UTC, datetime


def human(value: datetime | None) -> str:
    """``2026-11-30 15:32 UTC``; a date-only value prints as its date."""
    if value is None:
        return "—"
    if not isinstance(value, datetime):
        return value.isoformat()
    if value.tzinfo is None:
        return value.strftime("%Y-%m-%d %H:%M")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
