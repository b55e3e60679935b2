"""The incident list: what the shared paged model (``ui.framework.paged``) shows of ``queries.list_incidents``.

Declarations only, as for the request queue: the columns, the worker functions, how a row shows
and sorts; paging, refresh and the time-left cell are the framework's.
"""

from __future__ import annotations

from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from console.incidents import queries
from console.incidents.queries import IncidentFilter
from console.incidents.read_models import IncidentRow, IncidentView
from ui import style, words
from ui.context import AppContext
from ui.framework.paged import ACCESSIBLE, DISPLAY, FOREGROUND, ROW_ROLE, TOOLTIP, CountdownModel
from ui.framework.paged import STATE_ROLE as STATE_ROLE  # the clock's deadline state code
from ui.incidents import words as iw

BADGE_ROLE = int(Qt.ItemDataRole.UserRole) + 3  # "DRILL" for drills, else None


Col = IntEnum("Col", "REFERENCE TITLE STATUS RISK AWARE DUE TIME_LEFT", start=0)  # the columns, in order


SORT_KEYS = {Col.REFERENCE: "reference", Col.TITLE: "title", Col.STATUS: "status", Col.AWARE: "became_aware_at",
             Col.DUE: "authority_due_at", Col.TIME_LEFT: "authority_due_at"}  # SQL has no risk order
SORT_COLUMNS = {"reference": Col.REFERENCE, "title": Col.TITLE, "status": Col.STATUS,
                "became_aware_at": Col.AWARE, "authority_due_at": Col.TIME_LEFT}


def fetch(ctx: Any, f: IncidentFilter, cursor: tuple[Any, int] | None, limit: int) -> tuple[list[IncidentRow], Any]:
    """In the worker: one page of incidents, and the cursor of the next one."""
    page = queries.list_incidents(ctx, f, cursor, limit)
    return list(page.rows), page.cursor


class IncidentModel(CountdownModel):
    page_query = staticmethod(fetch)
    count_query = staticmethod(queries.count_incidents)
    sort_keys = SORT_KEYS
    sort_columns = SORT_COLUMNS
    refresh_max = 2_000
    time_left_column = Col.TIME_LEFT
    zone_columns = (Col.AWARE, Col.DUE)

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(app, IncidentFilter(queue="open", drills="include"), parent)

    def headers(self) -> list[str]:
        return [self.tr("Reference"), self.tr("Title"), self.tr("Status"), self.tr("Risk"), self.tr("Became aware"),
                self.tr("Authority due"), self.tr("Time left (72 h)")]

    def key_of(self, row: IncidentRow) -> str:
        return row.reference

    def patch(self, view: IncidentView) -> None:
        """An incident changed here: update its row in place until the next refresh regroups."""
        i = self.find(lambda row: row.id == view.id)
        if i >= 0:
            self.patch_row(i, replace(
                self._rows[i], title=view.title, status=view.status, risk=view.risk,
                became_aware_at=view.became_aware_at, authority_due_at=view.authority_due_at,
                authority_notified_at=view.authority_notified_at, authority_decision=view.authority_decision,
                people_count=view.people_count, version=view.version, clock_stopped=view.clock_stopped,
                clock=view.clock))

    # --- how a row shows -------------------------------------------------------------------

    def countdown(self, r: IncidentRow) -> tuple[str, str]:
        state = r.state_at(self._now, self._app.ctx.catalogue).value
        return state, iw.countdown(state, r.time_left(self._now), r.clock)

    def countdown_tip(self, row: IncidentRow, state: str, text: str) -> str:
        if state == "closed":
            return self.tr("Authority clock stopped: {0}").format(iw.clock(row.clock))
        return self.tr("{state}: {left}\nReport to the authority due {due} (72 hours after awareness)").format(
            state=words.deadline_state(state), left=text, due=words.local_time(row.authority_due_at, self._zone))

    def cell(self, i: int, row: IncidentRow, col: int, role: int) -> Any:
        if role == DISPLAY:
            return self._text(row, col)
        if role == ROW_ROLE:
            return row
        if role == BADGE_ROLE:
            return iw.drill_badge() if row.is_drill and col == Col.TITLE else None
        if role == ACCESSIBLE and col == Col.TITLE and row.is_drill:
            return f"{iw.drill_badge()}: {row.title}"
        if role == TOOLTIP:
            return self._tooltip(row, col)
        if role == FOREGROUND and col == Col.RISK and row.risk is None:
            return style.state_colours("closed").foreground
        return None

    def _text(self, row: IncidentRow, col: int) -> str:
        if col == Col.REFERENCE:
            return row.reference
        if col == Col.TITLE:
            return row.title
        if col == Col.STATUS:
            return iw.status(row.status)
        if col == Col.RISK:
            return iw.risk(row.risk)
        if col == Col.AWARE:
            return words.local_time(row.became_aware_at, self._zone)
        if col == Col.DUE:
            return words.local_time(row.authority_due_at, self._zone)
        return ""

    def _tooltip(self, row: IncidentRow, col: int) -> str | None:
        if col == Col.TITLE:
            if row.is_drill:
                return self.tr("{0}\nA response drill: an exercise on the real clocks, never counted in real "
                               "figures or the register.").format(row.title)
            return row.title
        if col == Col.DUE:
            return iw.clock(row.clock)
        return None
