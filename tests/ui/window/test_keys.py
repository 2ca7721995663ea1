"""Every key of the window, pressed as a reader presses it (QTest key clicks on the window),
and the keyboard's ways through the contents and the panes (issue 16, item 5)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QInputDialog,
    QMessageBox,
)

from reader.ui.dialogs.note_dialog import NoteDialog
from reader.ui.window.commands import Commands
from tests.ui.panes.test_notes_docks import activate
from tests.ui.window.test_window import tree_item

Ctrl = Qt.KeyboardModifier.ControlModifier


def press(widget, sequence: QKeySequence) -> None:
    combination = sequence[0]
    QTest.keyClick(widget, combination.key(), combination.keyboardModifiers())


def keyed_actions(window) -> list[QAction]:
    return [a for a in window.findChildren(QAction) if a.shortcuts()]


def where_it_works(window, action: QAction):
    """The widget a key is pressed in: the page for the window's keys, else the pane's list
    whose keys they are (F2, Delete), shown and in front."""
    owner = action.parent()
    if owner is window:
        return window.page_view
    dock = owner
    while not isinstance(dock, QDockWidget):
        dock = dock.parentWidget()
    dock.show()
    dock.raise_()
    QApplication.processEvents()
    return owner


@pytest.fixture
def quiet_dialogs(monkeypatch):
    """The keys that open a modal dialog open none (the dialogs have tests of their own)."""
    monkeypatch.setattr(NoteDialog, "exec", lambda dialog: 0)
    monkeypatch.setattr(Commands, "_handout", lambda self, dialog: None)
    monkeypatch.setattr(Commands, "page_info", lambda self: None)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: "")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("", False))
    for ask in ("question", "warning", "information"):
        monkeypatch.setattr(QMessageBox, ask, lambda *a, **k: QMessageBox.StandardButton.No)


def test_every_key_of_every_action_triggers_it(qtbot, make_window, quiet_dialogs) -> None:
    window = make_window("about")
    activate(qtbot, window)
    tried = 0
    for action in keyed_actions(window):
        if action is window.actions.actionQuit:
            continue  # it closes every window: test_quit_closes_every_window
        for sequence in action.shortcuts():
            if sequence[0].key() in (Qt.Key.Key_Back, Qt.Key.Key_Forward):
                continue  # a mouse's or keyboard's own button, which QTest cannot press alone
            window.open_page("coercive-diplomacy")  # a page with both ways through the
            window.open_page("unofficial-communication")  # history open, and a page
            window.actions.actionBack.trigger()  # before and after it in course order
            fired = []
            action.triggered.connect(lambda *_, fired=fired: fired.append(1))
            target = where_it_works(window, action)
            target.setFocus()
            press(target, sequence)
            assert fired, f"{action.objectName()}: {sequence.toString()}"
            tried += 1
            QApplication.processEvents()
            for widget in QApplication.topLevelWidgets():  # a dialog a key opened
                if widget is not window and widget.isVisible() and widget.isWindow():
                    widget.close()
            activate(qtbot, window)
    assert tried >= 30


def test_no_two_actions_share_a_key(make_window) -> None:
    window = make_window()
    owners: dict[str, str] = {}
    for action in keyed_actions(window):
        if action.shortcutContext() != Qt.ShortcutContext.ApplicationShortcut and \
                action.parent() is not window:
            continue  # a pane's own keys (F2, Delete) work only where that pane has the focus
        for sequence in action.shortcuts():
            key = sequence.toString()
            assert key not in owners, f"{key}: {owners.get(key)} and {action.objectName()}"
            owners[key] = action.objectName()


def test_ctrl_equals_zooms_in_as_ctrl_shift_equals_and_keypad_plus_do(qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    activate(qtbot, window)
    size = window.page_view.font().pointSize()
    QTest.keyClick(window.page_view, Qt.Key.Key_Equal, Ctrl)
    QTest.keyClick(window.page_view, Qt.Key.Key_Plus, Ctrl | Qt.KeyboardModifier.KeypadModifier)
    QTest.keyClick(window.page_view, Qt.Key.Key_Plus, Ctrl)
    assert window.page_view.font().pointSize() == size + 3
    QTest.keyClick(window.page_view, Qt.Key.Key_Minus, Ctrl)
    assert window.page_view.font().pointSize() == size + 2
    QTest.keyClick(window.page_view, Qt.Key.Key_0, Ctrl)


def test_ctrl_home_and_ctrl_end_go_to_the_top_and_the_end_of_the_page(qtbot, make_window) -> None:
    window = make_window("unofficial-communication")
    activate(qtbot, window)
    bar = window.page_view.verticalScrollBar()
    assert bar.maximum() > 0
    QTest.keyClick(window.page_view, Qt.Key.Key_End, Ctrl)
    assert bar.value() == bar.maximum()
    QTest.keyClick(window.page_view, Qt.Key.Key_Home, Ctrl)
    assert bar.value() == 0
    tree = window.nav_tree  # in the contents, the same keys stay the tree's own
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_End, Ctrl)
    assert bar.value() == 0


def test_the_arrow_keys_in_the_contents_show_each_page_and_keep_the_focus(
        qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    activate(qtbot, window)
    tree, item = tree_item(window, "coercive-diplomacy")
    tree.setFocus()
    tree.setCurrentItem(item)
    shown = []
    window.page_shown.connect(shown.append)
    below = tree.itemBelow(item)
    QTest.keyClick(tree, Qt.Key.Key_Down)
    assert window.current_slug == below.data(0, Qt.ItemDataRole.UserRole) and shown
    assert tree.hasFocus()
    # moving onto a section's row shows no page
    while tree.currentItem().parent() is not None:
        QTest.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentItem().data(0, Qt.ItemDataRole.UserRole) is None
    slug = window.current_slug
    assert shown[-1] == slug
    QTest.keyClick(tree, Qt.Key.Key_Up)
    assert window.current_slug == tree.currentItem().data(0, Qt.ItemDataRole.UserRole)
    assert tree.hasFocus()


def test_a_pane_key_brings_a_pane_behind_a_tab_forward_and_hides_it_in_front(
        qtbot, make_window) -> None:
    window = make_window("coercive-diplomacy")
    activate(qtbot, window)
    t = window.tools

    def in_front(dock) -> bool:
        return dock.isVisible() and not dock.visibleRegion().isEmpty()

    t.notes_dock.raise_()  # the glossary is behind the notes' tab
    qtbot.waitUntil(lambda: in_front(t.notes_dock) and not in_front(t.glossary_dock))
    keys = {"G": t.glossary_dock, "N": t.notes_dock, "B": t.bookmarks_dock}
    shift = Ctrl | Qt.KeyboardModifier.ShiftModifier
    QTest.keyClick(window.page_view, Qt.Key.Key_G, shift)
    qtbot.waitUntil(lambda: in_front(t.glossary_dock))
    assert not in_front(t.notes_dock) and window.actions.actionGlossaryPane.isChecked()
    QTest.keyClick(window.page_view, Qt.Key.Key_G, shift)  # in front: hidden
    assert t.glossary_dock.isHidden() and not window.actions.actionGlossaryPane.isChecked()
    QTest.keyClick(window.page_view, Qt.Key.Key_G, shift)  # hidden: back, in front
    qtbot.waitUntil(lambda: in_front(t.glossary_dock))
    for letter, dock in keys.items():
        key = getattr(Qt.Key, f"Key_{letter}")
        QTest.keyClick(window.page_view, key, shift)
        if not dock.isHidden():  # it was behind a tab, or hidden: now in front
            qtbot.waitUntil(lambda dock=dock: in_front(dock))
            QTest.keyClick(window.page_view, key, shift)
        assert dock.isHidden(), letter
        QTest.keyClick(window.page_view, key, shift)
        qtbot.waitUntil(lambda dock=dock: in_front(dock))


def test_quit_closes_every_window(qtbot, make_window) -> None:
    window = make_window("about")
    other = window.windows.new_window("coercive-diplomacy")
    activate(qtbot, window)
    for sequence in window.actions.actionQuit.shortcuts() or [QKeySequence("Ctrl+Q")]:
        if window.actions.actionQuit.shortcuts():
            press(window.page_view, sequence)
        else:  # the platform gives Quit no key (the offscreen one): the menu's item
            window.actions.actionQuit.trigger()
        break
    qtbot.waitUntil(lambda: not window.isVisible() and not other.isVisible())


def test_next_and_previous_page_go_in_course_order_across_sections(qtbot, make_window) -> None:
    from reader.archive.course_order import neighbours

    window = make_window("about")
    activate(qtbot, window)
    a = window.actions
    assert not a.actionPreviousPage.isEnabled() and a.actionNextPage.isEnabled()
    section = window.archive.section_of
    visited = ["about"]
    while a.actionNextPage.isEnabled():
        QTest.keyClick(window.page_view, Qt.Key.Key_PageDown, Ctrl)
        assert window.current_slug == neighbours(window.archive, visited[-1])[1]
        visited.append(window.current_slug)
    assert len({section(slug).title for slug in visited}) >= 2  # across sections
    assert all(window.archive.page(slug) for slug in visited)  # preserved pages only
    for slug in reversed(visited[:-1]):
        QTest.keyClick(window.page_view, Qt.Key.Key_PageUp, Ctrl)
        assert window.current_slug == slug
    assert not a.actionPreviousPage.isEnabled()
    assert window.windowTitle().startswith("About this archive — ")
