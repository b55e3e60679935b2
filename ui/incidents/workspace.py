"""The incident workspace: a header with the live 72-hour clock, the lifecycle actions, the tabs.

It mirrors the request workspace: every action calls a service in the writer thread, the new
IncidentView comes back and every tab shows it; a refusal (a step the lifecycle forbids, closing
a reportable breach nobody reported, a stale edit) is shown with the service's own message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.errors import ConflictError
from console.incidents import commands, drills, notifications, queries, rules
from console.incidents.views import IncidentView
from console.security.roles import Perm
from ui import style, words
from ui.context import AppContext
from ui.dialogs.reasons import ReasonDialog
from ui.errors import offer_reload, show_error
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
from ui.widgets.compact import CompactRow


class IncidentWorkspace(QWidget):
    loaded = Signal(object)  # the IncidentView now on show
    changed = Signal(object)  # an IncidentView just written by a service

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._view: IncidentView | None = None
        self._generation = 0
        self._pending = 0
        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("Select an incident in the list to work on it here."))
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addWidget(self.stack)
        app.ticker.tick.connect(self._tick)
        app.events.zone_changed.connect(self._settings_changed)

    def _build_content(self) -> QWidget:
        header = QFrame()
        header.setObjectName("workspaceHeader")
        self.reference = QLabel()
        self.reference.setObjectName("reference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.drill_pill = DrillPill()
        self.status_chip = QLabel()
        self.status_chip.setObjectName("chip")
        self.risk_chip = QLabel()
        self.risk_chip.setObjectName("chip")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("subtitle")
        self.due_line = QLabel()
        self.due_line.setObjectName("muted")
        for label in (self.subtitle, self.due_line):
            label.setMinimumWidth(1)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge = ClockBadge()
        title = QHBoxLayout()
        title.addWidget(self.reference)
        title.addWidget(self.drill_pill)
        title.addWidget(self.status_chip)
        title.addWidget(self.risk_chip)
        title.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(title)
        left.addWidget(self.subtitle)
        left.addWidget(self.due_line)
        top = QHBoxLayout(header)
        top.setContentsMargins(12, 8, 12, 8)
        top.addLayout(left, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.drill_note = QLabel()
        self.drill_note.setObjectName("infoBanner")
        self.drill_note.setWordWrap(True)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for key, icon, text, slot in (
            ("advance", "advance", self.tr("Advance"), self._advance),
            ("assess", "verify", self.tr("Assess risk…"), self._assess),
            ("decide", "check-open", self.tr("Decide…"), self._decide),
            ("authority", "export", self.tr("Notify authority…"), self._notify_authority),
            ("people", "assign", self.tr("Notify people…"), self._notify_people),
            ("finish", "closed", self.tr("Finish drill…"), self._finish_drill),
            ("close", "closed", self.tr("Close…"), self._close),
            ("reopen", "reopen", self.tr("Reopen…"), self._reopen),
        ):
            button = QPushButton(style.icon(icon), text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            if key == "finish":
                actions.addStretch(1)
            actions.addWidget(button)
        self.buttons["advance"].setProperty("primary", True)
        self.buttons["advance"].setIcon(style.icon("advance", "#ffffff"))
        self.tabs = QTabWidget()
        self._tabs: dict[str, IncidentTab] = {
            "overview": OverviewTab(self), "timeline": TimelineTab(self),
            "notifications": NotificationsTab(self), "documents": DocumentsTab(self),
        }
        for key, title_text in (("overview", self.tr("Overview")), ("timeline", self.tr("Timeline")),
                                ("notifications", self.tr("Notifications")), ("documents", self.tr("Documents"))):
            self.tabs.addTab(self._tabs[key], title_text)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(header)
        layout.addWidget(self.drill_note)
        actions_row = QWidget()
        actions_row.setLayout(actions)
        actions.setContentsMargins(0, 0, 0, 0)
        self.compact = CompactRow(actions_row, list(self.buttons.values()), keep=self.buttons["advance"])
        layout.addWidget(actions_row)
        layout.addWidget(self.tabs, 1)
        return content

    # --- the host API the tabs use -----------------------------------------------------------

    @property
    def view(self) -> IncidentView | None:
        return self._view

    def tab(self, key: str) -> IncidentTab | None:
        return self._tabs.get(key)

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Call ``fn(ctx, *args)`` in the writer thread; show the result or the refusal."""
        self._set_busy(+1)
        self.app.tasks.write(fn, self.app.ctx, *args, on_done=self._written, on_error=self._refused, owner=self,
                             **kwargs)

    def reload(self) -> None:
        if self._view is not None:
            self.show_reference(self._view.reference)

    # --- loading ---------------------------------------------------------------------------

    def show_reference(self, reference: str | None) -> None:
        """Load one incident in the background (a later choice wins over an earlier one)."""
        self._generation += 1
        generation = self._generation
        if not reference:
            self._view = None
            self.stack.setCurrentIndex(0)
            return
        self.app.tasks.read(queries.get_incident, self.app.ctx, reference,
                            on_done=lambda view: self._arrived(generation, view),
                            on_error=lambda exc: self._load_failed(generation, exc), owner=self)

    def _arrived(self, generation: int, view: IncidentView) -> None:
        if generation == self._generation:
            self.show_view(view)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            show_error(self, exc)

    def show_view(self, view: IncidentView) -> None:
        self._view = view
        self.stack.setCurrentIndex(1)
        self._redraw()
        for tab in self._tabs.values():
            tab.show_incident(view)
        self.loaded.emit(view)

    def _written(self, result: Any) -> None:
        self._set_busy(-1)
        view = result.incident if isinstance(result, drills.DrillStatus) else result
        self._generation += 1  # a load started before the write must not show the old state
        self.show_view(view)
        self.changed.emit(view)

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(-1)
        if isinstance(exc, ConflictError):
            if offer_reload(self, exc):
                self.reload()
            return
        show_error(self, exc)

    def _set_busy(self, delta: int) -> None:
        self._pending += delta
        for button in self.buttons.values():
            button.setEnabled(self._pending == 0 and button.property("allowed") is True)

    # --- drawing ---------------------------------------------------------------------------

    @Slot()
    def _settings_changed(self) -> None:
        """Another display zone or appearance: draw everything again."""
        if self._view is not None:
            self.show_view(self._view)

    @Slot()
    def _redraw(self) -> None:
        view = self._view
        if view is None:
            return
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
        self._tick()
        self._update_buttons(view)

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

    @Slot()
    def _tick(self) -> None:
        if self._view is not None:
            self.badge.show_clock(self._view, self.app.ticker.now, self.app.ctx.catalogue)

    def _update_buttons(self, view: IncidentView) -> None:
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
        for key, button in self.buttons.items():
            button.setProperty("allowed", allowed[key])
            button.setEnabled(allowed[key] and self._pending == 0)
            if not may:
                button.setToolTip(iw.no_permission())
        self.buttons["finish"].setVisible(view.is_drill)
        self.buttons["close"].setVisible(not closed)
        self.buttons["reopen"].setVisible(closed)
        if not may:
            self.compact.apply()
            return
        self.buttons["authority"].setToolTip(
            self.tr("Record the initial report, or a follow-up") if not initial else self.tr("Record a follow-up report"))
        problems = "\n".join(f"• {p}" for p in view.closing_problems)
        self.buttons["close"].setToolTip(self.tr("Still needed before closing:\n{0}").format(problems) if problems
                                         else self.tr("Close the incident"))
        self.compact.apply()

    # --- actions -----------------------------------------------------------------------------

    def _advance(self) -> None:
        view = self._view
        if view is None:
            return
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

    def _assess(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = AssessDialog(self.app, view, self)
        if ask(dialog):
            risk, reasoning, consequences = dialog.values
            self.run(notifications.assess, view.reference, risk, reasoning, consequences=consequences,
                     expected_version=view.version)

    def _decide(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = DecideDialog(self.app, view, self)
        if ask(dialog):
            self.run(notifications.decide, view.reference, expected_version=view.version, **dialog.values)

    def _notify_authority(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = NotifyAuthorityDialog(self.app, view, self)
        if ask(dialog):
            self.run(notifications.notify_authority, view.reference, **dialog.values)

    def _notify_people(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = NotifyPeopleDialog(self.app, view, self)
        if ask(dialog):
            self.run(notifications.notify_people, view.reference, **dialog.values)

    def _close(self) -> None:
        view = self._view
        if view is None:
            return
        intro = self.tr("Closing ends the work on the incident; it can be reopened with a reason.")
        if view.closing_problems:
            intro += "\n\n" + self.tr("Still needed:") + "\n" + "\n".join(f"• {p}" for p in view.closing_problems)
        dialog = ReasonDialog(self.tr("Close {0}").format(view.reference), intro, self.tr("Closing note"), self,
                              self.tr("optional: lessons learnt, follow-up"))
        if ask(dialog):
            self.run(commands.transition, view.reference, rules.Status.CLOSED, note=dialog.reason,
                     expected_version=view.version)

    def _reopen(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = ReasonDialog(self.tr("Reopen {0}").format(view.reference),
                              self.tr("The incident goes back to Resolved. Say why (new facts, a follow-up "
                                      "report…); it is recorded."), self.tr("Reason"), self)
        if ask(dialog):
            self.run(commands.reopen, view.reference, dialog.reason)

    def _finish_drill(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = ReasonDialog(self.tr("Finish the drill {0}").format(view.reference),
                              self.tr("The drill's clock stops and its record is kept as it ended. The drill "
                                      "report (Documents) measures each milestone against its target."),
                              self.tr("Debrief"), self, self.tr("What went well, what to improve"))
        if ask(dialog):
            self.run(drills.finish_drill, view.reference, dialog.reason)
