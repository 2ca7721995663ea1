"""One copy of the reader at a time opens a data folder: recovers it, migrates it.

SQLite's own locks make each transaction safe, but recovery moves files
around them, so copies starting together take turns through an advisory
lock on the folder itself (no lock file is left behind). Where the platform
or the file system has no such lock (Windows, some network shares), the
copies rely on SQLite alone: the migration re-reads the version inside its
transaction.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

WAIT_S = 20.0  # a recovery of a large file can take seconds; a hung copy must not block us


class FolderBusy(TimeoutError):
    """Another copy of the reader kept the folder longer than WAIT_S."""


@contextmanager
def folder_lock(folder: Path, wait: float = WAIT_S) -> Iterator[None]:
    """Hold the folder's lock for the block, waiting up to `wait` seconds for it."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        yield
        return
    try:
        _acquire(fcntl, handle, wait)
        yield
    finally:
        os.close(handle)  # releases the lock


def _acquire(fcntl, handle: int, wait: float) -> None:
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise FolderBusy("another copy of the reader is still opening it") from None
            time.sleep(0.02)
        except OSError:  # a file system without locks: go on with SQLite's own
            return
