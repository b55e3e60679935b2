"""The one frame every record workspace uses: header, action buttons, tabs, background load and write.

A feature declares what it shows (:meth:`RecordWorkspace.draw_header`, the chips beside the
reference, the deadline badge), its actions (:class:`ActionSpec`: key, icon, text, what it does)
and its tabs; the frame builds the header and the button row, loads a record in the read pool
(a later choice wins over an earlier one), runs every action's service in the writer thread,
shows the new record in every tab, and turns a refusal into its message (a stale version offers
to reload). While a write runs every button is disabled (``busy_changed``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

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
from ui import style
from ui.context import AppContext
from ui.errors import offer_reload, show_error
from ui.framework.tabs import RecordTab
from ui.widgets.compact import CompactRow


@dataclass(frozen=True)
class ActionSpec:
    """One button of the action row; ``run`` gets the record on show (never called without one)."""

    key: str
    icon: str
    text: str
    run: Callable[[Any], None]
    primary: bool = False  # the main step: filled, white icon, kept with its text on a small screen
    danger: bool = False  # red while it can be pressed
    gap_before: bool = False  # a stretch before it: the destructive end of the row
    hidden: bool = False  # until the record on show allows it


@dataclass(frozen=True)
class TabSpec:
    key: str
    title: str
    widget: QWidget


class RecordWorkspace(QWidget):
    """Header with the live deadline, the action row, the tabs; declarations come from the feature."""

    loaded = Signal(object)  # the record now on show
    changed = Signal(object)  # a record just written by a service
    busy_changed = Signal(bool)

    load_query: ClassVar[Callable[..., Any]]  # fn(ctx, reference) -> the record, run in the read pool

    def __init__(self, app: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.app = app
        self._view: Any = None
        self._generation = 0
        self._pending = 0
        self.stack = QStackedWidget()
        self.placeholder = QLabel(self.placeholder_text())
        self.placeholder.setObjectName("placeholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self._build_content())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addWidget(self.stack)
        app.ticker.tick.connect(self._tick)
        app.events.zone_changed.connect(self.zone_changed)

    # --- declarations ----------------------------------------------------------------------

    def placeholder_text(self) -> str:
        raise NotImplementedError

    def make_badge(self) -> QWidget:
        """The live deadline at the header's right."""
        raise NotImplementedError

    def chips(self) -> list[QWidget]:
        """What stands beside the reference (the status chip by default)."""
        return [self.status_chip]

    def action_specs(self) -> list[ActionSpec]:
        raise NotImplementedError

    def tab_specs(self) -> list[TabSpec]:
        raise NotImplementedError

    def notes(self) -> tuple[list[QWidget], list[QWidget]]:
        """Lines shown above and below the action row."""
        return [], []

    def draw_header(self, view: Any) -> None:
        """Reference, chips, subtitle and due line for ``view`` (then the badge and buttons follow)."""
        raise NotImplementedError

    def update_buttons(self, view: Any) -> None:
        """Which actions ``view`` allows (see :meth:`allow`)."""
        raise NotImplementedError

    def tick_badge(self, view: Any) -> None:
        raise NotImplementedError

    def show_in_tab(self, tab: QWidget, view: Any) -> None:
        raise NotImplementedError

    def clear_tab(self, tab: QWidget) -> None:
        """Nothing selected: what a tab shows of no record."""
        if isinstance(tab, RecordTab):
            tab.clear()

    def written(self, result: Any) -> Any:
        """The record in what a service returned (most return the record itself)."""
        return result

    def announce(self, view: Any) -> None:
        """Tell the rest of the window about a record written here."""
        self.changed.emit(view)

    # --- building --------------------------------------------------------------------------

    def _build_content(self) -> QWidget:
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
        self.badge = self.make_badge()
        title = QHBoxLayout()
        title.addWidget(self.reference)
        for chip in self.chips():
            title.addWidget(chip)
        title.addStretch(1)
        left = QVBoxLayout()
        left.addLayout(title)
        left.addWidget(self.subtitle)
        left.addWidget(self.due_line)
        top = QHBoxLayout(header)
        top.setContentsMargins(12, 8, 12, 8)
        top.addLayout(left, 1)
        top.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignVCenter)
        self.actions_row = self._build_actions()
        self.tabs = QTabWidget()
        self._tabs: dict[str, QWidget] = {}
        for spec in self.tab_specs():
            self._tabs[spec.key] = spec.widget
            self.tabs.addTab(spec.widget, spec.title)
        above, below = self.notes()
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for widget in [header, *above, self.actions_row, *below]:
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        return content

    def _build_actions(self) -> QWidget:
        self.buttons: dict[str, QPushButton] = {}
        row = QWidget()
        actions = QHBoxLayout(row)
        actions.setContentsMargins(0, 0, 0, 0)
        actions.setSpacing(6)
        keep = None
        for spec in self.action_specs():
            button = QPushButton(style.icon(spec.icon, "#ffffff") if spec.primary else style.icon(spec.icon), spec.text)
            button.clicked.connect(lambda _checked=False, spec=spec: self._trigger(spec))
            self.buttons[spec.key] = button
            if spec.gap_before:
                actions.addStretch(1)
            actions.addWidget(button)
            if spec.primary:
                button.setProperty("primary", True)
                keep = keep or button
            if spec.danger:
                button.setProperty("danger", True)
                button.setProperty("dangerous", True)
            if spec.hidden:
                button.hide()
        self.compact = CompactRow(row, list(self.buttons.values()), keep=keep)
        return row

    # --- the host API the tabs use -----------------------------------------------------------

    @property
    def view(self) -> Any:
        return self._view

    def tab(self, key: str) -> Any:
        return self._tabs.get(key)

    def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Call ``fn(ctx, *args)`` in the writer thread; show the result or the refusal."""
        self.set_busy(+1)
        self.app.tasks.write(fn, self.app.ctx, *args, on_done=self._written, on_error=self.refused, owner=self,
                             **kwargs)

    def reload(self) -> None:
        if self._view is not None:
            self.show_reference(self._view.reference)

    # --- loading ---------------------------------------------------------------------------

    def show_reference(self, reference: str | None) -> None:
        """Load one record in the background (a later choice wins over an earlier one)."""
        self._generation += 1
        generation = self._generation
        if not reference:
            self._view = None
            self.stack.setCurrentIndex(0)
            for tab in self._tabs.values():
                self.clear_tab(tab)
            return
        self.app.tasks.read(type(self).load_query, self.app.ctx, reference,
                            on_done=lambda view: self._arrived(generation, view),
                            on_error=lambda exc: self._load_failed(generation, exc), owner=self)

    def _arrived(self, generation: int, view: Any) -> None:
        if generation == self._generation:
            self.show_view(view)

    def _load_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            show_error(self, exc)

    def show_view(self, view: Any) -> None:
        self._view = view
        self.stack.setCurrentIndex(1)
        self.redraw()
        for tab in self._tabs.values():
            self.show_in_tab(tab, view)
        self.loaded.emit(view)

    def _written(self, result: Any) -> None:
        self.set_busy(-1)
        view = self.written(result)
        self._generation += 1  # a load started before the write must not show the old state
        self.show_view(view)
        self.announce(view)

    def refused(self, exc: BaseException) -> None:
        self.set_busy(-1)
        if isinstance(exc, ConflictError):
            if offer_reload(self, exc):
                self.reload()
            return
        show_error(self, exc)

    def set_busy(self, delta: int) -> None:
        self._pending += delta
        busy = self._pending > 0
        for button in self.buttons.values():
            self._enable(button, not busy and button.property("allowed") is True)
        self.busy_changed.emit(busy)

    # --- drawing ---------------------------------------------------------------------------

    @Slot()
    def zone_changed(self) -> None:
        """Another display zone: draw the header again."""
        self.redraw()

    @Slot()
    def redraw(self) -> None:
        view = self._view
        if view is None:
            return
        self.draw_header(view)
        self._tick()
        self.update_buttons(view)
        self.compact.apply()

    @Slot()
    def _tick(self) -> None:
        if self._view is not None:
            self.tick_badge(self._view)

    def allow(self, allowed: dict[str, bool], refusals: dict[str, str] | None = None) -> None:
        """Enable what ``view`` allows and the role may do; ``refusals`` (role's reason, or "") become tooltips."""
        for key, button in self.buttons.items():
            ok = allowed[key] and not (refusals or {}).get(key)
            button.setProperty("allowed", ok)
            self._enable(button, ok and self._pending == 0)
            if refusals is not None:
                button.setToolTip(refusals[key])

    @staticmethod
    def _enable(button: QPushButton, enabled: bool) -> None:
        """A disabled dangerous button must not stay red: the danger colour would say it can be pressed."""
        button.setEnabled(enabled)
        if button.property("dangerous") is True and button.property("danger") is not enabled:
            button.setProperty("danger", enabled)
            button.style().unpolish(button)
            button.style().polish(button)

    def _trigger(self, spec: ActionSpec) -> None:
        if self._view is not None:
            spec.run(self._view)
