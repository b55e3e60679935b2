"""Build and sign an access package of many records. Prints figures; never part of the test pass/fail.

Usage: .venv/bin/python bench/bench_packages.py [N]   (default 10,000 records, fresh SQLite file)

The records are spread over the catalogue's categories the way a busy account's would be (most
of them usage and technical log lines), with Unicode in the values, so the letter's tables run
over many pages.
"""

from __future__ import annotations

import random
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from console.context import Context  # noqa: E402
from console.documents import create_self_signed  # noqa: E402
from console.packages import build_package, configure_signing, preview_pdf, verify_package  # noqa: E402
from console.policy import load_catalogue  # noqa: E402
from console.requests import commands  # noqa: E402
from console.requests.commands import NewRequest  # noqa: E402
from console.security.roles import Actor, Role  # noqa: E402
from console.store.models import SubjectRecord  # noqa: E402
from console.uow import Database  # noqa: E402
from tests.keyring_memory import MemoryKeyring  # noqa: E402

SHARE = {"usage": 45, "technical": 35, "communication": 8, "transaction": 7, "account": 1, "profile": 2, "preference": 2}
PAGES = ["/", "/pricing", "/account", "/mixes", "/mixes/new", "/help", "/settings", "/playlists/łódź-nights"]


def _record(category: str, n: int, rng: random.Random, base: datetime) -> dict[str, object]:
    at = (base - timedelta(minutes=rng.randrange(500_000))).isoformat(timespec="seconds")
    if category == "usage":
        return {"accessed_at": at, "page": rng.choice(PAGES), "session_seconds": rng.randrange(5, 3600)}
    if category == "technical":
        return {"at": at, "ip_address": f"203.0.113.{rng.randrange(1, 254)}", "browser": "Firefox 133",
                "device": rng.choice(["Øresund office laptop", "Android phone", "iPhone"])}
    if category == "communication":
        return {"opened_at": at, "channel": "email", "subject": f"Question {n} about Müller's invoice"}
    if category == "transaction":
        return {"order_no": f"ORD-{n:06d}", "ordered_at": at, "amount": f"{rng.randrange(3, 90)}.99", "currency": "EUR"}
    if category == "profile":
        return {"bio": "Makes playlists in Łódź", "interests": "techno; jazz"}
    if category == "preference":
        return {"marketing_email": rng.randrange(2), "language": "pl", "theme": "dark"}
    return {"account_id": "ACC-0000001", "email": "zofia@example.org", "username": f"zofia{n}", "status": "active"}


def _seed(ctx: Context, count: int) -> str:
    ref = commands.add_request(ctx, NewRequest(
        right="access", subject_name="Zofia Łódźka-Müller", subject_email="zofia@example.org",
        subject_account_id="ACC-0000001", received_at=ctx.now() - timedelta(days=2), jurisdictions=("EU",))).reference
    view = commands.get_request(ctx, ref)
    rng = random.Random(5)
    categories = rng.choices(list(SHARE), weights=list(SHARE.values()), k=count)
    now = datetime.now(UTC)
    rows = [{"request_id": view.id, "category": c, "source": "source:sample-company",
             "data": _record(c, n, rng, now), "gathered_at": now} for n, c in enumerate(categories)]
    with ctx.db.engine.begin() as conn:
        conn.execute(SubjectRecord.__table__.insert(), rows)
    from console import verification

    for item in view.checklist:
        verification.check_item(ctx, ref, item.item_id, "passed")
    commands.advance(ctx, ref)
    return ref


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ctx = Context(Database(f"sqlite:///{root / 'bench.sqlite3'}"), load_catalogue(), Actor("bench", Role.OWNER))
        ref = _seed(ctx, count)
        p12 = root / "org.p12"
        p12.write_bytes(create_self_signed("Bench DPO", "Miximonster", "p@m.example", passphrase="pw"))
        info = configure_signing(ctx, p12, "pw")
        print(f"Access package of {count:,} records (SQLite, EC P-256 signature)")

        start = time.perf_counter()
        preview = preview_pdf(ctx, ref)
        print(f"  preview (unsigned)  {time.perf_counter() - start:7.2f} s   {len(preview) / 1e6:6.2f} MB")

        ticks: list[float] = []
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        result = build_package(ctx, ref, root / "out", progress=lambda d, t: ticks.append(time.perf_counter()))
        elapsed = time.perf_counter() - start
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
        letter = Path(result.path) / result.letter
        print(f"  build and sign      {elapsed:7.2f} s   {result.pages:,} pages, letter {letter.stat().st_size / 1e6:.2f} MB, "
              f"package {result.size / 1e6:.2f} MB ({len(result.files)} files)")
        print(f"  per 1,000 records   {elapsed / count * 1000:7.3f} s")
        print(f"  progress reports    {len(ticks):,}; longest gap between two {max(gaps, default=0) * 1000:.0f} ms")

        # A second build under tracemalloc, which slows allocation-heavy code several times over,
        # so its time is not the one to quote; it measures what the build itself holds at its peak.
        tracemalloc.start()
        build_package(ctx, ref, root / "out")
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"  peak memory         {peak / 1e6:7.1f} MB traced (Python heap during one build); "
              f"max RSS {rss:.0f} MB ({rss_before:.0f} MB before the first build)")

        start = time.perf_counter()
        report = verify_package(result.path, [info.pem])
        print(f"  verify              {time.perf_counter() - start:7.2f} s   ok={report.ok}")
        ctx.db.dispose()


if __name__ == "__main__":
    main()
