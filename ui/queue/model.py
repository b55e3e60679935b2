"""The queue: what the shared paged model (``ui.framework.paged``) shows of ``queries.fetch_page``.

Declarations only: the worker functions and how the rows sort; how a row shows is ``ui.queue.cells``.
"""

from __future__ import annotations

import dataclasses
import operator
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject

from console.requests import first_page, queries
from console.requests.queries import QueueFilter, QueueRow
from console.requests.read_models import RequestView
from ui.context import AppContext
from ui.framework.paged import ROW_ROLE as ROW_ROLE  # the QueueRow itself
from ui.framework.paged import STATE_ROLE as STATE_ROLE  # the deadline state code
from ui.framework.paged import CountdownModel
from ui.queue.cells import Col as Col
from ui.queue.cells import QueueCells, Row

# Loaded rows are kept as plain tuples of atomic values: the garbage collector stops tracking
# those, whereas 100,000 loaded dataclass objects would make every full collection (in any
# thread, holding the GIL) stall the window for tens of milliseconds.
FIELDS = tuple(f.name for f in dataclasses.fields(QueueRow))
if FIELDS != first_page.FIELDS:  # the order ui.queue.cells and the fast first page read rows in
    raise ImportError(f"QueueRow changed its fields ({FIELDS}); update ui.queue.cells and console.requests.first_page")
_as_tuple = operator.attrgetter(*FIELDS)


def fetch_rows(ctx: Any, f: QueueFilter, cursor: tuple[Any, int] | None, limit: int) -> tuple[list[Row], Any]:
    """In the worker: one page as plain tuples, and the cursor of the next one."""
    page = queries.fetch_page(ctx, f, cursor, limit)
    return [_as_tuple(r) for r in page.rows], page.cursor


SORT_KEYS = {Col.REFERENCE: "reference", Col.SUBJECT: "subject_name", Col.RIGHT: "right", Col.STATUS: "status",
             Col.RECEIVED: "received_at", Col.DUE: "due_at", Col.TIME_LEFT: "due_at", Col.ASSIGNEE: "assignee"}
SORT_COLUMNS = {"reference": Col.REFERENCE, "subject_name": Col.SUBJECT, "right": Col.RIGHT, "status": Col.STATUS,
                "received_at": Col.RECEIVED, "due_at": Col.TIME_LEFT, "assignee": Col.ASSIGNEE}


class QueueModel(QueueCells, CountdownModel):
    page_query = staticmethod(fetch_rows)
    count_query = staticmethod(queries.count)
    sort_keys = SORT_KEYS
    sort_columns = SORT_COLUMNS
    default_sort = "due_at"

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(app, QueueFilter(queue="open"), parent)
        self._titles: dict[str, str] = {}
        self._org_zone = app.ctx.catalogue.organisation.tz

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
