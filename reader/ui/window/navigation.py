"""Opening pages in the page view, and the way back and forward through them (this
session's history, with where the reader was in each page), and on in course order."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from reader.ui.page.page_view import PageView

Place = tuple[str, int]  # (slug, scroll position)


class History:
    """Back and forward, plain Python: the Navigator below shows what it says."""

    def __init__(self) -> None:
        self._back: list[Place] = []
        self._forward: list[Place] = []
        self.current: str = ""

    def visit(self, slug: str, leaving_scroll: int = 0) -> None:
        """A new page was opened by a link, the tree, a search result or a note."""
        if self.current and slug != self.current:
            self._back.append((self.current, leaving_scroll))
            self._forward.clear()
        self.current = slug

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self, leaving_scroll: int) -> Place | None:
        if not self._back:
            return None
        self._forward.append((self.current, leaving_scroll))
        place = self._back.pop()
        self.current = place[0]
        return place

    def forward(self, leaving_scroll: int) -> Place | None:
        if not self._forward:
            return None
        self._back.append((self.current, leaving_scroll))
        place = self._forward.pop()
        self.current = place[0]
        return place


class Navigator(QObject):
    """Shows pages in `view` (their HTML from `html_for`) and keeps the history, with
    where the reader was in each page; emits shown(slug) for every page shown.
    `around(slug)` is the pages before and after it in course order (course_order.py)."""

    shown = Signal(str)

    def __init__(self, view: PageView, html_for: Callable[[str], str],
                 parent: QObject | None = None,
                 around: Callable[[str], tuple[str | None, str | None]] = lambda _: (None, None),
                 ) -> None:
        super().__init__(parent)
        self.view = view
        self.html_for = html_for
        self.around = around
        self.history = History()

    def scroll(self) -> int:
        return self.view.verticalScrollBar().value()

    def open(self, slug: str, fragment: str = "") -> None:
        """Open a page from a link, the tree, a note or a search: it joins the history."""
        self.history.visit(slug, self.scroll())
        self._show(slug)
        if fragment:
            self.view.scrollToAnchor(fragment)

    def step(self, after: int) -> None:
        """Open the previous (0) or next (1) page in course order, across sections."""
        slug = self.around(self.history.current)[after]
        if slug:
            self.open(slug)

    def back(self) -> None:
        self._return_to(self.history.back(self.scroll()))

    def forward(self) -> None:
        self._return_to(self.history.forward(self.scroll()))

    def _return_to(self, place: Place | None) -> None:
        if place is not None:
            self._show(place[0])
            self.view.verticalScrollBar().setValue(place[1])

    def adopt(self, slug: str) -> None:
        """Take the page already on screen (as a kept look showed it) as opened, shown
        again only if its rendering now differs."""
        html = self.html_for(slug)
        if html != self.view.html:
            self.show_again(html)
        self.history.visit(slug, self.scroll())
        self.shown.emit(slug)

    def show_again(self, html: str) -> None:
        """Show the open page anew (a new look, a new rendering), where the reader was."""
        scroll = self.scroll()
        self.view.show_html(html)
        self.view.verticalScrollBar().setValue(scroll)

    def _show(self, slug: str) -> None:
        """Show a page (or what is known of a page not preserved)."""
        self.view.show_html(self.html_for(slug))
        self.shown.emit(slug)
