"""Which package a request gets, and whether it may be sent at all in its present state.

The request's right names its response package in the catalogue (access, erasure, ...); three
letters answer the request itself rather than the right: receipt confirmation, extension notice
and rejection. Data never leaves before the person's identity was confirmed.
"""

from __future__ import annotations

from console.errors import DocumentError
from console.policy import Catalogue
from console.requests.lifecycle import STATUS_TITLES, Status
from console.requests.read_models import RequestView

DATA_KINDS = ("access", "portability", "erasure", "rectification", "restriction")
ANSWER_KINDS = (*DATA_KINDS, "information", "decision", "letter")
LETTER_KINDS = ("receipt", "extension", "rejection")
KINDS = (*ANSWER_KINDS, *LETTER_KINDS)
NEEDS_RECORDS = ("access", "portability", "erasure")

KIND_TITLES = {
    "access": "Access: copy of the data and Art. 15 information",
    "portability": "Portability: JSON, CSV and schema",
    "erasure": "Certificate of erasure",
    "rectification": "Rectification: before and after",
    "restriction": "Restriction of processing",
    "information": "Information about transfers",
    "decision": "Decision on the request",
    "letter": "Answer to an inquiry",
    "receipt": "Confirmation of receipt",
    "extension": "Extension notice",
    "rejection": "Rejection letter",
}

_VERIFIED = frozenset({Status.IN_PROGRESS, Status.AWAITING_APPROVAL, Status.COMPLETED})


def kinds_for(view: RequestView, catalogue: Catalogue) -> tuple[str, ...]:
    """The packages that make sense for this request now, the default first (for a chooser)."""
    out: list[str] = []
    for kind in (default_kind(view, catalogue), "receipt", "extension", "rejection"):
        if kind in out:
            continue
        try:
            check_kind(view, catalogue, kind)
        except DocumentError:
            continue
        out.append(kind)
    return tuple(out)


def default_kind(view: RequestView, catalogue: Catalogue) -> str:
    if view.status == Status.REJECTED.value:
        return "rejection"
    return catalogue.right(view.right).package


def choose_kind(view: RequestView, catalogue: Catalogue, kind: str | None) -> str:
    """The kind asked for (or the request's default), after checking it may be built now."""
    chosen = (kind or default_kind(view, catalogue)).strip().lower()
    if chosen not in KINDS:
        raise DocumentError(f"Unknown package kind {chosen!r}. Kinds: {', '.join(KINDS)}.")
    check_kind(view, catalogue, chosen)
    return chosen


def check_kind(view: RequestView, catalogue: Catalogue, kind: str) -> None:
    """Refuse, with the way forward, a package the request's state does not allow."""
    status = Status(view.status)
    ref = view.reference
    if kind == "receipt":
        return
    if kind == "extension":
        if not view.extensions:
            raise DocumentError(
                f"{ref} has no extension recorded; record it first with "
                f"'privacy-console request extend {ref} ...', then build the notice."
            )
        return
    if kind == "rejection":
        if status != Status.REJECTED:
            raise DocumentError(
                f"{ref} is not rejected ({STATUS_TITLES[status].lower()}); reject it with its "
                f"grounds first ('privacy-console request reject {ref} ...')."
            )
        return
    if status in (Status.REJECTED, Status.WITHDRAWN):
        raise DocumentError(
            f"{ref} was {status.value}: there is no answer to send. "
            + ("Build the rejection letter instead (kind 'rejection')." if status == Status.REJECTED else "")
        )
    if kind in DATA_KINDS and status not in _VERIFIED:
        raise DocumentError(
            f"{ref} has not passed identity verification ({STATUS_TITLES[status].lower()}): no data "
            "is sent or changed for a person whose identity is not confirmed. Finish the checklist "
            "first, or send a confirmation of receipt (kind 'receipt')."
        )
    right = catalogue.right(view.right)
    if kind in DATA_KINDS and kind != right.package and not (
        kind == "access" and right.package == "portability"
    ):
        raise DocumentError(
            f"{ref} is a request under '{right.title}'; its answer is a {right.package} package, "
            f"not {kind}."
        )
