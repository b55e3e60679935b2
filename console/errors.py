"""Domain errors: each carries a message a person can read and act on.

The UI shows ``str(error)`` in a dialog; the CLI prints it on one line to stderr
and exits non-zero. Nothing in this module knows about either.
"""

from __future__ import annotations


class ConsoleError(Exception):
    """Base of every error meant for a person; ``exit_code`` is what the CLI returns."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class ValidationError(ConsoleError):
    """Input that cannot be accepted as given (a bad email, a date in the future...)."""

    exit_code = 2


class NotFoundError(ConsoleError):
    """The thing named does not exist (a request reference, an incident...)."""

    exit_code = 3


class TransitionError(ConsoleError):
    """A lifecycle change that the state machine does not allow from here."""

    exit_code = 4


class DeadlineError(ConsoleError):
    """An extension or pause that the law or the policy does not allow."""

    exit_code = 4


class ConflictError(ConsoleError):
    """Somebody else changed the same row since it was read: reload and retry."""

    exit_code = 5


class PermissionDenied(ConsoleError):
    """The acting user's role does not allow this action."""

    exit_code = 6


class AuthenticationError(ConsoleError):
    """Sign-in failed (wrong password, wrong code, locked account, expired session)."""

    exit_code = 6


class PolicyError(ConsoleError):
    """The policy catalogue is malformed: names the file, the key and the problem."""

    exit_code = 7


class StorageError(ConsoleError):
    """The database cannot be reached, or its schema does not fit this version."""

    exit_code = 8


class BusyError(StorageError):
    """Another writer held the database longer than we wait: nothing was changed, try again."""

    exit_code = 13


class DamagedError(StorageError):
    """The database file is damaged (or is not a console database): restore from a backup."""

    exit_code = 14


# "locking protocol" (SQLITE_PROTOCOL): a WAL lock race with another process that SQLite gave up
# retrying; transient like a lock, so said the same way (seen with a second reader polling the file)
BUSY = ("database is locked", "database table is locked", "database is busy", "locking protocol")
DAMAGED = ("malformed", "file is not a database", "file is encrypted or is not a database")


def storage_error(url: str, exc: BaseException) -> ConsoleError:
    """One line a person can act on for a driver error (busy, damaged, full disk, unreachable): never the SQL."""
    orig = getattr(exc, "orig", None) or exc
    lines = str(orig).strip().splitlines()
    detail = lines[0] if lines else type(orig).__name__
    low = detail.lower()
    if any(b in low for b in BUSY):
        return BusyError("The database is busy: another change is being saved. Nothing was changed; "
                         "try again in a moment.")
    if any(d in low for d in DAMAGED):
        return DamagedError(f"The database {url} is damaged ({detail}). Nothing was changed. Run "
                            "'privacy-console db check' and restore the latest backup.")
    if getattr(orig, "sqlstate", None) == "42501":  # the server refused this role (grants, policies)
        return PermissionDenied(f"The database refused this: {detail}")
    if "disk is full" in low or "no space left" in low:
        return StorageError(f"The disk holding {url} is full: nothing was changed. Free some space and try again.")
    return StorageError(f"Cannot open the database {url}: {detail}")


class SecretStoreError(ConsoleError):
    """The OS keyring is missing or refused; never answered by storing in plaintext."""

    exit_code = 9


class Cancelled(ConsoleError):
    """The person stopped a long operation; the message says what was kept (usually nothing).

    Told apart by its class, never by its text: a window says nothing about a cancel it asked for.
    """

    exit_code = 130  # as an interrupted command


class DocumentError(ConsoleError):
    """A package or PDF cannot be built, signed or verified as asked."""

    exit_code = 10


class WrongPassphrase(DocumentError):
    """The signing certificate did not open with the passphrase given (told by class, not by text)."""


class ImportRejected(ValidationError):
    """A bulk import with bad lines: nothing was imported; ``problems`` lists each line."""

    def __init__(self, problems: list[tuple[int, str]], total: int) -> None:
        self.problems = problems
        self.total = total
        shown = "; ".join(f"line {n}: {why}" for n, why in problems[:20])
        more = f" (and {len(problems) - 20} more)" if len(problems) > 20 else ""
        super().__init__(
            f"Nothing imported: {len(problems)} of {total} lines are bad — {shown}{more}"
        )
