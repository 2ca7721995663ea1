"""The reader's tools, added to the main window once its first page is painted.

Glossary, bookmarks, notes and search panes, the annotator, the find bar and
the watch on the user's data: built after the first paint when the reader
starts, so the page appears sooner; the window works without them meanwhile.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QToolTip

from reader.common.words import counted
from reader.render.html_text import html_to_text
from reader.ui.page.annotator import Annotator
from reader.ui.page.find_bar import FindBar
from reader.ui.panes.bookmarks_dock import BookmarksDock
from reader.ui.panes.glossary_dock import GlossaryDock
from reader.ui.panes.notes_dock import NotesDock
from reader.ui.panes.search_controller import SearchController
from reader.ui.panes.search_dock import SearchDock
from reader.ui.tooltips import plain_tooltip
from reader.ui.window.store_bridge import StoreBridge
from reader.userdata.database import Changes, StoreError

if TYPE_CHECKING:
    from reader.ui.window.main_window import MainWindow


def attach_tools(w: MainWindow) -> None:
    """Build the panes and helpers, put them on the window, and wire them."""
    store, archive = w.store, w.archive
    w.bookmarks, w.notes = store.bookmarks, store.notes
    w.bridge = StoreBridge(store, w)
    w.annotator = Annotator(w.bookmarks, w.notes, w.page_view, lambda s: _page_text(w, s), w)
    w.find_bar = FindBar(w.page_view)
    w.centralWidget().layout().addWidget(w.find_bar)

    w.glossary_dock = GlossaryDock(archive.glossary, w.renderer, w)
    w.bookmarks_dock = BookmarksDock(w.bookmarks, archive.knows, w)
    w.notes_dock = NotesDock(w.notes, w.annotator.is_detached, w)
    w.search_dock = SearchDock(w)
    w.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, w.bookmarks_dock)
    for dock in (w.glossary_dock, w.notes_dock, w.search_dock):
        w.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    w.tabifyDockWidget(w.glossary_dock, w.notes_dock)
    w.tabifyDockWidget(w.glossary_dock, w.search_dock)
    w.glossary_dock.raise_()
    # The sizes below apply to the layout as it stands: a contents pane filled in this
    # very moment (attach) has a relayout pending that would otherwise undo them.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    w.resizeDocks([w.nav_dock, w.glossary_dock], [280, 270], Qt.Orientation.Horizontal)
    w.resizeDocks([w.nav_dock, w.bookmarks_dock], [520, 200], Qt.Orientation.Vertical)
    for dock, key in ((w.glossary_dock, "Ctrl+Shift+G"), (w.bookmarks_dock, "Ctrl+Shift+B"),
                      (w.notes_dock, "Ctrl+Shift+N"), (w.search_dock, "")):
        if key:
            dock.toggleViewAction().setShortcut(key)
        w.view_menu.insertAction(w.view_menu_end, dock.toggleViewAction())
    w.search = SearchController(archive, lambda: _note_docs(w), w)
    w.page_view.context_actions = [w.actions.actionBookmark, w.actions.actionAddNote]
    _wire(w)
    w.glossary_dock.apply_look(w.appearance.css)
    if w.current_slug:
        _page_shown(w, w.current_slug)
    # The index opens when the reader first turns to search (Ctrl+K, typing): a reader
    # who never searches never pays for it, and the first search shows its progress.
    w.actions.actionSearch.triggered.connect(w.search.build)


def _wire(w: MainWindow) -> None:
    a = w.actions
    a.actionFind.triggered.connect(w.find_bar.open_bar)
    a.actionBookmark.triggered.connect(w.annotator.toggle_bookmark)
    a.actionAddNote.triggered.connect(w.annotator.add_note)
    a.actionMarkUnread.triggered.connect(lambda: _mark_unread(w, w.current_slug))
    w.nav_tree.mark_unread_requested.connect(lambda slug: _mark_unread(w, slug))
    w.nav_tree.mark_read_requested.connect(w.progress.mark_read)
    w.page_shown.connect(lambda slug: _page_shown(w, slug))
    w.appearance.changed.connect(lambda: w.glossary_dock.apply_look(w.appearance.css))
    w.router.term_requested.connect(w.glossary_dock.show_term)
    w.glossary_dock.page_requested.connect(w.open_page)
    w.annotator.message.connect(w.say)
    w.bridge.changed.connect(lambda changes: _user_data_changed(w, changes))
    w.bookmarks_dock.page_requested.connect(w.open_page)
    w.bookmarks_dock.error.connect(lambda text: QMessageBox.warning(w, "Not saved", text))
    w.notes_dock.page_requested.connect(w.open_page)
    w.notes_dock.note_requested.connect(w.open_note)
    w.notes_dock.edit_requested.connect(w.annotator.edit_note)
    w.notes_dock.delete_requested.connect(w.annotator.delete_note)
    w.page_view.highlight_clicked.connect(lambda note_id: _show_note(w, note_id))
    w.search_box.textEdited.connect(w.search.typed)
    w.search_box.returnPressed.connect(lambda: w.search.search_now(w.search_box.text()))
    w.search.building.connect(w.search_dock.show_building)
    w.search.building.connect(lambda *_: _reveal(w.search_dock)
                              if w.search_box.text().strip() else None)
    w.search.results.connect(lambda query, hits: _show_results(w, query, hits))
    w.search_dock.hit_activated.connect(lambda hit: _open_hit(w, hit))


def _page_shown(w: MainWindow, slug: str) -> None:
    if slug in w.archive.pages:
        with contextlib.suppress(StoreError):
            w.progress.mark_read(slug)
    w.annotator.set_page(slug, w.archive.title_of(slug))
    w.actions.actionBookmark.setChecked(w.annotator.is_bookmarked())


def _mark_unread(w: MainWindow, slug: str) -> None:
    try:
        w.progress.mark_unread(slug)
    except StoreError as exc:
        w.say(str(exc))


def _user_data_changed(w: MainWindow, changes: Changes) -> None:
    if changes.bookmarks:
        w.bookmarks_dock.refresh()
        w.actions.actionBookmark.setChecked(w.annotator.is_bookmarked())
    if changes.notes:
        w.notes_dock.refresh()
        w.annotator.paint()
        w.search.refresh_notes()
    if changes.progress:
        w.nav_tree.set_read(w.progress.read_slugs())


def _show_note(w: MainWindow, note_id: int) -> None:
    note = w.notes.get(note_id)
    if note is None:
        return
    _reveal(w.notes_dock)
    w.notes_dock.select_note(note_id)
    QToolTip.showText(QCursor.pos(), plain_tooltip(note.text), w.page_view)


def _reveal(dock: QDockWidget) -> None:
    dock.show()
    dock.raise_()


def _show_results(w: MainWindow, query: str, hits: list) -> None:
    w.search_dock.show_results(query, hits, w.search.problem)
    if query.strip():
        _reveal(w.search_dock)


def _open_hit(w: MainWindow, hit) -> None:
    """A page opens at its first hit with every hit marked; a term shows its entry."""
    if hit.kind == "glossary" and hit.term_slug:
        w.glossary_dock.show_term(hit.term_slug)
    elif hit.kind == "note" and hit.note_id is not None:
        w.open_note(hit.note_id)
    else:
        w.open_page(hit.slug)
        found = w.page_view.show_found(w.search.hit_terms(w.search_box.text(), hit.slug))
        w.say(f"{counted(found, 'hit')} marked in this page.")


def _note_docs(w: MainWindow) -> list:
    from reader.search.index import NoteDoc

    return [NoteDoc(n.id, n.slug, n.page_title, n.quote, n.text) for n in w.notes.all()]


def _page_text(w: MainWindow, slug: str) -> str | None:
    if not w.archive.page(slug):
        return None
    return html_to_text(w.renderer.html_for(slug))
