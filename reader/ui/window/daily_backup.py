"""A daily backup of the user's data, made a few seconds after the start, off the
window's thread."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThreadPool, QTimer

if TYPE_CHECKING:
    from pathlib import Path

    from reader.userdata.store import UserStore

DELAY_MS = 5000  # not while the window is still settling


def schedule_daily_backup(store: UserStore, owner: QObject) -> None:
    """Back up the store once, DELAY_MS from now, unless `owner` is gone by then."""
    QTimer.singleShot(DELAY_MS, owner, lambda: _start(store))


def _start(store: UserStore) -> None:
    if store.writable and store.path is not None:
        path = store.path
        QThreadPool.globalInstance().start(lambda: _quiet_backup(path))


def _quiet_backup(path: Path) -> None:
    """A backup that fails (a full disk, say) must not disturb reading; tomorrow tries again."""
    import contextlib
    import sqlite3

    from reader.userdata.backups import make_daily_backup

    with contextlib.suppress(OSError, sqlite3.Error):
        make_daily_backup(path)
