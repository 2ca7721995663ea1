"""The main window, built in three steps so that the page appears as soon as it can.

1. `MainWindow(look)` builds what the first paint shows from plain values (a Look,
   reader/snapshot.py): the page, the notice, the menus and tool bar, and the
   contents pane, empty. It loads neither the archive nor the user's data, nor the
   Qt namespace.
2. `attach(archive, store)` brings it to life: the contents, links, history,
   appearance and settings; what the look showed is checked against the archive
   and the user's data, and corrected where it differs.
3. `complete()` adds the panes and tools (window_tools.py).

An ordinary start (app.create_main_window) runs step 1 with a blank look and step 2
before the window is shown; a start from the snapshot of the last window runs
steps 2 and 3 after the first paint.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Classes the first paint does not need are named through their modules (QtWidgets.QMessageBox),
# so that they load when first used (see page_view.py).
from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QByteArray, QTimer, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDockWidget, QFrame, QLineEdit, QMainWindow, QVBoxLayout, QWidget

from reader import __version__
from reader.snapshot import BLANK, Look
from reader.ui.page.page_view import PageView
from reader.ui.window.actions import Actions
from reader.ui.window.menus import build_menus
from reader.ui.window.successor_notice import SuccessorNotice

if TYPE_CHECKING:
    from reader.archive.archive import Archive
    from reader.userdata.store import UserStore

    Opener = Callable[[], "tuple[Archive, UserStore] | None"]

WINDOW_TITLE = "OTPIC Reader"


class MainWindow(QMainWindow):
    page_shown = Signal(str)

    def __init__(self, look: Look = BLANK,
                 image_path: Callable[[str], Path | None] | None = None) -> None:
        """Step 1: the window as `look` shows it (`image_path` finds the page's images)."""
        super().__init__()
        self.archive: Archive | None = None
        self.store: UserStore | None = None
        self.current_slug = look.slug
        self.complete_done = False
        self._opener: Opener | None = None
        self._pending_scroll = 0
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
        self.nav_dock.setWidget(_empty_pane())
        self.search_box = QLineEdit()
        self.search_box.setObjectName("searchBox")
        self.search_box.setAccessibleName("Search the course")
        self.search_box.setPlaceholderText("Search the course (Ctrl+K)")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(320)
        build_menus(self)
        if look.slug:
            self.page_view.show_html(look.html)
            self.resume_scroll(look.scroll)
        # Restoring the last layout places the contents without naming a dock area (which
        # would load the Qt namespace); the other panes' places wait for them.
        if not (look.state and self.restoreState(QByteArray(look.state))):
            self.addDockWidget(QtCore.Qt.DockWidgetArea.LeftDockWidgetArea, self.nav_dock)

    def attach(self, archive: Archive, store: UserStore) -> None:
        """Step 2: the archive and the user's data; what the look showed is corrected."""
        from reader.archive.glossary import GLOSSARY_SLUG
        from reader.render.renderer import Renderer
        from reader.ui.panes.nav_tree import NavTree
        from reader.ui.window.appearance import Appearance
        from reader.ui.window.history import History
        from reader.ui.window.link_router import LinkRouter
        from reader.ui.window.menus import add_look_menus
        from reader.ui.window.successor_notice import notice_text

        self.archive, self.store = archive, store
        self.actions.finish()
        self.renderer = Renderer(archive)
        self.page_view.image_path = archive.image_path
        self.router = LinkRouter(self)
        self.history = History()
        self.appearance = Appearance(store, self)
        add_look_menus(self, self.appearance)
        has_successor = bool(archive.course.successor.title)  # another archive may have none
        text = notice_text(archive.course) if has_successor else ""
        if self.notice.label.text() != text:
            self.notice.label.setText(text)
        self.notice.setVisible(has_successor and not store.get("notice_dismissed"))
        self.actions.actionAboutSuccessor.setEnabled(has_successor)
        self.progress = store.progress
        extras = ((GLOSSARY_SLUG, "Glossary"),) if len(archive.glossary) else ()
        self.nav_tree = NavTree(archive.outline(), extras, self.progress.read_slugs())
        empty = self.nav_dock.widget()
        self.nav_dock.setWidget(self.nav_tree)
        self.setTabOrder(self.page_view, self.nav_tree)  # as when the tree came first
        empty.deleteLater()
        self.page_view.serve_margins()
        self._connect()
        self._restore("window_geometry", self.restoreGeometry)
        self._apply_look()
        if self.current_slug:
            self._adopt(self.current_slug)
        self._tell_problems()

    def complete_after_first_paint(self, opener: Opener | None = None) -> None:
        """Run the steps still to come once the first page is painted; a window built
        from a look gets its archive and store from `opener` (None if they could not
        be opened: it has said why)."""
        self._opener = opener
        self.page_view.first_painted.connect(lambda: QTimer.singleShot(0, self._after_paint))

    def _after_paint(self) -> None:
        if self.store is not None:
            self.complete()
        elif self._attach_opened():
            QTimer.singleShot(0, self.complete)  # let the window answer between the steps

    def _attach_opened(self) -> bool:
        import linecache

        opened = self._opener() if self._opener is not None else None
        if opened is not None:
            self.attach(*opened)
        linecache.clearcache()  # the sources PySide6's import hook read: not needed again
        return opened is not None

    def complete(self) -> None:
        """Add the panes and tools (once): glossary, bookmarks, notes, search, find."""
        if self.complete_done or (self.store is None and not self._attach_opened()):
            return
        import linecache

        from reader.ui.window.window_tools import attach_tools

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
        self.router.external_requested.connect(lambda url: _confirm_and_open(self, url))
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
        if self.page_view.apply_look(*self.appearance.page_look()) and self.current_slug:
            self._show_again(self.renderer.html_for(self.current_slug))

    def _show_again(self, html: str) -> None:
        """Show the open page anew (a new look, a new rendering), where the reader was."""
        scroll = self._scroll()
        self.page_view.show_html(html)
        self.page_view.verticalScrollBar().setValue(scroll)

    def _adopt(self, slug: str) -> None:
        """Take the page the look showed as opened, rendered again only if it differs."""
        html = self.renderer.html_for(slug)
        if html != self.page_view.html:
            self._show_again(html)
        self.history.visit(slug, self._scroll())
        self._shown(slug)

    def _show(self, slug: str) -> None:
        """Show a page (or what is known of a page not preserved) and remember it."""
        self.page_view.show_html(self.renderer.html_for(slug))
        self._shown(slug)

    def _shown(self, slug: str) -> None:
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
        from reader.ui.dialogs import notes_files

        path = notes_files.export_dialog(self, self.store)
        if path is not None:
            self.say(f"Exported to {path}.")

    def _notes_file(self, dialog: str) -> None:
        from reader.ui.dialogs import notes_files

        self.say(getattr(notes_files, dialog)(self, self.store))

    def _page_info(self) -> None:
        from reader.ui.dialogs.archive_dialogs import PageInfoDialog

        PageInfoDialog(self.archive, self.current_slug, self).open()

    def _export_site(self) -> None:
        from reader.ui.dialogs.site_dialog import export_classroom_copy

        self._export_job = export_classroom_copy(self, self.archive)

    def _verify_archive(self) -> None:
        from reader.ui.dialogs.archive_dialogs import verify_archive

        self._verify_job = verify_archive(self, self.archive)

    def _handout(self, dialog: str) -> None:
        from reader.ui.dialogs import handout_dialog

        self.complete()  # the notes it may print come with the tools
        self.say(getattr(handout_dialog, dialog)(self, self.archive, self.current_slug,
                                                  self.notes))

    def _daily_backup(self) -> None:
        if self.store.writable and self.store.path is not None:
            path = self.store.path
            QtCore.QThreadPool.globalInstance().start(lambda: _quiet_backup(path))

    def _hovered(self, href: str) -> None:
        if not href:
            self.statusBar().clearMessage()
            QtWidgets.QToolTip.hideText()
            return
        from html import escape

        from reader.archive.links import classify_href
        from reader.render.renderer import NOT_PRESERVED
        from reader.render.term_links import term_tooltip

        target = classify_href(href)
        if target.kind == "term":
            term = self.archive.glossary.term(target.value)
            if term is not None:
                tip = f"<b>{escape(term.term)}</b><br>{escape(term_tooltip(term))}"
                QtWidgets.QToolTip.showText(QtGui.QCursor.pos(), tip, self.page_view)
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
        from reader.ui.dialogs.successor_dialog import SuccessorDialog

        dialog = SuccessorDialog(self.archive.course, self)
        dialog.open_requested.connect(lambda url: _confirm_and_open(dialog, url))
        dialog.open()

    def _about_reader(self) -> None:
        QtWidgets.QMessageBox.about(self, "About OTPIC Reader",
                          f"<p><b>OTPIC Reader</b> {__version__}</p><p>An offline reader for the "
                          "archived International Online Training Program on Intractable "
                          "Conflict. It reads the course from files on this computer and "
                          "never uses the network unless you confirm an outside link.</p>")

    # The layout is kept in the settings as base64 text (the module loads after the first paint).
    def _restore(self, key: str, restore) -> None:
        from base64 import b64decode

        saved = self.store.get(key)
        if saved:
            restore(QByteArray(b64decode(saved)))

    def save_layout(self) -> None:
        from base64 import b64encode

        self.store.set("window_geometry", b64encode(bytes(self.saveGeometry())).decode())
        if self.complete_done:  # before, the panes are not there to be saved
            self.store.set("window_state", b64encode(bytes(self.saveState())).decode())

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
        QMessageBox = QtWidgets.QMessageBox
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self)
        box.setObjectName("userDataMessage")
        box.setTextFormat(QtCore.Qt.TextFormat.PlainText)
        QTimer.singleShot(0, box.open)

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.store is not None:  # else it closes before it had the user's data
            self.save_layout()
            self.store.set("last_scroll", self._scroll())
        super().closeEvent(event)

    def close_store(self) -> None:
        """Let go of the user's data, at exit: its files settle, and nothing reads it again."""
        if self.complete_done:
            self.bridge.stop()
        self.store.close()

    def look(self) -> Look:
        """What the window shows now, as plain values (kept for the next start)."""
        from reader.ui.themes import applied_theme

        css, font, highlight, found = self.appearance.page_look()
        return Look(slug=self.current_slug, html=self.page_view.html, scroll=self._scroll(),
                    css=css, font=font, highlight=highlight, found=found,
                    theme=applied_theme(), notice=self.notice.label.text(),
                    notice_shown=not self.notice.isHidden(),
                    geometry=bytes(self.saveGeometry()), state=bytes(self.saveState()))


def _empty_pane() -> QFrame:
    """What the contents pane shows until the contents come: a tree's frame and
    background, and nothing that takes the keyboard's focus meanwhile."""
    pane = QFrame()
    pane.setFrameShape(QFrame.Shape.StyledPanel)
    pane.setFrameShadow(QFrame.Shadow.Sunken)
    pane.setBackgroundRole(QPalette.ColorRole.Base)
    pane.setAutoFillBackground(True)
    return pane


def _confirm_and_open(parent: QWidget, url: str) -> None:
    from reader.ui.window import external

    external.confirm_and_open(parent, url)


def _quiet_backup(path) -> None:
    """A backup that fails (a full disk, say) must not disturb reading; tomorrow tries again."""
    import contextlib
    import sqlite3

    from reader.userdata.backups import make_daily_backup

    with contextlib.suppress(OSError, sqlite3.Error):
        make_daily_backup(path)
