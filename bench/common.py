"""What every benchmark shares: product against its bare baseline, alternating, min and median.

A figure is measured by running the baseline and the product in turn (b, p, b, p, ...), at least
three times each, on the same data in the same process run; the verdict compares the medians
against the issue's target. Nothing here is part of the test pass/fail.
"""

from __future__ import annotations

import csv
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Figure:
    """One row of the results table."""

    name: str
    product: list[float] = field(default_factory=list)  # seconds (or MiB for memory)
    baseline: list[float] = field(default_factory=list)
    unit: str = "ms"
    target: str = ""
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if not self.product or not self.baseline:
            return None
        b = statistics.median(self.baseline)
        return statistics.median(self.product) / b if b else None

    def judge(self, *, ratio: float | None = None, absolute_ms: float | None = None, plus_mib: float | None = None,
              absolute_s: float | None = None) -> Figure:
        """Set the verdict: every given bound must hold for the product's median."""
        med = statistics.median(self.product)
        parts, ok = [], True
        if ratio is not None:
            parts.append(f"≤ {ratio:g}×")
            ok &= self.ratio is not None and self.ratio <= ratio
        if absolute_ms is not None:
            parts.append(f"< {absolute_ms:g} ms")
            ok &= med * 1000 < absolute_ms
        if absolute_s is not None:
            parts.append(f"≤ {absolute_s:g} s")
            ok &= med <= absolute_s
        if plus_mib is not None:
            parts.append(f"≤ bare + {plus_mib:g} MiB")
            ok &= med - statistics.median(self.baseline) <= plus_mib
        self.target, self.met = " and ".join(parts), ok
        return self

    def cells(self) -> list[str]:
        def fmt(values: list[float]) -> str:
            if not values:
                return "—"
            lo, med = min(values), statistics.median(values)
            if self.unit == "MiB":
                return f"{lo:.0f} / {med:.0f} MiB"
            if self.unit == "s" or med >= 10:
                return f"{lo:.2f} / {med:.2f} s"
            return f"{lo * 1000:.1f} / {med * 1000:.1f} ms"

        ratio = self.ratio
        if self.unit == "MiB" and ratio is not None:
            rtext = f"+{statistics.median(self.product) - statistics.median(self.baseline):.0f} MiB"
        else:
            rtext = f"{ratio:.2f}×" if ratio is not None else "—"
        verdict = {True: "met", False: "NOT met", None: "—"}[self.met]
        return [self.name, fmt(self.product), fmt(self.baseline), rtext, self.target or "—", verdict, self.note]


HEADER = ["figure", "product min / median", "bare baseline min / median", "ratio", "target", "verdict", "note"]


def alternate(figure: Figure, product: Callable[[], float | None], baseline: Callable[[], float | None] | None,
              runs: int = 3, warmup: bool = True) -> Figure:
    """Run baseline and product in turn; a callable that returns a float gives its own figure, else it is timed."""

    def once(fn: Callable[[], float | None]) -> float:
        t = time.perf_counter()
        value = fn()
        return value if isinstance(value, float) else time.perf_counter() - t

    if warmup:
        if baseline is not None:
            once(baseline)
        once(product)
    for _ in range(runs):
        if baseline is not None:
            figure.baseline.append(once(baseline))
        figure.product.append(once(product))
    return figure


def print_table(figures: Sequence[Figure], out: Any = None) -> str:
    rows = [HEADER, ["---"] * len(HEADER), *[f.cells() for f in figures]]
    text = "\n".join("| " + " | ".join(r) + " |" for r in rows)
    print(text, file=out or sys.stdout, flush=True)
    return text


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    load = os.getloadavg() if hasattr(os, "getloadavg") else (float("nan"),) * 3
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.1f} GiB RAM"
    except (OSError, ValueError, IndexError):
        pass
    return (f"{platform.node()}: {cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")


def child_env(home: Path) -> dict[str, str]:
    """The environment of measured child processes: no keyring prompt, no demo fill, no screen."""
    env = dict(os.environ)
    env.update({"PRIVACY_CONSOLE_HOME": str(home), "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
                "PRIVACY_CONSOLE_NO_DEMO": "1", "QT_QPA_PLATFORM": env.get("QT_QPA_PLATFORM", "offscreen"),
                "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH", "")]))})
    return env


@dataclass(frozen=True)
class ChildRun:
    seconds: float  # from just before the process started to its marker line (or its exit)
    peak_mib: float  # the child's own VmHWM when its marker line gives it, else wait4's ru_maxrss
    stdout: str
    code: int  # the exit status (a crash after the marker still gives a valid time; the caller says so)


def run_child(cmd: Sequence[str], env: dict[str, str], marker: str | None = None, timeout: float = 300) -> ChildRun:
    """Start a process and time it until it prints ``marker`` (or exits).

    Peak memory: a number after the marker (``PAINTED 81234``, the child's own VmHWM in KiB at
    that moment) when there is one. wait4's ru_maxrss is only the fallback: Linux starts a child
    with its parent's high-water mark, so after this process grew, every child showed its size.
    """
    # stderr to a file, not a pipe nobody reads until the end: a chatty child filled the pipe and
    # hung in its logging call (bench_ui, half an hour)
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as errors:
        t0 = time.perf_counter()
        proc = subprocess.Popen(list(cmd), env=env, stdout=subprocess.PIPE, stderr=errors, text=True)
        seen = None
        lines: list[str] = []
        assert proc.stdout is not None
        if marker is not None:
            for line in proc.stdout:
                lines.append(line)
                if line.startswith(marker):
                    seen = time.perf_counter()
                    break
        rest = proc.stdout.read()
        _pid, status, usage = os.wait4(proc.pid, 0)
        end = time.perf_counter()
        errors.seek(0)
        err = errors.read()
    told = lines[-1].split()[1:2] if seen is not None else []
    peak_kib = int(told[0]) if told and told[0].isdigit() and int(told[0]) > 0 else usage.ru_maxrss
    proc.returncode = os.waitstatus_to_exitcode(status)
    if seen is None and (proc.returncode != 0 or marker is not None):
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}): {err.strip()[-800:]}")
    return ChildRun((seen or end) - t0, peak_kib / 1024, "".join(lines) + rest, proc.returncode)


RIGHTS = ["access", "erasure", "rectification", "portability", "inquiry", "restriction"]


def make_csv(path: Path, n: int, now: datetime, tag: str = "bench") -> Path:
    """A web-form export of ``n`` valid requests with unique e-mails (no duplicates flagged)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["right", "subject_name", "subject_email", "received_at", "jurisdictions", "corrections",
                    "restriction", "format", "destination"])
        for i in range(n):
            right = RIGHTS[i % len(RIGHTS)]
            received = (now - timedelta(hours=1 + i % 500)).isoformat()
            w.writerow([right, f"Bench Person {i}", f"{tag}.{i}@example.org", received, "EU",
                        "address=34 New Road" if right == "rectification" else "",
                        "stop profiling" if right == "restriction" else "",
                        "json" if right == "portability" else "", "the person" if right == "portability" else ""])
    return path
