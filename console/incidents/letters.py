"""The authority notification (Art. 33(3)) and the notice to the people affected (Art. 34).

``*_spec`` functions are pure (view in, DocumentSpec out) so the window can preview a letter;
the services render it, sign it when a certificate is given, and note the milestone.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

from console.context import Context
from console.documents.finish import Signing, finish
from console.documents.spec import Block, DocumentSpec, Heading, KeyValue, Paragraph, Table
from console.errors import DocumentError, ValidationError
from console.incidents import docutil as du
from console.incidents import rules
from console.incidents.queries import get_incident
from console.incidents.read_models import IncidentView
from console.incidents.store import add_entry, load
from console.packages.settings import configured_signing
from console.policy import Catalogue
from console.processing.links import activities_blocks
from console.security import audit_trail
from console.security.roles import Perm
from console.store.incident_models import Incident, IncidentNotification
from console.timefmt import human


def _drill_blocks(view: IncidentView, lang: str) -> list[Block]:
    if not view.is_drill:
        return []
    scenario = view.drill.scenario_title if view.drill else "custom"
    return drill_banner(scenario, lang)


def drill_banner(scenario: str, lang: str = "en") -> list[Block]:
    """Every drill document says it is an exercise first, before anything else on the page."""
    return [Heading(du.text("drill", "banner_title", lang), 2), Paragraph(du.text("drill", "banner", lang, scenario=scenario))]


def _title(view: IncidentView, section: str, lang: str) -> str:
    title = du.text(section, "title", lang)
    return du.text("drill", "title_prefix", lang) + title if view.is_drill else title


def _people_line(view: IncidentView, cat: Catalogue) -> str:
    notices = view.people_notices
    if notices:
        told = sum(n.recipients or 0 for n in notices)
        how = ", ".join(sorted({(n.channel or "").replace("_", " ") for n in notices}))
        return f"Told on {du.when(notices[0].sent_at, cat)} by {how}; {told:,} people reached."
    if view.people_decision == "not_notify":
        ground = rules.EXEMPTION_TITLES[rules.Exemption(view.people_exemption)] if view.people_exemption else ""
        return f"Not told: {ground}. {view.people_decision_reason}".replace(": .", ".").strip()
    if view.people_decision == "notify":
        return "They will be told without undue delay."
    if view.people_required:
        return "The risk to them is high: they will be told without undue delay (Art. 34(1))."
    if view.risk is not None:  # assessed below high risk: Art. 34(1) does not ask to tell them
        return f"Not required: the risk to them was assessed as {du.risk_title(view.risk).lower()}, not high (Art. 34(1))."
    return "Not decided yet: the risk to them has not been assessed."


def _subjects_line(view: IncidentView, cat: Catalogue) -> str:
    """Art. 33(3)(a): whose data it is, as recorded for this incident; until it is recorded, the
    record of processing's data subjects of the breached data categories, said to be derived."""
    records = cat.records
    if view.subject_categories:
        return "\n".join(records.subject_title(i) for i in view.subject_categories)
    ids = dict.fromkeys(s for a in records.activities_using(view.categories) for s in a.data_subjects)
    if not ids:
        return ""
    titles = "\n".join(records.subject_title(i) for i in ids)
    return (f"{titles}\n(not recorded for this incident: the record of processing's data subjects for the "
            "categories of data concerned)")


