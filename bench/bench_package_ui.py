"""How long the window's event loop stalls while a 10,000-record package builds and signs in a task.

Usage: .venv/bin/python bench/bench_package_ui.py [N]   Prints figures; never part of the test pass/fail.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import keyring  # noqa: E402

from bench.bench_packages import _seed  # noqa: E402
from bench.bench_ui import StallMeter, pump, rss_mb  # noqa: E402
from console.context import Context  # noqa: E402
from console.documents import create_self_signed  # noqa: E402
from console.packages import build_package, configure_signing  # noqa: E402
from console.policy import load_catalogue  # noqa: E402
from console.security.roles import Actor, Role  # noqa: E402
from console.uow import Database  # noqa: E402
from tests.keyring_memory import MemoryKeyring  # noqa: E402


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from ui.app import responsive_threads
    from ui.tasks import Tasks

    responsive_threads()  # as the window does at start

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    keyring.set_keyring(MemoryKeyring())
    app = QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        ctx = Context(Database(f"sqlite:///{root / 'bench.sqlite3'}"), load_catalogue(), Actor("bench", Role.OWNER))
        ref = _seed(ctx, count)
        p12 = root / "org.p12"
        p12.write_bytes(create_self_signed("Bench DPO", "Miximonster", "p@m.example", passphrase="pw"))
        configure_signing(ctx, p12, "pw")
        tasks = Tasks()
        meter = StallMeter()
        pump(0.3)
        meter.reset()
        done: list[object] = []
        start = time.perf_counter()
        tasks.background(build_package, ctx, ref, root / "out", on_done=done.append, on_error=done.append)
        pump(120, until=lambda: bool(done))
        elapsed = time.perf_counter() - start
        result = done[0] if done else None
        size = getattr(result, "size", 0)
        meter.report("package", f"build+sign {elapsed:.2f} s, {size / 1e6:.2f} MB, RSS {rss_mb():.0f} MB, "
                                f"{count:,} records: {type(result).__name__}")
        tasks.shutdown()
    app.quit()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
