"""The record of processing activities (GDPR Art. 30) and the cookie inventory, as catalogue data.

Activities point at data categories, recipients, transfer routes, data subjects and security
measures by id, never copying them: the Art. 15 annex, the Art. 33 report and this record then
say the same thing. Every problem names the file and key, like the rest of the catalogue.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.errors import PolicyError
from console.policy.reader import Node, unknown

LEGAL_BASES = ("consent", "contract", "legal_obligation", "vital_interests", "public_task", "legitimate_interests")
LEGAL_BASIS_TITLES = {
    "consent": "Consent (Art. 6(1)(a))",
    "contract": "Contract (Art. 6(1)(b))",
    "legal_obligation": "Legal obligation (Art. 6(1)(c))",
    "vital_interests": "Vital interests (Art. 6(1)(d))",
    "public_task": "Public task (Art. 6(1)(e))",
    "legitimate_interests": "Legitimate interests (Art. 6(1)(f))",
}
PARTIES = ("first", "third")


@dataclass(frozen=True)
class Cited:
    """An entry with an id, a title and the passage of the policy it comes from."""

    id: str
    title: str
    source: str


@dataclass(frozen=True)
class Activity:
    id: str
    title: str
    purposes: tuple[str, ...]
    data_subjects: tuple[str, ...]
    categories: tuple[str, ...]
    legal_bases: tuple[str, ...]
    legal_basis_text: str
    recipients: tuple[str, ...]
    transfers: tuple[str, ...]
    security: tuple[str, ...]
    source: str
    continues_without_consent: str = ""

    @property
    def rests_on_consent(self) -> bool:
        return "consent" in self.legal_bases

    @property
    def other_bases(self) -> tuple[str, ...]:
        """The bases that carry on when consent is withdrawn."""
        return tuple(b for b in self.legal_bases if b != "consent")


@dataclass(frozen=True)
class Cookie:
    name: str
    provider: str
    duration: str
    party: str
    purpose: str


@dataclass(frozen=True)
class CookieCategory:
    id: str
    title: str
    strictly_necessary: bool
    consent: bool
    processes: str
    functions: tuple[str, ...]
    categories: tuple[str, ...]
    retention: str
    source: str
    cookies: tuple[Cookie, ...] = ()
    withdrawal_note: str = ""


@dataclass(frozen=True)
class Records:
    """Art. 30 record and cookie inventory; empty when the catalogue has neither."""

    controller_role: str = ""
    controller_source: str = ""
    data_subjects: tuple[Cited, ...] = ()
    security_measures: tuple[Cited, ...] = ()
    activities: tuple[Activity, ...] = ()
    cookie_categories: tuple[CookieCategory, ...] = ()

    def activity(self, activity_id: str) -> Activity:
        for a in self.activities:
            if a.id == activity_id:
                return a
        raise unknown("processing activity", activity_id, (a.id for a in self.activities), "activities")

    def cookie_category(self, category_id: str) -> CookieCategory:
        for c in self.cookie_categories:
            if c.id == category_id:
                return c
        raise unknown("cookie category", category_id, (c.id for c in self.cookie_categories), "cookie categories")

    def activities_using(self, categories: tuple[str, ...] | list[str]) -> tuple[Activity, ...]:
        """The activities that process any of these data categories (a request's, a breach's)."""
        wanted = set(categories)
        return tuple(a for a in self.activities if wanted & set(a.categories))

    def subject_title(self, subject_id: str) -> str:
        return next((s.title for s in self.data_subjects if s.id == subject_id), subject_id)

    def measure_title(self, measure_id: str) -> str:
        return next((m.title for m in self.security_measures if m.id == measure_id), measure_id)


def _ids(merged: dict[str, Any], key: str) -> set[str]:
    value = merged.get(key)
    if not isinstance(value, list):
        return set()
    return {item["id"] for item in value if isinstance(item, dict) and isinstance(item.get("id"), str)}


def _refs(n: Node, key: str, known: set[str], what: str, *, at_least_one: bool = False) -> tuple[str, ...]:
    ids = n.str_list(key, required=at_least_one)
    for i in ids:
        if i not in known:
            listed = ", ".join(sorted(known)) or "none is defined"
            raise n.fail(key, f"{i!r} is not {what} (known: {listed})")
    if at_least_one and not ids:
        raise n.fail(key, f"must name at least one ({what})")
    return ids


def _cited(n: Node) -> Cited:
    return Cited(n.text("id"), n.text("title"), n.text("source"))


def _unique(nodes: list[Node], ids: list[str]) -> None:
    seen: set[str] = set()
    for n, i in zip(nodes, ids, strict=True):
        if i in seen:
            raise n.fail("id", f"{i!r} is defined twice")
        seen.add(i)


def load_records(optional: Callable[[str], Node | None], merged: dict[str, Any], categories: set[str]) -> Records:
    """Read [records], [[data_subjects]], [[security_measures]], [[activities]], [[cookie_categories]]."""
    head = optional("records")
    records = head.table("records") if head else None
    subjects = _list(optional, "data_subjects", _cited)
    measures = _list(optional, "security_measures", _cited)
    known = {
        "data_subjects": {s.id for s in subjects},
        "security": {m.id for m in measures},
        "recipients": _ids(merged, "recipients"),
        "transfers": _ids(merged, "transfer_routes"),
    }
    activities = _list(optional, "activities", lambda n: _activity(n, categories, known))
    cookies = _list(optional, "cookie_categories", lambda n: _cookie_category(n, categories))
    return Records(
        controller_role=records.text("controller_role", required=False) if records else "",
        controller_source=records.text("controller_source", required=False) if records else "",
        data_subjects=tuple(subjects),
        security_measures=tuple(measures),
        activities=tuple(activities),
        cookie_categories=tuple(cookies),
    )


def _list(optional: Callable[[str], Node | None], key: str, build: Callable[[Node], Any]) -> list[Any]:
    top = optional(key)
    if top is None:
        return []
    nodes = top.tables(key)
    out = [build(n) for n in nodes]
    _unique(nodes, [o.id for o in out])
    return out


def _activity(n: Node, categories: set[str], known: dict[str, set[str]]) -> Activity:
    bases = n.str_list("legal_bases", required=True)
    if not bases:
        raise n.fail("legal_bases", f"must name at least one of {', '.join(LEGAL_BASES)}")
    for b in bases:
        if b not in LEGAL_BASES:
            raise n.fail("legal_bases", f"{b!r} is not one of {', '.join(LEGAL_BASES)}")
    purposes = n.str_list("purposes", required=True)
    if not purposes:
        raise n.fail("purposes", "must name at least one purpose (Art. 30(1)(b))")
    return Activity(
        id=n.text("id"),
        title=n.text("title"),
        purposes=purposes,
        data_subjects=_refs(n, "data_subjects", known["data_subjects"], "a data subject id ([[data_subjects]])",
                            at_least_one=True),
        categories=_refs(n, "categories", categories, "a data category id (data.toml)", at_least_one=True),
        legal_bases=bases,
        legal_basis_text=n.text("legal_basis_text"),
        recipients=_refs(n, "recipients", known["recipients"], "a recipient id ([[recipients]])"),
        transfers=_refs(n, "transfers", known["transfers"], "a transfer route id ([[transfer_routes]])"),
        security=_refs(n, "security", known["security"], "a security measure id ([[security_measures]])"),
        source=n.text("source"),
        continues_without_consent=n.text("continues_without_consent", required=False),
    )


def _cookie_category(n: Node, categories: set[str]) -> CookieCategory:
    necessary = n.flag("strictly_necessary")
    consent = n.flag("consent", default=not necessary)
    if consent == necessary:
        need = "false: strictly necessary cookies do not rest on consent" if necessary else \
            "true: the policy promises explicit consent for every non-essential cookie"
        raise n.fail("consent", f"must be {need}")
    note = n.text("withdrawal_note", required=necessary)
    cookies = []
    for c in n.tables("cookies", required=False):
        cookies.append(Cookie(c.text("name"), c.text("provider"), c.text("duration"), c.choice("party", PARTIES),
                              c.text("purpose", required=False)))
    return CookieCategory(
        id=n.text("id"),
        title=n.text("title"),
        strictly_necessary=necessary,
        consent=consent,
        processes=n.text("processes"),
        functions=n.str_list("functions", required=True),
        categories=_refs(n, "categories", categories, "a data category id (data.toml)", at_least_one=True),
        retention=n.text("retention"),
        source=n.text("source"),
        cookies=tuple(cookies),
        withdrawal_note=note,
    )


def catalogue_version(source: str | Path) -> str:
    """SHA-256 over the catalogue's TOML files (names and bytes): the stamp on every export."""
    root = Path(source)
    files = sorted(root.glob("*.toml")) if root.is_dir() else [root]
    digest = hashlib.sha256()
    for f in files:
        try:
            data = f.read_bytes()
        except OSError as exc:
            raise PolicyError(f"{f}: cannot be read: {exc.strerror or exc}") from None
        digest.update(f.name.encode() + b"\0" + str(len(data)).encode() + b"\0" + data)
    return digest.hexdigest()
