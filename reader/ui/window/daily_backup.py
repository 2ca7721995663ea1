"""A daily backup of the user's data, made a few seconds after the start, off the
window's thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer

if TYPE_CHECKING:
    from reader.userdata.store import UserStore

DELAY_MS = 5000  # not while the window is still settling


def schedule_daily_backup(store: UserStore, owner: QObject) -> None:
    """Back up the store once, DELAY_MS from now, unless `owner` is gone by then."""
    QTimer.singleShot(DELAY_MS, owner, lambda: _start(store))


def _start(store: UserStore) -> None:
    if store.writable and store.path is not None:
        path = store.path
        from reader.userdata.backups import try_daily_backup

        QThreadPool.globalInstance().start(lambda: try_daily_backup(path))
