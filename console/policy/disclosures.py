"""The parts of the catalogue letters disclose beyond the data categories: recipients,
automated decision-making and profiling, actual transfer routes (Art. 15(1)(c), (h), 15(2)),
and the regimes letters are written under (GDPR, UK GDPR, CCPA, COPPA) with their authority.

Kept as entries with ids that point at data categories, so a record of processing (Art. 30)
can be assembled from the same data; each entry cites the policy passage it comes from.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from console.errors import PolicyError
from console.policy.reader import Node


@dataclass(frozen=True)
class Recipient:
    id: str
    title: str
    categories: tuple[str, ...]
    purpose: str
    source: str


@dataclass(frozen=True)
class Profiling:
    id: str
    title: str
    categories: tuple[str, ...]
    logic: str
    consequences: str
    source: str


@dataclass(frozen=True)
class AutomatedDecisions:
    solely_automated: bool
    source: str
    profiling: tuple[Profiling, ...] = ()


@dataclass(frozen=True)
class TransferRoute:
    id: str
    recipient: str
    categories: tuple[str, ...]
    countries: tuple[str, ...]
    safeguard: str
    source: str


@dataclass(frozen=True)
class Regime:
    id: str
    title: str
    templates: str
    authority: str
    source: str
    child: bool = False
    right_regimes: tuple[str, ...] = ()
    jurisdictions: tuple[str, ...] = ()
    default: bool = False


@dataclass(frozen=True)
class Disclosures:
    recipients: tuple[Recipient, ...] = ()
    automated: AutomatedDecisions | None = None
    routes: tuple[TransferRoute, ...] = ()

    def recipients_of(self, categories: tuple[str, ...] | list[str]) -> tuple[Recipient, ...]:
        wanted = set(categories)
        return tuple(r for r in self.recipients if wanted & set(r.categories))

    def profiling_of(self, categories: tuple[str, ...] | list[str]) -> tuple[Profiling, ...]:
        wanted = set(categories)
        return tuple(p for p in (self.automated.profiling if self.automated else ()) if wanted & set(p.categories))

    def routes_of(self, categories: tuple[str, ...] | list[str]) -> tuple[TransferRoute, ...]:
        wanted = set(categories)
        return tuple(r for r in self.routes if wanted & set(r.categories))


def _categories(n: Node, known: set[str]) -> tuple[str, ...]:
    ids = n.str_list("categories", required=True)
    for c in ids:
        if c not in known:
            raise n.fail("categories", f"{c!r} is not a data category id (data.toml)")
    if not ids:
        raise n.fail("categories", "must name at least one data category")
    return ids


def _unique(nodes: list[Node], ids: list[str]) -> None:
    seen: set[str] = set()
    for n, i in zip(nodes, ids, strict=True):
        if i in seen:
            raise n.fail("id", f"{i!r} is defined twice")
        seen.add(i)


def load_disclosures(node: Callable[[str], Node | None], categories: set[str],
                     safeguards: tuple[str, ...]) -> Disclosures:
    """Read [[recipients]], [automated_decisions] and transfer_routes; each may be absent."""
    recipients: list[Recipient] = []
    rec_node = node("recipients")
    if rec_node is not None:
        items = rec_node.tables("recipients")
        recipients = [Recipient(n.text("id"), n.text("title"), _categories(n, categories), n.text("purpose"),
                                n.text("source")) for n in items]
        _unique(items, [r.id for r in recipients])
    automated = None
    auto_node = node("automated_decisions")
    if auto_node is not None:
        auto = auto_node.table("automated_decisions")
        assert auto is not None
        prof = auto.tables("profiling", required=False)
        profiling = tuple(Profiling(n.text("id"), n.text("title"), _categories(n, categories), n.text("logic"),
                                    n.text("consequences"), n.text("source")) for n in prof)
        automated = AutomatedDecisions(auto.flag("solely_automated"), auto.text("source"), profiling)
    routes: list[TransferRoute] = []
    route_node = node("transfer_routes")
    if route_node is not None:
        items = route_node.tables("transfer_routes")
        ids = {r.id for r in recipients}
        for n in items:
            recipient = n.text("recipient")
            if recipient not in ids:
                raise n.fail("recipient", f"{recipient!r} is not a recipient id ([[recipients]])")
            countries = n.str_list("countries", required=True)
            if not countries:
                raise n.fail("countries", "must name at least one destination country")
            routes.append(TransferRoute(n.text("id"), recipient, _categories(n, categories), countries,
                                        n.choice("safeguard", safeguards), n.text("source")))
        _unique(items, [r.id for r in routes])
    return Disclosures(tuple(recipients), automated, tuple(routes))


REGIME_RIGHTS = ("gdpr", "transfers", "ccpa", "coppa", "policy")


def load_regimes(node: Node | None, jurisdictions: set[str], authority: str) -> tuple[Regime, ...]:
    """[[regimes]] in order; without any, every letter is written under the GDPR."""
    if node is None:
        return (Regime("gdpr", "GDPR", "", authority, "", default=True),)
    items = node.tables("regimes")
    out: list[Regime] = []
    for n in items:
        for j in n.str_list("jurisdictions"):
            if j not in jurisdictions:
                raise n.fail("jurisdictions", f"{j!r} is not a jurisdiction id")
        for r in n.str_list("right_regimes"):
            if r not in REGIME_RIGHTS:
                raise n.fail("right_regimes", f"{r!r} is not one of {', '.join(REGIME_RIGHTS)}")
        templates = n.text("templates", required=False)
        if templates and not templates.replace("_", "").isalnum():
            raise n.fail("templates", "must be a plain folder name (letters, digits, _)")
        out.append(Regime(n.text("id"), n.text("title"), templates,
                          n.text("authority", required=False) or authority, n.text("source"),
                          n.flag("child"), n.str_list("right_regimes"), n.str_list("jurisdictions"),
                          n.flag("default")))
    _unique(items, [r.id for r in out])
    if sum(r.default for r in out) != 1:
        raise PolicyError(f"{node.file}: regimes: exactly one regime must be the default (default = true)")
    return tuple(out)


def regime_for(regimes: tuple[Regime, ...], right_regime: str, jurisdictions: tuple[str, ...],
               child: bool) -> Regime:
    """The first regime that claims the request: a child, the right's own law, its home jurisdiction."""
    home = jurisdictions[0] if jurisdictions else ""
    for regime in regimes:
        if (child and regime.child) or right_regime in regime.right_regimes or home in regime.jurisdictions:
            return regime
    return next(r for r in regimes if r.default)
