"""The window's layout: its place and panes kept between starts, the panes' first sizes,
reading mode, full screen, and the keys that bring a pane forward.

Kept as base64 text in the user's settings; this module loads after the first paint,
which takes its layout from the kept look instead. Reading mode is not kept: closed in
it, the window keeps (and the next start shows) the panes as they were before it. Full
screen is kept with the geometry, as Qt's saveGeometry records it.
"""

from __future__ import annotations

from base64 import b64decode, b64encode
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow, QToolBar

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from reader.ui.window.actions import Actions
    from reader.userdata.store import UserStore

MIN_COLUMN = 320  # pixels: the narrowest text column a pane may be dragged down to
FIRST_COLUMN = 520  # the text column the panes' first sizes leave, where the window allows
PANE_SHARE = 0.2  # of the window's width, for each side's panes at first


def pane_widths(window_width: int) -> int:
    """The first width of each side's panes: a fifth of the window (180 to 300 px), less
    where the text column would be narrower than FIRST_COLUMN, but never under 150."""
    side = min(300, max(180, int(window_width * PANE_SHARE)))
    if window_width - 2 * side < FIRST_COLUMN:
        side = max(150, (window_width - FIRST_COLUMN) // 2)
    return side


def first_sizes(window: QMainWindow, contents: QDockWidget, right: QDockWidget,
                below: QDockWidget) -> None:
    """The panes' sizes for a layout the user has not made yet, relative to the window:
    at 1024×600 the page keeps some 600 px of the width."""
    # The sizes apply to the layout as it stands: a contents pane filled in this very
    # moment (attach) has a relayout pending that would otherwise undo them.
    QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    side = pane_widths(window.width())
    window.resizeDocks([contents, right], [side, side], Qt.Orientation.Horizontal)
    high = max(200, window.height() - 160)  # what the menus, tool bar and notice leave
    window.resizeDocks([contents, below], [high * 7 // 10, high * 3 // 10],
                       Qt.Orientation.Vertical)


class Layout(QObject):
    """Reading mode, full screen and the panes' keys of `window`, on `actions`; what the
    window keeps of its layout (`state()`) is the layout outside reading mode."""

    def __init__(self, window: QMainWindow, actions: Actions) -> None:
        super().__init__(window)
        self.window, self.actions = window, actions
        self._before_reading: QByteArray | None = None  # the layout reading mode hid
        window.page_view.setMinimumWidth(MIN_COLUMN)
        actions.actionReadingMode.toggled.connect(self.set_reading_mode)
        actions.actionFullScreen.triggered.connect(self.toggle_full_screen)

    @property
    def reading(self) -> bool:
        return self._before_reading is not None

    def set_reading_mode(self, on: bool) -> None:
        """Only the page: every pane and the tool bar hidden; off, all back as they were."""
        if on == self.reading:
            return
        if on:
            self._before_reading = self.window.saveState()
            for bar in self.window.findChildren(QDockWidget) + self.window.findChildren(QToolBar):
                if bar.parent() is self.window:
                    bar.hide()
        else:
            state, self._before_reading = self._before_reading, None
            self.window.restoreState(state)
        self.actions.actionReadingMode.setChecked(on)

    def toggle_full_screen(self) -> None:
        """Full screen, or back to the window as it was (maximised stays maximised)."""
        self.window.setWindowState(self.window.windowState() ^ Qt.WindowState.WindowFullScreen)
        self.actions.actionFullScreen.setChecked(self.window.isFullScreen())

    def keep(self, store: UserStore, scroll: int) -> None:
        """Keep the window's place, its panes (once they are there) and where the reader
        was (`scroll`), for the next start or the window that takes this one's place."""
        save_layout(self.window, store, self.state() if self.window.complete_done else None)
        _set_changed(store, "last_scroll", scroll)

    def state(self) -> QByteArray:
        """The layout to keep: in reading mode, the one it will give back."""
        return self._before_reading if self.reading else self.window.saveState()

    def pane_key(self, dock: QDockWidget, action: QAction) -> None:
        """`action` (its key) brings `dock` forward when it is hidden or behind another
        tab, and hides it only when it is in front; its check mark follows the dock."""
        action.setChecked(not dock.isHidden())
        dock.toggleViewAction().toggled.connect(action.setChecked)
        action.triggered.connect(lambda: self.bring_forward_or_hide(dock, action))

    @staticmethod
    def bring_forward_or_hide(dock: QDockWidget, action: QAction) -> None:
        in_front = dock.isVisible() and not dock.visibleRegion().isEmpty()
        if in_front:
            dock.hide()
        else:
            dock.show()
            dock.raise_()
        action.setChecked(not dock.isHidden())


def restore_geometry(window: QMainWindow, store: UserStore) -> None:
    _restore(store.get("window_geometry"), window.restoreGeometry)


def restore_state(window: QMainWindow, store: UserStore) -> bool:
    """The panes' places and sizes (once the panes are there); False when none was kept."""
    return _restore(store.get("window_state"), window.restoreState)


def _restore(saved: str, restore) -> bool:
    return bool(saved) and restore(QByteArray(b64decode(saved)))


def save_layout(window: QMainWindow, store: UserStore, state: QByteArray | None) -> None:
    """Keep the window's geometry and, given its panes' `state` (once they are there),
    their layout: each only when it changed, as each save is a transaction that waits for
    the disk (an old laptop's disk would make closing wait for nothing)."""
    _set_changed(store, "window_geometry", b64encode(bytes(window.saveGeometry())).decode())
    if state is not None:
        _set_changed(store, "window_state", b64encode(bytes(state)).decode())


def _set_changed(store: UserStore, key: str, value: object) -> None:
    if store.get(key) != value:
        store.set(key, value)
