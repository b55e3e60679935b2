"""The queue as a spreadsheet: every row the filter selects (not only those loaded on screen), in the
columns asked for, through the one CSV writer that neutralises formulas (console.csvsafe).

Two flavours: plain UTF-8 CSV, and an Excel-friendly one (a byte-order mark so Excel reads UTF-8,
CRLF line ends). The file is written beside its destination and renamed at the end: a failed or
cancelled export leaves nothing half-written.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path

from console import deadlines
from console.context import Context
from console.csvsafe import Writer
from console.errors import Cancelled, ValidationError
from console.requests.queries import QueueFilter, QueueRow, count, fetch_page

BATCH = 1000
COLUMNS = ("reference", "subject", "email", "right", "status", "received", "due", "deadline", "assignee", "priority")


def _cells(row: QueueRow, ctx: Context, now: datetime) -> dict[str, object]:
    cat = ctx.catalogue
    state = deadlines.deadline_state(row.due_at, now, cat.organisation.tz, cat.due_soon, paused=row.paused,
                                     closed=row.closed).value
    return {"reference": row.reference, "subject": row.subject_name, "email": row.subject_email, "right": row.right,
            "status": row.status, "received": row.received_at, "due": row.due_at, "deadline": state,
            "assignee": row.assignee or "", "priority": row.priority}


def export_queue(ctx: Context, f: QueueFilter, path: str | Path, columns: Sequence[str] = COLUMNS, *,
                 excel: bool = False, progress: Callable[[int, int], None] | None = None,
                 cancel: Callable[[], bool] | None = None) -> int:
    """Write the queue to ``path``; returns how many requests were written."""
    unknown = [c for c in columns if c not in COLUMNS]
    if unknown or not columns:
        raise ValidationError(f"Unknown export columns: {', '.join(unknown) or '(none)'}. Columns: {', '.join(COLUMNS)}")
    target = Path(path)
    if not target.parent.is_dir():
        raise ValidationError(f"The folder {target.parent} does not exist; choose another place to save the export.")
    now = ctx.now()
    total = count(ctx, f, now)
    fd, tmp = tempfile.mkstemp(prefix=".queue-", suffix=".csv", dir=target.parent)
    written = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig" if excel else "utf-8", newline="") as out:
            writer = Writer(out, lineterminator="\r\n" if excel else "\n")
            writer.writerow(columns)
            cursor = None
            while True:
                if cancel is not None and cancel():
                    raise Cancelled("The export was cancelled; no file was written.")
                page = fetch_page(ctx, f, cursor, BATCH, now=now)
                for row in page.rows:
                    cells = _cells(row, ctx, now)
                    writer.writerow([cells[c] for c in columns])
                written += len(page.rows)
                if progress is not None:
                    progress(written, total)
                cursor = page.cursor
                if cursor is None:
                    break
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return written
