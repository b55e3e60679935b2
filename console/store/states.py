"""The values of the requests' status column.

Storage-level on purpose: the flush hooks below the services (evidence minimisation) read
them. The rules about them (transitions, titles, open and closed) are console.requests.lifecycle.
"""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    RECEIVED = "received"
    AWAITING_VERIFICATION = "awaiting_verification"
    IN_PROGRESS = "in_progress"
    AWAITING_APPROVAL = "awaiting_approval"
    COMPLETED = "completed"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @classmethod
    def find(cls, value: str | None) -> Status | None:
        """The status called ``value``, or None for a code this version does not know."""
        try:
            return cls(value)
        except ValueError:
            return None
