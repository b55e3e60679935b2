"""Loading the one row a change is about: locked on servers, a plain message when it is missing,
and the optimistic version check of the records a person edits (requests, incidents)."""

from __future__ import annotations

from typing import Any, Protocol, TypeVar

from sqlalchemy import Select
from sqlalchemy.orm import Session

from console.errors import ConflictError, NotFoundError

T = TypeVar("T")


class Versioned(Protocol):
    reference: Any
    version: Any


def load_one(session: Session, stmt: Select[tuple[T]], missing: str, *, lock: bool = False, of: Any = None) -> T:
    """The first row ``stmt`` selects, or NotFoundError(``missing``). With ``lock``, a row lock
    (FOR UPDATE, ``of`` the given table) on PostgreSQL; SQLite's writer holds the whole file."""
    if lock and session.get_bind().dialect.name == "postgresql":
        stmt = stmt.with_for_update(of=of)
    row = session.scalars(stmt).first()
    if row is None:
        raise NotFoundError(missing)
    return row


def check_version(row: Versioned, expected: int | None) -> None:
    """Refuse a change made from an older copy than the one stored (None: not checked)."""
    if expected is not None and row.version != expected:
        raise ConflictError(
            f"{row.reference} was changed by somebody else since you opened it "
            f"(version {expected}, now {row.version}). Reload it, then apply your change again."
        )
