"""Desktop notices when an incident's authority deadline is due soon, due today, or has passed.

Checked in the background from the shared timer with ``queries.clock_alerts`` (every running
clock near or past its deadline, drills included and marked); a notice goes out when an
incident enters a more urgent state than it was in at the last check, and once at the start for
the clocks already near or past due, since a missed 72-hour report is the costliest miss of all.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject

from console.incidents import queries
from console.incidents.commands import DRILL_PREFIX
from console.incidents.read_models import IncidentRow
from ui.context import AppContext
from ui.framework.alerts import ClockAlerts
from ui.incidents import words as iw

RANK = {"on_track": 0, "due_soon": 1, "due_today": 2, "overdue": 3}


class IncidentAlerts(ClockAlerts):
    """Emits ``notice(title, text)``; the page hands it to the tray (or the status bar)."""

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(app, parent)
        self._known: dict[str, str] = {}

    def query(self, now: datetime) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return queries.clock_alerts, (now,)

    def notices(self, now: datetime, rows: list[IncidentRow]) -> list[tuple[str, str]] | None:
        entered = [r for r in rows if RANK.get(r.state, 0) > RANK.get(self._known.get(r.reference, ""), 0)]
        self._known = {r.reference: r.state for r in rows}
        if not entered:
            return None
        overdue = [r for r in entered if r.state == "overdue"]
        near = [r for r in entered if r.state != "overdue"]
        notices = []
        if overdue:
            notices.append((self.tr("Authority report overdue"), self.describe(
                overdue, now, self.tr("{n} incidents are past the 72-hour deadline: {refs}"))))
        if near:
            notices.append((self.tr("Authority report due soon"), self.describe(
                near, now, self.tr("{n} incidents must be reported to the authority soon: {refs}"))))
        return notices

    def describe(self, rows: list[IncidentRow], now: datetime, many: str) -> str:
        def name(r: IncidentRow) -> str:
            marked = r.is_drill and not r.reference.startswith(DRILL_PREFIX)  # "DRILL-2026-0002" says it already
            return f"{r.reference} [{iw.drill_badge()}]" if marked else r.reference

        if len(rows) == 1:
            r = rows[0]
            left = r.time_left(now)
            if r.state == "overdue":
                return self.tr("{ref} ({title}): the 72-hour deadline passed {late} ago; report it with the reasons "
                               "for the delay.").format(ref=name(r), title=r.title, late=iw.hours(-left))
            return self.tr("{ref} ({title}): report to the authority within {left}.").format(
                ref=name(r), title=r.title, left=iw.hours(left))
        refs = ", ".join(name(r) for r in rows[:3]) + ("…" if len(rows) > 3 else "")
        return many.format(n=len(rows), refs=refs)
