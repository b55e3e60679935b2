"""Security settings shared by everyone on one database, kept in the ``settings`` table.

They live in the database rather than on a workstation so that every client of a shared
server enforces the same second-factor roles, lockout and session lengths.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from console.errors import ValidationError
from console.security.roles import STAFF_ROLES, Role, parse_role
from console.store.models import Setting

TOTP_ROLES = "security.totp_roles"
SIGN_IN_REQUIRED = "security.sign_in_required"  # a local SQLite file only; a server always requires it
LOCKOUT_FAILURES = "security.lockout_failures"
LOCKOUT_MINUTES = "security.lockout_minutes"
SESSION_IDLE_HOURS = "security.session_idle_hours"
SESSION_MAX_HOURS = "security.session_max_hours"

DEFAULT_TOTP_ROLES = frozenset({Role.ADMINISTRATOR, Role.DPO})


@dataclass(frozen=True)
class SecuritySettings:
    totp_roles: frozenset[Role] = field(default=DEFAULT_TOTP_ROLES)
    lockout_failures: int = 5
    lockout_minutes: int = 15
    session_idle_hours: float = 8.0
    session_max_hours: float = 12.0
    sign_in_required: bool = False

    def needs_totp(self, role: Role) -> bool:
        return role in self.totp_roles


def _number(raw: dict[str, Any], key: str, default: float, minimum: float) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < minimum:
        return default  # a damaged setting falls back to the safe default, never to "off"
    return value


def load(session: Session) -> SecuritySettings:
    """The settings in force (defaults for any that were never set)."""
    rows = session.query(Setting).filter(Setting.key.like("security.%")).all()
    raw = {r.key: r.value for r in rows}
    roles_raw = raw.get(TOTP_ROLES)
    roles = DEFAULT_TOTP_ROLES
    if isinstance(roles_raw, list):
        roles = frozenset(Role(r) for r in roles_raw if r in {s.value for s in STAFF_ROLES})
    return SecuritySettings(
        totp_roles=roles,
        lockout_failures=int(_number(raw, LOCKOUT_FAILURES, 5, 1)),
        lockout_minutes=int(_number(raw, LOCKOUT_MINUTES, 15, 1)),
        session_idle_hours=float(_number(raw, SESSION_IDLE_HOURS, 8.0, 0.01)),
        session_max_hours=float(_number(raw, SESSION_MAX_HOURS, 12.0, 0.01)),
        sign_in_required=raw.get(SIGN_IN_REQUIRED) is True,
    )


def store(session: Session, key: str, value: Any) -> None:
    """Write one setting in the caller's transaction."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def parse_totp_roles(values: list[str] | tuple[str, ...]) -> frozenset[Role]:
    roles = frozenset(parse_role(v) for v in values)
    if Role.ADMINISTRATOR not in roles:
        raise ValidationError(
            "Administrators manage accounts and settings: their second factor cannot be turned off."
        )
    return roles
