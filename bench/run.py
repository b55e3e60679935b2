"""Every figure of issue 16, each against its bare baseline measured in the same run on the same data.

Usage:
  .venv/bin/python bench/run.py [--size N[,N...]] [--db URL] [--runs 3] [--skip demo,ui,...] [--results FILE]

--size    requests in the data set (several, comma-separated, print the cost curve); default 100000
--db      sqlite:///FILE (the data set file; reused when it already holds N requests) or a PostgreSQL
          server URL such as postgresql+psycopg://postgres@127.0.0.1:5432/test (throwaway databases
          are created on that server and dropped afterwards)
--skip    sections to leave out: demo, queries, cli, ui, import
--results append the tables, the machine, the date and the command to this Markdown file

Baseline and product alternate (b, p, b, p, ...), after one warm-up each; the table gives the
minimum and median of each, the ratio of the medians and the verdict against the issue's target.
It prints figures; it is never part of the test pass/fail.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (  # noqa: E402
    ROOT,
    Figure,
    alternate,
    child_env,
    machine,
    make_csv,
    print_table,
    run_child,
)

SECTIONS = ("demo", "queries", "cli", "ui", "import")
TABLES = ("requests", "request_events", "checklist_entries")


@dataclass
class Server:
    """Where the data sets live: a folder of SQLite files, or a PostgreSQL server."""

    url: str
    tmp: Path

    @property
    def sqlite(self) -> bool:
        return self.url.startswith("sqlite")

    def fresh(self, tag: str) -> str:
        if self.sqlite:
            return f"sqlite:///{self.tmp / f'{tag}-{uuid.uuid4().hex[:6]}.sqlite3'}"
        name = f"pcbench_{tag}_{uuid.uuid4().hex[:6]}"
        self._admin(f'CREATE DATABASE "{name}"')
        return self._with_db(name)

    def copy(self, url: str, tag: str) -> str:
        if self.sqlite:
            target = self.tmp / f"{tag}-{uuid.uuid4().hex[:6]}.sqlite3"
            src = sqlite_path(url)
            with sqlite3.connect(src) as conn:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            shutil.copyfile(src, target)
            return f"sqlite:///{target}"
        from sqlalchemy.engine import make_url

        name = f"pcbench_{tag}_{uuid.uuid4().hex[:6]}"
        self._admin(f'CREATE DATABASE "{name}" TEMPLATE "{make_url(url).database}"')
        return self._with_db(name)

    def drop(self, url: str) -> None:
        if self.sqlite:
            for suffix in ("", "-wal", "-shm"):
                Path(sqlite_path(url) + suffix).unlink(missing_ok=True)
            return
        from sqlalchemy.engine import make_url

        self._admin(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)')

    def _with_db(self, name: str) -> str:
        from sqlalchemy.engine import make_url

        return make_url(self.url).set(database=name).render_as_string(hide_password=False)

    def _admin(self, sql: str) -> None:
        from sqlalchemy import create_engine, text

        engine = create_engine(self.url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.execute(text(sql))
        engine.dispose()


def sqlite_path(url: str) -> str:
    return url.split("sqlite:///", 1)[1]


def open_ctx(url: str) -> Any:
    from console.context import Context
    from console.policy import load_catalogue
    from console.security.roles import Actor, Role
    from console.uow import Database

    return Context(Database(url), load_catalogue(), Actor("bench", Role.OWNER))


def count_requests(url: str) -> int:
    from sqlalchemy import create_engine, text

    if url.startswith("sqlite") and not Path(sqlite_path(url)).exists():
        return -1
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM requests")).scalar() or 0)
    except Exception:  # noqa: BLE001 - no such table: not a data set
        return -1
    finally:
        engine.dispose()


def fill(url: str, n: int) -> float:
    from console.demo import fill as demo_fill

    ctx = open_ctx(url)
    t = time.perf_counter()
    demo_fill(ctx, n, seed=1, sample_company=False)
    seconds = time.perf_counter() - t
    ctx.db.dispose()
    return seconds


# --- demo ------------------------------------------------------------------------------------

def _columns(raw: Any, table: str, sqlite: bool) -> list[str]:
    cur = raw.cursor()
    cur.execute(f"SELECT * FROM {table} LIMIT 0")
    names = [d[0] for d in cur.description]
    cur.close()
    return names


@contextmanager
def _raw(url: str) -> Iterator[Any]:
    from bench.rawsql import Raw

    raw = Raw(url)
    try:
        yield raw.conn
    finally:
        raw.close()


# SQLite: what a bare load does once at the end instead of per row (the least work that leaves
# the same database): the name index's and counts' insert triggers, the secondary indexes.
SET_ASIDE_TRIGGERS = ("requests_name_insert", "requests_counts_insert")
LOAD_END = (
    "INSERT INTO requests_name_fts (rowid, subject_name_folded) SELECT id, subject_name_folded FROM requests",
    "INSERT INTO queue_counts (status, right_id, assignee, paused, n) SELECT status, right_id, "
    "coalesce(assignee, ''), paused_since IS NOT NULL, count(*) FROM requests GROUP BY 1, 2, 3, 4",
)


def _set_aside(dst: Any) -> list[str]:
    """Drop the per-row work from an empty SQLite schema; returns the DDL that puts it back."""
    cur = dst.cursor()
    rows = cur.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND ((type = 'trigger' AND name IN (?, ?)) "
        "OR (type = 'index' AND tbl_name IN ('requests', 'request_events', 'checklist_entries')))",
        SET_ASIDE_TRIGGERS).fetchall()
    for kind, name, _ in rows:
        cur.execute(f'DROP {kind.upper()} "{name}"')
    dst.commit()
    return [sql for kind, _, sql in rows if kind == "index"] + list(LOAD_END) + [
        sql for kind, _, sql in rows if kind == "trigger"]


def copy_rows(source: str, target: str, sqlite: bool) -> float:
    """The bare baseline of the demo: the same rows into the same schema, executemany (SQLite) or COPY.

    Rows are read from the data set in chunks; only the writing is timed. On SQLite the name
    index, the queue counts and the secondary indexes are built once after the rows (the DDL that
    sets them aside is not timed; building them again is), as the demo itself does.
    """
    spent = 0.0
    with _raw(source) as src, _raw(target) as dst:
        at_end = _set_aside(dst) if sqlite else []
        for table in (*TABLES, "counters"):
            cols = _columns(src, table, sqlite)
            read = src.cursor(name=f"read_{table}") if not sqlite else src.cursor()
            read.execute(f"SELECT {', '.join(cols)} FROM {table}")
            wcur = dst.cursor()
            while True:
                chunk = read.fetchmany(20_000)
                if not chunk:
                    break
                t = time.perf_counter()
                if sqlite:
                    wcur.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                     chunk)
                else:
                    with wcur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as copy:
                        for row in chunk:  # JSON columns come back as dicts and lists: COPY takes their text
                            copy.write_row([json.dumps(v) if isinstance(v, dict | list) else v for v in row])
                spent += time.perf_counter() - t
            read.close()
        t = time.perf_counter()
        wcur = dst.cursor()
        for sql in at_end:
            wcur.execute(sql)
        dst.commit()
        spent += time.perf_counter() - t
        src.rollback()
    return spent


def demo_figure(server: Server, dataset: str, n: int, runs: int) -> Figure:
    from console.uow import Database

    name = f"demo --requests {n:,} ({'SQLite' if server.sqlite else 'PostgreSQL'})"
    target = "≤ 1.5× raw executemany" if server.sqlite else "≤ 1.5× COPY"
    fig = Figure(name, unit="s", note="baseline: " + ("stdlib sqlite3 executemany" if server.sqlite else
                                                      "psycopg COPY") + " of the same rows, same schema")

    def product() -> float:
        url = server.fresh("demo")
        try:
            return fill(url, n)
        finally:
            server.drop(url)

    def baseline() -> float:
        url = server.fresh("raw")
        Database(url).dispose()  # the same schema and indexes, made before the clock starts
        try:
            return copy_rows(dataset, url, server.sqlite)
        finally:
            server.drop(url)

    alternate(fig, product, baseline, runs, warmup=False)
    fig.judge(ratio=1.5)
    fig.target = target
    return fig


# --- queue queries -----------------------------------------------------------------------------

def query_figures(dataset: str, runs: int) -> list[Figure]:
    from bench.rawsql import Raw, capture
    from console.requests import commands, queries
    from console.requests.queries import QueueFilter

    ctx = open_ctx(dataset)
    first = queries.fetch_page(ctx, QueueFilter(), limit=200)
    cursor = first.cursor
    for _ in range(50):
        cursor = queries.fetch_page(ctx, QueueFilter(), cursor, limit=200).cursor
    some = first.rows[0]
    found: dict[str, int] = {}

    def page(key: str, f: QueueFilter, c: Any = None) -> Callable[[], None]:
        def run() -> None:
            found[key] = len(queries.fetch_page(ctx, f, c, limit=200).rows)
        return run

    cases: list[tuple[str, str, Callable[[], Any]]] = [
        ("first page (200 open, by due date)", "first", page("first", QueueFilter())),
        ("keyset page 51", "keyset", page("keyset", QueueFilter(), cursor)),
        ("overdue queue, first page", "overdue", page("overdue", QueueFilter(queue="overdue"))),
        ("all queue counts", "", lambda: queries.queue_counts(ctx)),
        ("e-mail search (all requests)", "email", page("email", QueueFilter(queue="all", search=some.subject_email))),
        ("name search 'zielinska' (all)", "name", page("name", QueueFilter(queue="all", search="zielinska"))),
        ("sort by subject, first page (all)", "subject", page("subject", QueueFilter(queue="all", sort="subject_name"))),
        ("one request in full", "", lambda: commands.get_request(ctx, some.reference)),
    ]
    raw = Raw(dataset)
    figures = []
    for label, key, fn in cases:
        with capture(ctx.db.engine) as statements:
            fn()
        fig = alternate(Figure(label), fn, raw.replay(list(statements)), max(runs, 5))
        fig.note = f"{len(statements)} statement(s)" + (f"; {found[key]} rows" if key else "")
        figures.append(fig.judge(ratio=2, absolute_ms=20))
    raw.close()
    ctx.db.dispose()
    return figures


# --- command line ------------------------------------------------------------------------------

def product_command() -> list[str]:
    script = Path(sys.executable).parent / "privacy-console"
    return [str(script)] if script.exists() else [sys.executable, "-m", "ui.launch"]


def cli_figures(dataset: str, runs: int, home: Path) -> list[Figure]:
    env = child_env(home)
    pc = product_command()
    py = sys.executable

    def child(cmd: list[str]) -> Callable[[], float]:
        return lambda: run_child(cmd, env).seconds

    figs = [
        alternate(Figure("privacy-console --version", unit="s", note="baseline: python -c pass"),
                  child([*pc, "--version"]), child([py, "-c", "pass"]), runs).judge(absolute_s=0.3),
        alternate(Figure("privacy-console --help", unit="s", note="baseline: python -c pass"),
                  child([*pc, "--help"]), child([py, "-c", "pass"]), runs).judge(absolute_s=0.3),
        alternate(Figure("request list --queue overdue (CLI)", unit="s", note="baseline: python -c 'import sqlalchemy'"),
                  child([*pc, "request", "list", "--queue", "overdue", "--db", dataset]),
                  child([py, "-c", "import sqlalchemy"]), runs).judge(ratio=2),
    ]
    return figs


# --- the window ----------------------------------------------------------------------------------

def ui_figures(dataset: str, runs: int, home: Path) -> list[Figure]:
    env = child_env(home)
    script = str(ROOT / "bench" / "first_paint.py")
    product = [sys.executable, script, "--db", dataset]
    bare = [sys.executable, script, "--bare"]
    t_fig = Figure("process start → first painted queue page", unit="s",
                   note="baseline: bare PySide6 window, 50-row QTableView")
    m_fig = Figure("peak memory of that", unit="MiB")

    def measure(cmd: list[str], times: list[float], mems: list[float]) -> Callable[[], float]:
        def run() -> float:
            r = run_child(cmd, env, marker="PAINTED")
            if r.code != 0:
                crashes.append(r.code)
            mems.append(r.peak_mib)
            return r.seconds
        return run

    pm: list[float] = []
    bm: list[float] = []
    crashes: list[int] = []
    alternate(t_fig, measure(product, t_fig.product, pm), measure(bare, t_fig.baseline, bm), runs)
    if crashes:
        t_fig.note += f"; {len(crashes)} run(s) exited with status {crashes} after painting"

    m_fig.product, m_fig.baseline = pm[-runs:], bm[-runs:]
    m_fig.note = "each process's own peak (VmHWM at its first paint)"
    return [t_fig.judge(ratio=1.5), m_fig.judge(plus_mib=80), *window_figures(dataset, runs, home)]


STALL_MS = 100  # the longest stall while scrolling and while importing


def window_figures(dataset: str, runs: int, home: Path) -> list[Figure]:
    """bench/bench_ui.py in its own process: the tick against a bare table, and the event loop's
    longest stalls while a person scrolls (row by row, page by page) and while an import runs."""
    import json

    out = home / "bench_ui.json"
    cmd = [sys.executable, str(ROOT / "bench" / "bench_ui.py"), "--db", dataset, "--runs", str(runs),
           "--json", str(out)]
    result = run_child(cmd, child_env(home), timeout=1800)
    for line in result.stdout.splitlines():
        print(f"  bench_ui: {line}", flush=True)
    got = json.loads(out.read_text(encoding="utf-8"))
    columns = ", ".join(got.get("tick_columns", [])) or "none"
    tick = Figure(f"one 1-second tick, {got['tick_rows']} visible rows", product=got["tick_product"],
                  baseline=got["tick_bare"], note=f"baseline: bare QTableView repainting one column of as many "
                                                  f"rows; columns the tick repainted: {columns}")
    if got.get("errors"):
        tick.note += f"; {len(got['errors'])} unexpected error(s) in the window: {got['errors'][0]}"
    figures = [tick.judge(absolute_ms=2)]
    stalls = [("scroll_rows", "longest stall scrolling row by row (Down held)",
               f"moved {got.get('scroll_rows_moved', 0):,} rows in the last stretch"),
              ("scroll_pages", "longest stall scrolling page by page (PageDown held)",
               f"moved {got.get('scroll_pages_moved', 0):,} rows in the last stretch"),
              ("import", f"longest stall while importing {got.get('import_rows', 0):,} requests",
               "import on the writer thread, window open; " + (
                   f"import took {min(got['import_seconds']):.1f}-{max(got['import_seconds']):.1f} s"
                   if got.get("import_seconds") else got.get("import_failed", "no import")))]
    for key, name, note in stalls:
        values = [ms / 1000 for ms in got.get(key, [])]
        if not values:
            figures.append(Figure(name, note=note))
            continue
        fig = Figure(name, product=values, note=note + f"; the longest of all {max(values) * 1000:.0f} ms")
        fig.judge(absolute_ms=STALL_MS)
        fig.met = max(values) * 1000 < STALL_MS  # every stretch, not just the median one
        figures.append(fig)
    return figures


# --- bulk import -------------------------------------------------------------------------------

def raw_import(url: str, csv_path: Path, catalogue: Any, tag: str) -> None:
    """The bare baseline: csv + executemany of the same rows (request, its event, its checklist)."""
    import csv
    import json
    from datetime import timedelta

    sqlite = url.startswith("sqlite")
    mark = "?" if sqlite else "%s"
    with _raw(url) as conn:
        cur = conn.cursor()
        cur.execute("SELECT coalesce(max(id), 0) FROM requests")
        next_id = int(cur.fetchone()[0]) + 1
        now = datetime.now(UTC).replace(tzinfo=None)
        stamp: Any = now.isoformat(" ") if sqlite else now.replace(tzinfo=UTC)
        reqs, events, checks = [], [], []
        with csv_path.open(newline="", encoding="utf-8") as f:
            for i, line in enumerate(csv.DictReader(f)):
                rid = next_id + i
                received = datetime.fromisoformat(line["received_at"])
                due = received + timedelta(days=30)
                rec: Any = received.astimezone(UTC).replace(tzinfo=None).isoformat(" ") if sqlite else received
                due_v: Any = due.astimezone(UTC).replace(tzinfo=None).isoformat(" ") if sqlite else due
                reqs.append((rid, f"RAW-{tag}-{i}", line["right"], line["jurisdictions"], "web_form", "en", rec,
                             line["subject_name"], line["subject_name"].lower(), line["subject_email"], False, "normal",
                             "received", "", "[]", json.dumps({}), due_v, "policy", "Company policy", stamp, stamp, 1))
                events.append((rid, stamp, "bench", "received", "imported", None, "received"))
                for pos, item in enumerate(catalogue.checklist_for(line["right"])):
                    checks.append((rid, pos, item.id, item.label, item.required, ""))
        cols = ("id, reference, right_id, jurisdictions, channel, language, received_at, subject_name, "
                "subject_name_folded, subject_email, "
                "subject_is_child, priority, status, notes, categories, details, due_at, due_rule_id, due_rule_label, "
                "created_at, updated_at, version")
        cur.executemany(f"INSERT INTO requests ({cols}) VALUES ({', '.join([mark] * 22)})", reqs)
        cur.executemany("INSERT INTO request_events (request_id, at, actor, action, detail, from_status, to_status) "
                        f"VALUES ({', '.join([mark] * 7)})", events)
        cur.executemany("INSERT INTO checklist_entries (request_id, position, item_id, label, required, comment) "
                        f"VALUES ({', '.join([mark] * 6)})", checks)
        if not sqlite:  # ids were given explicitly: move the sequence past them, as the product does
            cur.execute("SELECT setval(pg_get_serial_sequence('requests', 'id'), (SELECT max(id) FROM requests))")
        conn.commit()


def import_figure(server: Server, dataset: str, runs: int, rows: int = 10_000) -> Figure:
    from console.requests import intake

    url = server.copy(dataset, "import")
    ctx = open_ctx(url)
    tmp = Path(tempfile.mkdtemp(prefix="pc-bench-csv-"))
    k = iter(range(1000))
    fig = Figure(f"request import of a {rows:,}-line CSV", unit="s",
                 note="baseline: csv + executemany of the same rows (requests, events, checklist)")

    def product() -> float:
        path = make_csv(tmp / "p.csv", rows, datetime.now(UTC), tag=f"imp{next(k)}")
        t = time.perf_counter()
        intake.import_file(ctx, path)
        return time.perf_counter() - t

    def baseline() -> float:
        tag = f"raw{next(k)}"
        path = make_csv(tmp / "b.csv", rows, datetime.now(UTC), tag=tag)
        t = time.perf_counter()
        raw_import(url, path, ctx.catalogue, tag)
        return time.perf_counter() - t

    try:
        alternate(fig, product, baseline, runs, warmup=False)
    finally:
        ctx.db.dispose()
        server.drop(url)
        shutil.rmtree(tmp, ignore_errors=True)
    return fig.judge(ratio=2)


# --- the run -------------------------------------------------------------------------------------

def dataset_for(server: Server, given: str | None, n: int) -> tuple[str, str]:
    """(url, how it was made): a SQLite file is kept for the next run; a server database is throwaway."""
    if server.sqlite:
        url = given or f"sqlite:///{Path(tempfile.gettempdir()) / f'privacy-console-bench-{n}.sqlite3'}"
        have = count_requests(url)
        if have == n:
            return url, f"reused {sqlite_path(url)} ({n:,} requests)"
        if have > 0:
            raise SystemExit(f"{sqlite_path(url)} holds {have:,} requests, not {n:,}: delete it or pass --size {have}")
    else:
        url = server.fresh(f"data{n}")
    seconds = fill(url, n)
    return url, f"filled {n:,} requests by demo in {seconds:.1f} s"


def measure_size(server: Server, dataset: str, n: int, runs: int, skip: set[str], tmp: Path) -> list[Figure]:
    """Every section's figures on one data set; a section that fails is reported and the rest go on."""
    figures: list[Figure] = []
    sections: list[tuple[str, Callable[[], list[Figure]]]] = [
        ("demo", lambda: [demo_figure(server, dataset, n, runs)]),
        ("queries", lambda: query_figures(dataset, runs)),
        # The command line on a server needs a signed-in account in a real keyring: SQLite only.
        ("cli", lambda: cli_figures(dataset, runs, tmp) if server.sqlite else []),
        ("ui", lambda: ui_figures(dataset, runs, tmp) if server.sqlite else []),
        ("import", lambda: [import_figure(server, dataset, runs)]),
    ]
    for section, measure in sections:
        if section in skip:
            continue
        try:
            figures += measure()
        except Exception as exc:  # noqa: BLE001 - one failing section must not lose the others
            print(f"{section}: failed: {type(exc).__name__}: {exc}", flush=True)
            figures.append(Figure(f"{section} (failed)", note=f"{type(exc).__name__}: {str(exc)[:200]}"))
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", default="100000", help="requests in the data set; several comma-separated")
    parser.add_argument("--db", default=None, help="sqlite:///FILE or a PostgreSQL server URL")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--skip", default="", help=f"comma-separated: {', '.join(SECTIONS)}")
    parser.add_argument("--results", type=Path, help="append the results to this Markdown file")
    args = parser.parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.size.split(",")]
    skip = {s for s in args.skip.split(",") if s}
    if args.runs < 3:
        parser.error("at least 3 runs: the table gives minimum and median")
    if unknown := skip - set(SECTIONS):
        parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; sections: {', '.join(SECTIONS)}")

    import keyring
    from keyring.backends.null import Keyring

    keyring.set_keyring(Keyring())
    tmp = Path(tempfile.mkdtemp(prefix="pc-bench-"))
    os.environ["PRIVACY_CONSOLE_HOME"] = str(tmp)
    server_url = args.db if args.db and not args.db.startswith("sqlite") else "sqlite://"
    server = Server(server_url, tmp)
    given = args.db if args.db and args.db.startswith("sqlite") else None
    started = datetime.now(UTC)
    header = (f"## {started:%Y-%m-%d %H:%M} UTC — `python bench/run.py {' '.join(argv or sys.argv[1:])}`\n\n"
              f"Machine: {machine()}\n")
    print(header)
    tables: list[str] = []
    curve: dict[int, list[Figure]] = {}
    try:
        for n in sizes:
            dataset, how = dataset_for(server, given, n)
            print(f"### {n:,} requests on {'SQLite' if server.sqlite else 'PostgreSQL'}: {how}\n", flush=True)
            figures = measure_size(server, dataset, n, args.runs, skip, tmp)
            tables.append(f"### {n:,} requests on {'SQLite' if server.sqlite else 'PostgreSQL'} ({how})\n\n"
                          + print_table(figures) + "\n")
            print(flush=True)
            curve[n] = figures
            if not server.sqlite:
                server.drop(dataset)
        if len(sizes) > 1:
            tables.append(print_curve(curve))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if args.results:
        with args.results.open("a", encoding="utf-8") as f:
            f.write("\n" + header + "\n" + "\n".join(tables) + "\n")
        print(f"appended to {args.results}")
    return 0


def print_curve(curve: dict[int, list[Figure]]) -> str:
    """Product medians by size: a flat row is a cost that does not grow with the table."""
    import statistics

    sizes = sorted(curve)
    names = [f.name for f in curve[sizes[0]]]
    lines = ["| figure | " + " | ".join(f"{n:,}" for n in sizes) + " |", "|---" * (len(sizes) + 1) + "|"]
    for i, name in enumerate(names):
        cells = []
        for n in sizes:
            fig = curve[n][i] if i < len(curve[n]) else None
            med = statistics.median(fig.product) if fig and fig.product else float("nan")
            cells.append(f"{med:.0f} MiB" if fig and fig.unit == "MiB" else f"{med * 1000:.1f} ms")
        lines.append(f"| {name.split(' (')[0] if name.startswith('demo') else name} | " + " | ".join(cells) + " |")
    text = "cost curve (product medians):\n\n" + "\n".join(lines) + "\n"
    print(text)
    return text


if __name__ == "__main__":
    raise SystemExit(main())
