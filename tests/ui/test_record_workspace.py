"""The shared workspace frame (ui.framework.workspace): a later choice wins, a write makes it busy.

A small workspace declared the way the features declare theirs, over records kept in a dict and
read and written in the real read pool and writer thread; gates hold a load or a write back.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel, QWidget

from ui.context import AppContext
from ui.framework.tabs import RecordTab
from ui.framework.workspace import ActionSpec, RecordWorkspace, TabSpec
from ui.tasks import Tasks

WAIT = 60_000


@dataclass(frozen=True)
class Note:
    reference: str
    text: str
    version: int = 1


class Store:
    def __init__(self) -> None:
        self.notes = {"N-1": Note("N-1", "first"), "N-2": Note("N-2", "second")}
        self.gates: dict[str, threading.Event] = {}

    def load(self, _ctx: Any, reference: str) -> Note:
        gate = self.gates.get(reference)
        if gate is not None:
            gate.wait(30)
        return self.notes[reference]

    def touch(self, _ctx: Any, reference: str) -> Note:
        gate = self.gates.get("write")
        if gate is not None:
            gate.wait(30)
        note = self.notes[reference]
        self.notes[reference] = note = dataclasses.replace(note, text=note.text + "!", version=note.version + 1)
        return note


class TextTab(RecordTab):
    def __init__(self, host: Any) -> None:
        super().__init__(host)
        self.label = QLabel(self)

    def show_note(self, note: Note) -> None:
        self.label.setText(note.text)

    def clear(self) -> None:
        self.label.setText("")


def workspace_over(app: AppContext, store: Store) -> RecordWorkspace:
    class NoteWorkspace(RecordWorkspace):
        load_query = staticmethod(store.load)

        def placeholder_text(self) -> str:
            return "Pick a note"

        def make_badge(self) -> QWidget:
            return QLabel()

        def action_specs(self) -> list[ActionSpec]:
            return [ActionSpec("touch", "advance", "Touch", lambda note: self.run(store.touch, note.reference),
                               primary=True),
                    ActionSpec("drop", "reject", "Drop", lambda note: None, danger=True, gap_before=True)]

        def tab_specs(self) -> list[TabSpec]:
            return [TabSpec("text", "Text", TextTab(self))]

        def draw_header(self, note: Note) -> None:
            self.reference.setText(note.reference)
            self.subtitle.setText(note.text)

        def update_buttons(self, note: Note) -> None:
            self.allow({"touch": True, "drop": note.version > 1})

        def tick_badge(self, note: Note) -> None:
            self.badge.setText(f"v{note.version}")  # type: ignore[attr-defined]

        def show_in_tab(self, tab: QWidget, note: Note) -> None:
            tab.show_note(note)  # type: ignore[attr-defined]

    return NoteWorkspace(app)


@pytest.fixture
def threaded(app_ctx: AppContext) -> Iterator[AppContext]:
    """The application context with the real pools (loads and writes answer later, in other threads)."""
    tasks = Tasks()
    yield dataclasses.replace(app_ctx, tasks=tasks)
    tasks.shutdown()


def test_a_later_choice_wins_over_an_earlier_slow_load(threaded: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = Store()
    ws = workspace_over(threaded, store)
    qtbot.addWidget(ws)
    store.gates["N-1"] = slow = threading.Event()
    ws.show_reference("N-1")  # held back
    with qtbot.waitSignal(ws.loaded, timeout=WAIT):
        ws.show_reference("N-2")
    assert ws.view.reference == "N-2" and ws.reference.text() == "N-2" and ws.tab("text").label.text() == "second"
    loaded: list[Any] = []
    ws.loaded.connect(loaded.append)
    slow.set()
    qtbot.waitUntil(lambda: threaded.tasks.idle, timeout=WAIT)
    qtbot.wait(50)  # let a queued answer be delivered, if the guard failed to drop it
    assert not loaded and ws.view.reference == "N-2" and ws.subtitle.text() == "second"


def test_a_write_disables_every_action_until_it_answers(threaded: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    store = Store()
    ws = workspace_over(threaded, store)
    qtbot.addWidget(ws)
    assert ws.stack.currentWidget() is ws.placeholder
    with qtbot.waitSignal(ws.loaded, timeout=WAIT):
        ws.show_reference("N-1")
    touch, drop = ws.buttons["touch"], ws.buttons["drop"]
    assert touch.isEnabled() and not drop.isEnabled()  # what the record allows
    store.gates["write"] = gate = threading.Event()
    with qtbot.waitSignal(ws.busy_changed, timeout=WAIT) as busy:
        touch.click()
    assert busy.args == [True] and not touch.isEnabled()
    with qtbot.waitSignal(ws.changed, timeout=WAIT) as changed:
        gate.set()
    assert changed.args[0].version == 2 and ws.subtitle.text() == "first!" and ws.badge.text() == "v2"
    assert touch.isEnabled() and drop.isEnabled()  # the new record allows Drop
    ws.show_reference(None)
    assert ws.view is None and ws.stack.currentWidget() is ws.placeholder and ws.tab("text").label.text() == ""
