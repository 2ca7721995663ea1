"""The menu bar and tool bar: which action goes where."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6 import QtGui

if TYPE_CHECKING:
    from reader.ui.window.appearance import Appearance
    from reader.ui.window.main_window import MainWindow

FONT_CHOICES = (("sans-serif", "&Sans-serif"), ("serif", "S&erif"))


def build_menus(window: MainWindow) -> None:
    a = window.actions
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.actionPrint, a.actionExportPdf, a.actionExportSite])
    file_menu.addSeparator()
    file_menu.addActions([a.actionExportNotes, a.actionImportNotes, a.actionRestoreBackup])
    file_menu.addSeparator()
    file_menu.addAction(a.actionQuit)

    go_menu = bar.addMenu("&Go")
    go_menu.addActions([a.actionBack, a.actionForward, a.actionHome])
    go_menu.addSeparator()
    go_menu.addAction(a.actionMarkUnread)

    edit_menu = bar.addMenu("&Edit")
    edit_menu.addActions([a.actionSearch, a.actionFind])

    notes_menu = bar.addMenu("&Notes")
    notes_menu.addActions([a.actionBookmark, a.actionAddNote])

    view_menu = bar.addMenu("&View")
    view_menu.addAction(window.nav_dock.toggleViewAction())
    window.view_menu = view_menu  # the other panes' toggles go before view_menu_end
    window.view_menu_end = view_menu.addSeparator()
    view_menu.addActions([a.actionZoomIn, a.actionZoomOut, a.actionZoomReset])

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.actionPageInfo, a.actionVerifyArchive])
    help_menu.addSeparator()
    help_menu.addActions([a.actionAboutSuccessor, a.actionAboutReader])

    toolbar = window.addToolBar("Reading")
    toolbar.setObjectName("mainToolBar")
    toolbar.addActions([a.actionBack, a.actionForward, a.actionHome])
    toolbar.addSeparator()
    toolbar.addActions([a.actionBookmark, a.actionAddNote])
    toolbar.addSeparator()
    toolbar.addWidget(window.search_box)


def add_look_menus(window: MainWindow, appearance: Appearance) -> None:
    """View > Reading font and Theme, which show the user's settings (so: once they are read)."""
    from reader.ui.themes import THEME_CHOICES

    _choices(window.view_menu.addMenu("Reading &font"), FONT_CHOICES, appearance.reading_font,
             appearance.set_reading_font, "font")
    _choices(window.view_menu.addMenu("&Theme"), THEME_CHOICES, appearance.theme,
             appearance.set_theme, "theme")


def _choices(menu, choices, current: str, choose, prefix: str) -> None:
    """A menu of exclusive, checkable choices, each named `<prefix>-<value>`."""
    group = QtGui.QActionGroup(menu)  # loaded after the first paint, with these menus
    for value, text in choices:
        action = menu.addAction(text)
        action.setObjectName(f"{prefix}-{value}")
        action.setCheckable(True)
        action.setChecked(value == current)
        action.triggered.connect(lambda _=False, v=value: choose(v))
        group.addAction(action)
