"""The CLI run in the test's own process, as a person's command line would run it: arguments in,
exit code, stdout and stderr out (a real process costs about a second of start-up; this, none).

A handful of tests still start real processes (test_cli.py's smoke tests, the kill tests in
test_robustness.py, the keyring-backed sessions in test_security_roles.py): what only a real
process shows (the entry point, the module's `-m` start, signals) is tested there.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class Ran:
    """What a finished command left: the same names as ``subprocess.CompletedProcess``."""

    args: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


def _apply(values: Mapping[str, str | None]) -> None:
    for k, v in values.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@contextlib.contextmanager
def environment(changes: Mapping[str, str | None]) -> Iterator[None]:
    """Set (or, for None, remove) environment variables for the duration of one command."""
    saved = {k: os.environ.get(k) for k in changes}
    try:
        _apply(changes)
        yield
    finally:
        _apply(saved)


class _Input(io.StringIO):
    """Piped input: not a terminal, so prompts read lines instead of asking getpass."""

    def isatty(self) -> bool:
        return False


def run_cli(*args: str, db: str | None = None, env: Mapping[str, str | None] | None = None,
            stdin: str | None = None) -> Ran:
    """``privacy-console ARGS [--db DB]`` in this process; never raises for an exit code."""
    from console.cli import main

    argv = [*args, *(["--db", db] if db else [])]
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = _Input(stdin or "")
    try:
        with environment(env or {}), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(argv)
            except SystemExit as exc:  # argparse's usage errors, --help, --version
                code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
                if isinstance(exc.code, str):
                    err.write(exc.code + "\n")
    finally:
        sys.stdin = saved_stdin
    return Ran(tuple(argv), int(code or 0), out.getvalue(), err.getvalue())
