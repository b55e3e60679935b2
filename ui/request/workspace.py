"""The request workspace: a header with the live deadline, lifecycle buttons, and the tabs.

Every action calls a service in the writer thread; the new RequestView comes back, every tab
shows it and the queue is told. A refusal (a transition the lifecycle forbids, a checklist not
done, an edit on a stale version) is shown with the service's own message.

What the role may not do is disabled with a tooltip naming the role it needs (completing and
rejecting need a DPO); a role that may not work on requests (auditor, administrator) gets the
workspace read-only, with a line that says so instead of the lifecycle buttons.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QLabel, QWidget

from console.errors import ValidationError
from console.requests import commands
from console.requests.lifecycle import FORWARD, OPEN, Status
from console.requests.read_models import RequestView
from console.security.roles import Perm
from ui import registry, words
from ui.context import AppContext
from ui.dialogs.reasons import CompleteDialog, ExtendDialog, ReasonDialog, RejectDialog
from ui.framework.workspace import ActionSpec, RecordWorkspace, TabSpec
from ui.request.tabs import RequestTab
from ui.widgets.deadline import DeadlineBadge


class RequestWorkspace(RecordWorkspace):
    load_query = staticmethod(commands.get_request)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        self.writable = app.can(Perm.WORK_REQUESTS)
        super().__init__(app, parent)
        self.actions_row.setVisible(self.writable)  # read-only: nothing here to press

    # --- declarations ----------------------------------------------------------------------

    def placeholder_text(self) -> str:
        return self.tr("Select a request in the queue to work on it here.")

    def make_badge(self) -> QWidget:
        return DeadlineBadge()

    def action_specs(self) -> list[ActionSpec]:
        return [
            ActionSpec("advance", "advance", self.tr("Advance"), self._advance, primary=True),
            ActionSpec("pause", "pause", self.tr("Pause…"), self._pause),
            ActionSpec("resume", "resume", self.tr("Resume"), lambda view: self.run(commands.resume, view.reference),
                       hidden=True),
            ActionSpec("extend", "extend", self.tr("Extend…"), self._extend),
            ActionSpec("acknowledge", "acknowledge", self.tr("Confirm receipt"),
                       lambda view: self.run(commands.acknowledge, view.reference), hidden=True),
            ActionSpec("reject", "reject", self.tr("Reject…"), self._reject, danger=True, gap_before=True),
            ActionSpec("withdraw", "withdraw", self.tr("Withdraw…"), self._withdraw, danger=True),
            ActionSpec("reopen", "reopen", self.tr("Reopen…"), self._reopen, hidden=True),
        ]

    def notes(self) -> tuple[list[QWidget], list[QWidget]]:
        self.read_only = QLabel(self.tr("Read only. {0}").format(
            self.app.refusal(Perm.WORK_REQUESTS, self.tr("Changing a request"))))
        self.read_only.setObjectName("infoBanner")
        self.read_only.setWordWrap(True)
        self.read_only.setVisible(not self.writable)
        return [], [self.read_only]

    def tab_specs(self) -> list[TabSpec]:
        return [TabSpec(spec.key, spec.title(), spec.factory(self)) for spec in registry.tabs()]

    def tab(self, key: str) -> RequestTab | None:
        return super().tab(key)

    @property
    def view(self) -> RequestView | None:
        return self._view

    def show_in_tab(self, tab: QWidget, view: RequestView) -> None:
        tab.show_request(view)  # type: ignore[attr-defined]

    def announce(self, view: RequestView) -> None:
        super().announce(view)
        self.app.events.request_changed.emit(view)

    # --- drawing ---------------------------------------------------------------------------

    def draw_header(self, view: RequestView) -> None:
        zone = self.app.zone
        self.reference.setText(view.reference)
        self.status_chip.setText(words.status(view.status))
        parts = [view.subject_name, view.subject_email, words.catalogue(view.right_title)]
        if view.assignee:
            parts.append(self.tr("assigned to {0}").format(view.assignee))
        else:
            parts.append(self.tr("unassigned"))
        self.subtitle.setText("  ·  ".join(parts))
        due = self.tr("Due {due} — {rule}").format(due=words.due(view.due_at, zone), rule=words.catalogue(view.due_rule))
        if view.paused_since:
            due += "  ·  " + self.tr("clock stopped since {0}").format(words.local_time(view.paused_since, zone))
        if view.extensions:
            due += "  ·  " + self.tr("extended")
        self.due_line.setText(due)

    def tick_badge(self, view: RequestView) -> None:
        cat = self.app.ctx.catalogue
        self.badge.show_deadline(view, self.app.ticker.now, cat.organisation.tz, cat.due_soon)  # type: ignore[attr-defined]

    def update_buttons(self, view: RequestView) -> None:
        status = view.status
        is_open = status in OPEN
        paused = view.paused_since is not None
        nxt = FORWARD.get(Status.find(status))  # None for a status this version does not know
        advance = self.buttons["advance"]
        advance.setText(self.tr("Advance to {0}").format(words.status(nxt.value)) if nxt else self.tr("Advance"))
        allowed = {
            "advance": nxt is not None,
            "pause": is_open and not paused,
            "resume": is_open and paused,
            "extend": is_open and bool(self._extendable(view)),
            "acknowledge": is_open and view.acknowledge_due_at is not None and view.acknowledged_at is None,
            "reject": is_open,
            "withdraw": is_open,
            "reopen": status == Status.COMPLETED,
        }
        self.allow(allowed, self._refusals(nxt))
        for key, button in self.buttons.items():
            button.setVisible(allowed[key] or key in ("advance", "reject", "withdraw"))
        self.buttons["resume"].setVisible(paused and is_open)
        self.buttons["pause"].setVisible(not paused and is_open)

    def _refusals(self, nxt: Status | None) -> dict[str, str]:
        """Why each button is not for this role ("" where it is): the role it needs, by name."""
        work = self.app.refusal(Perm.WORK_REQUESTS, self.tr("Working on a request"))
        result = {key: work for key in self.buttons}
        result["reject"] = work or self.app.refusal(Perm.APPROVE, self.tr("Rejecting a request"))
        if nxt == Status.COMPLETED:
            result["advance"] = work or self.app.refusal(Perm.APPROVE, self.tr("Approving and completing a request"))
        return result

    def _extendable(self, view: RequestView) -> list[Any]:
        try:
            rules = self.app.ctx.catalogue.deadline_rules(view.right, view.jurisdictions)
        except ValidationError:  # a right or jurisdiction from an older catalogue
            return []
        return [r for r in rules if r.extension_amount > 0]

    # --- lifecycle actions -------------------------------------------------------------------

    def _advance(self, view: RequestView) -> None:
        if FORWARD.get(Status(view.status)) == Status.COMPLETED:  # closing it: say what happens first
            self.set_busy(+1)
            self.app.tasks.read(commands.sent_response, self.app.ctx, view.reference, owner=self,
                                on_done=lambda sent: self._confirm_completion(view, sent), on_error=self.refused)
            return
        self.run(commands.advance, view.reference, view.version)

    def _confirm_completion(self, view: RequestView, sent: datetime | None) -> None:
        self.set_busy(-1)
        when = sent.astimezone(self.app.zone).strftime("%Y-%m-%d %H:%M") if sent else None
        dialog = CompleteDialog(view.reference, view.subject_name, when, self)
        if dialog.exec():
            self.run(commands.advance, view.reference, view.version, dialog.reason)

    def _pause(self, view: RequestView) -> None:
        dialog = ReasonDialog(self.tr("Pause {0}").format(view.reference),
                              self.tr("The clock stops while the console waits on the person (where the law lets "
                                      "it); the deadline moves by the time it stood still."),
                              self.tr("Waiting for"), self,
                              self.tr("e.g. a copy of a government-issued ID"))
        if dialog.exec():
            self.run(commands.pause, view.reference, dialog.reason)

    def _extend(self, view: RequestView) -> None:
        dialog = ExtendDialog(view.reference, self._extendable(view),
                              self.app.ticker.now.astimezone(self.app.ctx.catalogue.organisation.tz).date(), self)
        if dialog.exec():
            e = dialog.values
            self.run(commands.extend, view.reference, e.amount, e.reason, e.notified_on, e.rule_id)

    def _reject(self, view: RequestView) -> None:
        dialog = RejectDialog(view.reference, self)
        if dialog.exec():
            grounds, reason = dialog.values
            self.run(commands.reject, view.reference, grounds, reason)

    def _withdraw(self, view: RequestView) -> None:
        dialog = ReasonDialog(self.tr("Withdraw {0}").format(view.reference),
                              self.tr("The person withdrew the request. The reason is kept with it."),
                              self.tr("Reason"), self)
        if dialog.exec():
            self.run(commands.withdraw, view.reference, dialog.reason)

    def _reopen(self, view: RequestView) -> None:
        dialog = ReasonDialog(self.tr("Reopen {0}").format(view.reference),
                              self.tr("The request goes back to In progress. Say why; it is recorded."),
                              self.tr("Reason"), self)
        if dialog.exec():
            self.run(commands.reopen, view.reference, dialog.reason)
