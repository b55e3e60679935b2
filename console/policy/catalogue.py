"""Load and validate the policy catalogue into frozen dataclasses.

The catalogue is a folder of TOML files (or one file): ``organisation.toml``, ``rights.toml``,
``laws.toml``, ``data.toml``, ``breach.toml``. Top-level keys may live in any file, once.
A malformed catalogue fails on load with a :class:`PolicyError` naming file, key and problem.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.errors import PolicyError
from console.policy.disclosures import (
    Disclosures,
    Regime,
    load_disclosures,
    load_regimes,
    regime_for,
)
from console.policy.reader import Node, unknown
from console.policy.records import Records, load_records
from console.policy_files import catalogue_files, default_catalogue_path

if TYPE_CHECKING:
    from console.deadlines import Rule

UNITS = ("calendar_days", "business_days", "months", "hours")
MILESTONES = ("response", "acknowledge")
REGIMES = ("gdpr", "transfers", "ccpa", "coppa", "policy")
NEEDS = ("corrections", "restriction", "portability_format", "portability_destination")
PACKAGES = ("access", "rectification", "erasure", "restriction", "portability", "information", "decision", "letter")


@dataclass(frozen=True)
class Window:
    amount: int
    unit: str

    def describe(self) -> str:
        names = {"calendar_days": "days", "business_days": "business days", "months": "months", "hours": "hours"}
        return f"{self.amount} {names[self.unit]}"


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    label: str
    required: bool = True


@dataclass(frozen=True)
class Right:
    id: str
    title: str
    regime: str
    source: str
    window: Window
    description: str
    package: str
    checklist: tuple[ChecklistItem, ...]
    second_verifier: bool = False
    machine_readable: bool = False
    needs: tuple[str, ...] = ()
    # False: the policy gives no window of its own; ``window`` applies only where no law's
    # response clock runs (the law's clock alone sets the deadline where one does).
    company_window: bool = True


@dataclass(frozen=True)
class Jurisdiction:
    id: str
    title: str
    holiday_country: str | None = None
    holiday_subdiv: str | None = None
    time_zone: str | None = None  # None: the organisation's


@dataclass(frozen=True)
class LawClock:
    id: str
    label: str
    citation: str
    jurisdictions: tuple[str, ...]
    amount: int
    unit: str
    applies_to: tuple[str, ...]
    milestone: str = "response"
    roll_forward: bool = False
    pausable: bool = True
    extension: Window | None = None


@dataclass(frozen=True)
class Retention:
    text: str
    months: int | None = None
    after: str | None = None


@dataclass(frozen=True)
class Category:
    id: str
    title: str
    includes: str
    collected_through: str
    source: str
    purposes: tuple[str, ...]
    legal_basis: str
    retention: Retention
    legal_hold: bool = False


@dataclass(frozen=True)
class Organisation:
    name: str
    website: str
    contact_email: str
    contact_lines: tuple[str, ...]
    time_zone: str
    default_jurisdiction: str
    default_language: str
    languages: tuple[str, ...]
    supervisory_authority: str
    policy_source: str

    @property
    def tz(self) -> ZoneInfo:
        return ZoneInfo(self.time_zone)


@dataclass(frozen=True)
class Transfers:
    safeguards: tuple[str, ...]
    standards: tuple[str, ...]
    ensures: tuple[str, ...]
    measures: tuple[str, ...]
    rights: tuple[str, ...]
    recipients: tuple[str, ...]


@dataclass(frozen=True)
class Breach:
    authority_hours: int
    authority_rule: str
    people_rule: str
    risk_levels: tuple[str, ...]
    natures: tuple[str, ...]
    special_categories: tuple[str, ...]
    drill_targets: dict[str, int]


@dataclass(frozen=True)
class Catalogue:
    """Everything the policy promises, as the console counts with it."""

    source: str
    organisation: Organisation
    due_soon_hours: int
    request_prefix: str
    incident_prefix: str
    rights: tuple[Right, ...]
    parental_checklist: tuple[ChecklistItem, ...]
    child_age_threshold: int
    jurisdictions: tuple[Jurisdiction, ...]
    law_clocks: tuple[LawClock, ...]
    categories: tuple[Category, ...]
    retention_factors: tuple[str, ...]
    retention_special: tuple[str, ...]
    closed_requests_months: int
    incidents_months: int
    transfers: Transfers
    breach: Breach
    raw: dict[str, Any] = field(repr=False, compare=False, default_factory=dict)
    records: Records = Records()
    disclosures: Disclosures = Disclosures()
    regimes: tuple[Regime, ...] = ()
    version: str = ""  # [console] catalogue_version, as its editors number their edits

    @cached_property
    def _rights(self) -> dict[str, Right]:
        return {r.id: r for r in self.rights}

    @cached_property
    def _jurisdictions(self) -> dict[str, Jurisdiction]:
        return {j.id: j for j in self.jurisdictions}

    @property
    def due_soon(self) -> timedelta:
        return timedelta(hours=self.due_soon_hours)

    def find_right(self, right_id: str) -> Right | None:
        """The right called ``right_id``, or None: a right dropped from a later catalogue still shows its id."""
        return self._rights.get(right_id)

    def right_title(self, right_id: str) -> str:
        """The right's title, or its id when today's catalogue no longer has it."""
        right = self._rights.get(right_id)
        return right.title if right is not None else right_id

    def right(self, right_id: str) -> Right:
        """The right called ``right_id``, or a ValidationError listing the known ones."""
        try:
            return self._rights[right_id]
        except KeyError:
            raise unknown("right", right_id, self._rights, "rights") from None

    def find_jurisdiction(self, jurisdiction_id: str) -> Jurisdiction | None:
        """The jurisdiction, or None for an id a later catalogue dropped."""
        return self._jurisdictions.get(jurisdiction_id)

    def find_category(self, category_id: str) -> Category | None:
        """The data category, or None for an id a later catalogue dropped."""
        return next((c for c in self.categories if c.id == category_id), None)

    def jurisdiction(self, jurisdiction_id: str) -> Jurisdiction:
        try:
            return self._jurisdictions[jurisdiction_id]
        except KeyError:
            raise unknown("jurisdiction", jurisdiction_id, self._jurisdictions, "jurisdictions") from None

    def category(self, category_id: str) -> Category:
        found = self.find_category(category_id)
        if found is not None:
            return found
        raise unknown("data category", category_id, (c.id for c in self.categories), "categories")

    def regime_for(self, right_id: str, jurisdictions: tuple[str, ...], child: bool = False) -> Regime:
        """The law a letter for this request is written under (regimes.toml, first match)."""
        regime = self.right(right_id).regime
        return regime_for(self.regimes or load_regimes(None, set(), self.organisation.supervisory_authority),
                          regime, jurisdictions, child)

    def checklist_for(self, right_id: str, child: bool = False) -> tuple[ChecklistItem, ...]:
        """The items to verify for a right, plus the parental items for a child subject."""
        items = self.right(right_id).checklist
        return items + self.parental_checklist if child else items

    def deadline_rules(self, right_id: str, jurisdictions: tuple[str, ...] | list[str]) -> list[Rule]:
        """Every clock that runs for this right here: the policy's window first, then the laws'.

        Each law's clock runs on the calendar (zone, holidays) of every listed jurisdiction it
        covers, in catalogue order, so the order the jurisdictions were typed in changes nothing.
        The company's window counts on the organisation's own zone and calendar.
        """
        from console.deadlines import Calendar, Milestone, Rule, Unit

        right = self.right(right_id)
        wanted = {self.jurisdiction(j).id for j in jurisdictions} or {self.organisation.default_jurisdiction}
        juris = [j for j in self.jurisdictions if j.id in wanted]
        laws: list[Rule] = []
        for clock in self.law_clocks:
            if right.id not in clock.applies_to:
                continue
            where = [j for j in juris if j.id in clock.jurisdictions]
            if not where:
                continue
            laws.append(
                Rule(
                    id=clock.id,
                    label=clock.label,
                    amount=clock.amount,
                    unit=Unit(clock.unit),
                    milestone=Milestone(clock.milestone),
                    roll_forward=clock.roll_forward,
                    pausable=clock.pausable,
                    holiday_country=where[0].holiday_country,
                    holiday_subdiv=where[0].holiday_subdiv,
                    extension_amount=clock.extension.amount if clock.extension else 0,
                    extension_unit=Unit(clock.extension.unit) if clock.extension else None,
                    calendars=tuple(Calendar(j.id, j.time_zone, j.holiday_country, j.holiday_subdiv) for j in where),
                )
            )
        if not right.company_window and any(r.milestone is Milestone.RESPONSE for r in laws):
            return laws
        home = self.jurisdiction(self.organisation.default_jurisdiction)
        policy = Rule(
            id=f"policy.{right.id}",
            label=f"Company policy: {right.window.describe()}",
            amount=right.window.amount,
            unit=Unit(right.window.unit),
            pausable=True,
            holiday_country=home.holiday_country,
            holiday_subdiv=home.holiday_subdiv,
        )
        return [policy, *laws]


def _read_files(path: Path) -> tuple[dict[str, Any], dict[str, str]]:
    if not path.exists():
        raise PolicyError(f"{path}: the policy catalogue does not exist")
    files = catalogue_files(path)
    if not files:
        raise PolicyError(f"{path}: the folder holds no .toml catalogue files")
    merged: dict[str, Any] = {}
    origin: dict[str, str] = {}
    for file in files:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise PolicyError(f"{file.name}: not valid TOML: {exc}") from None
        except (OSError, UnicodeDecodeError) as exc:
            raise PolicyError(f"{file}: cannot be read: {exc}") from None
        for key, value in data.items():
            if key in merged:
                raise PolicyError(f"{file.name}: {key}: already defined in {origin[key]}")
            merged[key] = value
            origin[key] = file.name
    return merged, origin


def load_catalogue(path: str | Path | None = None) -> Catalogue:
    """Read, validate and freeze the catalogue at ``path`` (a folder or one TOML file)."""
    root = Path(path) if path else default_catalogue_path()
    merged, origin = _read_files(root)

    def node(key: str) -> Node:
        if key not in merged:
            raise PolicyError(f"{root.name}: [{key}] is missing from the catalogue")
        return Node(merged[key], origin[key], key)

    def items(key: str) -> list[Node]:
        if key not in merged:
            raise PolicyError(f"{root.name}: [[{key}]] is missing from the catalogue")
        return Node({key: merged[key]}, origin[key], "").tables(key)

    org = _organisation(node("organisation"))
    con = node("console")
    jurisdictions = tuple(_jurisdiction(n) for n in items("jurisdictions"))
    juris_ids = {j.id for j in jurisdictions}
    if org.default_jurisdiction not in juris_ids:
        raise node("organisation").fail("default_jurisdiction", f"{org.default_jurisdiction!r} is not a jurisdiction id")
    rights = tuple(_right(n) for n in items("rights"))
    _unique(rights, items("rights"))
    right_ids = {r.id for r in rights}
    clocks = tuple(_law_clock(n, juris_ids, right_ids) for n in items("law_clocks"))
    parental = node("parental")
    categories = tuple(_category(n) for n in items("categories"))
    _unique(categories, items("categories"))
    factors = node("retention_factors")
    keep = node("console_retention")
    breach = node("breach")
    targets = breach.table("drill_targets")
    assert targets is not None
    transfers = _transfers(node("transfers"))

    def optional(key: str) -> Node | None:
        return Node({key: merged[key]}, origin[key], "") if key in merged else None

    disclosures = load_disclosures(optional, {c.id for c in categories}, transfers.safeguards)
    regimes = load_regimes(optional("regimes"), juris_ids, org.supervisory_authority)
    return Catalogue(
        source=str(root),
        organisation=org,
        due_soon_hours=con.number("due_soon_hours", minimum=1),
        request_prefix=con.text("request_prefix"),
        incident_prefix=con.text("incident_prefix"),
        rights=rights,
        parental_checklist=tuple(_items(parental)),
        child_age_threshold=parental.number("age_threshold", minimum=1),
        jurisdictions=jurisdictions,
        law_clocks=clocks,
        categories=categories,
        retention_factors=factors.str_list("determined_by"),
        retention_special=factors.str_list("special_circumstances"),
        closed_requests_months=keep.number("closed_requests_months", minimum=1),
        incidents_months=keep.number("incidents_months", minimum=1),
        transfers=transfers,
        breach=Breach(
            authority_hours=breach.number("authority_hours", minimum=1),
            authority_rule=breach.text("authority_rule"),
            people_rule=breach.text("people_rule"),
            risk_levels=breach.str_list("risk_levels", required=True),
            natures=breach.str_list("natures", required=True),
            special_categories=breach.str_list("special_categories"),
            drill_targets={k: targets.number(k, minimum=1) for k in ("triage", "containment", "decision", "authority_report")},
        ),
        raw=merged,
        records=load_records(
            lambda key: Node({key: merged[key]}, origin[key], "") if key in merged else None,
            merged, {c.id for c in categories}),
        disclosures=disclosures,
        regimes=regimes,
        version=con.text("catalogue_version", required=False),
    )


def _unique(objs: tuple[Any, ...], nodes: list[Node]) -> None:
    seen: set[str] = set()
    for obj, n in zip(objs, nodes, strict=True):
        if obj.id in seen:
            raise n.fail("id", f"{obj.id!r} is defined twice")
        seen.add(obj.id)


def _organisation(n: Node) -> Organisation:
    tz = n.text("time_zone")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise n.fail("time_zone", f"{tz!r} is not a known time zone (e.g. Europe/Dublin)") from None
    return Organisation(
        name=n.text("name"),
        website=n.text("website", required=False),
        contact_email=n.text("contact_email"),
        contact_lines=n.str_list("contact_lines"),
        time_zone=tz,
        default_jurisdiction=n.text("default_jurisdiction"),
        default_language=n.text("default_language", required=False, default="en"),
        languages=n.str_list("languages") or ("en",),
        supervisory_authority=n.text("supervisory_authority"),
        policy_source=n.text("policy_source", required=False),
    )


def _window(n: Node) -> Window:
    return Window(amount=n.number("amount", minimum=1), unit=n.choice("unit", UNITS))


def _items(n: Node) -> list[ChecklistItem]:
    return [
        ChecklistItem(id=i.text("id"), label=i.text("label"), required=i.flag("required", default=True))
        for i in n.tables("checklist")
    ]


def _right(n: Node) -> Right:
    window = n.table("window")
    assert window is not None
    needs = n.str_list("needs")
    for need in needs:
        if need not in NEEDS:
            raise n.fail("needs", f"{need!r} is not one of {', '.join(NEEDS)}")
    return Right(
        id=n.text("id"),
        title=n.text("title"),
        regime=n.choice("regime", REGIMES),
        source=n.text("source"),
        window=_window(window),
        description=n.text("description"),
        package=n.choice("package", PACKAGES),
        checklist=tuple(_items(n)),
        second_verifier=n.flag("second_verifier"),
        machine_readable=n.flag("machine_readable"),
        needs=needs,
        company_window=n.flag("company_window", default=True),
    )


def _jurisdiction(n: Node) -> Jurisdiction:
    country = n.text("holiday_country", required=False) or None
    # Only the shape is checked here: asking the holidays library which countries it knows loads
    # every country's calendar (about a second), on every start. `policy check` asks it
    # (check_calendars), and the deadline engine names a country it has no calendar for.
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        raise n.fail("holiday_country", f"{country!r} is not a two-letter country code like 'IE'")
    subdiv = n.text("holiday_subdiv", required=False) or None
    if subdiv and not country:
        raise n.fail("holiday_subdiv", "a holiday subdivision needs a holiday_country")
    tz = n.text("time_zone", required=False) or None
    if tz:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError):
            raise n.fail("time_zone", f"{tz!r} is not a known time zone (e.g. Europe/London)") from None
    return Jurisdiction(id=n.text("id"), title=n.text("title"), holiday_country=country, holiday_subdiv=subdiv,
                        time_zone=tz)


def check_calendars(cat: Catalogue) -> None:
    """PolicyError naming each jurisdiction whose holiday country or subdivision the holidays library does not know."""
    import holidays

    known = holidays.list_supported_countries()
    bad = [f"jurisdiction {j.id}: holiday_country {j.holiday_country!r} is not a country the holidays calendar knows"
           for j in cat.jurisdictions if j.holiday_country and j.holiday_country not in known]
    bad += [f"jurisdiction {j.id}: holiday_subdiv {j.holiday_subdiv!r} is not a subdivision of {j.holiday_country} "
            f"({', '.join(known[j.holiday_country])})" for j in cat.jurisdictions
            if j.holiday_subdiv and j.holiday_country in known and j.holiday_subdiv not in known[j.holiday_country]]
    if bad:
        raise PolicyError(f"{cat.source}: {'; '.join(bad)}")


def _law_clock(n: Node, juris_ids: set[str], right_ids: set[str]) -> LawClock:
    jurisdictions = n.str_list("jurisdictions", required=True)
    for j in jurisdictions:
        if j not in juris_ids:
            raise n.fail("jurisdictions", f"{j!r} is not a jurisdiction id")
    applies = n.str_list("applies_to", required=True)
    for r in applies:
        if r not in right_ids:
            raise n.fail("applies_to", f"{r!r} is not a right id")
    ext = n.table("extension", required=False)
    return LawClock(
        id=n.text("id"),
        label=n.text("label"),
        citation=n.text("citation"),
        jurisdictions=jurisdictions,
        amount=n.number("amount", minimum=1),
        unit=n.choice("unit", UNITS),
        applies_to=applies,
        milestone=n.choice("milestone", MILESTONES, required=False, default="response"),
        roll_forward=n.flag("roll_forward"),
        pausable=n.flag("pausable", default=True),
        extension=_window(ext) if ext else None,
    )


def _category(n: Node) -> Category:
    ret = n.table("retention")
    assert ret is not None
    months = ret.number("months", required=False, default=0, minimum=0) or None
    return Category(
        id=n.text("id"),
        title=n.text("title"),
        includes=n.text("includes"),
        collected_through=n.text("collected_through"),
        source=n.text("source"),
        purposes=n.str_list("purposes", required=True),
        legal_basis=n.text("legal_basis"),
        retention=Retention(
            text=ret.text("text"),
            months=months,
            after=ret.choice("after", ("collection", "account_closure"), required=months is not None, default="collection")
            if months
            else None,
        ),
        legal_hold=n.flag("legal_hold"),
    )


def _transfers(n: Node) -> Transfers:
    return Transfers(
        safeguards=n.str_list("safeguards", required=True),
        standards=n.str_list("standards"),
        ensures=n.str_list("ensures"),
        measures=n.str_list("measures"),
        rights=n.str_list("rights"),
        recipients=n.str_list("recipients"),
    )
