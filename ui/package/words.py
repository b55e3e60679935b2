"""Words for package kinds, roles and refusals, translated (the console hands back codes)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.packages import KIND_TITLES
from console.security.roles import ROLE_PERMS, Actor, Perm, Role


def _t(text: str) -> str:
    return QCoreApplication.translate("Package", text)


def kind_title(code: str) -> str:
    return {
        "access": _t("Access: copy of the data and Art. 15 information"),
        "portability": _t("Portability: JSON, CSV and schema"),
        "erasure": _t("Certificate of erasure"),
        "rectification": _t("Rectification: before and after"),
        "restriction": _t("Restriction of processing"),
        "information": _t("Information about transfers"),
        "decision": _t("Decision on the request"),
        "letter": _t("Answer to an inquiry"),
        "receipt": _t("Confirmation of receipt"),
        "extension": _t("Extension notice"),
        "rejection": _t("Rejection letter"),
    }.get(code, KIND_TITLES.get(code, code))


def kind_short(code: str) -> str:
    """The kind in one word, for a table column."""
    return {
        "access": _t("Access"),
        "portability": _t("Portability"),
        "erasure": _t("Erasure"),
        "rectification": _t("Rectification"),
        "restriction": _t("Restriction"),
        "information": _t("Information"),
        "decision": _t("Decision"),
        "letter": _t("Answer"),
        "receipt": _t("Receipt"),
        "extension": _t("Extension"),
        "rejection": _t("Rejection"),
    }.get(code, code)


def role_title(role: Role) -> str:
    return {
        Role.OWNER: _t("owner"),
        Role.ADMINISTRATOR: _t("administrator"),
        Role.DPO: _t("data protection officer"),
        Role.ANALYST: _t("analyst"),
        Role.AUDITOR: _t("auditor"),
    }.get(role, role.value)


def roles_with(perm: Perm) -> str:
    """The staff roles that hold ``perm``, in words ("data protection officer or administrator")."""
    titles = [role_title(r) for r, perms in ROLE_PERMS.items() if perm in perms and r != Role.OWNER]
    if len(titles) <= 1:
        return "".join(titles)
    return _t("{0} or {1}").format(", ".join(titles[:-1]), titles[-1])


def refusal(actor: Actor, perms: tuple[Perm, ...], what: str) -> str:
    """Why a button is disabled: what needs which role, and the role the person holds."""
    missing = next((p for p in perms if not actor.can(p)), None)
    if missing is None:
        return ""
    return _t("{what} needs the role {roles}; you are signed in as {role}.").format(
        what=what, roles=roles_with(missing), role=role_title(actor.role))


def size(n: int) -> str:
    """A file size people read at a glance (1.2 MB), in the units file managers use."""
    if n < 1024:
        return _t("{0} bytes").format(n)
    value = n / 1024
    units = (_t("KB"), _t("MB"), _t("GB"))
    for unit in units:
        if value < 1024 or unit == units[-1]:
            return f"{value:.1f} {unit}"
        value /= 1024
    return str(n)
