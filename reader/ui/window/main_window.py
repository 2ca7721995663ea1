"""The main window, built in three steps so that the page appears as soon as it can.

1. `MainWindow(look)` builds what the first paint shows from plain values (a Look,
   reader/snapshot.py): the page, the notice, the menus and tool bar, and the
   contents pane, empty. It loads neither the archive nor the user's data, nor the
   Qt namespace.
2. `attach(archive, store)` brings it to life: the contents, links, history,
   appearance and settings; what the look showed is corrected where it differs.
3. `complete()` adds the panes and tools (tools.py), kept as `tools` and wired
   here: the panes say what the reader asks for; only the window connects them.

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
    from reader.userdata.store import UserStore

    Opener = Callable[[], "tuple[Archive, UserStore] | None"]

WINDOW_TITLE = "OTPIC Reader"


class MainWindow(QMainWindow):
    page_shown = Signal(str)

    def __init__(self, look: Look = BLANK,
                 image_path: Callable[[str], Path | None] | None = None,
                 opener: Opener | None = None) -> None:
        """Step 1: the window as `look` shows it (`image_path` finds the page's images).
        `opener` gives step 2 its archive and data, or None (it said why it could not)."""
        super().__init__()
        self.archive: Archive | None = None
        self.store: UserStore | None = None
        self.tools: Tools | None = None  # made by complete(), after the first paint
        self.current_slug = look.slug
        self.complete_done = False
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
        from reader.render.renderer import Renderer
        from reader.ui.panes.nav_tree import NavTree
        from reader.ui.window.appearance import Appearance
        from reader.ui.window.commands import Commands, open_outside
        from reader.ui.window.link_router import LinkHover, LinkRouter
        from reader.ui.window.menus import add_look_menus
        from reader.ui.window.navigation import Navigator
        from reader.ui.window.saved_layout import restore_geometry
        from reader.ui.window.start_messages import tell_problems

        self.archive, self.store = archive, store
        self.notes, self.progress = store.notes, store.progress
        self.actions.finish()
        self.renderer = Renderer(archive)
        self.page_view.image_path = archive.image_path
        self.router = LinkRouter(self)
        self.navigator = Navigator(self.page_view, self.renderer.html_for, self)
        self.appearance = Appearance(store, self)
        self.commands = Commands(self, archive, store, self.notice, lambda: self.current_slug,
                                 self.say)
        add_look_menus(self.view_menu, self.appearance)
        self.commands.tell_successor()
        self.nav_tree = NavTree.of_archive(archive, self.progress)
        empty = self.nav_dock.widget()
        self.nav_dock.setWidget(self.nav_tree)
        self.setTabOrder(self.page_view, self.nav_tree)  # as when the tree came first
        empty.deleteLater()
        self.page_view.serve_margins()
        self._connect(LinkHover(archive, self.page_view, self.statusBar).show,
                      partial(open_outside, self))
        restore_geometry(self, store)
        self._apply_look()
        if self.current_slug:
            self.navigator.adopt(self.current_slug)
        tell_problems(self, archive, store)

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
        from reader.ui.window.menus import add_pane_toggles
        from reader.ui.window.saved_layout import restore_state
        from reader.ui.window.tools import build_tools, place_docks

        self.tools = build_tools(self.archive, self.store, self.renderer, self.page_view, self)
        self.centralWidget().layout().addWidget(self.tools.find_bar)
        place_docks(self, self.nav_dock, self.tools)
        add_pane_toggles(self.view_menu, self.tools.panes())
        self.page_view.context_actions = [self.actions.actionBookmark, self.actions.actionAddNote]
        self._wire(self.tools)
        self.tools.glossary_dock.apply_look(self.appearance.css)
        if self.current_slug:
            self._follow_page(self.current_slug)
        linecache.clearcache()  # the sources PySide6's import hook read: not needed again
        self.complete_done = True
        restore_state(self, self.store)
        schedule_daily_backup(self.store, self)

    def _connect(self, hovered: Callable[[str], None], outside: Callable[[str], None]) -> None:
        a, nav = self.actions, self.navigator
        a.actionQuit.triggered.connect(self.close)
        a.actionHome.triggered.connect(lambda: self.open_page(self.archive.home))
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
        self.page_view.link_clicked.connect(self.router.route)
        self.page_view.link_hovered.connect(hovered)
        self.router.page_requested.connect(self.open_page)
        self.router.anchor_requested.connect(self.page_view.scrollToAnchor)
        self.router.external_requested.connect(outside)
        self.router.blocked.connect(
            lambda href: self.statusBar().showMessage(f"This link does nothing here: {href}", 5000))
        self.notice.dismissed.connect(self.commands.dismiss_notice)
        self.notice.details_requested.connect(self.commands.successor_details)

    def _wire(self, t: Tools) -> None:
        """The tools' requests, each to what carries it out (no tool calls another)."""
        a, search = self.actions, t.search
        a.actionFind.triggered.connect(t.find_bar.open_bar)
        a.actionBookmark.triggered.connect(t.annotator.toggle_bookmark)
        a.actionAddNote.triggered.connect(t.annotator.add_note)
        a.actionMarkUnread.triggered.connect(lambda: t.annotator.mark_unread(self.current_slug))
        self.nav_tree.mark_unread_requested.connect(t.annotator.mark_unread)
        self.nav_tree.mark_read_requested.connect(self.progress.mark_read)
        self.page_shown.connect(self._follow_page)
        self.appearance.changed.connect(lambda: t.glossary_dock.apply_look(self.appearance.css))
        self.router.term_requested.connect(t.glossary_dock.show_term)
        t.annotator.message.connect(self.say)
        t.annotator.bookmarked.connect(a.actionBookmark.setChecked)
        for listener in (t.bookmarks_dock, t.notes_dock, t.annotator, search, self.nav_tree):
            t.bridge.changed.connect(listener.user_data_changed)  # each sees what it shows
        for dock in (t.glossary_dock, t.bookmarks_dock, t.notes_dock, t.search_dock):
            dock.page_requested.connect(self.open_page)
        t.bookmarks_dock.error.connect(
            lambda text: QtWidgets.QMessageBox.warning(self, "Not saved", text))
        t.annotator.page_requested.connect(self.open_page)
        t.notes_dock.note_requested.connect(t.annotator.open_note)
        t.notes_dock.edit_requested.connect(t.annotator.edit_note)
        t.notes_dock.delete_requested.connect(t.annotator.delete_note)
        self.page_view.highlight_clicked.connect(t.notes_dock.show_note)
        self.page_view.highlight_clicked.connect(t.annotator.show_tip)
        self.search_box.textEdited.connect(search.typed)
        self.search_box.returnPressed.connect(lambda: search.search_now(self.search_box.text()))
        search.building.connect(t.search_dock.show_building)
        search.building.connect(
            lambda *_: self.search_box.text().strip() and t.search_dock.reveal())
        search.results.connect(t.search_dock.show_results)
        t.search_dock.page_requested.connect(self._mark_found)  # after it is opened
        t.search_dock.term_requested.connect(t.glossary_dock.show_term)
        t.search_dock.note_requested.connect(t.annotator.open_note)
        # The index opens when the reader first turns to search (Ctrl+K, typing): a reader
        # who never searches never pays for it, and the first search shows its progress.
        a.actionSearch.triggered.connect(search.build)

    def open_page(self, slug: str, fragment: str = "") -> None:
        """Open a page from a link, the tree, a note or a search: it joins the history."""
        self.navigator.open(slug, fragment)

    def _shown(self, slug: str) -> None:
        self.current_slug = slug
        self.actions.actionBack.setEnabled(self.navigator.history.can_go_back())
        self.actions.actionForward.setEnabled(self.navigator.history.can_go_forward())
        self.nav_tree.select(slug)
        self.store.set("last_page", slug)
        self.page_shown.emit(slug)

    def _follow_page(self, slug: str) -> None:
        self.tools.annotator.set_page(slug, self.archive.title_of(slug), slug in self.archive.pages)

    def _mark_found(self, slug: str) -> None:
        """A page opened from a search shows every hit marked, and scrolls to the first."""
        from reader.common.words import counted

        terms = self.tools.search.hit_terms(self.search_box.text(), slug)
        self.say(f"{counted(self.page_view.show_found(terms), 'hit')} marked in this page.")

    def _apply_look(self) -> None:
        if self.page_view.apply_look(*self.appearance.page_look()) and self.current_slug:
            self.navigator.show_again(self.renderer.html_for(self.current_slug))

    def say(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 6000)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.store is not None:  # else it closes before it had the user's data
            from reader.ui.window.saved_layout import save_layout

            save_layout(self, self.store, with_panes=self.complete_done)  # else none to save
            self.store.set("last_scroll", self.navigator.scroll())  # where the reader was
        super().closeEvent(event)

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
                    geometry=bytes(self.saveGeometry()), state=bytes(self.saveState()))

