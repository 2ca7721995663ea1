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

    actions.finish()
    add_pane_toggles(view, [(glossary, actions.actionGlossaryPane), (contents, None)])
    items = view.menu.actions()
    assert items.index(actions.actionGlossaryPane) == items.index(view.panes_end) - 2
    assert items.index(contents.toggleViewAction()) < items.index(view.panes_end)
    assert items.index(actions.actionZoomIn) > items.index(view.panes_end)
    assert actions.actionGlossaryPane.shortcut().toString() == "Ctrl+Shift+G"
