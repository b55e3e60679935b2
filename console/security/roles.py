"""Roles and what each may do; every service call asks here, so CLI and window obey alike."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from console.errors import PermissionDenied, ValidationError


class Role(StrEnum):
    OWNER = "owner"  # the single user of a local database: everything
    ADMINISTRATOR = "administrator"
    DPO = "dpo"
    ANALYST = "analyst"
    AUDITOR = "auditor"


class Perm(StrEnum):
    READ = "read"  # see queues, requests, incidents
    READ_SUBJECT_DATA = "read_subject_data"
    WORK_REQUESTS = "work_requests"  # create, edit, verify, advance
    APPROVE = "approve"  # approve and complete, reject
    SIGN = "sign"  # sign and send packages
    INCIDENTS = "incidents"
    MANAGE_ACCOUNTS = "manage_accounts"
    SETTINGS = "settings"
    READ_AUDIT = "read_audit"
    RETENTION = "retention"
    BACKUP = "backup"


ROLE_PERMS: dict[Role, frozenset[Perm]] = {
    Role.OWNER: frozenset(Perm),
    Role.ADMINISTRATOR: frozenset({Perm.READ, Perm.MANAGE_ACCOUNTS, Perm.SETTINGS, Perm.READ_AUDIT, Perm.BACKUP, Perm.RETENTION}),
    Role.DPO: frozenset({Perm.READ, Perm.READ_SUBJECT_DATA, Perm.WORK_REQUESTS, Perm.APPROVE, Perm.SIGN, Perm.INCIDENTS, Perm.READ_AUDIT, Perm.RETENTION}),
    Role.ANALYST: frozenset({Perm.READ, Perm.READ_SUBJECT_DATA, Perm.WORK_REQUESTS}),
    Role.AUDITOR: frozenset({Perm.READ, Perm.READ_SUBJECT_DATA, Perm.READ_AUDIT}),
}

STAFF_ROLES = (Role.ADMINISTRATOR, Role.DPO, Role.ANALYST, Role.AUDITOR)  # what an account can hold

ROLE_TITLES = {
    Role.OWNER: "owner",
    Role.ADMINISTRATOR: "administrator",
    Role.DPO: "data protection officer",
    Role.ANALYST: "analyst",
    Role.AUDITOR: "auditor",
}


@dataclass(frozen=True)
class Actor:
    """Who acts: the signed-in user (or the owner of a local database)."""

    username: str
    role: Role

    def can(self, perm: Perm) -> bool:
        return perm in ROLE_PERMS[self.role]


def require(actor: Actor, perm: Perm | None) -> None:
    """Refuse with a message that names the role and what it lacks."""
    if perm is not None and not actor.can(perm):
        allowed = ", ".join(ROLE_TITLES[r] for r, perms in ROLE_PERMS.items() if perm in perms and r != Role.OWNER)
        raise PermissionDenied(
            f"{actor.username} ({ROLE_TITLES[actor.role]}) may not {perm.value.replace('_', ' ')}; "
            f"that needs the role: {allowed}"
        )


def parse_role(value: str) -> Role:
    """A staff role from what a person typed ("DPO", "analyst"); the owner is not an account role."""
    try:
        role = Role(value.strip().lower())
    except ValueError:
        role = Role.OWNER  # refused just below, with the list of roles
    if role not in STAFF_ROLES:
        raise ValidationError(f"Unknown role {value!r}. Roles: {', '.join(r.value for r in STAFF_ROLES)}")
    return role
