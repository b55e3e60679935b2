"""Synthetic incidents for ``privacy-console demo --incidents M``: varied, realistic, invented.

Each incident is written with a history that fits its age: old ones triaged, assessed, notified
and closed; recent ones still inside their 72 hours; a few overdue; about one in twelve a drill.
"""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from console.context import Context
from console.incidents import rules
from console.incidents.commands import NewIncident, insert_incident, validate_new
from console.incidents.scenarios import list_scenarios
from console.incidents.store import add_entry
from console.security.roles import Perm
from console.store.incident_models import Drill, Incident, IncidentNotification

STAFF = ("alex.morgan", "sam.keane", "jo.lindahl", "ria.patel")
KINDS = (
    ("Misdirected email with an order export", "An order export was emailed to the wrong business partner.",
     ("confidentiality",), False, ("account", "transaction"), (20, 4000), "risk",
     "Unwanted contact; a small risk of phishing.", "Recipient confirmed deletion in writing."),
    ("Phishing compromise of a support mailbox", "A support agent entered their password on a phishing page; "
     "the mailbox was read from abroad for six hours.", ("confidentiality",), True, ("communication", "account"),
     (300, 9000), "high_risk", "Targeted phishing quoting real support conversations.",
     "Password reset, sessions revoked, mailbox rules removed, MFA enforced for support."),
    ("Backup bucket publicly readable", "A storage bucket with nightly backups was readable without "
     "authentication after an access-policy change.", ("confidentiality",), True,
     ("account", "profile", "credentials"), (5000, 80000), "high_risk",
     "Phishing; offline cracking of weak password hashes.", "Bucket made private; keys rotated; forced resets."),
    ("Lost encrypted laptop", "A company laptop with full-disk encryption was lost in transit.",
     ("confidentiality",), False, ("account", "usage"), (100, 50000), "no_risk",
     "None expected: the disk is encrypted and the key is safe.", "Remote wipe queued; device revoked."),
    ("Database outage lost profile edits", "A failed migration rolled back six hours of profile changes.",
     ("availability", "integrity"), False, ("profile", "preference"), (200, 3000), "no_risk",
     "Customers may need to repeat their changes.", "Restored from the write-ahead log; customers told in-app."),
    ("Credential stuffing on customer accounts", "Reused passwords from another site were tried at scale; "
     "some logins succeeded.", ("confidentiality", "integrity"), True,
     ("account", "transaction", "credentials", "financial"), (50, 3000), "high_risk",
     "Account takeover and fraudulent orders.", "Rate limiting, forced resets, fraud review of orders."),
    ("Printed invoices sent to old addresses", "A batch of printed invoices used addresses changed months "
     "ago.", ("confidentiality",), False, ("transaction",), (10, 400), "risk",
     "Purchase details seen by the new occupants.", "Address cache fixed; letters recalled where possible."),
)


