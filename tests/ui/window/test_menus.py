"""The menus and the tool bar are built from the actions alone, with no window."""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QLineEdit, QMenuBar, QToolBar, QWidget

from reader.ui.window.actions import Actions
from reader.ui.window.menus import add_pane_toggles, build_menus, build_tool_bar


def test_menus_and_tool_bar_come_from_the_actions(qtbot) -> None:
    owner = QWidget()
    qtbot.addWidget(owner)
    actions = Actions(owner)
    contents, glossary = QDockWidget("Contents"), QDockWidget("Glossary")
    bar, toolbar = QMenuBar(), QToolBar()
    view = build_menus(bar, actions, contents.toggleViewAction())
    box = build_tool_bar(toolbar, actions)
    assert [a.text() for a in bar.actions()] == ["&File", "&Go", "&Edit", "&Notes", "&View",
                                                 "&Help"]
    assert isinstance(box, QLineEdit) and box.objectName() == "searchBox"
    assert actions.actionBookmark in toolbar.actions()

    add_pane_toggles(view, [(glossary, "Ctrl+Shift+G")])
    items = view.menu.actions()
    assert items.index(glossary.toggleViewAction()) == items.index(view.panes_end) - 1
    assert items.index(actions.actionZoomIn) > items.index(view.panes_end)
    assert glossary.toggleViewAction().shortcut().toString() == "Ctrl+Shift+G"
