"""Risk assessment, the decision to notify, and the notifications themselves (Art. 33 and 34).

The authority's clock (awareness + 72 h) stops at the initial report or at a documented decision
not to notify; a report after the deadline carries the reasons for the delay. The people affected
are told when the risk to them is high, unless an Art. 34(3) ground is recorded with its reason.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from console import bounds
from console.context import Context
from console.errors import ConflictError, TransitionError, ValidationError
from console.incidents import letters, rules, store
from console.incidents.queries import get_incident
from console.incidents.read_models import IncidentView
from console.incidents.rules import Risk
from console.incidents.store import add_entry, load_for_change
from console.security.roles import Perm
from console.store.incident_models import Incident, IncidentNotification
from console.timefmt import human

PHASES = ("initial", "follow_up")


def assess(ctx: Context, reference: str, risk: str | Risk, reasoning: str, *, consequences: str | None = None,
           expected_version: int | None = None) -> IncidentView:
    """Record the risk to people and why; facts come in phases, so a later assessment may change it."""
    level = rules.parse_risk(risk) if isinstance(risk, str) else risk
    reasoning = store.text(reasoning, "The reasoning", "risk_reasoning")
    if consequences is not None:
        consequences = store.text(consequences, "The likely consequences", "consequences")
    if not reasoning.strip():
        raise ValidationError("A risk assessment needs its reasoning (what makes the risk high, low or absent).")
    now = ctx.now()
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        s = uow.session
        row = load_for_change(s, reference, expected_version)
        before = row.risk
        row.risk, row.risk_reasoning = level.value, reasoning.strip()
        row.assessed_at, row.assessed_by = now, ctx.actor.username
        if consequences is not None and consequences.strip():
            row.consequences = consequences.strip()
        was = f" (was {rules.RISK_TITLES[Risk(before)].lower()})" if before and before != level.value else ""
        add_entry(s, row, ctx.actor.username, "assessed", f"Risk: {rules.RISK_TITLES[level].lower()}{was}. "
                  f"{reasoning.strip()}", now=now)
        if row.authority_decision == "not_notify" and rules.authority_required(level.value):
            row.authority_decision, row.authority_decision_reason = None, ""
            add_entry(s, row, ctx.actor.username, "decision", "The decision not to notify the authority no longer "
                      "fits the assessment and is withdrawn; the 72-hour clock runs again.", now=now)
        uow.audit("incident.assess", "incident", row.reference, level.value)
    return get_incident(ctx, reference)


def decide(ctx: Context, reference: str, *, authority: bool | None = None, people: bool | None = None,
           reason: str = "", exemption: str | None = None, expected_version: int | None = None) -> IncidentView:
    """Record whether the authority and the people will be told, and why (Art. 33(5) documentation)."""
    if authority is None and people is None:
        raise ValidationError("Say what is decided: notify the authority or not, tell the people or not.")
    reason = store.text(reason, "The reason", "authority_decision_reason")
    ground = rules.parse_exemption(exemption) if exemption else None
    if ground is not None and people is not False:
        raise ValidationError("A ground for not telling people (unintelligible, mitigated) goes with a decision "
                              "not to tell them.")
    now = ctx.now()
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        s = uow.session
        row = load_for_change(s, reference, expected_version)
        lines = []
        if authority is not None:
            rules.check_authority_decision(authority, row.risk, reason)
            if not authority and row.authority_notified_at is not None:
                raise TransitionError(f"The authority was already notified of {row.reference} on "
                                      f"{human(row.authority_notified_at)}.")
            row.authority_decision = "notify" if authority else "not_notify"
            row.authority_decision_reason = reason.strip()
            lines.append("Notify the supervisory authority." if authority else "Do not notify the supervisory authority.")
        if people is not None:
            rules.check_people_decision(people, row.risk, ground.value if ground else None, reason)
            row.people_decision = "notify" if people else "not_notify"
            row.people_decision_reason = reason.strip()
            row.people_exemption = ground.value if ground else None
            lines.append("Tell the people affected." if people else "Do not tell the people affected" +
                         (f": {rules.EXEMPTION_TITLES[ground]}." if ground else "."))
        if row.decided_at is None:
            row.decided_at, row.decided_by = now, ctx.actor.username
        add_entry(s, row, ctx.actor.username, "decision", " ".join(lines) + (f" {reason.strip()}" if reason.strip() else ""),
                  now=now)
        uow.audit("incident.decide", "incident", row.reference,
                  f"authority={row.authority_decision} people={row.people_decision}")
    return get_incident(ctx, reference)


def _first_decision(row: Incident, actor: str, at: datetime) -> None:
    """Sending a notice is itself the decision to notify, when none was written down first."""
    if row.decided_at is None:
        row.decided_at, row.decided_by = at, actor


MAX_DOCUMENT = 50 * 1024 * 1024  # a report with attachments, not an archive


def notify_authority(ctx: Context, reference: str, *, sent_at: datetime | None = None, phase: str = "initial",
                     authority_reference: str | None = None, summary: str = "", late_reason: str = "",
                     document: bytes | None = None) -> IncidentView:
    """Record a report to the supervisory authority: the initial one, or a follow-up with new facts.

    The initial report is frozen as sent: ``document`` is the PDF that went to the authority (as
    built by 'incident report authority'); without it the console builds the initial report as
    it stands now, dated the day it was sent. Its bytes and SHA-256 are stored with the
    notification, and every later build of "the initial report" returns exactly those bytes.
    """
    if phase not in PHASES:
        raise ValidationError(f"Unknown report phase {phase!r}. Phases: {', '.join(PHASES)}")
    summary = store.text(summary, "The summary", bounds.FREE_TEXT)
    late_reason = store.text(late_reason, "The reason for the delay", bounds.FREE_TEXT)
    authority_reference = store.text(authority_reference, "The authority's reference", 120)
    if document is not None and phase != "initial":
        raise ValidationError("The document sent is kept for the initial report only; a follow-up is built "
                              "from the current facts whenever it is asked for.")
    now = ctx.now()
    sent = sent_at or now
    frozen: tuple[bytes, int] | None = None
    if phase == "initial":
        frozen = _initial_document(ctx, reference, sent, document, late_reason)
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        s = uow.session
        row = load_for_change(s, reference)
        if frozen is not None and row.version != frozen[1]:
            raise ConflictError(f"{row.reference} changed while its initial report was being prepared; "
                                "record the report again.")
        rules.check_sent_at(sent, row.became_aware_at, now, "report to the authority")
        initial = next((n for n in row.notifications if n.audience == "authority" and n.phase == "initial"), None)
        ref = (authority_reference or "").strip() or None
        if phase == "initial":
            if initial is not None:
                raise ValidationError(f"The initial report on {row.reference} was recorded on "
                                      f"{human(initial.sent_at)}; record further details as a follow-up.")
            if row.authority_decision == "not_notify":
                raise TransitionError(f"A decision not to notify the authority is recorded for {row.reference}; "
                                      "re-assess the risk first if the facts have changed.")
            rules.late_reason_needed(sent, row.authority_due_at, late_reason)
            row.authority_notified_at = sent
            row.authority_decision = "notify"
            _first_decision(row, ctx.actor.username, sent)
        else:
            if initial is None:
                raise ValidationError(f"{row.reference} has no initial report to the authority yet; a follow-up "
                                      "comes after it.")
            if sent < initial.sent_at:
                raise ValidationError("A follow-up report cannot be sent before the initial report "
                                      f"({human(initial.sent_at)}).")
            ref = ref or initial.authority_reference
        late = phase == "initial" and sent > row.authority_due_at
        digest = hashlib.sha256(frozen[0]).hexdigest() if frozen else None
        s.add(IncidentNotification(
            incident_id=row.id, audience="authority", phase=phase, sent_at=sent, authority_reference=ref,
            late_reason=late_reason.strip() or None if late else None, summary=summary.strip(),
            recorded_at=now, recorded_by=ctx.actor.username,
            document=frozen[0] if frozen else None, document_sha256=digest,
        ))
        what = "Initial report" if phase == "initial" else "Follow-up report"
        text = f"{what} sent to {rules.authority_name(ctx.catalogue.organisation.supervisory_authority)}"
        text += f" (their reference {ref})" if ref else ""
        text += f"; late by {rules.format_hours(sent - row.authority_due_at)}: {late_reason.strip()}" if late else ""
        text += f". {summary.strip()}" if summary.strip() else ""
        text += f" (document kept as sent, SHA-256 {digest})" if digest else ""
        add_entry(s, row, ctx.actor.username, "notified", text, now=now, at=sent)
        uow.audit("incident.notify_authority", "incident", row.reference,
                  phase + (" late" if late else "") + (f" sha256={digest}" if digest else ""))
    return get_incident(ctx, reference)


def _initial_document(ctx: Context, reference: str, sent: datetime, document: bytes | None,
                      late_reason: str) -> tuple[bytes, int]:
    """(the initial report's bytes, the incident version they describe), prepared before the
    transaction: a PDF given as sent, or the report built now as of the day it is sent."""
    view = get_incident(ctx, reference)
    if document is None:
        return letters.initial_report_as_sent(ctx, view, sent, late_reason), view.version
    if len(document) > MAX_DOCUMENT:
        raise ValidationError(f"The document is {len(document):,} bytes; at most {MAX_DOCUMENT:,} are kept.")
    if not document.startswith(b"%PDF-"):
        raise ValidationError("The document sent must be the PDF report (it does not start with %PDF-).")
    return document, view.version


def notify_people(ctx: Context, reference: str, *, channel: str, recipients: int, sent_at: datetime | None = None,
                  summary: str = "") -> IncidentView:
    """Record a notice to the people affected (Art. 34): when, how, and to how many."""
    summary = store.text(summary, "The summary", bounds.FREE_TEXT)
    if channel not in rules.PEOPLE_CHANNELS:
        raise ValidationError(f"Unknown channel {channel!r}. Channels: {', '.join(rules.PEOPLE_CHANNELS)}")
    if not isinstance(recipients, int) or recipients < 1:
        raise ValidationError("Say how many people were told (one or more).")
    now = ctx.now()
    sent = sent_at or now
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        s = uow.session
        row = load_for_change(s, reference)
        rules.check_sent_at(sent, row.became_aware_at, now, "notice to the people affected")
        if row.people_count is not None and recipients > row.people_count and channel != "public_communication":
            raise ValidationError(f"{recipients:,} people told, but {row.reference} affects about "
                                  f"{row.people_count:,}; correct the number of people affected first.")
        s.add(IncidentNotification(
            incident_id=row.id, audience="people", phase="initial", sent_at=sent, channel=channel,
            recipients=recipients, summary=summary.strip(), recorded_at=now, recorded_by=ctx.actor.username,
        ))
        if row.people_notified_at is None or sent < row.people_notified_at:
            row.people_notified_at = sent
        if row.people_decision is None:
            row.people_decision = "notify"
        _first_decision(row, ctx.actor.username, sent)
        text = f"{recipients:,} people told by {channel.replace('_', ' ')}"
        add_entry(s, row, ctx.actor.username, "notified", text + (f". {summary.strip()}" if summary.strip() else ""),
                  now=now, at=sent)
        uow.audit("incident.notify_people", "incident", row.reference, f"{channel} {recipients}")
    return get_incident(ctx, reference)
