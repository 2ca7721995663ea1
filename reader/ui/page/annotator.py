"""Bookmarking, annotating and marking read the page on screen: the dialogs, the
highlights, the errors."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip, QWidget

from reader.ui.dialogs.note_dialog import NoteDialog
from reader.ui.page.page_view import PageView
from reader.ui.tooltips import plain_tooltip
from reader.userdata.anchors import locate, make_anchor
from reader.userdata.bookmarks import Bookmarks
from reader.userdata.database import Changes, StoreError
from reader.userdata.notes import Note, Notes
from reader.userdata.progress import Progress


class Annotator(QObject):
    """Acts on the current page for the window; says what happened through `message`,
    whether the page is bookmarked through `bookmarked`, and asks for another page
    through `page_requested`.

    `page_html(slug)` is a page's HTML, or None for a page the archive does not hold: the
    view's text of it (PageView.text) tells whether a note's passage is still there.
    """

    message = Signal(str)
    bookmarked = Signal(bool)
    page_requested = Signal(str)

    def __init__(self, bookmarks: Bookmarks, notes: Notes, progress: Progress, view: PageView,
                 page_html: Callable[[str], str | None], parent: QWidget) -> None:
        super().__init__(parent)
        self.bookmarks = bookmarks
        self.notes = notes
        self.progress = progress
        self.view = view
        self.page_html = page_html
        self.parent_widget = parent
        self.slug = ""
        self.title = ""

    def set_page(self, slug: str, title: str, preserved: bool) -> None:
        """The page shown: read (when the archive holds it), painted, bookmarked or not."""
        self.slug, self.title = slug, title
        if preserved:
            with contextlib.suppress(StoreError):  # reading goes on without the mark
                self.progress.mark_read(slug)
        self.paint()
        self.bookmarked.emit(self.is_bookmarked())

    def mark_unread(self, slug: str) -> None:
        try:
            self.progress.mark_unread(slug)
        except StoreError as exc:
            self.message.emit(str(exc))

    def user_data_changed(self, changes: Changes) -> None:
        """The store's change notice: paint the notes again, say whether still bookmarked."""
        if changes.bookmarks:
            self.bookmarked.emit(self.is_bookmarked())
        if changes.notes:
            self.paint()

    def is_bookmarked(self) -> bool:
        return self.bookmarks.find(self.slug) is not None

    def toggle_bookmark(self) -> None:
        try:
            added = self.bookmarks.toggle(self.slug, self.title)
        except StoreError as exc:
            self._failed("The bookmark could not be saved", exc)
            return
        self.message.emit(f"Bookmarked “{self.title}”." if added else "Bookmark removed.")

    def add_note(self) -> None:
        """A note on the selected passage, or on the whole page when nothing is selected."""
        span = self.view.selected_span()
        anchor = make_anchor(self.view.text(), *span) if span else None
        if anchor is not None and not anchor.quote:
            anchor = None
        dialog = NoteDialog(self.title, anchor.quote if anchor else "", parent=self.parent_widget)
        if not dialog.exec() or not dialog.text().strip():
            return
        try:
            self.notes.add(self.slug, self.title, dialog.text(), anchor)
        except StoreError as exc:
            self._failed("Your note could not be saved", exc, keep=dialog.text())
            return
        self.message.emit("Note saved.")

    def edit_note(self, note_id: int) -> None:
        note = self.notes.get(note_id)
        if note is None:
            return
        dialog = NoteDialog(note.page_title, note.quote, note.text, parent=self.parent_widget)
        if not dialog.exec() or dialog.text() == note.text:
            return
        try:
            self.notes.update(note_id, dialog.text())
        except StoreError as exc:
            self._failed("Your change could not be saved", exc, keep=dialog.text())

    def delete_note(self, note_id: int) -> None:
        try:
            self.notes.delete(note_id)
        except StoreError as exc:
            self._failed("The note could not be deleted", exc)

    def paint(self) -> None:
        """Highlight the current page's noted passages that can still be found."""
        text = self.view.text()
        spans = []
        for note in self.notes.for_page(self.slug):
            if note.anchor is None:
                continue
            found = locate(note.anchor, text)
            if found:
                spans.append((found[0], found[1], note.id))
        self.view.set_highlights(spans)

    def show_tip(self, note_id: int) -> None:
        """Show a note's words beside the pointer (its highlight was clicked)."""
        note = self.notes.get(note_id)
        if note is not None:
            QToolTip.showText(QCursor.pos(), plain_tooltip(note.text), self.view)

    def open_note(self, note_id: int) -> None:
        """Show a note's passage, its page first when another page is shown (the window
        opens it when asked, before this goes on)."""
        note = self.notes.get(note_id)
        if note is not None:
            if note.slug != self.slug:
                self.page_requested.emit(note.slug)
            self.reveal(note_id)

    def reveal(self, note_id: int) -> None:
        """Select a note's passage in the page, if it can be found."""
        span = self.view.highlight_span(note_id)
        if span is not None:
            self.view.select_span(*span)

    def is_detached(self, note: Note) -> bool:
        """True when a passage note's quote is no longer in its page."""
        if note.anchor is None:
            return False
        html = self.page_html(note.slug)
        return html is None or locate(note.anchor, self.view.text(html)) is None

    def _failed(self, what: str, exc: StoreError, keep: str = "") -> None:
        kept = ""
        if keep:
            QApplication.clipboard().setText(keep)
            kept = " Your text has been copied to the clipboard, so nothing is lost."
        QMessageBox.warning(self.parent_widget, "Not saved", f"{what}: {exc}{kept}")
