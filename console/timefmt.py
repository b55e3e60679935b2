"""Instants as text: in messages meant for people (minutes and a zone, never microseconds), and
as SQLite stores them."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, tzinfo


def human(value: datetime | None) -> str:
    """``2026-11-30 15:32 UTC``; a date-only value prints as its date."""
    if value is None:
        return "—"
    if not isinstance(value, datetime):
        return value.isoformat()
    if value.tzinfo is None:
        return value.strftime("%Y-%m-%d %H:%M")
    return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def due(value: datetime | None, tz: tzinfo) -> str:
    """A deadline as every screen, command and letter shows it, in the organisation's zone ``tz``.

    A day-based deadline ends at local midnight (Reg. 1182/71 Art. 3(2)): it reads as its last
    day, ``2026-12-15 end of day``, never as the next day's 00:00. An hour-based one (the
    48-hour inquiry) reads as its minute with the zone, ``2026-12-15 14:30 GMT``.
    """
    if value is None:
        return "—"
    local = value.astimezone(tz)
    if local.time() == time(0):
        return f"{(local - timedelta(microseconds=1)).date().isoformat()} end of day"
    return local.strftime("%Y-%m-%d %H:%M %Z")


def sqlite_text(value: datetime) -> str:
    """A time as SQLAlchemy's SQLite DateTime stores it (UTC, naive text, microseconds): what a
    statement sent straight to the driver binds (``console.store.reads``, the CLI's fast list)."""
    if value.utcoffset():
        value = value.astimezone(UTC)
    return value.replace(tzinfo=None).isoformat(" ", "microseconds")
