"""Find in page: Ctrl+F, next and previous with a count, Escape to close."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QToolButton, QWidget


def test_find_counts_and_moves_through_matches(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    assert window.actions.actionFind.shortcut().toString() == "Ctrl+F"
    window.actions.actionFind.trigger()
    bar = window.findChild(QWidget, "findBar")
    assert bar.isVisible()
    box = window.findChild(QLineEdit, "findBox")
    qtbot.keyClicks(box, "threat")
    count = window.findChild(QLabel, "findCount")
    total = window.page_view.toPlainText().lower().count("threat")
    assert count.text() == f"1 of {total}"
    assert window.page_view.textCursor().selectedText().lower() == "threat"
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert count.text() == f"2 of {total}"
    qtbot.mouseClick(window.findChild(QToolButton, "findPrevious"), Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.findChild(QToolButton, "findPrevious"), Qt.MouseButton.LeftButton)
    assert count.text() == f"{total} of {total}"  # wraps around
    box.setText("no such words anywhere")
    assert count.text() == "No matches"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not bar.isVisible()
