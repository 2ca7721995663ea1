"""The reader's tools, which the main window adds once its first page is painted.

Glossary, bookmarks, notes and search panes, the annotator, the find bar and the
watch on the user's data: built after the first paint when the reader starts, so
the page appears sooner; the window works without them meanwhile. They are built
here and returned as one typed object, which the window keeps and wires (wire_tools,
the window's own wiring kept here for its length): each tool is given what it reads,
and says through its signals what the reader asks for.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from reader.archive.archive import Archive
from reader.render.renderer import Renderer
from reader.ui.page.annotator import Annotator
from reader.ui.page.find_bar import FindBar
from reader.ui.page.page_view import PageView
from reader.ui.panes.bookmarks_dock import BookmarksDock
from reader.ui.panes.glossary_dock import GlossaryDock
from reader.ui.panes.notes_dock import NotesDock
from reader.ui.panes.search_controller import SearchController
from reader.ui.panes.search_dock import SearchDock
from reader.ui.window.store_bridge import StoreBridge
from reader.userdata.store import UserStore


class ToolHost(Protocol):
    """What wire_tools needs of the main window, named here so that this module, which the
    window imports, does not import the window back."""

    archive: Archive
    actions: Any
    page_view: PageView
    search_box: Any
    nav_tree: Any
    progress: Any
    appearance: Any
    router: Any
    page_shown: Any
    current_slug: str

    def say(self, text: str) -> None: ...

    def open_page(self, slug: str, fragment: str = "") -> None: ...


@dataclass(frozen=True)
class Tools:
    bridge: StoreBridge
    annotator: Annotator
    find_bar: FindBar
    glossary_dock: GlossaryDock
    bookmarks_dock: BookmarksDock
    notes_dock: NotesDock
    search_dock: SearchDock
    search: SearchController

    def panes(self) -> list[tuple[QDockWidget, str]]:
        """Each pane and the action (actions.py) that brings it forward or hides it, by
        name ("" for none), in the View menu's order."""
        return [(self.glossary_dock, "actionGlossaryPane"),
                (self.bookmarks_dock, "actionBookmarksPane"),
                (self.notes_dock, "actionNotesPane"), (self.search_dock, "")]


def build_tools(archive: Archive, store: UserStore, renderer: Renderer, view: PageView,
                window: QMainWindow) -> Tools:
    """The tools of `window` (their parent), on the page `view` shows."""

    def page_html(slug: str) -> str | None:  # None: the archive does not hold the page
        return renderer.html_for(slug) if archive.page(slug) else None

    annotator = Annotator(store.bookmarks, store.notes, store.progress, view, page_html, window)
    return Tools(bridge=StoreBridge(store, window), annotator=annotator,
                 find_bar=FindBar(view, window.centralWidget()),  # for the window to place
                 glossary_dock=GlossaryDock(archive.glossary, renderer, window),
                 bookmarks_dock=BookmarksDock(store.bookmarks, archive.knows, window),
                 notes_dock=NotesDock(store.notes, annotator.is_detached, window),
                 search_dock=SearchDock(window),
                 search=SearchController(archive, store.notes.all, window))


def place_docks(window: QMainWindow, contents: QDockWidget, tools: Tools) -> None:
    """Bookmarks under the contents; glossary, notes and search as tabs on the right, at
    sizes relative to the window (layout.first_sizes) until the user's own are restored."""
    from reader.ui.window.layout import first_sizes

    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    window.addDockWidget(left, tools.bookmarks_dock)
    for dock in (tools.glossary_dock, tools.notes_dock, tools.search_dock):
        window.addDockWidget(right, dock)
    window.tabifyDockWidget(tools.glossary_dock, tools.notes_dock)
    window.tabifyDockWidget(tools.glossary_dock, tools.search_dock)
    tools.glossary_dock.raise_()
    first_sizes(window, contents, tools.glossary_dock, tools.bookmarks_dock)


def wire_tools(w: ToolHost, t: Tools) -> None:
    """The tools' requests, each to what carries it out in `w` (no tool calls another),
    then the page shown followed by them."""
    from PySide6.QtWidgets import QMessageBox

    from reader.common.words import counted
    from reader.ui.window.commands import open_outside

    def follow_page(slug: str) -> None:
        t.annotator.set_page(slug, w.archive.title_of(slug), slug in w.archive.pages)

    def mark_found(slug: str) -> None:
        """A page opened from a search shows every hit marked, and scrolls to the first."""
        terms = t.search.hit_terms(w.search_box.text(), slug)
        w.say(f"{counted(w.page_view.show_found(terms), 'hit')} marked in this page.")

    a, search = w.actions, t.search
    a.actionFind.triggered.connect(t.find_bar.open_bar)
    a.actionBookmark.triggered.connect(t.annotator.toggle_bookmark)
    a.actionAddNote.triggered.connect(t.annotator.add_note)
    a.actionMarkUnread.triggered.connect(lambda: t.annotator.mark_unread(w.current_slug))
    w.nav_tree.mark_unread_requested.connect(t.annotator.mark_unread)
    w.nav_tree.mark_read_requested.connect(w.progress.mark_read)
    w.page_shown.connect(follow_page)
    w.appearance.changed.connect(lambda: t.glossary_dock.apply_look(w.appearance.css))
    w.router.term_requested.connect(t.glossary_dock.show_term)
    t.glossary_dock.external_requested.connect(partial(open_outside, w))
    t.annotator.message.connect(w.say)
    t.annotator.bookmarked.connect(a.actionBookmark.setChecked)
    for listener in (t.bookmarks_dock, t.notes_dock, t.annotator, search, w.nav_tree,
                     w.appearance):
        t.bridge.changed.connect(listener.user_data_changed)  # each sees what it shows
    for dock in (t.glossary_dock, t.bookmarks_dock, t.notes_dock, t.search_dock):
        dock.page_requested.connect(w.open_page)
    t.bookmarks_dock.error.connect(lambda text: QMessageBox.warning(w, "Not saved", text))
    t.annotator.page_requested.connect(w.open_page)
    t.notes_dock.note_requested.connect(t.annotator.open_note)
    t.notes_dock.edit_requested.connect(t.annotator.edit_note)
    t.notes_dock.delete_requested.connect(t.annotator.delete_note)
    w.page_view.highlight_clicked.connect(t.notes_dock.show_note)
    w.page_view.highlight_clicked.connect(t.annotator.show_tip)
    w.search_box.textEdited.connect(search.typed)
    w.search_box.returnPressed.connect(lambda: search.search_now(w.search_box.text()))
    search.building.connect(t.search_dock.show_building)
    search.building.connect(lambda *_: w.search_box.text().strip() and t.search_dock.reveal())
    search.results.connect(t.search_dock.show_results)
    t.search_dock.page_requested.connect(mark_found)  # after it is opened
    t.search_dock.term_requested.connect(t.glossary_dock.show_term)
    t.search_dock.note_requested.connect(t.annotator.open_note)
    # The index opens when the reader first turns to search (Ctrl+K, typing): a reader
    # who never searches never pays for it, and the first search shows its progress.
    a.actionSearch.triggered.connect(search.build)
    t.glossary_dock.apply_look(w.appearance.css)
    if w.current_slug:
        follow_page(w.current_slug)
