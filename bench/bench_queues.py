"""Demo fill and queue queries at scale. Prints figures; never part of the test pass/fail.

Usage: .venv/bin/python bench/bench_queues.py [N]   (default 1,000,000 requests, on a fresh SQLite file)
"""

from __future__ import annotations

import os
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

import keyring
from keyring.backends.null import Keyring

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from console.context import Context  # noqa: E402
from console.demo import fill  # noqa: E402
from console.policy import load_catalogue  # noqa: E402
from console.requests import commands, queries  # noqa: E402
from console.security.roles import Actor, Role  # noqa: E402
from console.uow import Database  # noqa: E402


def timed(label: str, fn, repeat: int = 5) -> object:  # type: ignore[no-untyped-def]
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t) * 1000)
    print(f"  {label:<48} median {statistics.median(times):8.1f} ms   max {max(times):8.1f} ms")
    return result


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    keyring.set_keyring(Keyring())
    tmp = Path(tempfile.mkdtemp(prefix="pc-bench-"))
    os.environ["PRIVACY_CONSOLE_HOME"] = str(tmp)
    url = os.environ.get("BENCH_DB") or f"sqlite:///{tmp / 'bench.sqlite3'}"
    ctx = Context(Database(url), load_catalogue(), Actor("alex.morgan", Role.OWNER))
    t = time.perf_counter()
    fill(ctx, n, seed=1, sample_company=False)
    fill_s = time.perf_counter() - t
    size = (tmp / "bench.sqlite3").stat().st_size / 1e6 if url.startswith("sqlite") else float("nan")
    print(f"demo --requests {n:,}: {fill_s:.1f} s ({n / fill_s:,.0f} requests/s), database {size:.0f} MB, "
          f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    print("queue queries:")
    first = timed("first page (200) of open requests by due date", lambda: queries.fetch_page(ctx, queries.QueueFilter(), limit=200))
    cursor = first.cursor
    for _ in range(50):
        cursor = queries.fetch_page(ctx, queries.QueueFilter(), cursor, limit=200).cursor
    timed("page 51 by keyset cursor", lambda: queries.fetch_page(ctx, queries.QueueFilter(), cursor, limit=200))
    timed("overdue queue, first page", lambda: queries.fetch_page(ctx, queries.QueueFilter(queue="overdue"), limit=200))
    timed("erasure queue sorted by received, desc", lambda: queries.fetch_page(
        ctx, queries.QueueFilter(queue="right:erasure", sort="received_at", descending=True), limit=200))
    timed("all queue counts (navigation list)", lambda: queries.queue_counts(ctx), repeat=3)
    timed("count of open requests", lambda: queries.count(ctx, queries.QueueFilter()), repeat=3)
    ref = first.rows[0].reference
    timed("search by reference", lambda: queries.fetch_page(ctx, queries.QueueFilter(queue="all", search=ref), limit=200), repeat=3)
    email = first.rows[0].subject_email
    timed("search by email prefix", lambda: queries.fetch_page(ctx, queries.QueueFilter(queue="all", search=email), limit=200), repeat=3)
    timed("search by name fragment", lambda: queries.fetch_page(ctx, queries.QueueFilter(queue="all", search="Kowal"), limit=200), repeat=3)
    timed("open one request in full", lambda: commands.get_request(ctx, ref))


if __name__ == "__main__":
    main()
