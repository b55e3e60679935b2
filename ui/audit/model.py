"""The audit trail: what the shared paged model (``ui.framework.paged``) shows of ``list_audit``.

Newest first, keyset-paged by entry id (``next_before``), filtered in SQL: scrolling to the end
of a million entries costs what the first page costs. Rows are plain tuples.
"""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QObject, Qt

from console.security.audit_trail import AuditFilter, count_audit, list_audit
from ui.context import AppContext
from ui.framework.paged import ALIGN, DISPLAY, RIGHT_ALIGN, TOOLTIP, PagedTableModel
from ui.framework.paged import ROW_ROLE as ID_ROLE  # the entry's number

PAGE = PagedTableModel.page_size  # entries a page
Row = tuple[Any, ...]  # id, at, actor, action, target_type, target_id, detail


class Col(IntEnum):
    ID = 0
    TIME = 1
    ACTOR = 2
    ACTION = 3
    TARGET = 4
    DETAIL = 5


def fetch(ctx: Any, f: AuditFilter, before: int | None, limit: int) -> tuple[list[Row], int | None]:
    """In the worker: one page as tuples, and where the next (older) one starts."""
    page = list_audit(ctx, f, before=before, limit=limit)
    return [(r.id, r.at, r.actor, r.action, r.target_type, r.target_id, r.detail) for r in page.rows], page.next_before


def target_text(kind: str, ident: str) -> str:
    if not ident:
        return kind
    return ident if kind == "request" else f"{kind} {ident}"


class AuditModel(PagedTableModel):
    page_query = staticmethod(fetch)
    count_query = staticmethod(count_audit)

    def __init__(self, app: AppContext, parent: QObject | None = None) -> None:
        super().__init__(app, AuditFilter(), parent)
        self._zone = app.zone

    def headers(self) -> list[str]:
        return [self.tr("No."), self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Target"),
                self.tr("Detail")]

    def set_filter(self, f: AuditFilter, cursor: int | None = None) -> None:
        """Drop the rows and ask SQL for the newest page (below entry ``cursor`` when given)."""
        self._zone = self._app.zone
        super().set_filter(f, cursor)

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def row_id(self, row: int) -> int | None:
        return int(self._rows[row][0]) if 0 <= row < len(self._rows) else None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == TOOLTIP and orientation == Qt.Orientation.Horizontal and section == Col.TIME:
            return self.tr("Times in {0}").format(self._app.zone_name)
        return super().headerData(section, orientation, role)

    def cell(self, i: int, row: Row, col: int, role: int) -> Any:
        if role == DISPLAY:
            return self._text(row, col)
        if role == TOOLTIP:
            if col == Col.DETAIL:
                return row[6] or None
            if col == Col.TIME:
                return row[1].astimezone(self._zone).isoformat(sep=" ", timespec="seconds")
            if col == Col.TARGET:
                return f"{row[4]}:{row[5]}" if row[5] else row[4]
            return None
        if role == ALIGN and col == Col.ID:
            return RIGHT_ALIGN
        if role == ID_ROLE:
            return row[0]
        return None

    def _text(self, row: Row, col: int) -> str:
        if col == Col.ID:
            return str(row[0])
        if col == Col.TIME:
            return row[1].astimezone(self._zone).strftime("%Y-%m-%d %H:%M:%S")
        if col == Col.ACTOR:
            return row[2]
        if col == Col.ACTION:
            return row[3]
        if col == Col.TARGET:
            return target_text(row[4], row[5])
        return " ".join(str(row[6]).split())
