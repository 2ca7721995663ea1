"""The main window: assembles the tree, the notice and the page view, and wires them."""

from __future__ import annotations

import base64
import contextlib
import sqlite3
from html import escape

from PySide6.QtCore import QByteArray, Qt, QThreadPool, QTimer
from PySide6.QtGui import QCloseEvent, QCursor
from PySide6.QtWidgets import (
    QDockWidget,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from reader import __version__
from reader.archive.archive import Archive
from reader.archive.glossary import GLOSSARY_SLUG
from reader.archive.links import classify_href
from reader.archive.plaintext import html_to_text
from reader.archive.render import NOT_PRESERVED, Renderer
from reader.archive.term_links import term_tooltip
from reader.ui import external
from reader.ui.actions import Actions
from reader.ui.annotator import Annotator
from reader.ui.appearance import Appearance
from reader.ui.bookmarks_dock import BookmarksDock
from reader.ui.find_bar import FindBar
from reader.ui.glossary_dock import GlossaryDock
from reader.ui.history import History
from reader.ui.link_router import LinkRouter
from reader.ui.menus import build_menus
from reader.ui.nav_tree import NavTree
from reader.ui.notes_dock import NotesDock, plain_tooltip
from reader.ui.page_view import PageView
from reader.ui.search_controller import SearchController
from reader.ui.search_dock import SearchDock
from reader.ui.store_bridge import StoreBridge
from reader.ui.successor_notice import SuccessorDialog, SuccessorNotice
from reader.userdata.bookmarks import Bookmarks
from reader.userdata.notes import Notes
from reader.userdata.progress import Progress
from reader.userdata.store import Changes, StoreError, UserStore

WINDOW_TITLE = "OTPIC Reader"


class MainWindow(QMainWindow):
    def __init__(self, archive: Archive, store: UserStore) -> None:
        super().__init__()
        self.archive = archive
        self.store = store
        self.renderer = Renderer(archive)
        self.current_slug = ""
        self.setObjectName("mainWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1280, 780)

        self.actions = Actions(self)
        self.router = LinkRouter(self)
        self.history = History()
        self.progress = Progress(store)
        self.appearance = Appearance(store, self)
        self._pending_scroll = 0
        self.page_view = PageView(archive)
        self.notice = SuccessorNotice(archive.course)
        has_successor = bool(archive.course.successor.title)  # another archive may have none
        self.notice.setVisible(has_successor and not store.get("notice_dismissed"))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.page_view, 1)
        self.find_bar = FindBar(self.page_view)
        layout.addWidget(self.find_bar)
        self.setCentralWidget(central)

        extras = [(GLOSSARY_SLUG, "Glossary")] if len(archive.glossary) else []
        self.nav_tree = NavTree(archive.sections, extras)
        self.nav_dock = self._dock("navDock", "Contents", self.nav_tree,
                                   Qt.DockWidgetArea.LeftDockWidgetArea)
        self.glossary_dock = GlossaryDock(archive.glossary, self.renderer, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.glossary_dock)
        self.glossary_dock.toggleViewAction().setShortcut("Ctrl+Shift+G")
        self._apply_look()
        self.bridge = StoreBridge(store, self)
        self.bookmarks, self.notes = Bookmarks(store), Notes(store)
        self.annotator = Annotator(self.bookmarks, self.notes, self.page_view, self._page_text,
                                   self)
        self.bookmarks_dock = BookmarksDock(self.bookmarks, archive.knows, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.bookmarks_dock)
        self.notes_dock = NotesDock(self.notes, self.annotator.is_detached, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.notes_dock)
        self.search_dock = SearchDock(self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.search_dock)
        self.tabifyDockWidget(self.glossary_dock, self.notes_dock)
        self.tabifyDockWidget(self.glossary_dock, self.search_dock)
        self.search = SearchController(archive, self._note_docs, self)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setAccessibleName("Search the course")
        self.search_box.setPlaceholderText("Search the course (Ctrl+K)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(320)
        self.glossary_dock.raise_()
        self.resizeDocks([self.nav_dock, self.glossary_dock], [280, 270],
                         Qt.Orientation.Horizontal)
        self.resizeDocks([self.nav_dock, self.bookmarks_dock], [520, 200],
                         Qt.Orientation.Vertical)
        self.page_view.context_actions = [self.actions.actionBookmark,
                                          self.actions.actionAddNote]
        self.bookmarks_dock.toggleViewAction().setShortcut("Ctrl+Shift+B")
        self.notes_dock.toggleViewAction().setShortcut("Ctrl+Shift+N")
        self.nav_tree.set_read(self.progress.read_slugs())
        build_menus(self)
        self._connect()
        self._restore_layout()
        self.actions.actionAboutSuccessor.setEnabled(has_successor)
        QTimer.singleShot(0, self.search.build)  # after the first paint
        self._tell_problems()
        QTimer.singleShot(5000, self._daily_backup)

    def _dock(self, name: str, title: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        a = self.actions
        a.actionQuit.triggered.connect(self.close)
        a.actionHome.triggered.connect(lambda: self.open_page(self.archive.home))
        a.actionFind.triggered.connect(self.find_bar.open_bar)
        a.actionSearch.triggered.connect(self._focus_search)
        self.search_box.textEdited.connect(self.search.typed)
        self.search_box.returnPressed.connect(
            lambda: self.search.search_now(self.search_box.text()))
        self.search.building.connect(self.search_dock.show_building)
        self.search.building.connect(lambda *_: self._reveal(self.search_dock)
                                     if self.search_box.text().strip() else None)
        self.search.results.connect(self._show_results)
        self.search_dock.hit_activated.connect(self._open_hit)
        a.actionBack.triggered.connect(self.go_back)
        a.actionForward.triggered.connect(self.go_forward)
        self.page_view.back_requested.connect(self.go_back)
        self.page_view.forward_requested.connect(self.go_forward)
        a.actionMarkUnread.triggered.connect(lambda: self._mark_unread(self.current_slug))
        self.nav_tree.mark_unread_requested.connect(self._mark_unread)
        self.nav_tree.mark_read_requested.connect(self.progress.mark_read)
        a.actionZoomIn.triggered.connect(lambda: self.appearance.zoom_by(1))
        a.actionZoomOut.triggered.connect(lambda: self.appearance.zoom_by(-1))
        a.actionZoomReset.triggered.connect(lambda: self.appearance.zoom_by(0))
        self.appearance.changed.connect(self._apply_look)
        a.actionAboutSuccessor.triggered.connect(self.show_successor)
        a.actionAboutReader.triggered.connect(self._about_reader)
        self.nav_tree.page_requested.connect(self.open_page)
        self.page_view.link_clicked.connect(self.router.route)
        self.page_view.link_hovered.connect(self._hovered)
        self.router.page_requested.connect(self.open_page)
        self.router.anchor_requested.connect(self.page_view.scrollToAnchor)
        self.router.term_requested.connect(self.glossary_dock.show_term)
        self.glossary_dock.page_requested.connect(self.open_page)
        self.router.external_requested.connect(lambda url: external.confirm_and_open(self, url))
        self.router.blocked.connect(
            lambda href: self.statusBar().showMessage(f"This link does nothing here: {href}", 5000))
        a.actionBookmark.triggered.connect(self.annotator.toggle_bookmark)
        a.actionAddNote.triggered.connect(self.annotator.add_note)
        a.actionExportNotes.triggered.connect(self._export_notes)
        a.actionPageInfo.triggered.connect(self._page_info)
        a.actionExportSite.triggered.connect(self._export_site)
        a.actionVerifyArchive.triggered.connect(self._verify_archive)
        a.actionPrint.triggered.connect(lambda: self._handout("print_handout"))
        a.actionExportPdf.triggered.connect(lambda: self._handout("export_pdf"))
        a.actionImportNotes.triggered.connect(lambda: self._notes_file("import_dialog"))
        a.actionRestoreBackup.triggered.connect(lambda: self._notes_file("restore_dialog"))
        self.annotator.message.connect(self._say)
        self.bridge.changed.connect(self._user_data_changed)
        self.bookmarks_dock.page_requested.connect(self.open_page)
        self.bookmarks_dock.error.connect(lambda text: QMessageBox.warning(self, "Not saved",
                                                                            text))
        self.notes_dock.page_requested.connect(self.open_page)
        self.notes_dock.note_requested.connect(self.open_note)
        self.notes_dock.edit_requested.connect(self.annotator.edit_note)
        self.notes_dock.delete_requested.connect(self.annotator.delete_note)
        self.page_view.highlight_clicked.connect(self._show_note)
        self.notice.dismissed.connect(self.dismiss_notice)
        self.notice.details_requested.connect(self.show_successor_details)

    def open_page(self, slug: str, fragment: str = "") -> None:
        """Open a page from a link, the tree, a note or a search: it joins the history."""
        self.history.visit(slug, self._scroll())
        self._show(slug)
        if fragment:
            self.page_view.scrollToAnchor(fragment)

    def go_back(self) -> None:
        self._return_to(self.history.back(self._scroll()))

    def go_forward(self) -> None:
        self._return_to(self.history.forward(self._scroll()))

    def _return_to(self, place: tuple[str, int] | None) -> None:
        if place is not None:
            self._show(place[0])
            self.page_view.verticalScrollBar().setValue(place[1])

    def _scroll(self) -> int:
        return self.page_view.verticalScrollBar().value()

    def resume_scroll(self, value: int) -> None:
        """Scroll to `value` once the window is laid out (the reader resumes where it was)."""
        self._pending_scroll = value
        if self.isVisible():
            self.page_view.verticalScrollBar().setValue(value)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._pending_scroll:
            value, self._pending_scroll = self._pending_scroll, 0
            QTimer.singleShot(0, lambda: self.page_view.verticalScrollBar().setValue(value))

    def _apply_look(self) -> None:
        look = self.appearance
        self.page_view.apply_look(look.css, look.font(), look.highlight, look.found)
        self.glossary_dock.apply_look(look.css)
        if self.current_slug:
            scroll = self._scroll()
            self._show(self.current_slug)
            self.page_view.verticalScrollBar().setValue(scroll)

    def _mark_unread(self, slug: str) -> None:
        try:
            self.progress.mark_unread(slug)
        except StoreError as exc:
            self._say(str(exc))

    def _show(self, slug: str) -> None:
        """Show a page (or what is known of a page not preserved) and remember it."""
        self.page_view.show_html(self.renderer.html_for(slug))
        self.current_slug = slug
        self.actions.actionBack.setEnabled(self.history.can_go_back())
        self.actions.actionForward.setEnabled(self.history.can_go_forward())
        if slug in self.archive.pages:
            with contextlib.suppress(StoreError):
                self.progress.mark_read(slug)
        self.nav_tree.select(slug)
        self.annotator.set_page(slug, self.archive.title_of(slug))
        self.actions.actionBookmark.setChecked(self.annotator.is_bookmarked())
        self.store.set("last_page", slug)

    def open_note(self, note_id: int) -> None:
        """Open a note's page at its passage."""
        note = self.notes.get(note_id)
        if note is not None:
            if note.slug != self.current_slug:
                self.open_page(note.slug)
            self.annotator.reveal(note_id)

    def _show_note(self, note_id: int) -> None:
        note = self.notes.get(note_id)
        if note is None:
            return
        self.notes_dock.show()
        self.notes_dock.raise_()
        self.notes_dock.select_note(note_id)
        QToolTip.showText(QCursor.pos(), plain_tooltip(note.text), self.page_view)

    def _user_data_changed(self, changes: Changes) -> None:
        if changes.bookmarks:
            self.bookmarks_dock.refresh()
            self.actions.actionBookmark.setChecked(self.annotator.is_bookmarked())
        if changes.notes:
            self.notes_dock.refresh()
            self.annotator.paint()
            self.search.refresh_notes()
        if changes.progress:
            self.nav_tree.set_read(self.progress.read_slugs())

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _reveal(self, dock: QDockWidget) -> None:
        dock.show()
        dock.raise_()

    def _show_results(self, query: str, hits: list) -> None:
        self.search_dock.show_results(query, hits, self.search.problem)
        if query.strip():
            self._reveal(self.search_dock)

    def _open_hit(self, hit) -> None:
        """A page opens at its first hit with every hit marked; a term shows its entry."""
        if hit.kind == "glossary" and hit.term_slug:
            self.glossary_dock.show_term(hit.term_slug)
        elif hit.kind == "note" and hit.note_id is not None:
            self.open_note(hit.note_id)
        else:
            self.open_page(hit.slug)
            found = self.page_view.show_found(
                self.search.hit_terms(self.search_box.text(), hit.slug))
            self._say(f"{found} hit{'s' if found != 1 else ''} marked in this page.")

    def _note_docs(self) -> list:
        from reader.archive.search_index import NoteDoc

        return [NoteDoc(n.id, n.slug, n.page_title, n.quote, n.text) for n in self.notes.all()]

    def _page_text(self, slug: str) -> str | None:
        if not self.archive.page(slug):
            return None
        return html_to_text(self.renderer.html_for(slug))

    def _say(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 6000)

    # Dialogs for rarer work are imported when first used, to keep start-up short.
    def _export_notes(self) -> None:
        from reader.ui import notes_files

        path = notes_files.export_dialog(self, self.store)
        if path is not None:
            self._say(f"Exported to {path}.")

    def _notes_file(self, dialog: str) -> None:
        from reader.ui import notes_files

        self._say(getattr(notes_files, dialog)(self, self.store))

    def _page_info(self) -> None:
        from reader.ui.archive_dialogs import PageInfoDialog

        PageInfoDialog(self.archive, self.current_slug, self).open()

    def _export_site(self) -> None:
        from reader.ui.site_dialog import export_classroom_copy

        self._export_job = export_classroom_copy(self, self.archive)

    def _verify_archive(self) -> None:
        from reader.ui.archive_dialogs import verify_archive

        self._verify_job = verify_archive(self, self.archive)

    def _handout(self, dialog: str) -> None:
        from reader.ui import handout_dialog

        self._say(getattr(handout_dialog, dialog)(self, self.archive, self.current_slug,
                                                  self.notes))

    def _daily_backup(self) -> None:
        if self.store.writable and self.store.path is not None:
            path = self.store.path
            QThreadPool.globalInstance().start(lambda: _quiet_backup(path))

    def _hovered(self, href: str) -> None:
        if not href:
            self.statusBar().clearMessage()
            QToolTip.hideText()
            return
        target = classify_href(href)
        if target.kind == "term":
            term = self.archive.glossary.term(target.value)
            if term is not None:
                QToolTip.showText(QCursor.pos(), f"<b>{escape(term.term)}</b><br>"
                                                 f"{escape(term_tooltip(term))}", self.page_view)
                self.statusBar().showMessage(f"Glossary: {term.term} (click for the entry)")
        elif target.kind == "page":
            title = self.archive.title_of(target.value)
            known = target.value in self.archive.pages
            self.statusBar().showMessage(title if known else f"{NOT_PRESERVED}: {title}")
        elif target.kind == "external":
            self.statusBar().showMessage(f"Outside the archive (asks first): {target.value}")

    def dismiss_notice(self) -> None:
        self.notice.hide()
        self.store.set("notice_dismissed", True)

    def show_successor(self) -> None:
        self.notice.show()
        self.store.set("notice_dismissed", False)
        self.show_successor_details()

    def show_successor_details(self) -> None:
        dialog = SuccessorDialog(self.archive.course, self)
        dialog.open_requested.connect(lambda url: external.confirm_and_open(dialog, url))
        dialog.open()

    def _about_reader(self) -> None:
        QMessageBox.about(self, "About OTPIC Reader",
                          f"<p><b>OTPIC Reader</b> {__version__}</p><p>An offline reader for the "
                          "archived International Online Training Program on Intractable "
                          "Conflict. It reads the course from files on this computer and "
                          "never uses the network unless you confirm an outside link.</p>")

    def _restore_layout(self) -> None:
        for key, restore in (("window_geometry", self.restoreGeometry),
                             ("window_state", self.restoreState)):
            saved = self.store.get(key)
            if saved:
                restore(QByteArray(base64.b64decode(saved)))

    def save_layout(self) -> None:
        self.store.set("window_geometry", base64.b64encode(bytes(self.saveGeometry())).decode())
        self.store.set("window_state", base64.b64encode(bytes(self.saveState())).decode())

    def _tell_problems(self) -> None:
        """Say once, without blocking, what went wrong with the archive or the user's data."""
        if self.store.recovery_message:
            self._inform("Your notes were recovered", self.store.recovery_message)
        if not self.store.writable:
            self._inform("Notes cannot be saved",
                         f"You can read the course, but bookmarks, notes and settings cannot "
                         f"be saved: {self.store.read_only_reason}.")
        problems = self.archive.problems
        if problems:
            self.statusBar().showMessage(f"{len(problems)} file(s) of the archive were skipped: "
                                         f"{problems[0]}", 15000)

    def _inform(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("userDataMessage")
        box.setTextFormat(Qt.TextFormat.PlainText)
        QTimer.singleShot(0, box.open)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.store.set("last_scroll", self._scroll())
        super().closeEvent(event)


def _quiet_backup(path) -> None:
    """A backup that fails (a full disk, say) must not disturb reading; tomorrow tries again."""
    from reader.userdata.backups import make_daily_backup

    with contextlib.suppress(OSError, sqlite3.Error):
        make_daily_backup(path)
