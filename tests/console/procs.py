"""Real processes that act on one database in lock-step or flat out, for the race and load tests.

Each worker is a forked process with its own connections. A step is a call to a service (each
its own transaction, as the CLI makes it) or a CLI command run in-process; the worker sends back
the exit code the CLI would give and the one line it would print.
"""

from __future__ import annotations

import contextlib
import io
import multiprocessing as mp
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

CTX = mp.get_context("fork")  # fork: the step functions need no pickling
UNEXPECTED = 70  # what the CLI returns for an error that is not meant for people

Step = Callable[[int, int], object]  # (worker, step) -> anything; raising is how a step fails


@dataclass(frozen=True)
class Outcome:
    worker: int
    step: int
    code: int
    message: str
    value: object = None


def cli(argv: Sequence[str]) -> tuple[int, str]:
    """Run the CLI in this process: its exit code and what it printed on stderr."""
    from console.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(argv))
        except SystemExit as exc:  # argparse refusals
            code = int(exc.code or 0)
    return code, err.getvalue()


def _one(worker: int, step: int, fn: Step) -> Outcome:
    from console.errors import ConsoleError

    try:
        value = fn(worker, step)
    except ConsoleError as exc:
        return Outcome(worker, step, exc.exit_code, str(exc))
    except Exception as exc:  # noqa: BLE001 - an unexpected error is a finding, counted not raised
        return Outcome(worker, step, UNEXPECTED, f"{type(exc).__name__}: {exc}")
    if isinstance(value, tuple) and len(value) == 2 and isinstance(value[0], int):  # from cli()
        return Outcome(worker, step, value[0], value[1])
    return Outcome(worker, step, 0, "", value)


def _lockstep(worker: int, fn: Step, steps: int, barrier, results) -> None:  # type: ignore[no-untyped-def]
    for step in range(steps):
        barrier.wait(timeout=120)
        results.put(_one(worker, step, fn))
    results.put(None)


def lockstep(workers: list[Step], steps: int) -> list[Outcome]:
    """Every worker runs step 0, waits for the others, runs step 1 together, and so on."""
    barrier = CTX.Barrier(len(workers))
    return _collect([(_lockstep, (i, fn, steps, barrier)) for i, fn in enumerate(workers)])


def _flat_out(worker: int, fn: Step, seconds: float, start, results) -> None:  # type: ignore[no-untyped-def]
    start.wait(timeout=120)
    end, step = time.monotonic() + seconds, 0
    while time.monotonic() < end:
        results.put(_one(worker, step, fn))
        step += 1
    results.put(None)


def flat_out(workers: int, fn: Step, seconds: float) -> list[Outcome]:
    """``workers`` processes call ``fn(worker, step)`` as fast as they can for ``seconds``."""
    start = CTX.Barrier(workers)
    return _collect([(_flat_out, (i, fn, seconds, start)) for i in range(workers)])


def _collect(targets: list[tuple[Callable[..., None], tuple]]) -> list[Outcome]:
    results = CTX.Queue()
    procs = [CTX.Process(target=fn, args=(*args, results), daemon=True) for fn, args in targets]
    for p in procs:
        p.start()
    outcomes: list[Outcome] = []
    running = len(procs)
    while running:
        item = results.get(timeout=300)
        if item is None:
            running -= 1
        else:
            outcomes.append(item)
    for p in procs:
        p.join(timeout=30)
    return outcomes
