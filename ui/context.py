"""What every window part receives: the console context, the task layer, the shared timer.

Passed explicitly to each widget (no global application object to reach into). ``events``
carries the few facts several parts care about: a request changed, many requests changed.
``session`` is the signed-in session (None for the owner of a local file without sign-in);
:meth:`AppContext.can` and :meth:`AppContext.refusal` let every part disable what the role
may not do and say which role it needs (the services refuse it anyway).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Signal

from console.security.roles import ROLE_PERMS, Perm, Role
from ui import preferences
from ui.preferences import Preferences
from ui.queue.ticker import DeadlineTicker
from ui.tasks import Tasks

if TYPE_CHECKING:
    from console.context import Context
    from console.security.auth import SignedIn


class Events(QObject):
    request_changed = Signal(object)  # a RequestView just written by a service
    requests_changed = Signal()  # several at once (import, bulk change): reload what is shown
    zone_changed = Signal()
    undo_offered = Signal(str, object)  # what was just changed, and the callable that puts it back


@dataclass
class AppContext:
    ctx: Context
    tasks: Tasks
    ticker: DeadlineTicker
    prefs: Preferences
    events: Events = field(default_factory=Events)
    policy_due_soon_hours: int = 0  # the catalogue's own threshold, before a preference overrides it
    session: SignedIn | None = None  # None: the owner of a local database that has no sign-in

    def __post_init__(self) -> None:
        if not self.policy_due_soon_hours:
            self.policy_due_soon_hours = self.ctx.catalogue.due_soon_hours

    @property
    def zone(self) -> tzinfo:
        """The zone times are shown in: the organisation's (default), this computer's, or UTC."""
        choice = self.prefs.get(preferences.DISPLAY_ZONE)
        if choice == "utc":
            return UTC
        if choice == "local":
            return datetime.now().astimezone().tzinfo or UTC
        return self.ctx.catalogue.organisation.tz

    @property
    def zone_name(self) -> str:
        choice = self.prefs.get(preferences.DISPLAY_ZONE)
        if choice == "utc":
            return "UTC"
        if choice == "local":
            return str(datetime.now().astimezone().tzname() or "local")
        return self.ctx.catalogue.organisation.time_zone

    def right_title(self, right_id: str) -> str:
        return self.ctx.catalogue.right_title(right_id)

    def can(self, perm: Perm) -> bool:
        return self.ctx.actor.can(perm)

    def refusal(self, perm: Perm, what: str = "") -> str:
        """Why something is disabled: the role it needs and the one the person holds; "" when allowed."""
        if self.can(perm):
            return ""
        return refusal_text(self.ctx.actor.role, perm, what)

    @property
    def user_title(self) -> str:
        """Who works in this window, for the status bar: name and role."""
        actor = self.ctx.actor
        name = self.session.display_name if self.session is not None else actor.username
        return _t("{0} ({1})").format(name or actor.username, role_title(actor.role))


def _t(text: str) -> str:
    return QCoreApplication.translate("Access", text)


def role_title(role: Role | str) -> str:
    titles = {
        Role.OWNER: _t("owner"),
        Role.ADMINISTRATOR: _t("administrator"),
        Role.DPO: _t("data protection officer"),
        Role.ANALYST: _t("analyst"),
        Role.AUDITOR: _t("auditor"),
    }
    try:
        return titles[Role(role)]
    except ValueError:
        return str(role)


def roles_with(perm: Perm) -> str:
    """The account roles that hold ``perm``, in words ("data protection officer or analyst")."""
    titles = [role_title(r) for r, perms in ROLE_PERMS.items() if perm in perms and r != Role.OWNER]
    if len(titles) <= 1:
        return "".join(titles)
    return _t("{0} or {1}").format(", ".join(titles[:-1]), titles[-1])


def refusal_text(role: Role, perm: Perm, what: str = "") -> str:
    if what:
        return _t("{what} needs the role {roles}; you are signed in as {role}.").format(
            what=what, roles=roles_with(perm), role=role_title(role))
    return _t("Needs the role {roles}; you are signed in as {role}.").format(roles=roles_with(perm),
                                                                           role=role_title(role))
