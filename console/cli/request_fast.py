"""``request list`` on a local SQLite file without sign-in, answered before SQLAlchemy loads.

Loading SQLAlchemy, the models and the catalogue is most of what ``request list`` costs; the
query itself takes milliseconds. So the first time a shape of list runs the ordinary way (its
queue, right, status, deadline, sort, order and limit), the SQL of its page and of its count, as
SQLAlchemy compiled them, are kept in ``request-lists.json`` in the data folder, keyed by the
program's version, the schema revision and the row's fields, with what the printout needs of the
catalogue (its zone, the due-soon hours) and the fingerprint of the catalogue's files. The next
run of that shape checks all of that, opens the file read-only with stdlib sqlite3, checks the
database's revision and that sign-in is off (``first_page.open_checked``), and runs the kept SQL
with the clock's values of now: the rows are live, printed by the same code as the ordinary path.

Who may read: only where the ordinary path needs no sign-in does this run. There the command line
acts as the local owner (``session.local_actor``), whom the role check lets read every request,
so no check is skipped. A database with sign-in, a server (PostgreSQL), the "mine" queue (it names
who acts), a search or an assignee filter (values about people are never written to the data
folder), any option this does not know, another version, revision or catalogue, a missing or
damaged file, any error: ``run`` answers None and the ordinary path runs, with its role checks.
No SQLAlchemy here (tests/console/test_request_list_fast.py checks it is not loaded).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

from console import config, policy_files
from console.cli.output import emit_json, table
from console.deadlines import format_time_left, time_left
from console.requests import first_page
from console.requests.rows import DEADLINE_STATES, QUEUES, SORT_KEYS, QueueRow
from console.timefmt import due as due_text
from console.timefmt import sqlite_text

log = logging.getLogger(__name__)

CACHE_FILE = "request-lists.json"
KEEP = 32  # shapes kept; the oldest goes first
_DATETIMES = (6, 7, 9)  # QueueRow's times: received_at, due_at, paused_since
_VALUED = ("--db", "--policy", "--queue", "--right", "--status", "--deadline", "--sort", "--limit")
_FLAGS = ("--json", "--desc")


def show(rows: Sequence[QueueRow], count: int, queue: str, tz: tzinfo, now: datetime, as_json: bool) -> None:
    """``request list``'s printout (both paths print with this)."""
    if as_json:
        emit_json({"queue": queue, "count": count, "rows": list(rows)})
        return
    cells = [[r.reference, r.subject_name[:28], r.right, r.status, due_text(r.due_at, tz),
              "closed" if r.closed else (("paused, " if r.paused else "") + format_time_left(time_left(r.due_at, now, r.paused_since))), r.assignee or "-"]
             for r in rows]
    table(cells, ["reference", "subject", "right", "status", "due", "left", "assignee"])
    print(f"({len(rows)} shown of {count:,})")


def shape_key(queue: str, right: str | None, status: str | None, deadline: str | None, sort: str, desc: bool,
              limit: int) -> str | None:
    """The key of a list's shape, or None where it is never kept (see the module's docstring)."""
    if queue == "mine" or not (queue in QUEUES or queue.startswith("right:")):
        return None
    if sort not in SORT_KEYS or (deadline is not None and deadline not in DEADLINE_STATES):
        return None
    return json.dumps([queue, right, status, deadline, sort, desc, limit])


