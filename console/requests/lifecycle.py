"""The request lifecycle as an explicit state machine.

received -> awaiting_verification -> in_progress -> awaiting_approval -> completed;
rejected and withdrawn from any open state; completed can be reopened with a reason.
"""

from __future__ import annotations

from enum import StrEnum

from console.errors import TransitionError
from console.store.states import Status  # the column's values; the rules about them live here


class RejectReason(StrEnum):
    UNVERIFIABLE = "unverifiable"
    MANIFESTLY_UNFOUNDED = "manifestly_unfounded"
    EXCESSIVE = "excessive"
    EXEMPTION = "exemption"


STATUS_TITLES = {
    Status.RECEIVED: "Received",
    Status.AWAITING_VERIFICATION: "Awaiting verification",
    Status.IN_PROGRESS: "In progress",
    Status.AWAITING_APPROVAL: "Awaiting approval",
    Status.COMPLETED: "Completed",
    Status.REJECTED: "Rejected",
    Status.WITHDRAWN: "Withdrawn",
}

OPEN = frozenset({Status.RECEIVED, Status.AWAITING_VERIFICATION, Status.IN_PROGRESS, Status.AWAITING_APPROVAL})
CLOSED = frozenset({Status.COMPLETED, Status.REJECTED, Status.WITHDRAWN})
VERIFYING = frozenset({Status.RECEIVED, Status.AWAITING_VERIFICATION})  # the checklist is still open
ACTING = frozenset({Status.IN_PROGRESS, Status.AWAITING_APPROVAL})  # verified, being answered

# The main line a request walks forward along (``advance``).
FORWARD = {
    Status.RECEIVED: Status.AWAITING_VERIFICATION,
    Status.AWAITING_VERIFICATION: Status.IN_PROGRESS,
    Status.IN_PROGRESS: Status.AWAITING_APPROVAL,
    Status.AWAITING_APPROVAL: Status.COMPLETED,
}

TRANSITIONS: dict[Status, frozenset[Status]] = {
    Status.RECEIVED: frozenset({Status.AWAITING_VERIFICATION, Status.REJECTED, Status.WITHDRAWN}),
    Status.AWAITING_VERIFICATION: frozenset({Status.IN_PROGRESS, Status.REJECTED, Status.WITHDRAWN}),
    Status.IN_PROGRESS: frozenset({Status.AWAITING_APPROVAL, Status.REJECTED, Status.WITHDRAWN}),
    Status.AWAITING_APPROVAL: frozenset({Status.COMPLETED, Status.IN_PROGRESS, Status.REJECTED, Status.WITHDRAWN}),
    Status.COMPLETED: frozenset({Status.IN_PROGRESS}),  # reopen, with a reason
    Status.REJECTED: frozenset(),
    Status.WITHDRAWN: frozenset(),
}


def parse_status(value: str) -> Status:
    try:
        return Status(value)
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise TransitionError(f"Unknown status {value!r}. Statuses: {known}") from None


def allowed_from(current: Status) -> list[Status]:
    return sorted(TRANSITIONS[current], key=list(Status).index)


def check_transition(current: Status, target: Status) -> None:
    """Refuse a move the machine does not allow, naming the moves that are allowed."""
    if target in TRANSITIONS[current]:
        return
    allowed = allowed_from(current)
    if allowed:
        names = ", ".join(STATUS_TITLES[s] for s in allowed)
        hint = f"From there it can go to: {names}."
    else:
        hint = "It is closed and cannot change any more."
    raise TransitionError(
        f"A request that is {STATUS_TITLES[current].lower()} cannot become "
        f"{STATUS_TITLES[target].lower()}. {hint}"
    )


def check_acting(reference: str, current: Status, what: str) -> None:
    """``what`` (a fact about the answer: an erasure, a withdrawal) is recorded only once identity
    is confirmed and while the request is being answered (ACTING)."""
    if current not in ACTING:
        raise TransitionError(f"{reference} is {STATUS_TITLES[current].lower()}: {what} can be recorded only once "
                              "identity is confirmed and while the request is in progress or awaiting approval.")


def next_status(current: Status) -> Status:
    """The next step on the main line; a closed request has none."""
    if current not in FORWARD:
        extra = " Reopen it with a reason to work on it again." if current == Status.COMPLETED else ""
        raise TransitionError(f"A request that is {STATUS_TITLES[current].lower()} has no next step.{extra}")
    return FORWARD[current]
