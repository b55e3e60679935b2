"""What every window part receives: the console context, the task layer, the shared timer.

Passed explicitly to each widget (no global application object to reach into). ``events``
carries the few facts several parts care about: a request changed, many requests changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, tzinfo

from PySide6.QtCore import QObject, Signal

from console.context import Context
from ui import preferences
from ui.preferences import Preferences
from ui.queue.ticker import DeadlineTicker
from ui.tasks import Tasks


class Events(QObject):
    request_changed = Signal(object)  # a RequestView just written by a service
    requests_changed = Signal()  # several at once (import, bulk change): reload what is shown
    zone_changed = Signal()


@dataclass
class AppContext:
    ctx: Context
    tasks: Tasks
    ticker: DeadlineTicker
    prefs: Preferences
    events: Events = field(default_factory=Events)
    policy_due_soon_hours: int = 0  # the catalogue's own threshold, before a preference overrides it

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
        try:
            return self.ctx.catalogue.right(right_id).title
        except Exception:  # noqa: BLE001 - a right dropped from a later catalogue still shows its id
            return right_id
