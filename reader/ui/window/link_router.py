"""One place that decides what a clicked link does."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from reader.archive.links import classify_href


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
