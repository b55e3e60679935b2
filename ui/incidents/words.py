"""Words for the incident codes the console returns (statuses, risks, clocks, timeline kinds...).

Kept in one translation context, like ``ui.words`` for requests: the console hands back codes,
only here do they become words a person reads.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication

from console.incidents import queries, rules
from console.policy import Catalogue
from ui import words


def _t(text: str) -> str:
    return QCoreApplication.translate("IncidentWords", text)


STATUSES = tuple(s.value for s in rules.ORDER)
RISKS = tuple(r.value for r in rules.Risk)
QUEUES = queries.QUEUES
DRILLS = ("include", "exclude", "only")


def no_permission() -> str:
    """Why a write action is disabled for a role that may only read incidents (the service refuses it too)."""
    return _t("Your role may read incidents but not work on them; that needs the data protection officer "
              "or the owner role.")


def drill_badge() -> str:
    """The marker every drill carries, in the list, the workspace and the notices."""
    return _t("DRILL")


def status(code: str) -> str:
    return {"open": _t("Open"), "triaged": _t("Triaged"), "contained": _t("Contained"),
            "resolved": _t("Resolved"), "closed": _t("Closed")}.get(code, code)


def risk(code: str | None) -> str:
    if not code:
        return _t("Not assessed")
    return {"no_risk": _t("No risk"), "risk": _t("Risk"), "high_risk": _t("High risk")}.get(code, code)


def queue(code: str) -> str:
    return {"open": _t("Not closed (open to resolved)"), "clock_running": _t("Authority clock running"),
            "overdue": _t("Authority report overdue"), "closed": _t("Closed"), "all": _t("All incidents")}.get(code, code)


def drills(code: str) -> str:
    return {"include": _t("Real and drills"), "exclude": _t("Real incidents only"),
            "only": _t("Drills only")}.get(code, code)


def clock(outcome: str) -> str:
    """How the authority clock ended (shown in place of the countdown once it stopped)."""
    return {"running": _t("Running"), "notified": _t("Authority notified"), "notified_late": _t("Notified late"),
            "not_notifying": _t("Not notifying"), "closed": _t("Closed")}.get(outcome, outcome)


def countdown(state: str, left: timedelta, outcome: str) -> str:
    """The time-left cell: the request queue's words while the clock runs, the outcome once it stopped."""
    if state == "closed":
        return clock(outcome)
    return words.countdown(state, left)


def entry_kind(code: str) -> str:
    return {
        "detected": _t("Detected"), "aware": _t("Aware"), "triaged": _t("Triaged"), "contained": _t("Contained"),
        "resolved": _t("Resolved"), "closed": _t("Closed"), "reopened": _t("Reopened"), "assessed": _t("Risk assessed"),
        "decision": _t("Decision"), "notified": _t("Notified"), "report": _t("Document"), "drill": _t("Drill"),
        "updated": _t("Facts changed"), "linked": _t("Request linked"), "unlinked": _t("Request unlinked"),
        "note": _t("Note"), "action": _t("Action"), "finding": _t("Finding"), "communication": _t("Communication"),
        "evidence": _t("Evidence"), "correction": _t("Correction"),
    }.get(code, code.replace("_", " ").capitalize())


LOG_KINDS = ("note", "action", "finding", "communication", "evidence")


def nature(code: str) -> str:
    return {"confidentiality": _t("Confidentiality (disclosed or accessed)"),
            "integrity": _t("Integrity (altered)"), "availability": _t("Availability (lost or unavailable)")}.get(code, code)


def category(code: str, catalogue: Catalogue) -> str:
    special = {"special_category": _t("Special categories (Art. 9)"), "credentials": _t("Credentials"),
               "financial": _t("Financial data"), "official_documents": _t("Official documents"),
               "location": _t("Location data"), "children": _t("Children's data")}
    if code in special:
        return special[code]
    for c in catalogue.categories:
        if c.id == code:
            return c.title
    return code


def channel(code: str | None) -> str:
    return {"email": _t("Email"), "letter": _t("Letter"), "sms": _t("SMS"), "in_app": _t("In the app"),
            "phone": _t("Phone"), "public_communication": _t("Public communication")}.get(code or "", code or "")


def exemption(code: str | None) -> str:
    return {"unintelligible": _t("Data unintelligible to others, e.g. encrypted (Art. 34(3)(a))"),
            "mitigated": _t("Later measures remove the high risk (Art. 34(3)(b))")}.get(code or "", code or "")


def phase(code: str) -> str:
    return {"initial": _t("Initial report"), "follow_up": _t("Follow-up report")}.get(code, code)


def decision(code: str | None) -> str:
    return {"notify": _t("Notify"), "not_notify": _t("Do not notify")}.get(code or "", _t("Not decided"))


def hours(delta: timedelta) -> str:
    """'3 h 05 min' for how late a report is."""
    total = int(delta.total_seconds())
    h, rest = divmod(max(total, 0), 3600)
    return _t("{0} h {1:02d} min").format(h, rest // 60) if h else _t("{0} min").format(rest // 60)


def when(value: datetime | None, zone: object) -> str:
    return words.local_time(value, zone) if value else "—"  # type: ignore[arg-type]
