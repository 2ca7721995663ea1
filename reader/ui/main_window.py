"""The main window: the tree, the notice and the page view, then the tools (window_tools.py).

Its first part is what the first paint needs; `complete()` adds the panes and
helpers, at once by default, or after the first paint when the reader starts
(`defer_tools`), so the page appears sooner.
"""

from __future__ import annotations

import base64
import contextlib
import sqlite3
from html import escape

from PySide6.QtCore import QByteArray, Qt, QThreadPool, QTimer, Signal
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
from reader.archive.render import NOT_PRESERVED, Renderer
from reader.archive.term_links import term_tooltip
from reader.ui import external
from reader.ui.actions import Actions
from reader.ui.appearance import Appearance
from reader.ui.history import History
from reader.ui.link_router import LinkRouter
from reader.ui.menus import build_menus
from reader.ui.nav_tree import NavTree
from reader.ui.page_view import PageView
from reader.ui.successor_notice import SuccessorDialog, SuccessorNotice
from reader.userdata.store import UserStore

WINDOW_TITLE = "OTPIC Reader"


class MainWindow(QMainWindow):
    page_shown = Signal(str)

    def __init__(self, archive: Archive, store: UserStore, *, defer_tools: bool = False) -> None:
        super().__init__()
        self.archive = archive
        self.store = store
        self.renderer = Renderer(archive)
        self.current_slug = ""
        self.complete_done = False
        self.setObjectName("mainWindow")
        self.setWindowTitle(WINDOW_TITLE)
        room = self.screen().availableGeometry()  # old laptops have small screens
        self.resize(min(1280, room.width() * 95 // 100), min(780, room.height() * 9 // 10))

        self.actions = Actions(self)
        self.router = LinkRouter(self)
        self.history = History()
        self.appearance = Appearance(store, self)
        self._pending_scroll = 0
        self.page_view = PageView(archive)
        self.notice = SuccessorNotice(archive.course)
        has_successor = bool(archive.course.successor.title)  # another archive may have none
        self.notice.setVisible(has_successor and not store.get("notice_dismissed"))
        self.actions.actionAboutSuccessor.setEnabled(has_successor)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(self.page_view, 1)
        self.setCentralWidget(central)

        extras = [(GLOSSARY_SLUG, "Glossary")] if len(archive.glossary) else []
        self.nav_tree = NavTree(archive.sections, extras)
        self.nav_dock = QDockWidget("Contents", self)
        self.nav_dock.setObjectName("navDock")
        self.nav_dock.setWidget(self.nav_tree)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.nav_dock)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setAccessibleName("Search the course")
        self.search_box.setPlaceholderText("Search the course (Ctrl+K)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(320)
        self._apply_look()
        build_menus(self)
        self._connect()
        self._restore("window_geometry", self.restoreGeometry)
        self._tell_problems()
        if defer_tools:
            self.page_view.first_painted.connect(lambda: QTimer.singleShot(0, self.complete))
        else:
            self.complete()

    def complete(self) -> None:
        """Add the panes and tools (once): glossary, bookmarks, notes, search, find."""
        if self.complete_done:
            return
        import linecache

        from reader.ui.window_tools import attach_tools

        attach_tools(self)
        linecache.clearcache()  # the sources PySide6's import hook read: not needed again
        self.complete_done = True
        self._restore("window_state", self.restoreState)
        QTimer.singleShot(5000, self._daily_backup)

    def _connect(self) -> None:
        a = self.actions
        a.actionQuit.triggered.connect(self.close)
        a.actionHome.triggered.connect(lambda: self.open_page(self.archive.home))
        a.actionSearch.triggered.connect(self._focus_search)
        a.actionBack.triggered.connect(self.go_back)
        a.actionForward.triggered.connect(self.go_forward)
        self.page_view.back_requested.connect(self.go_back)
        self.page_view.forward_requested.connect(self.go_forward)
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
        self.router.external_requested.connect(lambda url: external.confirm_and_open(self, url))
        self.router.blocked.connect(
            lambda href: self.statusBar().showMessage(f"This link does nothing here: {href}", 5000))
        a.actionExportNotes.triggered.connect(self._export_notes)
        a.actionPageInfo.triggered.connect(self._page_info)
        a.actionExportSite.triggered.connect(self._export_site)
        a.actionVerifyArchive.triggered.connect(self._verify_archive)
        a.actionPrint.triggered.connect(lambda: self._handout("print_handout"))
        a.actionExportPdf.triggered.connect(lambda: self._handout("export_pdf"))
        a.actionImportNotes.triggered.connect(lambda: self._notes_file("import_dialog"))
        a.actionRestoreBackup.triggered.connect(lambda: self._notes_file("restore_dialog"))
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
        if self.current_slug:
            scroll = self._scroll()
            self._show(self.current_slug)
            self.page_view.verticalScrollBar().setValue(scroll)

    def _show(self, slug: str) -> None:
        """Show a page (or what is known of a page not preserved) and remember it."""
        self.page_view.show_html(self.renderer.html_for(slug))
        self.current_slug = slug
        self.actions.actionBack.setEnabled(self.history.can_go_back())
        self.actions.actionForward.setEnabled(self.history.can_go_forward())
        self.nav_tree.select(slug)
        self.store.set("last_page", slug)
        self.page_shown.emit(slug)

    def open_note(self, note_id: int) -> None:  # the notes come with complete()
        """Open a note's page at its passage."""
        note = self.notes.get(note_id)
        if note is not None:
            if note.slug != self.current_slug:
                self.open_page(note.slug)
            self.annotator.reveal(note_id)

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def say(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text, 6000)

    # Dialogs for rarer work are imported when first used, to keep start-up short.
    def _export_notes(self) -> None:
        from reader.ui import notes_files

        path = notes_files.export_dialog(self, self.store)
        if path is not None:
            self.say(f"Exported to {path}.")

    def _notes_file(self, dialog: str) -> None:
        from reader.ui import notes_files

        self.say(getattr(notes_files, dialog)(self, self.store))

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

        self.complete()  # the notes it may print come with the tools
        self.say(getattr(handout_dialog, dialog)(self, self.archive, self.current_slug,
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

    def _restore(self, key: str, restore) -> None:
        saved = self.store.get(key)
        if saved:
            restore(QByteArray(base64.b64decode(saved)))

    def save_layout(self) -> None:
        self.store.set("window_geometry", base64.b64encode(bytes(self.saveGeometry())).decode())
        if self.complete_done:  # before, the panes are not there to be saved
            self.store.set("window_state",
                           base64.b64encode(bytes(self.saveState())).decode())

    def _tell_problems(self) -> None:
        """Say once, without blocking, what went wrong with the archive or the user's data."""
        if self.store.recovery_message:
            self._inform("Your notes were recovered", self.store.recovery_message)
        if not self.store.writable and not self.store.look_only:
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