def authority_spec(view: IncidentView, cat: Catalogue, *, phase: str | None = None, issued_at: datetime | None = None,
                   lang: str = "en", late_reason: str = "") -> DocumentSpec:
    """The notification to the supervisory authority with the contents Art. 33(3) asks for.

    ``phase`` "initial" prints the first report (also after it was recorded as sent), "follow_up"
    brings it up to date; by default, initial until an initial report is recorded.
    """
    org = cat.organisation
    authority = rules.authority_name(org.supervisory_authority)
    unknown = du.text("authority", "unknown", lang)
    issued = issued_at or view.as_of
    initial = next((n for n in view.authority_reports if n.phase == "initial"), None)
    blocks: list[Block] = [*_drill_blocks(view, lang),
                           Paragraph(du.text("authority", "intro", lang, organisation=org.name, authority=authority))]
    if phase not in (None, "initial", "follow_up"):
        raise ValidationError(f"Unknown report phase {phase!r}. Phases: initial, follow_up")
    if phase == "follow_up" and initial is None:
        raise ValidationError(f"{view.reference} has no initial report to the authority yet; a follow-up comes after it.")
    if initial is None or phase == "initial":
        blocks.append(Paragraph(du.text("authority", "phase_initial", lang)))
    else:
        ref = f" (your reference {initial.authority_reference})" if initial.authority_reference else ""
        blocks.append(Paragraph(du.text("authority", "phase_follow_up", lang, initial_sent=du.when(initial.sent_at, cat),
                                        authority_reference=ref)))
    sent_or_now = initial.sent_at if initial else issued
    late = sent_or_now > view.authority_due_at
    blocks.append(KeyValue([
        ("Breach", f"{view.reference}: {view.title}"),
        ("Detected", du.when(view.detected_at, cat)),
        ("Became aware", du.when(view.became_aware_at, cat)),
        ("72-hour period ends", du.when(view.authority_due_at, cat)),
        ("How it was discovered", view.discovery or unknown),
        ("Reported internally by", view.reported_by or unknown),
        ("Cyber incident", "Yes" if view.cyber else "No"),
        ("Status", rules.STATUS_TITLES[rules.Status(view.status)]),
    ]))
    if late:
        reason = (initial.late_reason if initial else late_reason) or unknown
        blocks += [Heading("Reasons for the delay", 2),
                   Paragraph(du.text("authority", "late", lang, late=rules.format_hours(sent_or_now - view.authority_due_at))),
                   Paragraph(reason)]
    natures = [du.NATURE_TITLES.get(n, n) for n in view.natures] or [unknown]
    categories = [du.category_title(cat, c) for c in view.categories] or [unknown]
    blocks += [
        Heading("(a) Nature of the breach"),
        Paragraph(view.description or unknown),
        KeyValue([
            ("Nature", "\n".join(natures)),
            ("Categories of data subjects", _subjects_line(view, cat) or unknown),
            ("Categories of personal data", "\n".join(categories)),
            ("People concerned", du.count(view.people_count, unknown)),
            ("Personal data records concerned", du.count(view.records_count, unknown)),
        ]),
        *activities_blocks(cat, view.categories, "Processing activities concerned (record of processing, Art. 30)"),
        Heading("(b) Contact point for more information"),
        Paragraph(view.contact_point or unknown),
        Heading("(c) Likely consequences"),
        Paragraph(view.consequences or unknown),
        KeyValue([("Risk to people", du.risk_title(view.risk)), ("Why", view.risk_reasoning or unknown)]),
        Heading("(d) Measures taken or proposed"),
        Paragraph(view.measures or unknown),
        KeyValue([("The people affected", _people_line(view, cat))]),
    ]
    if view.authority_reports:
        blocks += [Heading("Reports made so far", 2), Table(
            ["Phase", "Sent", "Authority reference", "Summary"],
            [[n.phase.replace("_", "-"), du.short(n.sent_at, cat), n.authority_reference or du.EM_DASH,
              n.summary or du.EM_DASH] for n in view.authority_reports], widths=(1, 1.4, 1.4, 3))]
    blocks += [Heading("Timeline", 2), timeline_table(view, cat)]
    return DocumentSpec(
        title=_title(view, "authority", lang), reference=view.reference, organisation=org.name,
        organisation_lines=du.organisation_lines(cat), recipient_lines=du.authority_lines(cat),
        subject=du.text("authority", "subject", lang, reference=view.reference), blocks=blocks,
        closing=du.text("authority", "closing", lang, contact=org.contact_lines[0] if org.contact_lines else org.name).split("\n"),
        language=lang, author=org.name, keywords=["GDPR Art. 33", "breach", *(["drill"] if view.is_drill else [])],
        marking=du.text("drill", "marking", lang) if view.is_drill else "",
        issued=issued.astimezone(org.tz).date(), labels=du.labels(lang),
    )


