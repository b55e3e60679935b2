"""How responsive the window stays on a big database: open time, memory, longest event-loop stall.

A 10 ms QTimer measures its own lateness the whole time (a late tick = the event loop was busy);
the figures are the longest and the 99th-percentile lateness in each phase:

  open     the real main window on the database until its first page and the counts are shown
  scroll   the table driven to the bottom every frame, so pages are fetched as fast as it scrolls
  sort     a header click on Subject (a slower query) and back, a queue switch, a search
  import   10,000 generated requests imported through the same task as Import… (a copy of the
           database, so the big one is left as it was)

Not a test: it prints figures. Make the database once (about 70-90 s):
  PRIVACY_CONSOLE_DB=sqlite:////tmp/big.sqlite3 .venv/bin/python -m console.cli demo --requests 1000000
then:  .venv/bin/python bench/bench_ui.py --db sqlite:////tmp/big.sqlite3
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PRIVACY_CONSOLE_NO_DEMO", "1")

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


def make_csv(path: Path, n: int, now: datetime) -> None:
    rights = ["access", "erasure", "rectification", "portability", "inquiry", "restriction"]
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["right", "subject_name", "subject_email", "received_at", "jurisdictions", "corrections",
                    "restriction", "format", "destination"])
        for i in range(n):
            right = rights[i % len(rights)]
            received = (now - timedelta(hours=1 + i % 500)).isoformat()
            w.writerow([right, f"Bench Person {i}", f"bench.{i}@example.org", received, "EU",
                        "address=34 New Road" if right == "rectification" else "",
                        "stop profiling" if right == "restriction" else "",
                        "json" if right == "portability" else "", "the person" if right == "portability" else ""])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default=os.environ.get("PRIVACY_CONSOLE_DB", "sqlite:////tmp/big.sqlite3"))
    parser.add_argument("--scroll-seconds", type=float, default=20.0)
    parser.add_argument("--import-rows", type=int, default=10_000)
    parser.add_argument("--skip-import", action="store_true")
    args = parser.parse_args()

    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from ui import style
    from ui.app import app_context, open_console, responsive_threads, settle
    from ui.main_window import MainWindow
    from ui.preferences import Preferences
    from ui.tasks import Tasks

    qapp = QApplication(sys.argv[:1])
    responsive_threads()  # as run_gui does
    style.apply(qapp)
    meter = StallMeter()
    tmp = Path(tempfile.mkdtemp(prefix="bench-ui-"))
    prefs = Preferences(QSettings(str(tmp / "bench.ini"), QSettings.Format.IniFormat))
    print(f"database {args.db}   python {sys.version.split()[0]}")

    # --- open --------------------------------------------------------------------------------
    tasks = Tasks(qapp)
    opened: dict[str, object] = {}
    t0 = time.perf_counter()
    tasks.read(open_console, args.db, None, True, on_done=lambda o: opened.setdefault("o", o))
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

    # --- scroll ------------------------------------------------------------------------------
    pump(1.0)
    meter.reset()
    table = window.queue.table
    bar = table.verticalScrollBar()
    from PySide6.QtCore import QTimer

    driver = QTimer()
    driver.setInterval(16)
    driver.timeout.connect(lambda: bar.setValue(bar.maximum()))
    t0 = time.perf_counter()
    driver.start()
    pump(args.scroll_seconds)
    driver.stop()
    loaded = window.queue.model.rowCount()
    elapsed = time.perf_counter() - t0
    meter.report("scroll", f"{loaded:,} rows loaded in {elapsed:.1f} s ({loaded / elapsed:,.0f} rows/s), "
                           f"RSS {rss_mb():.0f} MB")

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
        tasks.read(open_console, url, None, on_done=lambda o: opened.setdefault("o", o))
        pump(120, lambda: "o" in opened)
        app = app_context(opened["o"].ctx, prefs, tasks)  # type: ignore[attr-defined]
        window = MainWindow(app)
        window.resize(1400, 900)
        window.show()
        app.ticker.start()
        pump(60, lambda: window.queue.model.rowCount() > 0 and tasks.idle)
        csv_path = tmp / "requests.csv"
        make_csv(csv_path, args.import_rows, datetime.now(UTC))
        from console.requests import intake

        result: dict[str, object] = {}
        progress: list[tuple[int, int]] = []
        pump(1.0)
        meter.reset()
        t0 = time.perf_counter()
        tasks.write(intake.import_file, app.ctx, str(csv_path), on_done=lambda r: result.setdefault("r", r),
                    on_error=lambda e: result.setdefault("e", e), on_progress=lambda a, b: progress.append((a, b)))
        pump(600, lambda: bool(result))
        elapsed = time.perf_counter() - t0
        window.queue.refresh()
        pump(30, lambda: tasks.idle)
        if "e" in result:
            print(f"import   failed: {result['e']}")
        else:
            meter.report("import", f"{args.import_rows:,} requests in {elapsed:.1f} s; {len(progress)} progress "
                                   f"updates reached the window; RSS {rss_mb():.0f} MB")
        window.close()
        tasks.shutdown()
        app.ctx.db.dispose()
    meter.timer.stop()
    shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
