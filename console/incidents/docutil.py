"""What every breach document shares: its words (a template file), times in local words.

Signing is console.documents.finish, with the certificate packages.settings.configured_signing finds.
"""

from __future__ import annotations

import tomllib
from datetime import datetime, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from console.errors import DocumentError
from console.incidents import rules
from console.policy import Catalogue
from console.resources import resource_path

if TYPE_CHECKING:

    from console.documents.spec import Labels

CATEGORY_TITLES = {
    "special_category": "Special categories of data (Art. 9)",
    "credentials": "Passwords and other credentials",
    "financial": "Financial data (cards, bank accounts)",
    "official_documents": "Official documents (ID, passport)",
    "location": "Location data",
    "children": "Children's data",
}
NATURE_TITLES = {
    "confidentiality": "Confidentiality (data disclosed or accessed without authority)",
    "integrity": "Integrity (data altered without authority)",
    "availability": "Availability (data lost or unreachable)",
}
EM_DASH = "\u2014"


@lru_cache(maxsize=8)
def template(language: str = "en") -> dict[str, Any]:
    """The words of the breach documents in ``language``, from resources/templates/incidents."""
    path = resource_path("templates", "incidents", f"{language}.toml")
    if not path.exists():
        raise DocumentError(f"The breach document template {path} is missing.")
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise DocumentError(f"The breach document template {path.name} cannot be read: {exc}") from None


def text(section: str, key: str, language: str = "en", **values: Any) -> str:
    try:
        raw = template(language)[section][key]
    except KeyError:
        raise DocumentError(f"The breach document template has no [{section}] {key}.") from None
    if isinstance(raw, list):
        raw = "\n".join(raw)
    try:
        return str(raw).format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        raise DocumentError(f"The template text [{section}] {key} names an unknown placeholder: {exc}") from None


def labels(language: str = "en") -> Labels:
    from console.documents.spec import Labels

    words = template(language).get("labels", {})
    return Labels(**{k: v for k, v in words.items() if k in ("date", "reference", "page", "signature", "empty_table")})


def when(value: datetime | None, cat: Catalogue) -> str:
    """'10 March 2026, 09:30 GMT': the organisation's local time, its zone named."""
    if value is None:
        return EM_DASH
    local = value.astimezone(cat.organisation.tz)
    months = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
    return f"{local.day} {months[local.month - 1]} {local.year}, {local:%H:%M} {local.tzname()}"


def short(value: datetime | None, cat: Catalogue) -> str:
    """'2026-03-10 09:30' for tables, where columns are narrow."""
    return EM_DASH if value is None else value.astimezone(cat.organisation.tz).strftime("%Y-%m-%d %H:%M")


def duration(delta: timedelta | None) -> str:
    if delta is None:
        return EM_DASH
    minutes = int(delta.total_seconds() // 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min"


def category_title(cat: Catalogue, category_id: str) -> str:
    for c in cat.categories:
        if c.id == category_id:
            return c.title
    return CATEGORY_TITLES.get(category_id, category_id.replace("_", " ").capitalize())


def count(value: int | None, unknown: str) -> str:
    return unknown if value is None else f"about {value:,}"


def risk_title(risk: str | None) -> str:
    return "Not yet assessed" if risk is None else rules.RISK_TITLES[rules.Risk(risk)]


def organisation_lines(cat: Catalogue) -> list[str]:
    org = cat.organisation
    return [line for line in (*org.contact_lines, org.website) if line and line != org.name]


def authority_lines(cat: Catalogue) -> list[str]:
    return [part.strip() for part in cat.organisation.supervisory_authority.split(",") if part.strip()]