def timeline_table(view: IncidentView, cat: Catalogue) -> Table:
    rows = []
    for e in view.timeline:
        what = e.text
        if e.corrects is not None:
            what = f"Correction of #{e.corrects}: {what}"
        if e.corrected_by:
            what += f" (corrected by #{', #'.join(str(n) for n in e.corrected_by)})"
        rows.append([str(e.seq), du.short(e.at, cat), e.actor, e.kind.replace("_", " "), what])
    return Table(["#", "When", "By", "What", "Detail"], rows, widths=(0.35, 1.45, 1.3, 1.0, 4.6))


def people_spec(view: IncidentView, cat: Catalogue, *, lang: str = "en") -> DocumentSpec:
    """The notice to the people affected, in clear and plain language (Art. 34(2))."""
    org = cat.organisation
    unknown = du.text("authority", "unknown", lang)
    contact = view.contact_point or org.contact_email
    tpl = du.template(lang)
    advice_text = [t for c, t in tpl.get("advice", {}).items() if c in view.categories]
    advice_text.append(du.text("people", "general_advice", lang))
    blocks: list[Block] = [
        *_drill_blocks(view, lang),
        Paragraph(du.text("people", "greeting", lang)),
        Paragraph(du.text("people", "intro", lang)),
        Heading(du.text("people", "what_happened", lang), 2),
        Paragraph(view.description or view.title),
        KeyValue([("Discovered", du.when(view.detected_at, cat)), ("Our reference", view.reference)]),
        Heading(du.text("people", "what_data", lang), 2),
        Paragraph("\n".join(f"\u2022 {du.category_title(cat, c)}" for c in view.categories) or unknown),
        Heading(du.text("people", "consequences", lang), 2),
        Paragraph(view.consequences or unknown),
        Heading(du.text("people", "measures", lang), 2),
        Paragraph(view.measures or unknown),
        Heading(du.text("people", "advice", lang), 2),
        Paragraph("\n\n".join(advice_text)),
        Heading(du.text("people", "contact", lang), 2),
        Paragraph(du.text("people", "contact_text", lang, contact=contact,
                          authority=rules.authority_name(org.supervisory_authority))),
        Paragraph(du.text("people", "sorry", lang)),
    ]
    return DocumentSpec(
        title=_title(view, "people", lang), reference=view.reference, organisation=org.name,
        organisation_lines=du.organisation_lines(cat), recipient_lines=["To the people affected"],
        subject=du.text("people", "subject", lang, reference=view.reference), blocks=blocks,
        closing=du.text("people", "closing", lang, organisation=org.name).split("\n"), language=lang,
        author=org.name, keywords=["GDPR Art. 34", "breach", *(["drill"] if view.is_drill else [])],
        marking=du.text("drill", "marking", lang) if view.is_drill else "",
        issued=view.as_of.astimezone(org.tz).date(), labels=du.labels(lang),
    )


def initial_report_as_sent(ctx: Context, view: IncidentView, sent: datetime, late_reason: str = "") -> bytes:
    """The initial report as it stands when it is recorded as sent, dated that day, signed when a
    certificate is configured: what the console keeps when the PDF that was sent is not given."""
    from console.documents.pdf import render_pdf

    pdf = render_pdf(authority_spec(view, ctx.catalogue, phase="initial", issued_at=sent, late_reason=late_reason))
    return finish(pdf, configured_signing(ctx), view.reference,
                  "Notification of a personal data breach (GDPR Art. 33)", drill=view.is_drill)


