"""The page view: a QTextBrowser that opens no link by itself and loads nothing remote."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# Classes the first paint does not need are named through their modules (QtGui.QImage),
# so that they load when first used: each costs a start a millisecond or two.
from PySide6 import QtCore, QtGui
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QTextBrowser, QTextEdit, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QEvent, QPoint, QUrl
    from PySide6.QtGui import (
        QAction,
        QContextMenuEvent,
        QMouseEvent,
        QPaintEvent,
        QResizeEvent,
        QShowEvent,
    )

PAINT_STAMP = "OTPIC_READER_PAINT_STAMP"


def stamp_first_paint() -> None:
    """For the start-up benchmark: note when the first page was painted (monotonic clock)."""
    target = os.environ.get(PAINT_STAMP)
    if target:
        with open(target, "w", encoding="utf-8") as stamp:
            stamp.write(repr(time.monotonic()))


READING_FONTS = {"sans-serif": QFont.StyleHint.SansSerif, "serif": QFont.StyleHint.Serif}
MAX_TEXT_WIDTH = 760  # pixels, the scroll bar included: a comfortable line length
MIN_MARGIN = 24


class PageView(QTextBrowser):
    """Shows rendered pages; every click on a link goes out as link_clicked(href), and a
    middle or Ctrl+click as link_in_new_window(href)."""

    link_clicked = Signal(str)
    link_in_new_window = Signal(str)
    link_hovered = Signal(str)  # "" when the pointer leaves the link (or the page)
    highlight_clicked = Signal(int)  # the note id of a highlighted passage
    first_painted = Signal()
    back_requested = Signal()
    forward_requested = Signal()

    def __init__(self, image_path: Callable[[str], Path | None] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image_path = image_path  # where a page's image is, inside the archive
        self.html = ""  # the page shown, as it was given
        self._look: tuple = ()
        self._style = ""  # the page style sheet, as markup
        self.setObjectName("pageView")
        self.setAccessibleName("Page")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(lambda url: self.link_clicked.emit(url.toString()))
        self.highlighted.connect(self._hovered)
        self._hovering = False  # over a link: leaving the page says so (leaveEvent)
        self._pressed_link = ""  # a middle or Ctrl+press on a link, until its release
        self.context_actions: list[QAction] = []
        self._highlights: list[tuple[int, int, int]] = []
        self._found: list[tuple[int, int]] = []
        self.highlight_color = QColor("#fff1a8")
        self.found_color = QColor("#ffc870")
        self._painted = False
        self._pending_scroll = 0
        self._side = 0  # the margins beside the text column
        self.setBackgroundRole(QPalette.ColorRole.Base)  # they are the page's, not the window's
        self.setAutoFillBackground(True)

    def show_html(self, html: str) -> None:
        """Show a page. Noted passages and search hits are positions in the page's text:
        the same page shown again (a new zoom, font or theme changes no position) keeps
        them, painted anew, as setHtml drops them; another page starts without any."""
        same = html == self.html
        if not same:
            self._found, self._highlights = [], []
        self.html = html
        self.setHtml(self._style + html)
        if same and (self._found or self._highlights):
            self._paint()

    def scroll_to_end(self, end: bool) -> None:
        """Ctrl+Home and Ctrl+End: the top or the end of the page."""
        bar = self.verticalScrollBar()
        bar.setValue(bar.maximum() if end else bar.minimum())

    def apply_look(self, css: str, font: tuple[str, int], highlight: str, found: str) -> bool:
        """Theme, reading font (a READING_FONTS name and a point size) and colours for the
        pages shown from now on; False when they are what they were."""
        look = (css, tuple(font), highlight, found)
        if look == self._look:
            return False
        self._look = look
        name, size = font
        qfont = QFont(name)  # a generic family; the hint picks a real one
        qfont.setStyleHint(READING_FONTS.get(name, QFont.StyleHint.SansSerif))
        qfont.setPointSize(min(max(size, 6), 72))  # whatever a damaged setting or look says
        # The page style goes with each page, where a document's default style sheet would
        # have PySide6 create QTextDocument's type before the first paint (1 ms); the widget
        # gives its font to its document.
        self._style = f"<style>{css}</style>"
        self.setFont(qfont)
        self.highlight_color, self.found_color = QColor(highlight), QColor(found)
        return True

    def text(self, html: str | None = None) -> str:
        """The page's text as this view holds it, or a page's `html` as it would: the one
        text notes' passages are cut from and found in again (in the document's positions)."""
        if html is None or html == self.html:
            return self.toPlainText()
        document = QtGui.QTextDocument()
        document.setHtml(html)
        return document.toPlainText()

    def set_highlights(self, spans: list[tuple[int, int, int]]) -> None:
        """Paint noted passages: (start, end, note id) in the document's text positions."""
        self._highlights = spans
        self._paint()

    def show_found(self, words: list[str]) -> int:
        """Mark every occurrence of the words (a search's hits); scroll to the first one."""
        document = self.document()
        spans: list[tuple[int, int]] = []
        whole = QtGui.QTextDocument.FindFlag.FindWholeWords  # "threat" is not marked in "threaten"
        for word in words:
            cursor = document.find(word, 0, whole)
            while not cursor.isNull():
                spans.append((cursor.selectionStart(), cursor.selectionEnd()))
                cursor = document.find(word, cursor, whole)
        self._found = sorted(spans)
        self._paint()
        if self._found:
            cursor = QtGui.QTextCursor(document)
            cursor.setPosition(self._found[0][0])
            self.setTextCursor(cursor)
            self.ensureCursorVisible()
        return len(self._found)

    def _paint(self) -> None:
        selections = []
        for spans, color in ((self._found, self.found_color),
                             ([(s, e) for s, e, _ in self._highlights], self.highlight_color)):
            for start, end in spans:
                selection = QTextEdit.ExtraSelection()
                selection.cursor = QtGui.QTextCursor(self.document())
                selection.cursor.setPosition(start)
                selection.cursor.setPosition(end, QtGui.QTextCursor.MoveMode.KeepAnchor)
                selection.format = QtGui.QTextCharFormat()
                selection.format.setBackground(color)
                selections.append(selection)
        self.setExtraSelections(selections)

    def highlight_span(self, note_id: int) -> tuple[int, int] | None:
        return next(((s, e) for s, e, n in self._highlights if n == note_id), None)

    def selected_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        return cursor.selectionStart(), cursor.selectionEnd()

    def select_span(self, start: int, end: int) -> None:
        cursor = QtGui.QTextCursor(self.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QtGui.QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.open_menu(event.globalPos(), event.pos())

    def open_menu(self, where: QPoint, at: QPoint | None = None) -> None:
        """The page's menu at `where` on the screen, for the text at `at` in the viewport
        (or at the text cursor)."""
        menu = (self.createStandardContextMenu() if at is None
                else self.createStandardContextMenu(at))
        if self.context_actions:
            menu.addSeparator()
            menu.addActions(self.context_actions)
        menu.exec(where)

    def serve_margins(self) -> None:
        """Let the margins beside the column act as the page (page_margins.py)."""
        from reader.ui.page.page_margins import PageMargins

        self._margins = PageMargins(self, lambda where: self.open_menu(where))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """The mouse's back and forward buttons move through the history; a middle or
        Ctrl+click on a link opens it in a new window (on release, over the same link)."""
        buttons = QtCore.Qt.MouseButton  # not at import: the Qt namespace costs a start 20 ms
        self._pressed_link = ""
        if event.button() == buttons.BackButton:
            self.back_requested.emit()
        elif event.button() == buttons.ForwardButton:
            self.forward_requested.emit()
        elif self._new_window_click(event):
            self._pressed_link = self.anchorAt(event.position().toPoint())
        else:
            super().mousePressEvent(event)

    def _new_window_click(self, event: QMouseEvent) -> bool:
        Qt = QtCore.Qt
        wanted = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        return bool(wanted and self.anchorAt(event.position().toPoint()))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        pressed, self._pressed_link = self._pressed_link, ""
        if pressed:
            if self.anchorAt(event.position().toPoint()) == pressed:
                self.link_in_new_window.emit(pressed)
            return
        super().mouseReleaseEvent(event)
        if self.textCursor().hasSelection() or self.anchorAt(event.position().toPoint()):
            return
        position = self.cursorForPosition(event.position().toPoint()).position()
        for start, end, note_id in self._highlights:
            if start <= position < end:
                self.highlight_clicked.emit(note_id)
                return

    def _hovered(self, url: QUrl) -> None:
        self._hovering = not url.isEmpty()
        self.link_hovered.emit(url.toString())

    def leaveEvent(self, event: QEvent) -> None:
        """Leaving the page while over a link ends what hovering it showed (Qt says
        nothing then, and "Not preserved in this archive: …" would stay up)."""
        super().leaveEvent(event)
        if self._hovering:
            self._hovering = False
            self.link_hovered.emit("")

    def loadResource(self, kind: int, url: QUrl) -> object:
        """Only images inside the content folder are ever read; nothing else is fetched."""
        if (kind == QtGui.QTextDocument.ResourceType.ImageResource and not url.scheme()
                and self.image_path is not None):
            path = self.image_path(url.path(QtCore.QUrl.ComponentFormattingOption.FullyEncoded))
            if path is not None:
                image = QtGui.QImage(str(path))
                if not image.isNull():
                    return image
        return None

    def resume_scroll(self, value: int) -> None:
        """Scroll to `value` once the page is laid out (the reader resumes where it was)."""
        self._pending_scroll = value
        if self.isVisible():
            self.verticalScrollBar().setValue(value)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_scroll:
            value, self._pending_scroll = self._pending_scroll, 0
            QtCore.QTimer.singleShot(0, self, lambda: self.verticalScrollBar().setValue(value))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            stamp_first_paint()
            self.first_painted.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The viewport's resizes come here: the column first, so that the text is laid out
        in the viewport as the column leaves it."""
        self._fit_column()
        super().resizeEvent(event)

    def _fit_column(self) -> None:
        """Keep lines at a readable length on wide windows: the viewport becomes a column
        in the middle of what the scroll bar leaves (page_margins.py gives the margins to
        the page). Reckoned from the widget's width alone: margins that followed the
        viewport's width would change it and follow again (and asking the scroll bar its
        width would cost the first paint half a millisecond)."""
        side = max(MIN_MARGIN, (self.contentsRect().width() - MAX_TEXT_WIDTH + 1) // 2)
        if side != self._side:
            self._side = side
            self.setViewportMargins(side, 0, side, 0)
