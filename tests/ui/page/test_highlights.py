"""Noted passages stay highlighted when the page is shown anew: a zoom, a theme, a font."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.userdata.anchors import make_anchor
from tests.ui.panes.test_notes_docks import activate

PAGE = "coercive-diplomacy"
PASSAGE = "the diplomacy of threats"


def painted_spans(view) -> list[tuple[int, int]]:
    """The passages the view paints (its extra selections), as text positions."""
    return sorted((s.cursor.selectionStart(), s.cursor.selectionEnd())
                  for s in view.extraSelections() if s.cursor.hasSelection())


def noted_window(qtbot, make_window):
    window = make_window(PAGE)
    text = window.page_view.toPlainText()
    start = text.index(PASSAGE)
    window.notes.add(PAGE, "Coercive Diplomacy", "Threats, not force.",
                     make_anchor(text, start, start + len(PASSAGE)))
    span = (start, start + len(PASSAGE))
    qtbot.waitUntil(lambda: painted_spans(window.page_view) == [span])  # the change notice
    activate(qtbot, window)
    return window, span


def test_highlights_stay_after_a_zoom(qtbot, make_window) -> None:
    window, span = noted_window(qtbot, make_window)
    size = window.page_view.font().pointSize()
    QTest.keyClick(window.page_view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert window.page_view.font().pointSize() == size + 1
    assert painted_spans(window.page_view) == [span]
    QTest.keyClick(window.page_view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert painted_spans(window.page_view) == [span]
    clicked = []
    window.page_view.highlight_clicked.connect(clicked.append)
    cursor = window.page_view.textCursor()
    cursor.setPosition(span[0] + 3)
    at = window.page_view.cursorRect(cursor).center()
    qtbot.mouseClick(window.page_view.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert clicked  # still a highlight the reader can click


def test_highlights_stay_after_a_theme_change_in_its_colour(qtbot, make_window) -> None:
    window, span = noted_window(qtbot, make_window)
    light = window.page_view.highlight_color.name()
    window.findChild(type(window.actions.actionZoomIn), "theme-dark").trigger()
    assert painted_spans(window.page_view) == [span]
    colours = {s.format.background().color().name() for s in window.page_view.extraSelections()}
    assert colours == {window.page_view.highlight_color.name()} != {light}
    window.findChild(type(window.actions.actionZoomIn), "font-serif").trigger()
    assert painted_spans(window.page_view) == [span]
    window.findChild(type(window.actions.actionZoomIn), "theme-light").trigger()
    assert painted_spans(window.page_view) == [span]


def test_another_page_starts_without_the_last_ones_highlights(qtbot, make_window) -> None:
    window, _ = noted_window(qtbot, make_window)
    window.open_page("about")
    assert painted_spans(window.page_view) == []
    window.actions.actionBack.trigger()
    assert len(painted_spans(window.page_view)) == 1
