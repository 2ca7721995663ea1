"""The margins beside the page's text column belong to the page.

The column is the page view's viewport narrowed by margins (PageView._fit_column).
What happens over those margins Qt gives not to the viewport but to the view itself,
which hands it up to the window. This filter gives it to the viewport instead, at the
same place: there the wheel scrolls, a press or a drag selects from the nearest text,
the right button opens the page's menu and the mouse's back and forward buttons move
through the history. It is installed once the window has its archive, so that no event
of the first paint passes through Python for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractScrollArea, QApplication

PRESS = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)
MOUSE = (*PRESS, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove)
OTHER = (QEvent.Type.Wheel, QEvent.Type.ContextMenu)


class PageMargins(QObject):
    """Filters `view`'s events; `open_menu(where)` opens the page's menu at a screen point.

    It knows the view only as a scroll area, so that the page view may create it."""

    def __init__(self, view: QAbstractScrollArea, open_menu: Callable[[QPoint], None]) -> None:
        super().__init__(view)
        self.view = view
        self.open_menu = open_menu
        self._from_margin = False  # a press in a margin: the drag that follows is the page's
        self._sending = False  # what the viewport leaves comes back up through the view
        view.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._sending or (kind not in MOUSE and kind not in OTHER):
            return False
        viewport = self.view.viewport()
        at = event.pos() if kind == QEvent.Type.ContextMenu else event.position().toPoint()
        in_margin = not viewport.geometry().contains(at)
        if kind in MOUSE:
            if kind in PRESS:
                self._from_margin = in_margin
            if not self._from_margin:
                return False
            self._from_margin = kind != QEvent.Type.MouseButtonRelease
            self._sending = True
            try:
                QApplication.sendEvent(viewport, QMouseEvent(
                    kind, QPointF(viewport.mapFrom(self.view, at)), event.globalPosition(),
                    event.button(), event.buttons(), event.modifiers()))
            finally:
                self._sending = False
        elif not in_margin:
            return False
        elif kind == QEvent.Type.Wheel:
            self.view.wheelEvent(event)
        else:
            self.open_menu(event.globalPos())
        return True
