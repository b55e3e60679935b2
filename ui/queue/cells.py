"""How a queue row shows: the columns, their texts, the time left (no SQLAlchemy here).

Shared by the queue's model (``ui.queue.model``) and the provisional first page painted before
the database layer has loaded (``ui.queue.provisional``), so both show a row the same way.
``cell()`` is on the paint path: role constants are module-level ints, right titles are looked up once.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QCoreApplication

from console import deadlines
from console.requests.lifecycle import CLOSED
from ui import style, words
from ui.framework.paged import DISPLAY, FOREGROUND, ROW_ROLE, TOOLTIP

# A row is a plain tuple in console.requests.queries.QueueRow's field order (ui.queue.model checks it)
(_ID, _REF, _NAME, _EMAIL, _RIGHT, _STATUS, _RECEIVED, _DUE, _RULE, _PAUSED, _ASSIGNEE, _PRIORITY,
 _VERSION) = range(13)
_CLOSED = frozenset(s.value for s in CLOSED)
Row = tuple[Any, ...]

Col = IntEnum("Col", "REFERENCE SUBJECT RIGHT STATUS RECEIVED DUE TIME_LEFT ASSIGNEE", start=0)  # the columns, in order


def _tr(text: str) -> str:
    return QCoreApplication.translate("QueueModel", text)


class QueueCells:
    """The queue's texts for a ``CountdownModel`` (``_app``, ``_now``, ``_zone`` from there);
    the model sets ``_titles`` (an empty dict) and ``_org_zone`` (the organisation's zone)."""

    _app: Any
    _now: Any
    _zone: Any
    _org_zone: Any
    _titles: dict[str, str]
    time_left_column = Col.TIME_LEFT
    zone_columns = (Col.RECEIVED, Col.DUE)

    def wrap(self, row: Row) -> Any:
        return row

    def headers(self) -> list[str]:
        return [_tr("Reference"), _tr("Subject"), _tr("Right"), _tr("Status"), _tr("Received"),
                _tr("Due"), _tr("Time left"), _tr("Assignee")]

    # --- how a row shows -------------------------------------------------------------------

    def countdown(self, r: Row) -> tuple[str, str]:
        state = deadlines.deadline_state(r[_DUE], self._now, self._org_zone, self._app.ctx.catalogue.due_soon,
                                         paused=r[_PAUSED] is not None, closed=r[_STATUS] in _CLOSED).value
        return state, words.countdown(state, deadlines.time_left(r[_DUE], self._now, r[_PAUSED]))

    def countdown_tip(self, row: Row, state: str, text: str) -> str:
        return _tr("{state}: {left}\nDue {due} ({rule})").format(
            state=words.deadline_state(state), left=text, due=words.due(row[_DUE], self._zone),
            rule=words.catalogue(row[_RULE]))

    def cell(self, i: int, row: Row, col: int, role: int) -> Any:
        if role == DISPLAY:
            return self._text(row, col)
        if role == TOOLTIP:
            return self._tooltip(row, col)
        if role == ROW_ROLE:
            return self.wrap(row)
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
            return row[_ASSIGNEE] or _tr("Unassigned")
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
