"""A bookmark opens with one click, and a title the row cuts is whole in its tooltip
(issue 16, item 8)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView

LONG = ("Unofficial Communication, Citizen Diplomacy, and Multi-track Diplomacy, "
        "with a title longer than any pane is wide")


def test_one_click_opens_a_bookmark_once(qtbot, make_window) -> None:
    window = make_window("about")
    window.store.bookmarks.add("unofficial-communication", LONG)
    view = window.findChild(QListView, "bookmarksList")
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    window.tools.bookmarks_dock.raise_()
    opened = []
    window.tools.bookmarks_dock.page_requested.connect(opened.append)
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.current_slug == "unofficial-communication"
    assert opened == ["unofficial-communication"]
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert len(opened) <= 2  # a double click is one more opening at most, not three


def test_a_long_title_is_whole_in_the_tooltip(qtbot, make_window) -> None:
    window = make_window("about")
    window.store.bookmarks.add("unofficial-communication", LONG, "for Tuesday")
    view = window.findChild(QListView, "bookmarksList")
    qtbot.waitUntil(lambda: view.model().rowCount() == 1)
    tip = view.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert LONG in tip and "for Tuesday" in tip
    assert view.textElideMode() == Qt.TextElideMode.ElideRight
