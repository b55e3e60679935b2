"""From a request's data categories or a breach's affected categories to the activities that use them.

The Art. 33 report and the console's views draw recipients, transfers and retention from the
same record of processing, never from a copy.
"""

from __future__ import annotations

from collections.abc import Sequence

from console.documents.spec import Block, Heading, Table
from console.policy import Catalogue
from console.policy.records import Activity
from console.processing.export import bases_text, recipient_title, retention_text, transfers_text


def activities_for(cat: Catalogue, categories: Sequence[str]) -> tuple[Activity, ...]:
    """Catalogue categories only: a breach may name others (credentials, location) that no activity lists."""
    return cat.records.activities_using(tuple(categories))


def activity_summary(cat: Catalogue, a: Activity) -> dict[str, str]:
    return {"id": a.id, "title": a.title, "categories": ", ".join(a.categories), "legal_basis": bases_text(a),
            "recipients": "; ".join(recipient_title(cat, r) for r in a.recipients) or "None recorded",
            "transfers": transfers_text(cat, a), "retention": retention_text(cat, a)}


def activities_blocks(cat: Catalogue, categories: Sequence[str], heading: str) -> list[Block]:
    """A table of the activities that process these categories, or nothing when none does."""
    acts = activities_for(cat, categories)
    if not acts:
        return []
    rows = [[f"{s['title']}\n({s['legal_basis']})", s["recipients"], s["transfers"], s["retention"]]
            for s in (activity_summary(cat, a) for a in acts)]
    return [Heading(heading, 2), Table(["Activity", "Recipients", "Transfers", "Retention"], rows,
                                       widths=(1.6, 1.6, 1.6, 1.8))]
