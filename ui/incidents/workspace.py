"""The incident workspace: a header with the live 72-hour clock, the lifecycle actions, the tabs.

Declarations over the shared frame (``ui.framework.workspace``), as the request workspace: every
action calls a service in the writer thread, the new IncidentView comes back and every tab shows
it; a refusal (a step the lifecycle forbids, closing a reportable breach nobody reported, a stale
edit) is shown with the service's own message.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QLabel, QWidget

from console.incidents import commands, drills, notifications, queries, rules
from console.incidents.read_models import IncidentView
from console.security.roles import Perm
from ui import words
from ui.dialogs.reasons import ReasonDialog
from ui.framework.workspace import ActionSpec, RecordWorkspace, TabSpec
from ui.incidents import words as iw
from ui.incidents.actions import (
    AssessDialog,
    DecideDialog,
    NotifyAuthorityDialog,
    NotifyPeopleDialog,
    ask,
)
from ui.incidents.documents import DocumentsTab
from ui.incidents.overview import OverviewTab
from ui.incidents.tabs import IncidentTab, NotificationsTab, TimelineTab
from ui.incidents.widgets import ClockBadge, DrillPill


class IncidentWorkspace(RecordWorkspace):
    load_query = staticmethod(queries.get_incident)

    # --- declarations ----------------------------------------------------------------------

    def placeholder_text(self) -> str:
        return self.tr("Select an incident in the list to work on it here.")

    def make_badge(self) -> QWidget:
        return ClockBadge()

    def chips(self) -> list[QWidget]:
        self.drill_pill = DrillPill()
        self.risk_chip = QLabel()
        self.risk_chip.setObjectName("chip")
        return [self.drill_pill, self.status_chip, self.risk_chip]

    def notes(self) -> tuple[list[QWidget], list[QWidget]]:
        self.drill_note = QLabel()
        self.drill_note.setObjectName("infoBanner")
        self.drill_note.setWordWrap(True)
        return [self.drill_note], []

    def action_specs(self) -> list[ActionSpec]:
        return [
            ActionSpec("advance", "advance", self.tr("Advance"), self._advance, primary=True),
            ActionSpec("assess", "verify", self.tr("Assess risk…"), self._assess),
            ActionSpec("decide", "check-open", self.tr("Decide…"), self._decide),
            ActionSpec("authority", "export", self.tr("Notify authority…"), self._notify_authority),
            ActionSpec("people", "assign", self.tr("Notify people…"), self._notify_people),
            ActionSpec("finish", "closed", self.tr("Finish drill…"), self._finish_drill, gap_before=True),
            ActionSpec("close", "closed", self.tr("Close…"), self._close),
            ActionSpec("reopen", "reopen", self.tr("Reopen…"), self._reopen),
        ]

    def tab_specs(self) -> list[TabSpec]:
        return [TabSpec("overview", self.tr("Overview"), OverviewTab(self)),
                TabSpec("timeline", self.tr("Timeline"), TimelineTab(self)),
                TabSpec("notifications", self.tr("Notifications"), NotificationsTab(self)),
                TabSpec("documents", self.tr("Documents"), DocumentsTab(self))]

    @property
    def view(self) -> IncidentView | None:
        return self._view

    def tab(self, key: str) -> IncidentTab | None:
        return super().tab(key)

    def show_in_tab(self, tab: QWidget, view: IncidentView) -> None:
        tab.show_incident(view)  # type: ignore[attr-defined]

    def written(self, result: Any) -> IncidentView:
        return result.incident if isinstance(result, drills.DrillStatus) else result

    # --- drawing ---------------------------------------------------------------------------

    @Slot()
    def zone_changed(self) -> None:
        """Another display zone or appearance: draw everything again."""
        if self._view is not None:
            self.show_view(self._view)

    def draw_header(self, view: IncidentView) -> None:
        zone = self.app.zone
        self.reference.setText(view.reference)
        self.drill_pill.setVisible(view.is_drill)
        self.drill_pill.restyle()
        self.status_chip.setText(iw.status(view.status))
        self.risk_chip.setText(iw.risk(view.risk))
        self.subtitle.setText(view.title)
        self.subtitle.setToolTip(view.title)
        due = self.tr("Aware {aware}  ·  report to the authority due {due} ({hours} hours)").format(
            aware=words.local_time(view.became_aware_at, zone), due=words.local_time(view.authority_due_at, zone),
            hours=self.app.ctx.catalogue.breach.authority_hours)
        if view.authority_notified_at:
            due += "  ·  " + self.tr("reported {0}").format(words.local_time(view.authority_notified_at, zone))
        self.due_line.setText(due)
        self._draw_drill(view)

    def _draw_drill(self, view: IncidentView) -> None:
        d = view.drill
        if not view.is_drill or d is None:
            self.drill_note.hide()
            return
        zone = self.app.zone
        text = self.tr("Response drill from the scenario “{0}”, started {1} by {2}: an exercise, not a real "
                       "breach. It never counts in real figures or the register.").format(
            d.scenario_title, words.local_time(d.started_at, zone), d.started_by)
        if d.finished_at:
            text += " " + self.tr("Finished {0}; its record is kept as it ended.").format(
                words.local_time(d.finished_at, zone))
        self.drill_note.setText(text)
        self.drill_note.show()

    def tick_badge(self, view: IncidentView) -> None:
        self.badge.show_clock(view, self.app.ticker.now, self.app.ctx.catalogue)  # type: ignore[attr-defined]

    def update_buttons(self, view: IncidentView) -> None:
        status = view.status
        closed = status == rules.Status.CLOSED
        finished = view.drill is not None and view.drill.finished_at is not None
        nxt = rules.ORDER[rules.ORDER.index(rules.Status(status)) + 1] if not closed else None
        advance = self.buttons["advance"]
        can_advance = nxt is not None and nxt != rules.Status.CLOSED
        advance.setText(self.tr("Advance to {0}").format(iw.status(nxt.value)) if can_advance and nxt
                        else self.tr("Advance"))
        may = self.app.ctx.actor.can(Perm.INCIDENTS)
        writable = may and not closed and not finished
        initial = any(n.phase == "initial" for n in view.authority_reports)
        allowed = {
            "advance": writable and can_advance,
            "assess": writable,
            "decide": writable,
            "authority": writable and (view.authority_decision != "not_notify" or initial),
            "people": writable,
            "finish": may and view.is_drill and not finished,
            "close": writable,
            "reopen": may and closed and not finished,
        }
        self.allow(allowed, None if may else dict.fromkeys(self.buttons, iw.no_permission()))
        self.buttons["finish"].setVisible(view.is_drill)
        self.buttons["close"].setVisible(not closed)
        self.buttons["reopen"].setVisible(closed)
        if not may:
            return
        self.buttons["authority"].setToolTip(
            self.tr("Record the initial report, or a follow-up") if not initial else self.tr("Record a follow-up report"))
        problems = "\n".join(f"• {p}" for p in view.closing_problems)
        self.buttons["close"].setToolTip(self.tr("Still needed before closing:\n{0}").format(problems) if problems
                                         else self.tr("Close the incident"))

    # --- actions -----------------------------------------------------------------------------

    def _advance(self, view: IncidentView) -> None:
        target = rules.next_status(rules.Status(view.status))
        note = ""
        if target == rules.Status.CONTAINED and not view.measures.strip():
            dialog = ReasonDialog(self.tr("Contain {0}").format(view.reference),
                                  self.tr("Describe how the breach was contained; it is kept as the containment "
                                          "measures."), self.tr("Measures"), self)
            if not ask(dialog):
                return
            note = dialog.reason
        self.run(commands.transition, view.reference, target, note=note, expected_version=view.version)

    def _assess(self, view: IncidentView) -> None:
        dialog = AssessDialog(self.app, view, self)
        if ask(dialog):
            risk, reasoning, consequences = dialog.values
            self.run(notifications.assess, view.reference, risk, reasoning, consequences=consequences,
                     expected_version=view.version)

    def _decide(self, view: IncidentView) -> None:
        dialog = DecideDialog(self.app, view, self)
        if ask(dialog):
            self.run(notifications.decide, view.reference, expected_version=view.version, **dialog.values)

    def _notify_authority(self, view: IncidentView) -> None:
        dialog = NotifyAuthorityDialog(self.app, view, self)
        if ask(dialog):
            self.run(notifications.notify_authority, view.reference, **dialog.values)

    def _notify_people(self, view: IncidentView) -> None:
        dialog = NotifyPeopleDialog(self.app, view, self)
        if ask(dialog):
            self.run(notifications.notify_people, view.reference, **dialog.values)

    def _close(self, view: IncidentView) -> None:
        intro = self.tr("Closing ends the work on the incident; it can be reopened with a reason.")
        if view.closing_problems:
            intro += "\n\n" + self.tr("Still needed:") + "\n" + "\n".join(f"• {p}" for p in view.closing_problems)
        dialog = ReasonDialog(self.tr("Close {0}").format(view.reference), intro, self.tr("Closing note"), self,
                              self.tr("optional: lessons learnt, follow-up"))
        if ask(dialog):
            self.run(commands.transition, view.reference, rules.Status.CLOSED, note=dialog.reason,
                     expected_version=view.version)

    def _reopen(self, view: IncidentView) -> None:
        dialog = ReasonDialog(self.tr("Reopen {0}").format(view.reference),
                              self.tr("The incident goes back to Resolved. Say why (new facts, a follow-up "
                                      "report…); it is recorded."), self.tr("Reason"), self)
        if ask(dialog):
            self.run(commands.reopen, view.reference, dialog.reason)

    def _finish_drill(self, view: IncidentView) -> None:
        dialog = ReasonDialog(self.tr("Finish the drill {0}").format(view.reference),
                              self.tr("The drill's clock stops and its record is kept as it ended. The drill "
                                      "report (Documents) measures each milestone against its target."),
                              self.tr("Debrief"), self, self.tr("What went well, what to improve"))
        if ask(dialog):
            self.run(drills.finish_drill, view.reference, dialog.reason)
