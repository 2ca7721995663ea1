"""The reader's tools, which the main window adds once its first page is painted.

Glossary, bookmarks, notes and search panes, the annotator, the find bar and the
watch on the user's data: built after the first paint when the reader starts, so
the page appears sooner; the window works without them meanwhile. They are built
here and returned as one typed object, which the window keeps and wires: each tool
is given what it reads, and says through its signals what the reader asks for.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

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
        """Each pane and the key that shows or hides it, in the View menu's order."""
        return [(self.glossary_dock, "Ctrl+Shift+G"), (self.bookmarks_dock, "Ctrl+Shift+B"),
                (self.notes_dock, "Ctrl+Shift+N"), (self.search_dock, "")]


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
    """Bookmarks under the contents; glossary, notes and search as tabs on the right."""
    left, right = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
    window.addDockWidget(left, tools.bookmarks_dock)
    for dock in (tools.glossary_dock, tools.notes_dock, tools.search_dock):
        window.addDockWidget(right, dock)
    window.tabifyDockWidget(tools.glossary_dock, tools.notes_dock)
    window.tabifyDockWidget(tools.glossary_dock, tools.search_dock)
    tools.glossary_dock.raise_()
    # The sizes below apply to the layout as it stands: a contents pane filled in this
    # very moment (attach) has a relayout pending that would otherwise undo them.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    window.resizeDocks([contents, tools.glossary_dock], [280, 270], Qt.Orientation.Horizontal)
    window.resizeDocks([contents, tools.bookmarks_dock], [520, 200], Qt.Orientation.Vertical)
