"""The release gate: personal data leaves (or is changed) only once the request's identity
checklist is complete, and, where the catalogue asks for it, confirmed by a second verifier who
is a different signed-in account.

Status alone proves nothing: a checklist can be empty (a request filled in by a script, or a
catalogue changed after intake) or a status can be moved by hand. Pure functions over the
checklist entries (ORM rows and views alike expose the same attributes).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from console.policy import Catalogue

SIGN_IN_HINT = ("Without sign-in nobody can stand for a second person: turn sign-in on with "
                "'privacy-console account enable-sign-in USERNAME' and have a second account confirm each check")


class Entry(Protocol):
    item_id: str
    label: str
    required: bool
    result: str | None
    done_by: str | None
    second_by: str | None


def release_problems(catalogue: Catalogue, right_id: str, child: bool, entries: Iterable[Entry],
                     *, sign_in: bool = True) -> list[str]:
    """What stands between this checklist and releasing data; empty when it may go."""
    entries = list(entries)
    right = catalogue.right(right_id)
    problems: list[str] = []
    present = {e.item_id for e in entries}
    for item in catalogue.checklist_for(right_id, child):
        if item.required and item.id not in present:
            problems.append(f"'{item.label}' is missing from its checklist")
    for e in entries:
        if e.result == "failed":
            problems.append(f"'{e.label}' failed")
        elif e.required and e.result != "passed":
            problems.append(f"'{e.label}' is not done")
        elif e.required and right.second_verifier and (not e.second_by or e.second_by == e.done_by):
            problems.append(f"'{e.label}' needs a second verifier, a different signed-in account")
    if right.second_verifier and not sign_in and any("second verifier" in p for p in problems):
        problems.append(SIGN_IN_HINT)
    return problems


def describe(reference: str, problems: list[str], what: str) -> str:
    return f"{reference} cannot {what} yet: " + "; ".join(problems) + "."
