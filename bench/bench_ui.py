"""How responsive the window stays on a big database: open time, memory, longest event-loop stall.

A 10 ms QTimer measures its own lateness the whole time (a late tick = the event loop was busy);
the figures are the longest and the 99th-percentile lateness in each phase:

  open     the real main window on the database until its first page and the counts are shown
  scroll   as a person does: Down held (30 rows a second), then PageDown held, so pages are fetched
           as the person reaches them
  tick     one 1-second tick with 50 rows on screen, against a bare table of the same size
           repainting one column
  sort     a header click on Subject (a slower query) and back, a queue switch, a search
  import   10,000 generated requests imported through the same task as Import… (a copy of the
           database, so the big one is left as it was)

Scrolling and importing are measured --runs times (the scroll time split into that many
stretches), so each gives a minimum and a median of the longest stalls; --json writes the
figures for bench/run.py, which runs this as a child process.

Not a test: it prints figures. Make the database once (about 70-90 s):
  PRIVACY_CONSOLE_DB=sqlite:////tmp/big.sqlite3 .venv/bin/python -m console.cli demo --requests 1000000
then:  .venv/bin/python bench/bench_ui.py --db sqlite:////tmp/big.sqlite3
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PRIVACY_CONSOLE_NO_DEMO", "1")

from bench.common import make_csv  # noqa: E402

START = time.perf_counter()


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


class StallMeter:
    """A 10 ms timer that records how late each tick is."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.late: list[float] = []
        self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append(max(0.0, (now - self._last) - 0.010) * 1000)
        self._last = now

    def reset(self) -> None:
        self.late = []
        self._last = time.perf_counter()

    def report(self, phase: str, extra: str = "") -> dict[str, float]:
        late = sorted(self.late) or [0.0]
        p99 = late[min(len(late) - 1, int(len(late) * 0.99))]
        figures = {"max_ms": late[-1], "p99_ms": p99, "median_ms": statistics.median(late), "ticks": len(late)}
        print(f"{phase:<8} longest stall {late[-1]:7.1f} ms   p99 {p99:6.1f} ms   median {figures['median_ms']:5.1f} ms"
              f"   ({len(late)} ticks) {extra}")
        return figures