def options(argv: Sequence[str]) -> dict[str, Any] | None:
    """``argv`` read as ``request list`` with only the options this knows, spelt out in full;
    None for anything else (the ordinary parser then reads it, and says what is wrong)."""
    words: list[str] = []
    opts: dict[str, Any] = {}
    items = iter(argv)
    for arg in items:
        name, eq, value = arg.partition("=")
        if name in _VALUED:
            if not eq:
                value = next(items, "-")
            if value.startswith("-"):
                return None
            opts[name] = value
        elif arg in _FLAGS:
            opts[arg] = True
        elif arg.startswith("-"):
            return None
        else:
            words.append(arg)
    if words != ["request", "list"]:
        return None
    try:
        limit = int(opts.get("--limit", "50"))
    except ValueError:
        return None
    if not 1 <= limit <= 100_000 or ("--limit" in opts and str(limit) != opts["--limit"].strip()):
        return None  # as console.cli.args.LIMIT would read it, or the ordinary parser's message
    return {"db": opts.get("--db"), "policy": opts.get("--policy"), "json": opts.get("--json", False),
            "key": shape_key(opts.get("--queue", "open"), opts.get("--right"), opts.get("--status"),
                             opts.get("--deadline"), opts.get("--sort", "due_at"), opts.get("--desc", False), limit),
            "queue": opts.get("--queue", "open")}


def now() -> datetime:
    return datetime.now(UTC)


def run(argv: Sequence[str]) -> int | None:
    """Print ``request list`` from the kept SQL and answer 0, or None where the ordinary path must run."""
    try:
        answer = _answer(argv)
    except Exception as exc:  # noqa: BLE001 - never an error from here: the ordinary path follows
        log.info("fast request list skipped: %s", type(exc).__name__)
        return None
    if answer is None:
        return None
    show(*answer)
    return 0


def _answer(argv: Sequence[str]) -> tuple[list[QueueRow], int, str, tzinfo, datetime, bool] | None:
    opts = options(argv)
    if opts is None or opts["key"] is None:
        return None
    path = first_page.local_file(config.database_url(opts["db"]))
    if path is None or not path.is_file():
        return None
    kept = json.loads((config.data_dir() / CACHE_FILE).read_text(encoding="utf-8"))
    if any(kept.get(k) != v for k, v in first_page.key().items()):
        return None
    entry = kept["shapes"].get(opts["key"])
    display = kept["display"]
    if entry is None or display["fingerprint"] != json.loads(json.dumps(policy_files.fingerprint(opts["policy"]))):
        return None
    at = now()
    clock = {"now": sqlite_text(at), "soon": sqlite_text(at + timedelta(hours=display["due_soon_hours"]))}
    (page_sql, page_args), (count_sql, count_args) = entry
    conn = first_page.open_checked(path)
    if conn is None:
        return None
    try:
        rows = conn.execute(page_sql, _bound(page_args, clock)).fetchall()
        (count,) = conn.execute(count_sql, _bound(count_args, clock)).fetchone()
    finally:
        conn.close()
    made = [QueueRow(*values) for values in first_page.with_times(rows, _DATETIMES)]
    return made, int(count or 0), opts["queue"], ZoneInfo(display["time_zone"]), at, opts["json"]


def _bound(args: list[Any], clock: dict[str, str]) -> list[Any]:
    return [clock[a["clock"]] if isinstance(a, dict) else a for a in args]


def remember(key: str | None, db: str | None, statements: list[tuple[str, list[Any]]] | None,
             source: str, time_zone: str, due_soon_hours: int) -> bool:
    """Keep a list's statements (``queries.list_statements``) under ``key`` for the next run; only
    for a local SQLite file. True when the file was (re)written. Only SQL, plain values of the
    shape (a queue, a right, a status) and the catalogue's zone are kept, nothing about a person."""
    if key is None or statements is None or first_page.local_file(config.database_url(db)) is None:
        return False
    path = config.data_dir() / CACHE_FILE
    display = {"fingerprint": policy_files.fingerprint(source), "time_zone": time_zone, "due_soon_hours": due_soon_hours}
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        shapes = kept["shapes"] if all(kept.get(k) == v for k, v in first_page.key().items()) else {}
        if kept.get("display") != json.loads(json.dumps(display)):
            shapes = {}
    except Exception:  # noqa: BLE001 - nothing usable kept: start afresh
        shapes = {}
    shapes.pop(key, None)
    shapes[key] = [list(s) for s in statements]
    while len(shapes) > KEEP:
        del shapes[next(iter(shapes))]
    return first_page.keep_text(path, json.dumps({**first_page.key(), "display": display, "shapes": shapes}, indent=1))
