"""The rules of a breach, pure: lifecycle, the 72-hour clock, who must be told, when it may close.

No database and no clock of its own, so each rule is tested with plain values. GDPR Art. 33(1)
gives the authority 72 hours from awareness, unless the breach is unlikely to result in a risk;
Art. 34(1) requires telling the people when the risk to them is high, unless Art. 34(3)(a) the
data was unintelligible to others or (b) later measures mean the high risk is no longer likely.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from console import deadlines
from console.errors import TransitionError, ValidationError
from console.timefmt import human

CLOCK_SKEW = timedelta(minutes=5)


class Status(StrEnum):
    OPEN = "open"
    TRIAGED = "triaged"
    CONTAINED = "contained"
    RESOLVED = "resolved"
    CLOSED = "closed"


ORDER = (Status.OPEN, Status.TRIAGED, Status.CONTAINED, Status.RESOLVED, Status.CLOSED)
STATUS_TITLES = {
    Status.OPEN: "Open",
    Status.TRIAGED: "Triaged",
    Status.CONTAINED: "Contained",
    Status.RESOLVED: "Resolved",
    Status.CLOSED: "Closed",
}


class Risk(StrEnum):
    NO_RISK = "no_risk"
    RISK = "risk"
    HIGH_RISK = "high_risk"


RISK_TITLES = {Risk.NO_RISK: "No risk", Risk.RISK: "Risk", Risk.HIGH_RISK: "High risk"}


class Exemption(StrEnum):
    """Art. 34(3)(a) and (b): why people need not be told although the risk was high."""

    UNINTELLIGIBLE = "unintelligible"
    MITIGATED = "mitigated"


EXEMPTION_TITLES = {
    Exemption.UNINTELLIGIBLE: "the data was unintelligible to anyone not authorised (e.g. encrypted) - Art. 34(3)(a)",
    Exemption.MITIGATED: "later measures ensure the high risk is no longer likely - Art. 34(3)(b)",
}
PEOPLE_CHANNELS = ("email", "letter", "sms", "in_app", "phone", "public_communication")
LOG_KINDS = ("note", "action", "finding", "communication", "evidence", "correction")


def parse_status(value: str) -> Status:
    try:
        return Status(value.strip().lower())
    except ValueError:
        raise ValidationError(f"Unknown incident status {value!r}. Statuses: {', '.join(ORDER)}") from None


def parse_risk(value: str) -> Risk:
    try:
        return Risk(value.strip().lower().replace(" ", "_").replace("-", "_"))
    except ValueError:
        raise ValidationError(f"Unknown risk level {value!r}. Risk levels: {', '.join(Risk)}") from None


def parse_exemption(value: str) -> Exemption:
    try:
        return Exemption(value.strip().lower())
    except ValueError:
        raise ValidationError(
            f"Unknown ground {value!r} for not telling people. Grounds: {', '.join(Exemption)}"
        ) from None


def check_transition(reference: str, current: Status, target: Status) -> None:
    """One step forward at a time, and a closed incident reopens only to resolved."""
    if current == Status.CLOSED and target == Status.RESOLVED:
        return
    if current == target:
        raise TransitionError(f"{reference} is already {target.value}.")
    if current == Status.CLOSED:
        raise TransitionError(f"{reference} is closed; reopen it (to resolved) before changing it.")
    step = ORDER.index(current) + 1
    if ORDER.index(target) != step:
        if ORDER.index(target) < ORDER.index(current):
            raise TransitionError(f"{reference} is {current.value}; it cannot go back to {target.value}.")
        missing = ", then ".join(s.value for s in ORDER[step : ORDER.index(target)])
        raise TransitionError(
            f"{reference} is {current.value}; it must be {missing} before it can be {target.value}."
        )


def next_status(current: Status) -> Status:
    if current == Status.CLOSED:
        raise TransitionError("A closed incident has no next step.")
    return ORDER[ORDER.index(current) + 1]


# --- the 72-hour clock ---------------------------------------------------------------------


def authority_due_at(became_aware_at: datetime, hours: int) -> datetime:
    """Art. 33(1): the authority hears within ``hours`` (72) of the controller becoming aware."""
    if became_aware_at.tzinfo is None:
        raise ValidationError("The time of awareness needs a time zone, e.g. 2026-03-10T09:30:00+00:00.")
    return (became_aware_at + timedelta(hours=hours)).astimezone(deadlines.UTC)


def authority_due_soon(hours: int) -> timedelta:
    """A third of the window: the request queue's 72-hour threshold would flag a breach at once."""
    return timedelta(hours=hours) / 3


def clock_stopped(status: str, authority_notified_at: datetime | None, authority_decision: str | None) -> bool:
    """The authority clock stops once the initial report is sent, it is decided not to notify, or closed."""
    return status == Status.CLOSED or authority_notified_at is not None or authority_decision == "not_notify"


def clock_outcome(status: str, authority_notified_at: datetime | None, authority_due_at: datetime,
                  authority_decision: str | None) -> str:
    """How the authority clock ended, for a badge in place of the countdown once it stopped."""
    if authority_notified_at is not None:
        return "notified_late" if authority_notified_at > authority_due_at else "notified"
    if authority_decision == "not_notify":
        return "not_notifying"
    if status == Status.CLOSED:
        return "closed"
    return "running"


def authority_name(text: str) -> str:
    """The authority's name without its postal address (the catalogue keeps both in one line)."""
    return text.split(",")[0].strip()


