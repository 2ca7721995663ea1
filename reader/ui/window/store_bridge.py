"""Turns the store's change notices into a Qt signal, including another copy's writes."""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from reader.userdata.database import ALL_CHANGED, Changes
from reader.userdata.store import UserStore

POLL_MS = 2000  # how often to look for writes by another copy of the program


class StoreBridge(QObject):
    """Emits changed(Changes) after our own writes and when another process wrote."""

    changed = Signal(object)

    def __init__(self, store: UserStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._stopped = False
        store.subscribe(self._ours)  # the store keeps it: stop() silences it
        self._version = self.store.data_version()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.poll)
        self._timer.start(POLL_MS)

    def _ours(self, changes: Changes) -> None:
        if self._stopped:  # its window is closed (a second window), or the store closes
            return
        version = self.store.data_version()
        if version != self._version:  # another copy also wrote since we last looked
            changes = ALL_CHANGED
        self._version = version
        self.changed.emit(changes)

    def stop(self) -> None:
        """Look no more, and pass nothing on (the store closes, or the window does)."""
        self._stopped = True
        self._timer.stop()

    def poll(self) -> None:
        version = self.store.data_version()
        if version != self._version:
            self._version = version
            self.changed.emit(ALL_CHANGED)