def pump(seconds: float, until=None) -> bool:  # type: ignore[no-untyped-def]
    """Run the event loop (never a busy wait in the measured code: the window does its own work)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        if until is not None and until():
            return True
        time.sleep(0.001)
    return until is None


TICK_ROWS = 50  # the figure: one tick with this many rows on screen


def show_rows(window, rows: int) -> None:  # type: ignore[no-untyped-def]
    """Make the queue tall enough for ``rows`` rows on screen (the workspace below gets the rest)."""
    table = window.queue.table
    need = rows * table.verticalHeader().defaultSectionSize() + table.horizontalHeader().height() + 4
    extra = need - table.viewport().height()
    if extra > 0:
        window.resize(window.width(), window.height() + extra)
        pump(0.3)
    sizes = window.work_split.sizes()
    grow = need - table.height()
    if grow > 0:
        window.work_split.setSizes([sizes[0] + grow, max(1, sizes[1] - grow)])
    pump(0.3)


def tick_figures(window, app, out: dict) -> None:  # type: ignore[no-untyped-def]
    """One 1-second tick on screen: the product's against a bare table repainting one column.

    Also records which columns the product's tick repainted (the paint event's region on the
    table): only the time-left column should be.
    """
    from PySide6.QtCore import (
        QAbstractTableModel,
        QCoreApplication,
        QEvent,
        QModelIndex,
        QObject,
        Qt,
    )
    from PySide6.QtWidgets import QTableView

    display = int(Qt.ItemDataRole.DisplayRole)
    table = window.queue.table
    show_rows(window, TICK_ROWS)
    first, last = window.queue.visible_rows()
    painted: set[int] = set()

    class PaintSpy(QObject):
        def eventFilter(self, obj, event):  # type: ignore[no-untyped-def]  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                for rect in event.region():  # every 4th pixel and the last: one pixel over is a column more
                    for x in [*range(rect.left(), rect.right() + 1, 4), rect.right()]:
                        painted.add(table.columnAt(x))
            return False

    spy = PaintSpy()

    def product_tick() -> float:
        t = time.perf_counter()
        app.ticker.trigger()
        QCoreApplication.processEvents()
        return time.perf_counter() - t

    class Bare(QAbstractTableModel):
        texts = [[f"cell {r} {c}" for c in range(8)] for r in range(table.model().rowCount())]

        def rowCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008, N802
            return 0 if parent.isValid() else len(self.texts)

        def columnCount(self, parent=QModelIndex()):  # type: ignore[no-untyped-def]  # noqa: B008, N802
            return 0 if parent.isValid() else 8

        def data(self, index, role=display):  # type: ignore[no-untyped-def]
            return self.texts[index.row()][index.column()] if role == display else None

    bare = QTableView()
    bare_model = Bare(bare)
    bare.setModel(bare_model)
    bare.resize(table.size())
    bare.show()
    pump(0.5)
    b_first, b_last = bare.rowAt(0), bare.rowAt(bare.viewport().height() - 1)

    def bare_tick() -> float:
        t = time.perf_counter()
        bare_model.dataChanged.emit(bare_model.index(b_first, 6), bare_model.index(b_last, 6))
        QCoreApplication.processEvents()
        return time.perf_counter() - t

    product, baseline = [], []
    for _ in range(3):
        product_tick(), bare_tick()  # warm-up
    table.viewport().installEventFilter(spy)
    product.append(product_tick())
    table.viewport().removeEventFilter(spy)
    headers = table.model()
    columns = sorted(str(headers.headerData(c, Qt.Orientation.Horizontal)) for c in painted if c >= 0)
    for _ in range(20):
        baseline.append(bare_tick())
        product.append(product_tick())
    bare.close()
    out.update(tick_rows=last - first + 1, tick_product=product, tick_bare=baseline, tick_columns=columns)
    med_p, med_b = statistics.median(product), statistics.median(baseline)
    print(f"tick     {last - first + 1} visible rows: product min {min(product) * 1000:.2f} / median {med_p * 1000:.2f} ms; "
          f"bare one-column repaint min {min(baseline) * 1000:.2f} / median {med_b * 1000:.2f} ms "
          f"({med_p / med_b:.2f}×); target < 2 ms: {'met' if med_p < 0.002 else 'NOT met'}; columns repainted by "
          f"one tick: {', '.join(columns) or 'none'}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=os.environ.get("PRIVACY_CONSOLE_DB", "sqlite:////tmp/big.sqlite3"))
    parser.add_argument("--scroll-seconds", type=float, default=20.0)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--skip-import", action="store_true")
    parser.add_argument("--runs", type=int, default=3, help="scroll stretches and imports, each measured apart")
    parser.add_argument("--json", type=Path, help="also write the figures to this file (for bench/run.py)")
    args = parser.parse_args()
    out: dict[str, object] = {}

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from ui import style
    from ui.app import app_context, open_console, responsive_threads, settle
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.tasks import Tasks

    qapp = QApplication(sys.argv[:1])
    responsive_threads()  # as run_gui does
    from ui import errors

    def unexpected(_parent, kind, exc, _tb) -> None:  # type: ignore[no-untyped-def]
        """Printed and counted, not a modal box that would stop the benchmark until somebody closes it."""
        print(f"ERROR    unexpected {kind.__name__} in the window: {exc}", flush=True)
        out.setdefault("errors", []).append(f"{kind.__name__}: {str(exc)[:200]}")  # type: ignore[union-attr]

    errors.show_unexpected = unexpected  # type: ignore[assignment]
    style.apply(qapp)
    meter = StallMeter()
    tmp = Path(tempfile.mkdtemp(prefix="bench-ui-"))
    prefs = Preferences(QSettings(str(tmp / "bench.ini"), QSettings.Format.IniFormat))
    print(f"database {args.db}   python {sys.version.split()[0]}")

    # --- open --------------------------------------------------------------------------------
    tasks = Tasks(qapp)
    opened: dict[str, object] = {}
    t0 = time.perf_counter()
    tasks.background(open_console, args.db, None, True, on_done=lambda o: opened.setdefault("o", o))
    pump(120, lambda: "o" in opened)
    app = app_context(opened["o"].ctx, prefs, tasks)  # type: ignore[attr-defined]
    t_build = time.perf_counter()
    window = MainWindow(app)
    window.resize(1400, 900)
    window.show()
    t_build = time.perf_counter() - t_build
    app.ticker.start()
    settle()  # as run_gui does once the window is up
    pump(60, lambda: window.queue.model.rowCount() > 0)
    t_first = time.perf_counter()
    pump(60, lambda: window.counts is not None and tasks.idle)
    t_counts = time.perf_counter()
    total = window.counts.queues.get("all") if window.counts else None
    print(f"open     first page on screen {(t_first - t0) * 1000:6.0f} ms after the database was asked for "
          f"({(t_first - START):.2f} s after start); counts {(t_counts - t0) * 1000:.0f} ms; "
          f"{total:,} requests; RSS {rss_mb():.0f} MB")
    meter.report("open", f"(includes building and showing the window: {t_build * 1000:.0f} ms, once)")

    # --- scroll as a person does: row by row (Down held), then page by page (PageDown) ----------
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest

    table = window.queue.table
    table.setFocus()
    window.queue.select_row(0)
    pump(1.0)
    for key, label, share in ((Qt.Key.Key_Down, "rows", 0.5), (Qt.Key.Key_PageDown, "pages", 0.5)):
        stalls = out.setdefault(f"scroll_{label}", [])
        for _ in range(args.runs):
            meter.reset()
            driver = QTimer()
            driver.setInterval(33)  # a held key repeats about 30 times a second
            driver.timeout.connect(lambda k=key: QTest.keyClick(table, k))
            t0 = time.perf_counter()
            at0 = table.currentIndex().row()
            driver.start()
            pump(args.scroll_seconds * share / args.runs)
            driver.stop()
            elapsed = time.perf_counter() - t0
            moved = table.currentIndex().row() - at0
            stalls.append(meter.report(
                f"scroll {label}", f"moved {moved:,} rows in {elapsed:.1f} s; {window.queue.model.rowCount():,} "
                                   f"loaded; RSS {rss_mb():.0f} MB")["max_ms"])  # type: ignore[union-attr]
            out[f"scroll_{label}_moved"] = moved
    tick_figures(window, app, out)

    # --- sort, switch, search ----------------------------------------------------------------
    meter.reset()
    header = table.horizontalHeader()
    t0 = time.perf_counter()
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    pump(30, lambda: window.queue.model.rowCount() > 0 and not window.queue.model.loading)
    t_sort = time.perf_counter() - t0
    header.setSortIndicator(6, Qt.SortOrder.AscendingOrder)
    pump(30, lambda: window.queue.model.rowCount() > 0 and not window.queue.model.loading)
    window.nav.select("queue", "overdue")
    pump(30, lambda: window.queue.model.rowCount() > 0 and not window.queue.model.loading)
    window.queue.filters.search.setText("nakamura")
    window.queue.filters.flush()
    pump(30, lambda: not window.queue.model.loading)
    window.nav.select("view", "dashboard")
    t0 = time.perf_counter()
    pump(60, lambda: getattr(window.view("dashboard"), "figures", None) is not None)
    t_dash = time.perf_counter() - t0
    pump(1.0, lambda: tasks.idle)
    meter.report("sort", f"subject sort first page {t_sort * 1000:.0f} ms; dashboard figures {t_dash:.1f} s")
    window.nav.select("queue", "open")
    pump(2.0)

    # --- import ------------------------------------------------------------------------------
    if not args.skip_import:
        window.close()
        tasks.shutdown()
        app.ctx.db.dispose()
        url = args.db
        source = Path(url.split("sqlite:///", 1)[1]) if url.startswith("sqlite:///") else None
        if source is not None:
            copy = tmp / "import.sqlite3"
            t0 = time.perf_counter()
            shutil.copyfile(source, copy)
            for suffix in ("-wal", "-shm"):
                if Path(str(source) + suffix).exists():
                    shutil.copyfile(str(source) + suffix, str(copy) + suffix)
            print(f"import   copied the database for the import in {time.perf_counter() - t0:.1f} s")
            url = f"sqlite:///{copy}"
        tasks = Tasks(qapp)
        opened.clear()
        tasks.background(open_console, url, None, on_done=lambda o: opened.setdefault("o", o))
        pump(120, lambda: "o" in opened)
        app = app_context(opened["o"].ctx, prefs, tasks)  # type: ignore[attr-defined]
        window = MainWindow(app)
        window.resize(1400, 900)
        window.show()
        app.ticker.start()
        pump(60, lambda: window.queue.model.rowCount() > 0 and tasks.idle)
        from console.requests import intake

        for run in range(args.runs):
            csv_path = tmp / f"requests-{run}.csv"
            make_csv(csv_path, args.import_rows, datetime.now(UTC), tag=f"bench{run}")
            result: dict[str, object] = {}
            progress: list[tuple[int, int]] = []
            pump(1.0)
            meter.reset()
            t0 = time.perf_counter()
            tasks.write(intake.import_file, app.ctx, str(csv_path), on_done=lambda r, res=result: res.setdefault("r", r),
                        on_error=lambda e, res=result: res.setdefault("e", e),
                        on_progress=lambda a, b, prog=progress: prog.append((a, b)))
            pump(600, lambda res=result: bool(res))  # type: ignore[misc]
            elapsed = time.perf_counter() - t0
            if "e" in result:
                print(f"import   failed: {result['e']}")
                out["import_failed"] = str(result["e"])
                break
            figures = meter.report("import", f"{args.import_rows:,} requests in {elapsed:.1f} s; {len(progress)} "
                                             f"progress updates reached the window; RSS {rss_mb():.0f} MB")
            out.setdefault("import", []).append(figures["max_ms"])  # type: ignore[union-attr]
            out.setdefault("import_seconds", []).append(elapsed)  # type: ignore[union-attr]
            out["import_rows"] = args.import_rows
            window.queue.refresh()
            pump(30, lambda: tasks.idle)
        window.close()
        tasks.shutdown()
        app.ctx.db.dispose()
    meter.timer.stop()
    shutil.rmtree(tmp, ignore_errors=True)
    if args.json is not None:
        args.json.write_text(json.dumps(out), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
