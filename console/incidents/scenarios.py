"""Drill scenarios: TOML files under ``resources/scenarios`` (or any file a team writes itself).

A scenario gives the facts the team starts from, the facts revealed as the drill runs
("injects", minutes after the start), and what a good response decides, for the debrief.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from console.errors import PolicyError, ValidationError
from console.incidents.rules import Risk
from console.policy import Catalogue
from console.policy.reader import Node
from console.resources import resource_path


@dataclass(frozen=True)
class Inject:
    """A fact handed to the team ``after_minutes`` into the drill."""

    after_minutes: int
    text: str


@dataclass(frozen=True)
class Expected:
    """What the scenario's authors consider the right calls, compared in the drill report."""

    risk: str
    authority: bool
    people: bool
    notes: str = ""


@dataclass(frozen=True)
class Scenario:
    id: str
    title: str
    summary: str
    incident_title: str
    description: str
    discovery: str
    reported_by: str
    detected_minutes_before: int
    natures: tuple[str, ...]
    cyber: bool
    categories: tuple[str, ...]
    people_count: int | None
    records_count: int | None
    consequences: str
    injects: tuple[Inject, ...]
    expected: Expected | None
    source: str

    def to_json(self) -> dict[str, Any]:
        from dataclasses import asdict

        return asdict(self)


def scenarios_dir() -> Path:
    return resource_path("scenarios")


def _optional_count(n: Node, key: str) -> int | None:
    return n.number(key, minimum=0) if n.has(key) else None


def parse_scenario(data: dict[str, Any], source: str, catalogue: Catalogue | None = None) -> Scenario:
    """Validate a scenario table; every problem names the file and the key."""
    root = Node(data, source, "")
    sc = root.table("scenario")
    inc = root.table("incident")
    assert sc is not None and inc is not None
    exp = root.table("expected", required=False)
    natures = inc.str_list("natures", required=True)
    categories = inc.str_list("categories")
    if catalogue is not None:
        for v in natures:
            if v not in catalogue.breach.natures:
                raise inc.fail("natures", f"{v!r} is not one of {', '.join(catalogue.breach.natures)}")
        known = [c.id for c in catalogue.categories] + list(catalogue.breach.special_categories)
        for v in categories:
            if v not in known:
                raise inc.fail("categories", f"{v!r} is not one of {', '.join(known)}")
    injects = tuple(Inject(i.number("after_minutes", minimum=0), i.text("text")) for i in root.tables("injects", required=False))
    return Scenario(
        id=sc.text("id"), title=sc.text("title"), summary=sc.text("summary", required=False),
        incident_title=inc.text("title"), description=inc.text("description", required=False),
        discovery=inc.text("discovery", required=False), reported_by=inc.text("reported_by", required=False),
        detected_minutes_before=inc.number("detected_minutes_before", required=False, default=0),
        natures=natures, cyber=inc.flag("cyber"), categories=categories,
        people_count=_optional_count(inc, "people_count"), records_count=_optional_count(inc, "records_count"),
        consequences=inc.text("consequences", required=False),
        injects=tuple(sorted(injects, key=lambda i: i.after_minutes)),
        expected=Expected(exp.choice("risk", [r.value for r in Risk]), exp.flag("authority"), exp.flag("people"),
                          exp.text("notes", required=False)) if exp else None,
        source=source,
    )


def read_scenario(path: Path, catalogue: Catalogue | None = None) -> Scenario:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ValidationError(f"No scenario file {path}.") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ValidationError(f"The scenario {path} cannot be read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValidationError(f"The scenario {path.name} is not valid TOML: {exc}") from None
    try:
        return parse_scenario(data, path.name, catalogue)
    except PolicyError as exc:
        raise ValidationError(f"Scenario {exc}") from None


def list_scenarios(catalogue: Catalogue | None = None) -> list[Scenario]:
    """The shipped scenarios, by title."""
    return sorted((read_scenario(p, catalogue) for p in sorted(scenarios_dir().glob("*.toml"))),
                  key=lambda s: s.title)


def find_scenario(name: str, catalogue: Catalogue | None = None) -> Scenario:
    """A shipped scenario by id, or a TOML file of a team's own by path."""
    candidate = Path(name)
    if candidate.suffix == ".toml" or candidate.exists():
        return read_scenario(candidate, catalogue)
    shipped = list_scenarios(catalogue)
    for s in shipped:
        if s.id == name:
            return s
    raise ValidationError(f"No drill scenario {name!r}. Scenarios: {', '.join(s.id for s in shipped)}; "
                          "or give the path of a scenario file of your own.")


def custom_scenario(title: str, description: str = "", natures: tuple[str, ...] = ("confidentiality",),
                    categories: tuple[str, ...] = (), people_count: int | None = None) -> Scenario:
    """An ad-hoc drill: the facilitator types the facts, no injects and no expected answers."""
    if not title.strip():
        raise ValidationError("A custom drill needs a title.")
    return Scenario(
        id="custom", title=title.strip(), summary=description.strip(), incident_title=title.strip(),
        description=description.strip(), discovery="", reported_by="", detected_minutes_before=0,
        natures=tuple(natures), cyber=False, categories=tuple(categories), people_count=people_count,
        records_count=None, consequences="", injects=(), expected=None, source="custom",
    )
