"""Small screens, reading mode, full screen and the status bar (issue 16, items 6 and 7)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QStatusBar, QToolBar

from reader.ui.window.layout import FIRST_COLUMN, MIN_COLUMN, pane_widths
from reader.ui.window.main_window import MainWindow
from tests.ui.panes.test_notes_docks import activate


def shown_parts(window) -> dict[str, bool]:
    parts = window.findChildren(QDockWidget) + window.findChildren(QToolBar)
    return {part.objectName(): part.isVisible() for part in parts if part.parent() is window}


def test_the_panes_first_sizes_leave_the_page_room_on_a_small_screen(qtbot, content,
                                                                    data_dir) -> None:
    from reader.app import create_main_window

    window = create_main_window(content, data_dir, "coercive-diplomacy", defer_tools=True)
    qtbot.addWidget(window)
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    window.complete()
    qtbot.waitUntil(lambda: window.nav_dock.width() <= pane_widths(1024) + 10)
    assert window.tools.glossary_dock.width() <= pane_widths(1024) + 10
    assert window.page_view.width() >= FIRST_COLUMN
    assert window.page_view.width() > 1024 / 2  # the page, not the panes, has most of it
    assert window.page_view.minimumWidth() == MIN_COLUMN
    assert 180 <= pane_widths(1366) <= 300 and pane_widths(800) >= 150


def test_reading_mode_hides_every_pane_and_the_tool_bar_and_gives_them_back(
        qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    activate(qtbot, window)
    window.tools.notes_dock.raise_()
    window.tools.bookmarks_dock.hide()  # the reader's own layout, a pane hidden
    before = shown_parts(window)
    assert before["navDock"] and not before["bookmarksDock"] and before["mainToolBar"]
    QTest.keyClick(window.page_view, Qt.Key.Key_F9)
    assert window.actions.actionReadingMode.isChecked()
    assert not any(shown_parts(window).values())
    assert window.menuBar().isVisible() and window.page_view.isVisible()
    QTest.keyClick(window.page_view, Qt.Key.Key_F9)
    assert not window.actions.actionReadingMode.isChecked()
    qtbot.waitUntil(lambda: shown_parts(window) == before)
    assert not window.tools.notes_dock.visibleRegion().isEmpty()  # the same tab in front


def test_closing_in_reading_mode_keeps_the_panes_as_they_were(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    activate(qtbot, window)
    before = shown_parts(window)
    QTest.keyClick(window.page_view, Qt.Key.Key_F9)
    look = window.look()
    window.close()
    again = make_window()
    assert shown_parts(again) == before and not again.actions.actionReadingMode.isChecked()
    painted = MainWindow(look)  # the next start's first paint shows them too
    qtbot.addWidget(painted)
    painted.show()
    assert painted.nav_dock.isVisible()


def test_full_screen_and_back(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    activate(qtbot, window)
    QTest.keyClick(window.page_view, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.actions.actionFullScreen.isChecked()
    QTest.keyClick(window.page_view, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.actions.actionFullScreen.isChecked()


def test_the_status_bar_has_its_room_from_the_first_paint(qtbot, make_window) -> None:
    whole = make_window("coercive-diplomacy")
    painted = MainWindow(whole.look())  # what a start paints first, before anything loads
    qtbot.addWidget(painted)
    painted.show()
    qtbot.waitExposed(painted)
    assert painted.findChild(QStatusBar) is not None
    before = whole.nav_dock.geometry(), whole.page_view.geometry()
    whole.say("Note saved.")
    QApplication.processEvents()
    assert (whole.nav_dock.geometry(), whole.page_view.geometry()) == before  # no jump


def test_a_status_message_goes_when_the_page_changes(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    status = window.statusBar()
    window.page_view.highlighted.emit(QUrl("refusal-to-negotiate.md"))  # hovering the link
    assert "Not preserved" in status.currentMessage()
    window.router.term_requested.emit("backlash")
    window.page_view.anchorClicked.emit(QUrl("term:backlash"))  # the glossary is shown…
    window.open_page("about")  # …and another page: the message about the link is gone
    assert status.currentMessage() == ""
    window.page_view.highlighted.emit(QUrl("refusal-to-negotiate.md"))
    assert status.currentMessage()
    QApplication.sendEvent(window.page_view, leave_event())  # the pointer leaves the page
    assert status.currentMessage() == ""


def leave_event():
    from PySide6.QtCore import QEvent

    return QEvent(QEvent.Type.Leave)
