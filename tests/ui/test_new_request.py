"""Registering a request through the New request dialog, as a person would."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from console.requests import commands
from ui import words
from ui.dialogs.new_request import NewRequestDialog
from ui.queue.model import Col

from .helpers import add, row_texts


def _dialog(window) -> NewRequestDialog:  # type: ignore[no-untyped-def]
    window.new_action.trigger()
    dialog = window.findChild(NewRequestDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_the_dialog_validates_as_you_type_and_shows_the_deadline_before_saving(window, app_ctx, qtbot):
    earlier = add(app_ctx.ctx, "Existing Person", "inquiry", days_ago=1)  # due first: the selected row
    window.queue.refresh()
    window._open_current()
    assert window.workspace.view.reference == earlier.reference
    dialog = _dialog(window)
    dialog.right.setCurrentIndex(dialog.right.findData("access"))
    assert not dialog.save_button.isEnabled()
    assert "name is required" in dialog.problem.text()

    qtbot.keyClicks(dialog.name, "Zofia Zieli")
    dialog.name.insert("ńska")  # QTest types ASCII only
    qtbot.keyClicks(dialog.email, "zofia@")
    assert "not a valid email address" in dialog.problem.text()
    assert dialog.email.property("invalid") is True
    assert not dialog.save_button.isEnabled()

    qtbot.keyClicks(dialog.email, "example.org")
    assert dialog.problem.text() == ""
    assert dialog.save_button.isEnabled()
    cat = app_ctx.ctx.catalogue
    expected = commands.deadline_for(cat, "access", ("EU",), dialog.received_at())
    assert dialog.due_date.text() == words.due(expected.due_at, app_ctx.zone)
    assert expected.rule.label in dialog.due_rule.text()

    # A rectification needs the corrections: the field appears and the dialog says so.
    dialog.right.setCurrentIndex(dialog.right.findData("rectification"))
    assert "corrections" in dialog.problem.text()
    assert not dialog.save_button.isEnabled()
    dialog.right.setCurrentIndex(dialog.right.findData("access"))

    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    view = dialog.view
    assert view is not None and view.subject_name == "Zofia Zielińska"

    refs = row_texts(window, Col.REFERENCE)
    assert view.reference in refs
    row = refs.index(view.reference)
    model = window.queue.model
    assert model.index(row, Col.DUE).data() == words.due(expected.due_at, app_ctx.zone)
    assert model.index(row, Col.SUBJECT).data() == "Zofia Zielińska"
    assert window.workspace.view is not None and window.workspace.view.reference == view.reference
    assert window.queue.current_row().reference == view.reference  # selected in the queue too
    qtbot.wait(300)  # nothing swaps it for the row that was selected before
    assert window.workspace.view.reference == view.reference


def test_a_child_needs_a_guardian(window, qtbot):
    dialog = _dialog(window)
    qtbot.keyClicks(dialog.name, "Kai Berg")
    qtbot.keyClicks(dialog.email, "kai@example.org")
    assert dialog.save_button.isEnabled()
    dialog.child.setChecked(True)
    assert dialog.guardian_name.isVisible()
    assert "parent or guardian" in dialog.problem.text()
    assert not dialog.save_button.isEnabled()
    qtbot.keyClicks(dialog.guardian_name, "Nora Berg")
    qtbot.keyClicks(dialog.guardian_email, "nora@example.org")
    assert dialog.save_button.isEnabled()
    dialog.reject()
