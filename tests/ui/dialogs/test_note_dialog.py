"""The note dialog: Ctrl+Enter saves, and typed text is never thrown away without asking."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from reader.ui.dialogs.note_dialog import NoteDialog


@pytest.fixture
def dialog(qtbot) -> NoteDialog:
    shown = NoteDialog("Coercive Diplomacy", "the diplomacy of threats", "")
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_ctrl_enter_saves(qtbot, dialog: NoteDialog, key) -> None:
    qtbot.keyClicks(dialog.editor, "Ask the group first.")
    qtbot.keyClick(dialog.editor, key, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.isVisible()
    assert dialog.text() == "Ask the group first."


def test_escape_asks_before_typed_text_is_thrown_away(qtbot, dialog: NoteDialog,
                                                      monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(NoteDialog, "confirm_discard", lambda self: asked.append(1) or False)
    qtbot.keyClicks(dialog.editor, "half a thought")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible() and dialog.text() == "half a thought"
    dialog.close()  # the window's close button asks too
    assert len(asked) == 2 and dialog.isVisible()
    monkeypatch.setattr(NoteDialog, "confirm_discard", lambda self: True)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_escape_with_nothing_typed_closes_without_asking(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(NoteDialog, "confirm_discard", lambda self: pytest.fail("asked"))
    editing = NoteDialog("About", "", "an older note")
    qtbot.addWidget(editing)
    editing.show()
    qtbot.waitExposed(editing)
    qtbot.keyClick(editing.editor, Qt.Key.Key_Escape)  # unchanged: nothing to lose
    assert not editing.isVisible()


def test_the_question_keeps_writing_by_default(qtbot, dialog: NoteDialog) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    qtbot.keyClicks(dialog.editor, "keep me")
    seen = []

    def answer_with_enter() -> None:
        box = next(w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QMessageBox) and w.isVisible())
        seen.append(box.defaultButton().text())
        qtbot.keyClick(box, Qt.Key.Key_Return)  # the default: keep writing

    QTimer.singleShot(0, answer_with_enter)
    assert dialog.confirm_discard() is False
    assert seen == ["Keep writing"]
    dialog.editor.clear()  # so that closing it at the end asks nothing
