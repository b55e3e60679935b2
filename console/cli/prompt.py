"""Asking a person on the terminal, or reading the answer from standard input for scripts.

Every command that asks for a password, passphrase or code goes through here. Without a terminal
(a cron job, a pipe, a desktop launcher) nothing is asked: the command stops with one line that
names the ``--...-stdin`` option to use, before it has written anything.
"""

from __future__ import annotations

import getpass
import sys

from console.errors import ValidationError


def has_terminal() -> bool:
    """True when standard input is a terminal a person can type into."""
    stream = sys.stdin
    try:
        return stream is not None and not stream.closed and stream.isatty()
    except (AttributeError, ValueError, OSError):
        return False


def no_terminal(what: str, option: str, hint: str = "") -> ValidationError:
    how = hint or f"give {option} and the {what} on the first line of standard input"
    return ValidationError(f"No terminal to ask for the {what}: run it in a terminal, or {how}.")


def _ask(prompt: str, what: str, option: str, *, hidden: bool, hint: str = "") -> str:
    if not has_terminal():
        raise no_terminal(what, option, hint)
    try:
        return getpass.getpass(prompt) if hidden else input(prompt).strip()
    except EOFError:
        raise no_terminal(what, option, hint) from None


def secret(prompt: str, what: str, option: str, *, confirm: bool = False) -> str:
    """A password or passphrase typed without echo (twice when ``confirm``); never empty."""
    value = _ask(prompt, what, option, hidden=True)
    if confirm and value and _ask("Again: ", what, option, hidden=True) != value:
        raise ValidationError(f"The two {what}s differ; nothing was written.")
    if not value:
        raise ValidationError(f"No {what} given; nothing was written.")
    return value


def text(prompt: str, what: str, option: str, hint: str = "") -> str:
    """A line typed on the terminal (a user name, a 6-digit code); ``hint`` says how else to give it."""
    return _ask(prompt, what, option, hidden=False, hint=hint)


def stdin_line(what: str, option: str, *, strip: bool = False) -> str:
    """The next line of standard input (``option`` was given); an empty one is refused."""
    line = sys.stdin.readline() if sys.stdin is not None else ""
    value = line.strip() if strip else line.rstrip("\r\n")
    if not value:
        raise ValidationError(f"{option} was given but standard input held no {what}; nothing was written.")
    return value
