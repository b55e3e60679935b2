"""The records a letter needs before it may be built, or the command that records them.

An erasure certificate needs an erasure record for every system and category the person's
data was found in; a rectification letter at least one correction; a restriction
letter the date the restriction took effect; an inquiry answer and a
decision letter the recorded answer. Checked before anything is laid out, so a preview
refuses exactly as a build does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from console.errors import DocumentError
from console.requests.facts import Facts
from console.requests.sources import RecordView, source_name

CLI = "privacy-console request"


def unrecorded_erasures(records: Mapping[str, Sequence[RecordView]], facts: Facts) -> list[tuple[str, str]]:
    """(system, category) pairs the person's data was found in that nobody recorded an outcome for."""
    done = {(e.system, e.category) for e in facts.erasures}
    held = {(source_name(r.source), category) for category, rows in records.items() for r in rows}
    return sorted(held - done)


def require_facts(reference: str, kind: str, records: Mapping[str, Sequence[RecordView]], facts: Facts) -> None:
    """Refuse a letter whose statements the database does not hold yet, naming what to record."""
    if kind == "erasure":
        if not facts.erasures:
            raise DocumentError(
                f"No erasure is recorded for {reference}, so there is nothing a certificate could truthfully say. "
                f"Record each system and category first: '{CLI} erasure-record {reference} --system SYSTEM "
                "--category CATEGORY --erased --method HOW' (or --retained, with the catalogue's legal reason).")
        missing = unrecorded_erasures(records, facts)
        if missing:
            named = ", ".join(f"{category} in {system}" for system, category in missing)
            raise DocumentError(
                f"{reference}: the person's data was found in places with no erasure record yet: {named}. "
                f"Record what was done with each ('{CLI} erasure-record ...') before the certificate is built.")
    elif kind == "rectification" and not facts.corrections:
        raise DocumentError(
            f"No correction is recorded for {reference}; the letter lists the corrections made. Record each one "
            f"first: '{CLI} correction {reference} --system SYSTEM --field FIELD --to NEW' (or --description).")
    elif kind == "restriction" and facts.restriction is None:
        raise DocumentError(
            f"No restriction date is recorded for {reference}; the letter says since when processing is "
            f"restricted. Record it first: '{CLI} restriction-record {reference} --at 2026-12-01T10:00:00+00:00 "
            "--how HOW' (when it took effect, and how it was applied).")
    elif kind in ("letter", "decision") and facts.answer is None:
        what = "decision" if kind == "decision" else "answer"
        option = " --decision granted|partly_granted|refused" if kind == "decision" else ""
        raise DocumentError(
            f"No {what} is recorded for {reference}; the letter states it word for word. Record it first: "
            f"'{CLI} answer {reference}{option} --text TEXT'.")
