"""The window's place and its panes' layout, kept in the user's settings between starts.

Kept as base64 text; this module loads after the first paint, which takes its layout
from the kept look instead.
"""

from __future__ import annotations

from base64 import b64decode, b64encode
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

if TYPE_CHECKING:
    from reader.userdata.store import UserStore


def restore_geometry(window: QMainWindow, store: UserStore) -> None:
    _restore(store.get("window_geometry"), window.restoreGeometry)


def restore_state(window: QMainWindow, store: UserStore) -> None:
    """The panes' places and sizes (once the panes are there)."""
    _restore(store.get("window_state"), window.restoreState)


def _restore(saved: str, restore) -> None:
    if saved:
        restore(QByteArray(b64decode(saved)))


def save_layout(window: QMainWindow, store: UserStore, with_panes: bool) -> None:
    """Keep the window's geometry and, `with_panes` (once they are there), their layout."""
    store.set("window_geometry", b64encode(bytes(window.saveGeometry())).decode())
    if with_panes:
        store.set("window_state", b64encode(bytes(window.saveState())).decode())
