"""Links in the page: one place decides what a click does, and one what hovering tells."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6 import QtGui, QtWidgets
from PySide6.QtCore import QObject, Signal

from reader.archive.links import classify_href

if TYPE_CHECKING:
    from reader.archive.archive import Archive


class LinkRouter(QObject):
    """Sorts clicks: pages open in the reader, anchors scroll, terms show their entry,
    external links need consent.

    Every other link (file:, javascript:, data:, smb:, paths out of the archive)
    is dropped: offline readers have been hurt by readers that passed any link
    to the desktop.
    """

    page_requested = Signal(str, str)  # slug, fragment
    anchor_requested = Signal(str)
    term_requested = Signal(str)
    external_requested = Signal(str)
    blocked = Signal(str)

    def route(self, href: str) -> None:
        target = classify_href(href)
        if target.kind == "page":
            self.page_requested.emit(target.value, target.fragment)
        elif target.kind == "term":
            self.term_requested.emit(target.value)
        elif target.kind == "anchor":
            self.anchor_requested.emit(target.value)
        elif target.kind == "external":
            self.external_requested.emit(target.value)
        else:
            self.blocked.emit(href)


class LinkHover(QObject):
    """Answers the page view's link_hovered(href): a term's entry, a page's title (or that
    it is not preserved), or that the link leads outside, in the status bar or a tool tip."""

    def __init__(self, archive: Archive, view: QtWidgets.QWidget,
                 status_bar: Callable[[], QtWidgets.QStatusBar]) -> None:
        super().__init__(view)
        self.archive, self.view = archive, view
        self.status_bar = status_bar  # asked for when needed: asking makes the bar appear

    def show(self, href: str) -> None:
        status = self.status_bar()
        if not href:
            status.clearMessage()
            QtWidgets.QToolTip.hideText()
            return
        from html import escape

        from reader.render.term_links import term_tooltip
        from reader.render.wording import not_preserved_title

        target = classify_href(href)
        if target.kind == "term":
            term = self.archive.glossary.term(target.value)
            if term is not None:
                tip = f"<b>{escape(term.term)}</b><br>{escape(term_tooltip(term))}"
                QtWidgets.QToolTip.showText(QtGui.QCursor.pos(), tip, self.view)
                status.showMessage(f"Glossary: {term.term} (click for the entry)")
        elif target.kind == "page":
            title = self.archive.title_of(target.value)
            known = target.value in self.archive.pages
            status.showMessage(title if known else not_preserved_title(title))
        elif target.kind == "external":
            status.showMessage(f"Outside the archive (asks first): {target.value}")
