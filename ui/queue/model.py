"""The queue: what the shared paged model (``ui.framework.paged``) shows of ``queries.fetch_page``.

Declarations only: the columns, the worker functions, how a row shows and sorts. ``cell()`` is on
the paint path: role constants are module-level ints, right titles are looked up once.
"""

from __future__ import annotations

import dataclasses
import operator
from dataclasses import replace
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject

from console import deadlines
from console.requests import queries
from console.requests.queries import QueueFilter, QueueRow
from console.requests.read_models import RequestView
from ui import style, words
from ui.context import AppContext
from ui.framework.paged import DISPLAY, FOREGROUND, TOOLTIP, CountdownModel
from ui.framework.paged import ROW_ROLE as ROW_ROLE  # the QueueRow itself
from ui.framework.paged import STATE_ROLE as STATE_ROLE  # the deadline state code

# Loaded rows are kept as plain tuples of atomic values: the garbage collector stops tracking
# those, whereas 100,000 loaded dataclass objects would make every full collection (in any
# thread, holding the GIL) stall the window for tens of milliseconds.
FIELDS = tuple(f.name for f in dataclasses.fields(QueueRow))
(_ID, _REF, _NAME, _EMAIL, _RIGHT, _STATUS, _RECEIVED, _DUE, _RULE, _PAUSED, _ASSIGNEE, _PRIORITY,
 _VERSION) = range(13)
if FIELDS != ("id", "reference", "subject_name", "subject_email", "right", "status", "received_at", "due_at",
              "due_rule", "paused_since", "assignee", "priority", "version"):
    raise ImportError(f"QueueRow changed its fields ({FIELDS}); update ui.queue.model")
_as_tuple = operator.attrgetter(*FIELDS)
_CLOSED = frozenset(queries.CLOSED_VALUES)
Row = tuple[Any, ...]


def fetch_rows(ctx: Any, f: QueueFilter, cursor: tuple[Any, int] | None, limit: int) -> tuple[list[Row], Any]:
    """In the worker: one page as plain tuples, and the cursor of the next one."""
    page = queries.fetch_page(ctx, f, cursor, limit)
    return [_as_tuple(r) for r in page.rows], page.cursor


Col = IntEnum("Col", "REFERENCE SUBJECT RIGHT STATUS RECEIVED DUE TIME_LEFT ASSIGNEE", start=0)  # the columns, in order


SORT_KEYS = {Col.REFERENCE: "reference", Col.SUBJECT: "subject_name", Col.RIGHT: "right", Col.STATUS: "status",
             Col.RECEIVED: "received_at", Col.DUE: "due_at", Col.TIME_LEFT: "due_at", Col.ASSIGNEE: "assignee"}
SORT_COLUMNS = {"reference": Col.REFERENCE, "subject_name": Col.SUBJECT, "right": Col.RIGHT, "status": Col.STATUS,
                "received_at": Col.RECEIVED, "due_at": Col.TIME_LEFT, "assignee": Col.ASSIGNEE}


class QueueModel(CountdownModel):
    page_query = staticmethod(fetch_rows)
    count_query = staticmethod(queries.count)
    sort_keys = SORT_KEYS
    sort_columns = SORT_COLUMNS
    default_sort = "due_at"
    time_left_column = Col.TIME_LEFT
    zone_columns = (Col.RECEIVED, Col.DUE)

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(app, QueueFilter(queue="open"), parent)
        self._titles: dict[str, str] = {}
        self._org_zone = app.ctx.catalogue.organisation.tz

    def headers(self) -> list[str]:
        return [self.tr("Reference"), self.tr("Subject"), self.tr("Right"), self.tr("Status"), self.tr("Received"),
                self.tr("Due"), self.tr("Time left"), self.tr("Assignee")]

    def wrap(self, row: Row) -> QueueRow:
        return QueueRow(*row)

    def patch(self, view: RequestView) -> None:
        """A request changed here: update its row in place until the next refresh regroups."""
        i = self.row_of(view.id)
        if i >= 0:
            self.patch_row(i, _as_tuple(replace(
                QueueRow(*self._rows[i]), status=view.status, assignee=view.assignee, due_at=view.due_at,
                due_rule=view.due_rule, paused_since=view.paused_since, priority=view.priority,
                version=view.version)))

    # --- how a row shows -------------------------------------------------------------------

    def countdown(self, r: Row) -> tuple[str, str]:
        state = deadlines.deadline_state(r[_DUE], self._now, self._org_zone, self._app.ctx.catalogue.due_soon,
                                         paused=r[_PAUSED] is not None, closed=r[_STATUS] in _CLOSED).value
        return state, words.countdown(state, deadlines.time_left(r[_DUE], self._now, r[_PAUSED]))

    def countdown_tip(self, row: Row, state: str, text: str) -> str:
        return self.tr("{state}: {left}\nDue {due} ({rule})").format(
            state=words.deadline_state(state), left=text, due=words.due(row[_DUE], self._zone),
            rule=words.catalogue(row[_RULE]))

    def cell(self, i: int, row: Row, col: int, role: int) -> Any:
        if role == DISPLAY:
            return self._text(row, col)
        if role == TOOLTIP:
            return self._tooltip(row, col)
        if role == ROW_ROLE:
            return QueueRow(*row)
        if role == FOREGROUND and col == Col.ASSIGNEE and not row[_ASSIGNEE]:
            return style.state_colours("closed").foreground
        return None

    def _text(self, row: Row, col: int) -> str:
        if col == Col.REFERENCE:
            return row[_REF]
        if col == Col.SUBJECT:
            return row[_NAME]
        if col == Col.RIGHT:
            title = self._titles.get(row[_RIGHT])
            if title is None:
                title = self._titles[row[_RIGHT]] = words.short_right(self._app.right_title(row[_RIGHT]))
            return title
        if col == Col.STATUS:
            return words.status(row[_STATUS])
        if col == Col.RECEIVED:
            return words.local_date(row[_RECEIVED], self._zone)
        if col == Col.DUE:
            return words.due(row[_DUE], self._zone)
        if col == Col.ASSIGNEE:
            return row[_ASSIGNEE] or self.tr("Unassigned")
        return ""

    def _tooltip(self, row: Row, col: int) -> str | None:
        if col == Col.SUBJECT:
            return row[_EMAIL]
        if col == Col.DUE:
            return row[_RULE]
        if col == Col.RIGHT:
            return words.catalogue(self._app.right_title(row[_RIGHT]))
        if col == Col.RECEIVED:
            return words.local_time(row[_RECEIVED], self._zone)
        return None