def _progress(inc: Incident, rng: random.Random, now: datetime, risk: str, people: int, actor: str) -> list[tuple[str, str, datetime]]:
    """Set the milestones this incident has reached by ``now``; returns the timeline lines to add."""
    aware = inc.became_aware_at
    lines: list[tuple[str, str, datetime]] = []

    def at(hours: float) -> datetime | None:
        t = aware + timedelta(hours=hours)
        return t if t <= now else None

    if (t := at(rng.uniform(0.5, 5))) is None:
        return lines
    inc.status, inc.triaged_at = "triaged", t
    lines.append(("triaged", "Confirmed as a personal-data breach", t))
    inc.risk, inc.risk_reasoning, inc.assessed_at, inc.assessed_by = risk, "Assessed from the data and people involved", t, actor
    lines.append(("assessed", f"Risk: {rules.RISK_TITLES[rules.Risk(risk)].lower()}", t))
    if (t := at(rng.uniform(4, 30))) is None:
        return lines
    inc.status, inc.contained_at = "contained", t
    lines.append(("contained", inc.measures or "Contained", t))
    late = rng.random() < 0.1
    if (t := at(rng.uniform(76, 120) if late else rng.uniform(20, 70))) is None:
        return lines
    inc.decided_at, inc.decided_by = t, actor
    if risk == "no_risk":
        inc.authority_decision, inc.authority_decision_reason = "not_notify", "Unlikely to result in a risk to people"
        inc.people_decision, inc.people_decision_reason = "not_notify", "No risk to people"
        lines.append(("decision", "Do not notify: unlikely to result in a risk", t))
    else:
        inc.authority_decision, inc.authority_notified_at = "notify", t
        inc.notifications.append(IncidentNotification(
            audience="authority", phase="initial", sent_at=t, authority_reference=f"DPC-BN-{rng.randrange(10**5):05d}",
            late_reason="Scope of the data involved took longer to establish" if t > inc.authority_due_at else None,
            summary="", recorded_at=t, recorded_by=actor))
        lines.append(("notified", "Initial report sent to the supervisory authority", t))
        if risk == "high_risk":
            inc.people_decision, inc.people_notified_at = "notify", t + timedelta(hours=6)
            inc.notifications.append(IncidentNotification(
                audience="people", phase="initial", sent_at=t + timedelta(hours=6), channel="email", recipients=people,
                summary="", recorded_at=t, recorded_by=actor))
            lines.append(("notified", f"{people:,} people told by email", t + timedelta(hours=6)))
    if (t := at(rng.uniform(150, 400))) is None:
        return lines
    inc.status, inc.resolved_at = "resolved", t
    lines.append(("resolved", "Recovery complete", t))
    if (t := at(rng.uniform(400, 900))) is not None:
        inc.status, inc.closed_at = "closed", t
        lines.append(("closed", "Closed after review", t))
    return lines


def fill(ctx: Context, count: int, rng: random.Random) -> int:
    """Add ``count`` synthetic incidents (about one in twelve a drill); returns how many were added."""
    now = ctx.now()
    scenarios = list_scenarios(ctx.catalogue)
    made = 0
    with ctx.db.unit(ctx.actor, Perm.INCIDENTS) as uow:
        for n in range(count):
            drill = n % 12 == 11 and bool(scenarios)
            age = timedelta(hours=rng.uniform(0, 96)) if rng.random() < 0.25 else timedelta(days=rng.uniform(4, 365))
            aware = now - age
            actor = rng.choice(STAFF)
            title, desc, natures, cyber, cats, (lo, hi), risk, conseq, measures = rng.choice(KINDS)
            people = rng.randint(lo, hi)
            new = NewIncident(
                title=title, became_aware_at=aware, detected_at=aware - timedelta(minutes=rng.randint(5, 600)),
                description=desc, discovery="Synthetic demo incident", reported_by=actor, natures=natures, cyber=cyber,
                categories=cats, people_count=people, records_count=int(people * rng.uniform(1, 3)),
                consequences=conseq, measures=measures)
            sc = rng.choice(scenarios) if drill else None
            if sc is not None:
                people = sc.people_count or people
                risk = sc.expected.risk if sc.expected else risk
                new = NewIncident(
                    title=sc.incident_title, became_aware_at=aware, detected_at=aware - timedelta(minutes=sc.detected_minutes_before),
                    description=sc.description, discovery=sc.discovery, reported_by=sc.reported_by, natures=sc.natures,
                    cyber=sc.cyber, categories=sc.categories, people_count=people, records_count=sc.records_count,
                    consequences=sc.consequences, measures=measures)
            inc = insert_incident(uow, ctx.catalogue, validate_new(ctx.catalogue, new, now), aware, drill=drill)
            if sc is not None:
                uow.session.add(Drill(incident_id=inc.id, scenario_id=sc.id, scenario_title=sc.title,
                                      scenario=sc.to_json(), started_at=aware, started_by=actor,
                                      finished_at=aware + timedelta(hours=8) if age > timedelta(days=2) else None,
                                      finished_by=actor if age > timedelta(days=2) else None))
            for kind, text, at in _progress(inc, rng, now, risk, people, actor):
                add_entry(uow.session, inc, actor, kind, text, now=at, at=at)
            made += 1
    return made
