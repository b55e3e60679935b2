"""The register of breaches (Art. 33(5)): facts, effects and remedial action of every real breach.

As PDF for people and as CSV for other tools; drills are never in it.
"""

from __future__ import annotations

import io
from datetime import datetime

from console import csvsafe
from console.context import Context
from console.documents.finish import Signing, finish
from console.documents.spec import DocumentSpec, Paragraph, Table
from console.incidents import docutil as du
from console.incidents import rules
from console.incidents.queries import register_views
from console.incidents.read_models import IncidentView
from console.policy import Catalogue
from console.security.roles import Perm

CSV_COLUMNS = (
    "reference", "title", "status", "detected_at", "became_aware_at", "authority_due_at", "natures", "cyber",
    "categories", "people_count", "records_count", "description", "consequences", "risk", "risk_reasoning",
    "measures", "authority_decision", "authority_decision_reason", "authority_notified_at", "authority_late",
    "authority_late_reason", "authority_reference", "authority_follow_ups", "people_decision",
    "people_exemption", "people_decision_reason", "people_notified_at", "people_told", "people_channels",
    "linked_requests", "closed_at",
)


def _authority(v: IncidentView, cat: Catalogue) -> str:
    initial = next((n for n in v.authority_reports if n.phase == "initial"), None)
    if initial is not None:
        text = f"Notified {du.short(initial.sent_at, cat)}"
        if initial.late:
            text += f", late ({rules.format_hours(initial.sent_at - v.authority_due_at)}): {initial.late_reason}"
        if initial.authority_reference:
            text += f"; ref. {initial.authority_reference}"
        follow = len(v.authority_reports) - 1
        return text + (f"; {follow} follow-up(s)" if follow else "")
    if v.authority_decision == "not_notify":
        return f"Not notified: {v.authority_decision_reason}"
    return f"Not yet notified (due {du.short(v.authority_due_at, cat)})"


def _people(v: IncidentView, cat: Catalogue) -> str:
    if v.people_notices:
        told = sum(n.recipients or 0 for n in v.people_notices)
        return f"{told:,} told {du.short(v.people_notices[0].sent_at, cat)}"
    if v.people_decision == "not_notify":
        ground = f" ({v.people_exemption})" if v.people_exemption else ""
        return f"Not told{ground}: {v.people_decision_reason}"
    return "Required, not yet told" if v.people_required else "Not required"


def register_spec(views: list[IncidentView], cat: Catalogue, as_of: datetime, lang: str = "en") -> DocumentSpec:
    org = cat.organisation
    rows = []
    for v in views:
        cats = ", ".join(du.category_title(cat, c) for c in v.categories) or du.EM_DASH
        nature = ", ".join(v.natures) or du.EM_DASH
        breach = f"{v.title}\nNature: {nature}" + (" (cyber incident)" if v.cyber else "") + f"\nData: {cats}"
        effects = (f"{du.risk_title(v.risk)}\nPeople: {du.count(v.people_count, '?')}\n"
                   f"Records: {du.count(v.records_count, '?')}\n{v.consequences}").strip()
        notices = f"Authority: {_authority(v, cat)}\nPeople: {_people(v, cat)}"
        first = f"{v.reference}\n{rules.STATUS_TITLES[rules.Status(v.status)]}\nAware:\n{du.short(v.became_aware_at, cat)}"
        rows.append([first, breach, effects, notices, v.measures or du.EM_DASH])
    entries = f"{len(views)} breach" + ("" if len(views) == 1 else "es")
    return DocumentSpec(
        title=du.text("register", "title", lang), reference=f"{cat.incident_prefix}-REGISTER",
        organisation=org.name, organisation_lines=du.organisation_lines(cat),
        subject=du.text("register", "subject", lang),
        blocks=[Paragraph(du.text("register", "intro", lang, organisation=org.name, count=entries,
                                  as_of=du.when(as_of, cat))),
                Table(["Breach", "What happened", "Effects", "Notifications", "Remedial action"], rows,
                      widths=(1.7, 2.4, 1.8, 2.3, 1.9))],
        language=lang, author=org.name, keywords=["GDPR Art. 33(5)", "breach register"],
        issued=as_of.astimezone(org.tz).date(), labels=du.labels(lang),
    )


def register_rows(views: list[IncidentView], cat: Catalogue) -> list[dict[str, str]]:
    out = []
    for v in views:
        initial = next((n for n in v.authority_reports if n.phase == "initial"), None)
        iso = lambda t: t.isoformat() if t else ""  # noqa: E731
        out.append({
            "reference": v.reference, "title": v.title, "status": v.status, "detected_at": iso(v.detected_at),
            "became_aware_at": iso(v.became_aware_at), "authority_due_at": iso(v.authority_due_at),
            "natures": ";".join(v.natures), "cyber": "yes" if v.cyber else "no", "categories": ";".join(v.categories),
            "people_count": "" if v.people_count is None else str(v.people_count),
            "records_count": "" if v.records_count is None else str(v.records_count),
            "description": v.description, "consequences": v.consequences, "risk": v.risk or "",
            "risk_reasoning": v.risk_reasoning, "measures": v.measures,
            "authority_decision": v.authority_decision or "", "authority_decision_reason": v.authority_decision_reason,
            "authority_notified_at": iso(v.authority_notified_at),
            "authority_late": "yes" if initial and initial.late else ("" if initial is None else "no"),
            "authority_late_reason": (initial.late_reason or "") if initial else "",
            "authority_reference": (initial.authority_reference or "") if initial else "",
            "authority_follow_ups": str(max(len(v.authority_reports) - 1, 0)),
            "people_decision": v.people_decision or "", "people_exemption": v.people_exemption or "",
            "people_decision_reason": v.people_decision_reason, "people_notified_at": iso(v.people_notified_at),
            "people_told": str(sum(n.recipients or 0 for n in v.people_notices)),
            "people_channels": ";".join(sorted({n.channel or "" for n in v.people_notices})),
            "linked_requests": ";".join(link.reference for link in v.linked_requests), "closed_at": iso(v.closed_at),
        })
    return out


def _audit(ctx: Context, kind: str, count: int) -> None:
    """Who took a copy of the register, and when, is itself on the record."""
    with ctx.db.unit(ctx.actor, Perm.READ) as uow:
        uow.audit("incident.register", "register", kind, f"{count} breaches")


def register_csv(ctx: Context, *, since: datetime | None = None, until: datetime | None = None) -> str:
    """The register as CSV (UTF-8, one row a breach, ISO 8601 times in UTC)."""
    views = register_views(ctx, since=since, until=until)
    buffer = io.StringIO()
    writer = csvsafe.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(register_rows(views, ctx.catalogue))
    _audit(ctx, "csv", len(views))
    return buffer.getvalue()


def register_pdf(ctx: Context, *, since: datetime | None = None, until: datetime | None = None,
                 signing: Signing | None = None) -> bytes:
    from console.documents.pdf import render_pdf

    views = register_views(ctx, since=since, until=until)
    spec = register_spec(views, ctx.catalogue, ctx.now())
    pdf = finish(render_pdf(spec), signing, spec.reference, "Register of personal data breaches (GDPR Art. 33(5))")
    _audit(ctx, "pdf", len(views))
    return pdf
