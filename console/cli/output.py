"""How the CLI speaks: JSON when asked, plain lines otherwise, a progress bar on stderr."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime
from typing import Any


def to_jsonable(value: Any) -> Any:
    if hasattr(value, "to_json"):
        return value.to_json()
    if is_dataclass(value) and not isinstance(value, type):
        return to_jsonable(asdict(value))
    if isinstance(value, dict):
        return {str(k): to_jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [to_jsonable(v) for v in value]
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def emit_json(value: Any) -> None:
    json.dump(to_jsonable(value), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def warn(warnings: Sequence[str]) -> None:
    """Work that followed a commit and failed: the command still succeeded (exit 0), but says so."""
    for w in warnings:
        print(f"privacy-console: warning: {w}", file=sys.stderr)


def table(rows: list[list[str]], headers: list[str]) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for r in rows:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip())


class Progress:
    """A bar on a terminal, a line every 10% elsewhere (CI logs stay short)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.tty = sys.stderr.isatty()
        self.start = time.perf_counter()
        self.last_decile = -1

    def __call__(self, done: int, total: int) -> None:
        frac = done / total if total else 1.0
        elapsed = time.perf_counter() - self.start
        if self.tty:
            bar = "#" * int(frac * 30)
            sys.stderr.write(f"\r{self.label} [{bar:<30}] {frac:6.1%} {done:,}/{total:,} {elapsed:5.1f}s")
            if done >= total:
                sys.stderr.write("\n")
            sys.stderr.flush()
        elif int(frac * 10) != self.last_decile:
            self.last_decile = int(frac * 10)
            print(f"{self.label}: {frac:.0%} ({done:,}/{total:,}, {elapsed:.1f}s)", file=sys.stderr)
