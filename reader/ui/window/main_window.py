"""The main window, built in three steps so that the page appears as soon as it can.

1. `MainWindow(look)` builds what the first paint shows from plain values (a Look,
   reader/snapshot.py): the page, the notice, the menus and tool bar, and the
   contents pane, empty. It loads neither the archive nor the user's data, nor the
   Qt namespace.
2. `attach(archive, store)` brings it to life: the contents, links, history,
   appearance and settings; what the look showed is corrected where it differs.
3. `complete()` adds the panes and tools (tools.py), kept as `tools` and wired
   here: the panes say what the reader asks for; only the window connects them.

A companion window (a page opened in a new window: windows.py) shares the main one's
archive and store, and leaves the store, the kept layout and the start's messages to it.

An ordinary start (app.create_main_window) runs step 1 with a blank look and step 2
before the window is shown; a start from the snapshot of the last window runs
steps 2 and 3 after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

# Classes the first paint does not need are named through their modules (QtWidgets.QMessageBox),
# so that they load when first used (see page_view.py).
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QByteArray, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QVBoxLayout, QWidget

from reader.snapshot import BLANK, Look
from reader.ui.page.page_view import PageView
from reader.ui.panes.placeholder import contents_placeholder
from reader.ui.window.actions import Actions
from reader.ui.window.menus import build_menus, build_tool_bar
from reader.ui.window.successor_notice import SuccessorNotice

if TYPE_CHECKING:
    from reader.archive.archive import Archive
    from reader.ui.window.tools import Tools
    from reader.userdata.notes import Notes
    from reader.userdata.store import UserStore

    Opener = Callable[[], "tuple[Archive, UserStore] | None"]

WINDOW_TITLE = "OTPIC Reader"


class MainWindow(QMainWindow):
    page_shown = Signal(str)

    def __init__(self, look: Look = BLANK,
                 image_path: Callable[[str], Path | None] | None = None,
                 opener: Opener | None = None, *, companion: bool = False) -> None:
        """Step 1: the window as `look` shows it (`image_path` finds the page's images).
        `opener` gives step 2 its archive and data, or None (it said why it could not)."""
        super().__init__()
        self.archive: Archive | None = None
        self.store: UserStore | None = None
        self.tools: Tools | None = None  # made by complete(), after the first paint
        self.current_slug = look.slug
        self.complete_done = False
        self.companion = companion
        self.replaced_by: MainWindow | None = None  # the window on another archive, if any
        self._opener = opener
        self.setObjectName("mainWindow")
        self.setWindowTitle(WINDOW_TITLE)
        if not (look.geometry and self.restoreGeometry(QByteArray(look.geometry))):
            room = self.screen().availableGeometry()  # old laptops have small screens
            self.resize(min(1280, room.width() * 95 // 100), min(780, room.height() * 9 // 10))

        self.actions = Actions(self)
        if look.theme:
            from reader.ui.themes import apply_palette_theme

            apply_palette_theme(look.theme)
        self.page_view = PageView(image_path)
        self.page_view.apply_look(look.css, look.font, look.highlight, look.found)
        self.notice = SuccessorNotice(look.notice)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.page_view, 1)
        self.setCentralWidget(central)
        self.notice.setVisible(look.notice_shown)  # in its place: alone, it would be a window
        self.statusBar()  # its room from the start: made later, it would push the panes up

        self.nav_dock = QDockWidget("Contents", self)
        self.nav_dock.setObjectName("navDock")
        self.nav_dock.setWidget(contents_placeholder())
        self.view_menu = build_menus(self.menuBar(), self.actions,
                                     self.nav_dock.toggleViewAction())
        self.search_box = build_tool_bar(self.addToolBar("Reading"), self.actions)
        if look.slug:
            self.page_view.show_html(look.html)
            self.page_view.resume_scroll(look.scroll)
        # Restoring the last layout places the contents without naming a dock area (which
        # would load the Qt namespace); the other panes' places wait for them.
        if not (look.state and self.restoreState(QByteArray(look.state))):
            self.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, self.nav_dock)

    def attach(self, archive: Archive, store: UserStore) -> None:
        """Step 2: the archive and the user's data; what the look showed is corrected."""
        from reader.archive.course_order import neighbours
        from reader.render.renderer import Renderer
        from reader.ui.panes.nav_tree import NavTree
        from reader.ui.window.appearance import Appearance
        from reader.ui.window.commands import Commands, open_outside
        from reader.ui.window.layout import Layout, restore_geometry
        from reader.ui.window.link_router import LinkHover, LinkRouter
        from reader.ui.window.menus import add_look_menus
        from reader.ui.window.navigation import Navigator
        from reader.ui.window.start_messages import tell_problems
        from reader.ui.window.windows import Windows

        self.archive, self.store = archive, store
        self.progress = store.progress
        self.actions.finish()
        self.renderer = Renderer(archive)
        self.page_view.image_path = archive.image_path
        self.router = LinkRouter(self)
        self.navigator = Navigator(self.page_view, self.renderer.html_for, self,
                                   around=partial(neighbours, archive))
        self.appearance = Appearance(store, self)
        self.commands = Commands(self, archive, store, self.notice, lambda: self.current_slug,
                                 self.say)
        self.layout_keeper = Layout(self, self.actions)
        self.windows = Windows(self, store)
        add_look_menus(self.view_menu, self.appearance)
        self.commands.tell_successor()
        self.nav_tree = NavTree.of_archive(archive, self.progress)
        empty = self.nav_dock.widget()
        self.nav_dock.setWidget(self.nav_tree)
        self.setTabOrder(self.page_view, self.nav_tree)  # as when the tree came first
        empty.deleteLater()
        self.page_view.serve_margins()
        self.page_view.addActions(self.actions.page_actions())  # their keys: in the page
        self._connect(LinkHover(archive, self.page_view, self.statusBar).show,
                      partial(open_outside, self))
        restore_geometry(self, store)  # full screen too, if the window was closed in it
        self.actions.actionFullScreen.setChecked(self.isFullScreen())
        self._apply_look()
        if self.current_slug:
            self.navigator.adopt(self.current_slug)
        if not self.companion:
            tell_problems(self, archive, store)

    @property
    def notes(self) -> Notes:
        """The user's notes, asked of the store when first wanted (the page needs none)."""
        assert self.store is not None, "notes before attach()"
        return self.store.notes

    def attach_opened(self) -> bool:
        """Step 2 with what the opener gives; False when it gave nothing."""
        import linecache

        opened = self._opener() if self._opener is not None else None
        if opened is not None:
            self.attach(*opened)
        linecache.clearcache()  # the sources PySide6's import hook read: not needed again
        return opened is not None

    def complete(self) -> None:
        """Step 3 (once): the glossary, bookmarks, notes and search panes, and find."""
        if self.complete_done or (self.store is None and not self.attach_opened()):
            return
        import linecache

        from reader.ui.window.daily_backup import schedule_daily_backup
        from reader.ui.window.layout import restore_state
        from reader.ui.window.menus import add_pane_toggles
        from reader.ui.window.tools import build_tools, place_docks, wire_tools

        self.tools = build_tools(self.archive, self.store, self.renderer, self.page_view, self)
        self.centralWidget().layout().addWidget(self.tools.find_bar)
        place_docks(self, self.nav_dock, self.tools)
        panes = [(dock, getattr(self.actions, name) if name else None)
                 for dock, name in self.tools.panes()]
        add_pane_toggles(self.view_menu, panes)
        for dock, action in panes:
            if action is not None:
                self.layout_keeper.pane_key(dock, action)
        self.page_view.context_actions = [self.actions.actionBookmark, self.actions.actionAddNote]
        wire_tools(self, self.tools)
        linecache.clearcache()  # the sources PySide6's import hook read: not needed again
        self.complete_done = True
        restore_state(self, self.store)
        if not self.companion:
            schedule_daily_backup(self.store, self)

    def _connect(self, hovered: Callable[[str], None], outside: Callable[[str], None]) -> None:
        a, nav = self.actions, self.navigator
        a.actionQuit.triggered.connect(QtWidgets.QApplication.closeAllWindows)  # all of them
        a.actionHome.triggered.connect(lambda: self.open_page(self.archive.home))
        a.actionPreviousPage.triggered.connect(lambda: nav.step(0))
        a.actionNextPage.triggered.connect(lambda: nav.step(1))
        a.actionPageTop.triggered.connect(lambda: self.page_view.scroll_to_end(False))
        a.actionPageEnd.triggered.connect(lambda: self.page_view.scroll_to_end(True))
        a.actionSearch.triggered.connect(self.search_box.setFocus)
        a.actionSearch.triggered.connect(self.search_box.selectAll)
        a.actionBack.triggered.connect(nav.back)
        a.actionForward.triggered.connect(nav.forward)
        self.page_view.back_requested.connect(nav.back)
        self.page_view.forward_requested.connect(nav.forward)
        nav.shown.connect(self._shown)
        for action, steps in ((a.actionZoomIn, 1), (a.actionZoomOut, -1), (a.actionZoomReset, 0)):
            action.triggered.connect(lambda _=False, steps=steps: self.appearance.zoom_by(steps))
        self.appearance.changed.connect(self._apply_look)
        self.commands.connect(a)
        self.nav_tree.page_requested.connect(self.open_page)
        self.nav_tree.new_window_requested.connect(self.windows.new_window)
        self.page_view.link_clicked.connect(self.router.route)
        self.page_view.link_in_new_window.connect(self.windows.open_link)
        self.page_view.link_hovered.connect(hovered)
        self.router.page_requested.connect(self.open_page)
        self.router.anchor_requested.connect(self.page_view.scrollToAnchor)
        self.router.external_requested.connect(outside)
        self.router.blocked.connect(
            lambda href: self.statusBar().showMessage(f"This link does nothing here: {href}", 5000))
        self.notice.dismissed.connect(self.commands.dismiss_notice)
        self.notice.details_requested.connect(self.commands.successor_details)

    def open_page(self, slug: str, fragment: str = "") -> None:
        """Open a page from a link, the tree, a note or a search: it joins the history."""
        self.navigator.open(slug, fragment)

    def _shown(self, slug: str) -> None:
        from reader.ui.window.windows import archive_label

        self.current_slug = slug
        a = self.actions
        a.actionBack.setEnabled(self.navigator.history.can_go_back())
        a.actionForward.setEnabled(self.navigator.history.can_go_forward())
        before, after = self.navigator.around(slug)
        a.actionPreviousPage.setEnabled(before is not None)
        a.actionNextPage.setEnabled(after is not None)
        self.setWindowTitle(f"{self.archive.title_of(slug)} — {archive_label(self.archive)} "
                            f"— {WINDOW_TITLE}")
        self.statusBar().clearMessage()  # what it said was about the page left
        self.nav_tree.select(slug)
        self.store.set("last_page", slug)
        self.page_shown.emit(slug)

    def _apply_look(self) -> None:
        if self.page_view.apply_look(*self.appearance.page_look()) and self.current_slug:
            self.navigator.show_again(self.renderer.html_for(self.current_slug))

    def say(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 6000)

    def hand_over(self, successor: MainWindow) -> None:
        """Close, `successor` (on another archive) taking this window's place."""
        self.replaced_by = successor
        self.close()

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        # a companion, or one another took the place of, leaves the layout and the store
        if self.store is not None and not (self.companion or self.replaced_by):
            self.layout_keeper.keep(self.store, self.navigator.scroll())
        elif self.complete_done:
            self.tools.bridge.stop()
            self.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        super().closeEvent(event)

    def dragEnterEvent(self, event: QtGui.QDragEnterEvent) -> None:
        if self.store is not None and self.windows.dropped_folder(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QtGui.QDropEvent) -> None:
        folder = self.windows.dropped_folder(event.mimeData())
        if folder is not None:
            event.acceptProposedAction()
            QtCore.QTimer.singleShot(0, self, lambda: self.windows.open_archive(folder))

    def close_store(self) -> None:
        """Let go of the user's data, at exit: its files settle, and nothing reads it again."""
        if self.complete_done:
            self.tools.bridge.stop()
        self.store.close()

    def look(self) -> Look:
        """What the window shows now, as plain values (kept for the next start)."""
        from reader.ui.themes import applied_theme

        css, font, highlight, found = self.appearance.page_look()
        return Look(slug=self.current_slug, html=self.page_view.html,
                    scroll=self.navigator.scroll(), css=css, font=font, highlight=highlight,
                    found=found, theme=applied_theme(), notice=self.notice.label.text(),
                    notice_shown=not self.notice.isHidden(),
                    geometry=bytes(self.saveGeometry()), state=bytes(self.layout_keeper.state()))

