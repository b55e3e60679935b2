"""The request workspace: a header with the live deadline, lifecycle buttons, and the tabs.

Every action calls a service in the writer thread; the new RequestView comes back, every tab
shows it and the queue is told. A refusal (a transition the lifecycle forbids, a checklist not
done, an edit on a stale version) is shown with the service's own message.

What the role may not do is disabled with a tooltip naming the role it needs (completing and
rejecting need a DPO); a role that may not work on requests (auditor, administrator) gets the
workspace read-only, with a line that says so instead of the lifecycle buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
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
from console.requests import commands
from console.requests.lifecycle import FORWARD, OPEN, Status
from console.requests.views import RequestView
from console.security.roles import Perm
from ui import registry, style, words
from ui.context import AppContext
from ui.dialogs.reasons import CompleteDialog, ExtendDialog, ReasonDialog, RejectDialog
from ui.errors import offer_reload, show_error
from ui.request.tabs import RequestTab
from ui.widgets.compact import CompactRow
from ui.widgets.deadline import DeadlineBadge


class RequestWorkspace(QWidget):
    loaded = Signal(object)  # the RequestView now on show
    busy_changed = Signal(bool)

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._view: RequestView | None = None
        self._generation = 0
        self._pending = 0
        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.tr("Select a request in the queue to work on it here."))
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addWidget(self.stack)
        app.ticker.tick.connect(self._tick)
        app.events.zone_changed.connect(self._redraw)

    def _build_content(self) -> QWidget:
        content = QWidget()
        header = QFrame()
        header.setObjectName("workspaceHeader")
        self.reference = QLabel()
        self.reference.setObjectName("reference")
        self.reference.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_chip = QLabel()
        self.status_chip.setObjectName("chip")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("subtitle")
        self.due_line = QLabel()
        self.due_line.setObjectName("muted")
        for label in (self.subtitle, self.due_line):
            label.setMinimumWidth(1)  # long lines are clipped, they never widen the window
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge = DeadlineBadge()
        title = QHBoxLayout()
        title.addWidget(self.reference)
        title.addWidget(self.status_chip)
        title.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(title)
        left.addWidget(self.subtitle)
        left.addWidget(self.due_line)
        top = QHBoxLayout(header)
        top.setContentsMargins(12, 8, 12, 8)
        top.addLayout(left, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        actions.setSpacing(6)
        for key, icon, text, slot in (
            ("advance", "advance", self.tr("Advance"), self._advance),
            ("pause", "pause", self.tr("Pause…"), self._pause),
            ("resume", "resume", self.tr("Resume"), self._resume),
            ("extend", "extend", self.tr("Extend…"), self._extend),
            ("acknowledge", "acknowledge", self.tr("Confirm receipt"), self._acknowledge),
            ("reject", "reject", self.tr("Reject…"), self._reject),
            ("withdraw", "withdraw", self.tr("Withdraw…"), self._withdraw),
            ("reopen", "reopen", self.tr("Reopen…"), self._reopen),
        ):
            button = QPushButton(style.icon(icon), text)
            button.clicked.connect(slot)
            self.buttons[key] = button
            if key == "reject":
                actions.addStretch(1)
            actions.addWidget(button)
        for key in ("resume", "acknowledge", "reopen"):
            self.buttons[key].hide()  # shown when the request on show allows them
        self.writable = self.app.can(Perm.WORK_REQUESTS)
        self.read_only = QLabel(self.tr("Read only. {0}").format(
            self.app.refusal(Perm.WORK_REQUESTS, self.tr("Changing a request"))))
        self.read_only.setObjectName("infoBanner")
        self.read_only.setWordWrap(True)
        self.read_only.setVisible(not self.writable)
        actions_row = QWidget()
        actions_row.setLayout(actions)
        actions.setContentsMargins(0, 0, 0, 0)
        actions_row.setVisible(self.writable)  # read-only: nothing here to press
        self.compact = CompactRow(actions_row, list(self.buttons.values()), keep=self.buttons["advance"])
        self.buttons["advance"].setProperty("primary", True)
        self.buttons["advance"].setIcon(style.icon("advance", "#ffffff"))
        for key in ("reject", "withdraw"):
            self.buttons[key].setProperty("danger", True)
            self.buttons[key].setProperty("dangerous", True)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(False)
        self._tabs: dict[str, RequestTab] = {}
        for spec in registry.tabs():
            tab = spec.factory(self)
            self._tabs[spec.key] = tab  # type: ignore[assignment]
            self.tabs.addTab(tab, spec.title())
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(header)
        layout.addWidget(actions_row)
        layout.addWidget(self.read_only)
        layout.addWidget(self.tabs, 1)
        return content

    # --- the host API the tabs use -----------------------------------------------------------

    @property
    def view(self) -> RequestView | None:
        return self._view

    def tab(self, key: str) -> RequestTab | None:
        return self._tabs.get(key)

    def run(self, fn: Callable[..., RequestView], *args: Any, **kwargs: Any) -> None:
        """Call ``fn(ctx, *args)`` in the writer thread; show the result or the refusal."""
        self._set_busy(+1)
        self.app.tasks.write(fn, self.app.ctx, *args, on_done=self._written, on_error=self._refused, owner=self,
                             **kwargs)

    def reload(self) -> None:
        if self._view is not None:
            self.show_reference(self._view.reference)

    # --- loading ---------------------------------------------------------------------------

    def show_reference(self, reference: str | None) -> None:
        """Load one request in the background (a later choice wins over an earlier one)."""
        self._generation += 1
        generation = self._generation
        if not reference:
            self._view = None
            self.stack.setCurrentIndex(0)
            for tab in self._tabs.values():
                tab.clear()
            return
        self.app.tasks.read(commands.get_request, self.app.ctx, reference,
                            on_done=lambda view: self._arrived(generation, view),
                            on_error=lambda exc: self._load_failed(generation, exc), owner=self)

    def _arrived(self, generation: int, view: RequestView) -> None:
        if generation == self._generation:
            self.show_view(view)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            show_error(self, exc)

    def show_view(self, view: RequestView) -> None:
        self._view = view
        self.stack.setCurrentIndex(1)
        self._redraw()
        for tab in self._tabs.values():
            tab.show_request(view)
        self.loaded.emit(view)

    def _written(self, view: RequestView) -> None:
        self._set_busy(-1)
        self._generation += 1  # a load started before the write must not show the old state
        self.show_view(view)
        self.app.events.request_changed.emit(view)

    def _refused(self, exc: BaseException) -> None:
        self._set_busy(-1)
        if isinstance(exc, ConflictError):
            if offer_reload(self, exc):
                self.reload()
            return
        show_error(self, exc)

    def _set_busy(self, delta: int) -> None:
        self._pending += delta
        busy = self._pending > 0
        for button in self.buttons.values():
            self._enable(button, not busy and button.property("allowed") is True)
        self.busy_changed.emit(busy)

    # --- drawing ---------------------------------------------------------------------------

    @Slot()
    def _redraw(self) -> None:
        view = self._view
        if view is None:
            return
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
        self._tick()
        self._update_buttons(view)

    @Slot()
    def _tick(self) -> None:
        if self._view is not None:
            cat = self.app.ctx.catalogue
            self.badge.show_deadline(self._view, self.app.ticker.now, cat.organisation.tz, cat.due_soon)

    def _update_buttons(self, view: RequestView) -> None:
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
        refusals = self._refusals(nxt)
        for key, button in self.buttons.items():
            button.setProperty("allowed", allowed[key] and not refusals[key])
            button.setVisible(allowed[key] or key in ("advance", "reject", "withdraw"))
            self._enable(button, allowed[key] and not refusals[key] and self._pending == 0)
            button.setToolTip(refusals[key])
        self.buttons["resume"].setVisible(paused and is_open)
        self.buttons["pause"].setVisible(not paused and is_open)
        self.compact.apply()

    @staticmethod
    def _enable(button: QPushButton, enabled: bool) -> None:
        """A disabled Reject or Withdraw must not stay red: the danger colour would say it can be pressed."""
        button.setEnabled(enabled)
        if button.property("dangerous") is True and button.property("danger") is not enabled:
            button.setProperty("danger", enabled)
            button.style().unpolish(button)
            button.style().polish(button)

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
        except Exception:  # noqa: BLE001 - a right or jurisdiction from an older catalogue
            return []
        return [r for r in rules if r.extension_amount > 0]

    # --- lifecycle actions -------------------------------------------------------------------

    def _advance(self) -> None:
        view = self._view
        if view is None:
            return
        if FORWARD.get(Status(view.status)) == Status.COMPLETED:  # closing it: say what happens first
            self._set_busy(+1)
            self.app.tasks.read(commands.sent_response, self.app.ctx, view.reference, owner=self,
                                on_done=lambda sent: self._confirm_completion(view, sent), on_error=self._refused)
            return
        self.run(commands.advance, view.reference, view.version)

    def _confirm_completion(self, view: RequestView, sent: datetime | None) -> None:
        self._set_busy(-1)
        when = sent.astimezone(self.app.zone).strftime("%Y-%m-%d %H:%M") if sent else None
        dialog = CompleteDialog(view.reference, view.subject_name, when, self)
        if dialog.exec():
            self.run(commands.advance, view.reference, view.version, dialog.reason)

    def _pause(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = ReasonDialog(self.tr("Pause {0}").format(view.reference),
                              self.tr("The clock stops while the console waits on the person (where the law lets "
                                      "it); the deadline moves by the time it stood still."),
                              self.tr("Waiting for"), self,
                              self.tr("e.g. a copy of a government-issued ID"))
        if dialog.exec():
            self.run(commands.pause, view.reference, dialog.reason)

    def _resume(self) -> None:
        if self._view is not None:
            self.run(commands.resume, self._view.reference)

    def _extend(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = ExtendDialog(view.reference, self._extendable(view),
                              self.app.ticker.now.astimezone(self.app.ctx.catalogue.organisation.tz).date(), self)
        if dialog.exec():
            e = dialog.values
            self.run(commands.extend, view.reference, e.amount, e.reason, e.notified_on, e.rule_id)

    def _acknowledge(self) -> None:
        if self._view is not None:
            self.run(commands.acknowledge, self._view.reference)

    def _reject(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = RejectDialog(view.reference, self)
        if dialog.exec():
            grounds, reason = dialog.values
            self.run(commands.reject, view.reference, grounds, reason)

    def _withdraw(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = ReasonDialog(self.tr("Withdraw {0}").format(view.reference),
                              self.tr("The person withdrew the request. The reason is kept with it."),
                              self.tr("Reason"), self)
        if dialog.exec():
            self.run(commands.withdraw, view.reference, dialog.reason)

    def _reopen(self) -> None:
        view = self._view
        if view is None:
            return
        dialog = ReasonDialog(self.tr("Reopen {0}").format(view.reference),
                              self.tr("The request goes back to In progress. Say why; it is recorded."),
                              self.tr("Reason"), self)
        if dialog.exec():
            self.run(commands.reopen, view.reference, dialog.reason)
