"""Words for the codes the console returns (statuses, deadline states, channels...), translated.

The console hands back codes and enums; only here do they become words a person reads, through
Qt's translation, so a translator finds every label in one context.
"""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import QCoreApplication

from console import deadlines, timefmt
from console.requests.lifecycle import Status


def _t(text: str) -> str:
    return QCoreApplication.translate("Words", text)


def howmany(n: int, one: str, many: str) -> str:
    """"1 request", "2 requests": the caller passes both translated forms, each with {0} for the number."""
    return (one if n == 1 else many).format(f"{n:,}")


def status(code: str) -> str:
    return {
        "received": _t("Received"),
        "awaiting_verification": _t("Awaiting verification"),
        "in_progress": _t("In progress"),
        "awaiting_approval": _t("Awaiting approval"),
        "completed": _t("Completed"),
        "rejected": _t("Rejected"),
        "withdrawn": _t("Withdrawn"),
    }.get(code, code)


STATUSES = tuple(s.value for s in Status)
DEADLINE_STATES = tuple(s.value for s in deadlines.DeadlineState)


def deadline_state(code: str) -> str:
    return {
        "on_track": _t("On track"),
        "due_soon": _t("Due soon"),
        "due_today": _t("Due today"),
        "overdue": _t("Overdue"),
        "paused": _t("Paused"),
        "closed": _t("Closed"),
    }.get(code, code)


def channel(code: str) -> str:
    return {"email": _t("Email"), "web_form": _t("Web form"), "letter": _t("Letter"), "phone": _t("Phone")}.get(code, code)


def priority(code: str) -> str:
    return {"low": _t("Low"), "normal": _t("Normal"), "high": _t("High"), "urgent": _t("Urgent")}.get(code, code)


def reject_grounds(code: str) -> str:
    return {
        "unverifiable": _t("Identity could not be verified"),
        "manifestly_unfounded": _t("Manifestly unfounded"),
        "excessive": _t("Excessive (e.g. repetitive)"),
        "exemption": _t("A legal exemption applies"),
    }.get(code, code)


def event_action(code: str) -> str:
    return {
        "received": _t("Received"),
        "duplicate": _t("Possible duplicate"),
        "status": _t("Status changed"),
        "reopened": _t("Reopened"),
        "assigned": _t("Assigned"),
        "edited": _t("Edited"),
        "paused": _t("Clock paused"),
        "resumed": _t("Clock resumed"),
        "extended": _t("Deadline extended"),
        "acknowledged": _t("Receipt confirmed"),
        "check_passed": _t("Check passed"),
        "check_failed": _t("Check failed"),
        "second_check": _t("Second verifier confirmed"),
        "evidence_purged": _t("Evidence deleted"),
        "data_imported": _t("Subject data imported"),
        "data_fetched": _t("Subject data fetched"),
    }.get(code, code.replace("_", " ").capitalize())


def countdown(state: str, left: timedelta) -> str:
    """The time-left cell: the countdown plus a word, so the state never rests on colour alone."""
    if state == "overdue":
        return _t("{0} overdue").format(time_left(-left))
    clock = time_left(left)
    if state == "due_today":
        return _t("{0} · today").format(clock)
    if state == "due_soon":
        return _t("{0} · soon").format(clock)
    if state == "paused":  # frozen at what was left when the clock stopped
        return _t("{0} · paused").format(clock)
    if state == "closed":
        return _t("Closed")
    return clock


def local_date(value: datetime | None, zone: tzinfo) -> str:
    return "" if value is None else value.astimezone(zone).strftime("%Y-%m-%d")


def local_time(value: datetime | None, zone: tzinfo) -> str:
    return "" if value is None else value.astimezone(zone).strftime("%Y-%m-%d %H:%M")


_END_OF_DAY = " end of day"


def due(value: datetime | None, zone: tzinfo) -> str:
    """The one deadline formatter (console.timefmt.due): "2026-12-15 end of day" in the organisation's zone."""
    if value is None:
        return ""
    text = timefmt.due(value, zone)
    if text.endswith(_END_OF_DAY):
        return _t("{0} end of day").format(text[:-len(_END_OF_DAY)])
    return text


def time_left(delta: timedelta) -> str:
    """The countdown (console.deadlines.format_time_left) with the day unit in the window's language."""
    clock = deadlines.format_time_left(delta)
    days, sep, rest = clock.partition("d ")
    return _t("{0}d {1}").format(days, rest) if sep else clock


def catalogue(text: str) -> str:
    """A word of the shipped policy catalogue (a right, a jurisdiction, a data category, a deadline
    rule), translated where the translation file has it; an organisation's own words stay as written."""
    return QCoreApplication.translate("Catalogue", text)


def short_right(title: str) -> str:
    """"Right to erasure" reads as "Erasure" where the column or axis already says "right"."""
    short = QCoreApplication.translate("RightShort", title)
    if short != title:
        return short
    prefix = "Right to "
    if title.startswith(prefix) and len(title) > len(prefix):
        rest = title[len(prefix):]
        return rest[0].upper() + rest[1:]
    return title