def authority_report(ctx: Context, reference: str, *, phase: str | None = None,
                     signing: Signing | None = None) -> bytes:
    """Render (and sign) the authority notification; the first one marks the report as ready.

    Once the initial report is recorded as sent, "the initial report" is the document kept then,
    byte for byte (its SHA-256 checked); only follow-up reports are built from the current facts.
    """
    from console.documents.pdf import render_pdf
    view = get_incident(ctx, reference)
    if phase == "initial" and any(n.phase == "initial" for n in view.authority_reports):
        kept = initial_document(ctx, view.reference)
        assert kept is not None  # an initial report is recorded
        return kept[0]
    spec = authority_spec(view, ctx.catalogue, phase=phase)
    spec = replace(spec, blocks=[*spec.blocks, *audit_trail.checkpoint_blocks(ctx)])  # the trail it was issued under
    pdf = finish(render_pdf(spec), signing, view.reference,
                 "Notification of a personal data breach (GDPR Art. 33)", drill=view.is_drill)
    mark_report_ready(ctx, view.reference, "authority", "Authority notification document built" +
                      (" and signed" if signing else ""))
    return pdf


def people_notice(ctx: Context, reference: str, *, signing: Signing | None = None) -> bytes:
    from console.documents.pdf import render_pdf
    view = get_incident(ctx, reference)
    if view.risk is None:
        raise ValidationError(f"Assess the risk of {view.reference} before writing to the people affected.")
    pdf = finish(render_pdf(people_spec(view, ctx.catalogue)), signing, view.reference,
                 "Notice of a personal data breach (GDPR Art. 34)", drill=view.is_drill)
    mark_report_ready(ctx, view.reference, "people", "Notice to the people affected built" + (" and signed" if signing else ""))
    return pdf


# --- the documents as built and as sent ------------------------------------------------------


def initial_document(ctx: Context, reference: str) -> tuple[bytes, str] | None:
    """The initial report exactly as it was sent, with its SHA-256; None before it is sent.

    The stored bytes are checked against the stored hash: a changed document is refused, never
    handed out as the one that was sent.
    """
    from sqlalchemy import select

    with ctx.db.read(ctx.actor) as s:
        row = load(s, reference)
        ref = row.reference
        found = s.execute(select(IncidentNotification.document, IncidentNotification.document_sha256,
                                 IncidentNotification.sent_at)
                          .where(IncidentNotification.incident_id == row.id, IncidentNotification.audience == "authority",
                                 IncidentNotification.phase == "initial")).first()
    if found is None:
        return None
    document, digest, sent = found
    if document is None or digest is None:
        raise DocumentError(f"The initial report on {ref} was recorded as sent on {human(sent)} before "
                            "the console kept reports as sent, so it cannot be rebuilt as it was; build a follow-up "
                            "report (--phase follow_up) for the facts as they are now.")
    actual = hashlib.sha256(document).hexdigest()
    if actual != digest:
        raise DocumentError(f"The stored initial report on {ref} does not match the SHA-256 recorded when it "
                            f"was sent ({digest}, now {actual}): it was changed in the database and is not handed out.")
    return bytes(document), digest


def mark_report_ready(ctx: Context, reference: str, kind: str, detail: str = "") -> IncidentView:
    """Note that a document was built; the first authority report is the drill's last milestone."""
    now = ctx.now()
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        s = uow.session
        row = load(s, reference, lock=True)
        if not _finished_drill(row):
            if kind == "authority" and row.report_ready_at is None:
                row.report_ready_at = now
            add_entry(s, row, ctx.actor.username, "report", detail or f"{kind.capitalize()} document built", now=now)
        uow.audit("incident.report", "incident", row.reference, kind)
    return get_incident(ctx, reference)


def _finished_drill(row: Incident) -> bool:
    return row.drill is not None and row.drill.finished_at is not None
