"""One SQLite file holds everything the user makes; every change is saved at once.

Every user action is one transaction (BEGIN IMMEDIATE, with a busy timeout, so
two copies of the program on one folder take turns instead of failing). Copies
that start together open the folder one at a time (lock.py): a damaged file is
recovered (recovery/), the schema migrated, once. A file written by a newer
program is opened read-only and never rewritten; a folder that cannot be
written still lets the reader work, with the reason in `read_only_reason`, and
a store that was busy or found the disk full tries again at the next save.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from reader.userdata.daily import DailyBackup
from reader.userdata.database import Database, connect, open_for_reading, passing, reason
from reader.userdata.lock import folder_lock
from reader.userdata.paths import DB_NAME
from reader.userdata.progress import Progress
from reader.userdata.recovery import look, recover_if_damaged
from reader.userdata.schema import IDENTITY, SCHEMA_VERSION, migrate

if TYPE_CHECKING:
    from reader.userdata.bookmarks import Bookmarks
    from reader.userdata.notes import Notes

LOOK_ONLY = "it was opened only to look"


class NewerFile(Exception):
    """The file was written by a newer OTPIC Reader: read it, never rewrite it."""


class UserStore(Database):
    """The user's database, opened for reading and writing when it can be, with the
    managers of what it holds: `store.bookmarks`, `store.notes`, `store.progress`.

    The managers of bookmarks and notes are made when first asked for: the window's
    first paint needs only the reading progress, and their modules (with uuid) would
    cost it a few milliseconds."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None,
                 read_only_reason: str = "", recovery_message: str = "") -> None:
        super().__init__(connection, path, read_only_reason, recovery_message)
        self.progress = Progress(self)
        self.daily = DailyBackup(path) if path is not None else None
        if self.daily is not None:
            self.subscribe(self.daily)

    @cached_property
    def bookmarks(self) -> Bookmarks:
        from reader.userdata.bookmarks import Bookmarks

        return Bookmarks(self)

    @cached_property
    def notes(self) -> Notes:
        from reader.userdata.notes import Notes

        return Notes(self)

    @classmethod
    def open(cls, data_dir: Path, *, look_only: bool = False) -> UserStore:
        """Open (creating if needed) the database in `data_dir`, recovering a damaged one.

        With `look_only` nothing is created, recovered or written (a screenshot, an
        export): the store reads what is there, recovered in memory when it is damaged,
        and saves nothing, without complaint.
        """
        path = data_dir / DB_NAME
        if look_only:
            store = cls._read_only(path, LOOK_ONLY)
            store.look_only = True
            return store
        try:
            connection, message = open_writable(data_dir)
        except NewerFile as exc:
            return cls._read_only(path, str(exc))
        except (OSError, sqlite3.Error) as exc:
            store = cls._read_only(path, f"bookmarks, notes and settings cannot be saved in "
                                         f"{data_dir} ({reason(exc, data_dir)})")
            if passing(exc):
                store.reopen = lambda: open_writable(data_dir)[0]
            return store
        return cls(connection, path, recovery_message=message)

    @classmethod
    def _read_only(cls, path: Path, why: str) -> UserStore:
        """The data as it is, for reading only; never an error, at worst an empty store."""
        try:
            connection, message = look(path)  # recovered in memory when it calls for it
        except (OSError, sqlite3.Error):
            connection, message = None, ""
        connection = connection or open_for_reading(path)
        if connection is None:
            connection = sqlite3.connect(":memory:", isolation_level=None,
                                         check_same_thread=False)
            migrate(connection)
        elif connection.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            # an older file: read a migrated copy in memory, and leave the file alone
            copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            connection.backup(copy)
            connection.close()
            with contextlib.suppress(sqlite3.Error):  # a failed migration leaves the old shape
                migrate(copy)
            connection = copy
        return cls(connection, path, why, recovery_message=message)

    def close(self) -> None:
        if self.daily is not None:
            self.daily.wait()
        super().close()


def open_writable(data_dir: Path) -> tuple[sqlite3.Connection, str]:
    """A writable connection to the folder's database and what recovery did ('' for
    nothing); raises OSError, sqlite3.Error or NewerFile when there can be none."""
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / DB_NAME
    if not os.access(data_dir, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        # else SQLite opens it read-only without a word, and the first save fails
        raise PermissionError(errno.EACCES, "the folder or the file is read-only")
    with folder_lock(data_dir):
        message = recover_if_damaged(path)
        connection = connect(path)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise NewerFile(f"{path} was written by a newer OTPIC Reader (schema "
                                f"{version}); it is opened read-only and left as it is")
            migrate(connection)  # before WAL: a new file's first pages are in the file itself
            connection.execute("PRAGMA journal_mode=WAL")
            if connection.execute("SELECT 1 FROM meta WHERE key = ?", (IDENTITY,)).fetchone() \
                    is None:  # a file of an earlier version learns its name once
                connection.execute("INSERT OR IGNORE INTO meta(key, value) "
                                   "VALUES (?, lower(hex(randomblob(16))))", (IDENTITY,))
        except BaseException:
            connection.close()
            raise
    return connection, message
