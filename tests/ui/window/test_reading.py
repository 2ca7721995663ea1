"""Reading comfort: history, resuming, progress, zoom, font and themes, across restarts."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QContextMenuEvent, QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QTreeWidget

from reader.ui.page.page_view import MAX_TEXT_WIDTH, MIN_MARGIN
from reader.ui.window.main_window import MainWindow
from tests.ui.window.test_window import click_item, tree_item


def test_back_and_forward_across_links_and_the_tree(qtbot, make_window) -> None:
    window = make_window("about")
    back, forward = window.actions.actionBack, window.actions.actionForward
    assert back.shortcut().toString() == "Alt+Left"
    assert forward.shortcut().toString() == "Alt+Right"
    tree, item = tree_item(window, "coercive-diplomacy")
    click_item(qtbot, tree, item)
    window.page_view.anchorClicked.emit(QUrl("refusal-to-negotiate.md"))
    back.trigger()
    assert window.current_slug == "coercive-diplomacy"
    back.trigger()
    assert window.current_slug == "about" and not back.isEnabled()
    forward.trigger()
    forward.trigger()
    assert window.current_slug == "refusal-to-negotiate" and not forward.isEnabled()
    window.actions.actionHome.trigger()
    assert window.current_slug == "about" and back.isEnabled()


def back_button(at: QPointF) -> QMouseEvent:
    return QMouseEvent(QMouseEvent.Type.MouseButtonPress, at, at, Qt.MouseButton.BackButton,
                       Qt.MouseButton.BackButton, Qt.KeyboardModifier.NoModifier)


def test_the_mouse_back_button_goes_back(make_window) -> None:
    window = make_window("about")
    window.open_page("coercive-diplomacy")
    QApplication.sendEvent(window.page_view.viewport(), back_button(QPointF(10, 10)))
    assert window.current_slug == "about"


def test_going_back_returns_to_the_same_place_in_the_page(make_window) -> None:
    window = make_window("unofficial-communication")
    bar = window.page_view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    window.page_view.anchorClicked.emit(QUrl("dialogue-projects.md"))
    window.actions.actionBack.trigger()
    assert bar.value() == place


def test_the_reader_resumes_at_the_page_and_scroll_position(make_window) -> None:
    window = make_window("unofficial-communication")
    bar = window.page_view.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    place = bar.value()
    assert place > 0
    window.close()
    again = make_window()
    assert again.current_slug == "unofficial-communication"
    QApplication.processEvents()
    assert again.page_view.verticalScrollBar().value() == place


def section_count(window, title: str) -> str:
    tree = window.findChild(QTreeWidget, "navTree")
    for i in range(tree.topLevelItemCount()):
        if tree.topLevelItem(i).text(0) == title:
            return tree.topLevelItem(i).text(1)
    raise AssertionError(title)


def test_progress_is_counted_per_section_and_can_be_undone(make_window) -> None:
    window = make_window("about")
    assert section_count(window, "Approaches") == "0 of 2"
    window.open_page("coercive-diplomacy")
    window.open_page("refusal-to-negotiate")  # not preserved: not counted
    assert section_count(window, "Approaches") == "1 of 2"
    assert section_count(window, "Problems") == ""
    _, item = tree_item(window, "coercive-diplomacy")
    assert item.text(1) == "✓"
    window.close()
    again = make_window("about")
    assert section_count(again, "Approaches") == "1 of 2"
    again.nav_tree.mark_unread_requested.emit("coercive-diplomacy")
    assert section_count(again, "Approaches") == "0 of 2"


def test_zoom_font_and_theme_are_remembered(make_window) -> None:
    window = make_window("coercive-diplomacy")
    size = window.page_view.font().pointSize()
    assert window.actions.actionZoomReset.shortcut().toString() == "Ctrl+0"
    window.actions.actionZoomIn.trigger()
    window.actions.actionZoomIn.trigger()
    assert window.page_view.font().pointSize() == size + 2
    window.findChild(type(window.actions.actionZoomIn), "font-serif").trigger()
    window.findChild(type(window.actions.actionZoomIn), "theme-dark").trigger()
    dark_base = QApplication.palette().base().color().lightness()
    assert dark_base < 80
    window.close()
    again = make_window("coercive-diplomacy")
    assert again.page_view.font().pointSize() == size + 2
    assert again.appearance.reading_font == "serif" and again.appearance.theme == "dark"
    page = again.page_view.viewport().grab().toImage()
    assert page.pixelColor(2, 2).name() == "#1e1f22"  # the dark theme's page
    again.actions.actionZoomReset.trigger()
    assert again.page_view.font().pointSize() == size
    again.findChild(type(again.actions.actionZoomIn), "theme-light").trigger()


def test_every_main_widget_has_an_accessible_name(make_window) -> None:
    window = make_window()
    for widget in (window.page_view, window.nav_tree, window.tools.glossary_dock.filter,
                   window.tools.glossary_dock.list, window.tools.notes_dock.view,
                   window.tools.bookmarks_dock.view):
        assert widget.accessibleName()


def test_lines_keep_a_readable_length_in_a_column_in_the_middle(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    view = window.page_view
    for width, wide in ((1900, True), (900, False)):
        window.resize(width, 780)
        qtbot.waitUntil(lambda: view.document().textWidth() == view.viewport().width())
        column = view.viewport().geometry()
        bar = view.verticalScrollBar().width() if view.verticalScrollBar().isVisible() else 0
        left = column.left() - view.contentsRect().left()
        right = view.contentsRect().right() - column.right() - bar  # the scroll bar's side
        assert left == right  # the column, in the middle of what the scroll bar leaves
        if wide:  # the page's own background on either side
            assert MAX_TEXT_WIDTH - bar - 1 <= column.width() <= MAX_TEXT_WIDTH - bar
            assert left > MIN_MARGIN
        else:
            assert left == MIN_MARGIN
    # over the margins, outside the viewport, the page answers as over its text
    margin = QPointF(view.contentsRect().left() + 5, 300)
    wheel = QWheelEvent(margin, view.mapToGlobal(margin), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view, wheel)
    assert view.verticalScrollBar().value() > 0
    left, on = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for kind, at, buttons in ((QMouseEvent.Type.MouseButtonPress, margin, left),
                              (QMouseEvent.Type.MouseMove, margin + QPointF(300, 40), left),
                              (QMouseEvent.Type.MouseButtonRelease, margin + QPointF(300, 40),
                               Qt.MouseButton.NoButton)):
        QApplication.sendEvent(view, QMouseEvent(kind, at, view.mapToGlobal(at), left, buttons,
                                                 on))
    assert view.textCursor().hasSelection()  # a drag from the margin selects text
    menus = []
    view.open_menu = lambda where, at=None: menus.append(where)
    QApplication.sendEvent(view, QContextMenuEvent(QContextMenuEvent.Reason.Mouse,
                                                   margin.toPoint(),
                                                   view.mapToGlobal(margin.toPoint())))
    assert len(menus) == 1  # the page's menu, not the window's
    window.open_page("about")
    QApplication.sendEvent(view, back_button(margin))
    assert window.current_slug == "coercive-diplomacy"
    # the window as a start from its kept look paints it, laid out in the column at once
    painted = MainWindow(window.look())
    qtbot.addWidget(painted)
    painted.resize(1900, 780)
    painted.show()
    qtbot.waitExposed(painted)
    assert painted.page_view.document().textWidth() == painted.page_view.viewport().width()
    assert painted.page_view.viewport().width() <= MAX_TEXT_WIDTH