def check_times(detected_at: datetime, became_aware_at: datetime, now: datetime) -> None:
    """Awareness follows detection, and neither lies in the future."""
    for name, value in (("detection", detected_at), ("awareness", became_aware_at)):
        if value.tzinfo is None:
            raise ValidationError(f"The time of {name} needs a time zone, e.g. 2026-03-10T09:30:00+00:00.")
        if value > now + CLOCK_SKEW:
            raise ValidationError(f"The time of {name} {human(value)} is in the future.")
    if became_aware_at < detected_at:
        raise ValidationError(
            f"Awareness ({human(became_aware_at)}) cannot come before detection ({human(detected_at)}): "
            "the organisation becomes aware of a breach only once it has been detected."
        )


def check_sent_at(sent_at: datetime, became_aware_at: datetime, now: datetime, what: str) -> None:
    if sent_at.tzinfo is None:
        raise ValidationError(f"The time the {what} was sent needs a time zone, e.g. 2026-03-10T09:30:00+00:00.")
    if sent_at < became_aware_at:
        raise ValidationError(
            f"The {what} cannot be sent ({human(sent_at)}) before the organisation became aware of the "
            f"breach ({human(became_aware_at)})."
        )
    if sent_at > now + CLOCK_SKEW:
        raise ValidationError(f"The {what} cannot be recorded as sent in the future ({human(sent_at)}).")


def late_reason_needed(sent_at: datetime, due_at: datetime, late_reason: str) -> None:
    """Art. 33(1): a report after 72 hours is accompanied by the reasons for the delay."""
    if sent_at > due_at and not late_reason.strip():
        late = format_hours(sent_at - due_at)
        raise ValidationError(
            f"The report to the authority is {late} late (due {human(due_at)}); GDPR Art. 33(1) "
            "requires the reasons for the delay: give a late reason."
        )


def format_hours(delta: timedelta) -> str:
    hours, rest = divmod(int(delta.total_seconds()), 3600)
    minutes = rest // 60
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


# --- who must be told ----------------------------------------------------------------------


def authority_required(risk: str | None) -> bool:
    """Unknown risk counts as reportable: the clock runs until someone decides otherwise."""
    return risk != Risk.NO_RISK


def people_required(risk: str | None, exemption: str | None) -> bool:
    return risk == Risk.HIGH_RISK and exemption is None


def check_authority_decision(notify: bool, risk: str | None, reason: str) -> None:
    """Not notifying is documented (Art. 33(5)) and only fits a breach unlikely to result in a risk."""
    if notify:
        return
    if not reason.strip():
        raise ValidationError("A decision not to notify the authority needs its reasoning (GDPR Art. 33(5)).")
    if risk is None:
        raise ValidationError("Assess the risk before deciding not to notify the authority.")
    if risk != Risk.NO_RISK:
        raise ValidationError(
            f"The breach is assessed as {RISK_TITLES[Risk(risk)].lower()}: GDPR Art. 33(1) requires notifying "
            "the authority. Re-assess it as no_risk, with the reasoning, if that is what the facts show."
        )


def check_people_decision(notify: bool, risk: str | None, exemption: str | None, reason: str) -> None:
    """High risk means telling people, unless an Art. 34(3) ground is named with its reason."""
    if notify:
        return
    if not reason.strip():
        raise ValidationError("A decision not to tell the people affected needs its reasoning.")
    if risk is None:
        raise ValidationError("Assess the risk before deciding not to tell the people affected.")
    if risk == Risk.HIGH_RISK and exemption is None:
        grounds = "; ".join(f"{e.value}: {t}" for e, t in EXEMPTION_TITLES.items())
        raise ValidationError(
            "The risk to people is high: GDPR Art. 34(1) requires telling them, unless one of these grounds "
            f"applies - {grounds}. Name the ground with its reason."
        )


@dataclass(frozen=True)
class ClosingFacts:
    """What the closing check needs to know, independent of the storage."""

    reference: str
    status: str
    risk: str | None
    authority_decision: str | None
    people_decision: str | None
    people_exemption: str | None
    authority_due_at: datetime
    authority_reports: int
    people_notices: int


def closing_problems(f: ClosingFacts) -> list[str]:
    """Everything that stops an incident from closing, each in words a person can act on."""
    problems: list[str] = []
    if f.risk is None:
        problems.append("the risk has not been assessed")
    reportable = f.risk is not None and authority_required(f.risk) and f.authority_decision != "not_notify"
    if reportable and f.authority_reports == 0:
        problems.append(
            f"the supervisory authority has not been notified (due {human(f.authority_due_at)}) and no decision "
            "not to notify is recorded"
        )
    if f.risk == Risk.NO_RISK and f.authority_decision is None:
        problems.append("the decision not to notify the authority is not recorded with its reasoning")
    if people_required(f.risk, f.people_exemption) and f.people_notices == 0:
        problems.append("the risk to people is high and they have not been told (nor an Art. 34(3) ground recorded)")
    return problems


def check_close(f: ClosingFacts) -> None:
    if f.status != Status.RESOLVED:
        check_transition(f.reference, Status(f.status), Status.CLOSED)
    problems = closing_problems(f)
    if problems:
        raise TransitionError(f"{f.reference} cannot be closed: " + "; ".join(problems) + ".")


def check_categories(values: Sequence[str], known: Sequence[str]) -> list[str]:
    out = []
    for v in values:
        v = v.strip()
        if not v:
            continue
        if v not in known:
            raise ValidationError(f"Unknown data category {v!r}. Categories: {', '.join(known)}")
        if v not in out:
            out.append(v)
    return out


def check_natures(values: Sequence[str], known: Sequence[str]) -> list[str]:
    out = []
    for v in values:
        v = v.strip().lower()
        if v not in known:
            raise ValidationError(f"Unknown breach nature {v!r}. Natures: {', '.join(known)}")
        if v not in out:
            out.append(v)
    return out
