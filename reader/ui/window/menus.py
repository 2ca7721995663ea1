"""The menu bar and tool bar: which action goes where.

Built from the Actions and the few widgets they need, never from the window, so
that they can be read (and changed) without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, NamedTuple

from PySide6 import QtGui
from PySide6.QtWidgets import QLineEdit

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QMenu, QMenuBar, QToolBar

    from reader.ui.window.actions import Actions
    from reader.ui.window.appearance import Appearance

FONT_CHOICES = (("sans-serif", "&Sans-serif"), ("serif", "S&erif"))


class ViewMenu(NamedTuple):  # not a dataclass: the first paint would load dataclasses
    """The View menu, and the separator the panes' toggles go before; and the File menu,
    which Recent archives joins once the user's settings are read (archives.py)."""

    menu: QMenu
    panes_end: QAction
    file: QMenu


def build_menus(bar: QMenuBar, a: Actions, contents_toggle: QAction) -> ViewMenu:
    """Fill the menu bar; `contents_toggle` shows or hides the contents pane."""
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.actionOpenArchive, a.actionImportPages])  # Recent: archives.py
    file_menu.addSeparator()
    file_menu.addActions([a.actionPrintPreview, a.actionPrint, a.actionExportPdf,
                          a.actionExportSite])
    file_menu.addSeparator()
    file_menu.addActions([a.actionExportNotes, a.actionImportNotes, a.actionRestoreBackup])
    file_menu.addSeparator()
    file_menu.addAction(a.actionQuit)

    go_menu = bar.addMenu("&Go")
    go_menu.addActions([a.actionBack, a.actionForward, a.actionHome])
    go_menu.addSeparator()
    go_menu.addActions([a.actionNextPage, a.actionPreviousPage, a.actionPageTop,
                        a.actionPageEnd])
    go_menu.addSeparator()
    go_menu.addAction(a.actionMarkUnread)

    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([a.actionSearch, a.actionFind])

    notes_menu = bar.addMenu("&Notes")
    notes_menu.addActions([a.actionBookmark, a.actionAddNote])

    view_menu = bar.addMenu("&View")
    view_menu.addAction(contents_toggle)
    view = ViewMenu(view_menu, view_menu.addSeparator(), file_menu)
    view_menu.addActions([a.actionReadingMode, a.actionFullScreen])
    view_menu.addSeparator()
    view_menu.addActions([a.actionZoomIn, a.actionZoomOut, a.actionZoomReset])

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.actionPageInfo, a.actionVerifyArchive])
    help_menu.addSeparator()
    help_menu.addAction(a.actionShortcuts)
    help_menu.addActions([a.actionAboutSuccessor, a.actionAboutReader])
    return view


def build_tool_bar(toolbar: QToolBar, a: Actions) -> QLineEdit:
    """Fill the tool bar; the search box it ends with is returned."""
    toolbar.setObjectName("mainToolBar")
    toolbar.addActions([a.actionBack, a.actionForward, a.actionHome])
    toolbar.addSeparator()
    toolbar.addActions([a.actionBookmark, a.actionAddNote])
    toolbar.addSeparator()
    search_box = QLineEdit()
    search_box.setObjectName("searchBox")
    search_box.setAccessibleName("Search the course")
    search_box.setPlaceholderText("Search the course (Ctrl+K)")
    search_box.setClearButtonEnabled(True)
    search_box.setMaximumWidth(320)
    toolbar.addWidget(search_box)
    return search_box


def add_pane_toggles(view: ViewMenu,
                     panes: Iterable[tuple[QDockWidget, QAction | None]]) -> None:
    """View > each pane: its action from the table (with its key: Layout.pane_key), or the
    dock's own toggle when it has none."""
    for dock, action in panes:
        view.menu.insertAction(view.panes_end, action or dock.toggleViewAction())


def add_look_menus(view: ViewMenu, appearance: Appearance) -> None:
    """View > Reading font and Theme, which show the user's settings (so: once they are read)."""
    from reader.ui.themes import THEME_CHOICES

    _choices(view.menu.addMenu("Reading &font"), FONT_CHOICES, appearance.reading_font,
             appearance.set_reading_font, "font")
    _choices(view.menu.addMenu("&Theme"), THEME_CHOICES, appearance.theme,
             appearance.set_theme, "theme")


def _choices(menu: QMenu, choices: Iterable[tuple[str, str]], current: str,
             choose: Callable[[str], None], prefix: str) -> None:
    """A menu of exclusive, checkable choices, each named `<prefix>-<value>`."""
    group = QtGui.QActionGroup(menu)  # loaded after the first paint, with these menus
    for value, text in choices:
        action = menu.addAction(text)
        action.setObjectName(f"{prefix}-{value}")
        action.setCheckable(True)
        action.setChecked(value == current)
        action.triggered.connect(lambda _=False, v=value: choose(v))
        group.addAction(action)
