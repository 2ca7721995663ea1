"""One SQLite file holds everything the user makes; every change is saved at once.

Every user action is one transaction (BEGIN IMMEDIATE, with a busy timeout, so
two copies of the program on one folder take turns instead of failing). A file
written by a newer program is opened read-only and never rewritten; a damaged
file is moved aside and recovered (see recovery.py); a folder that cannot be
written still lets the reader work, with the reason in `read_only_reason`.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from reader.userdata.bookmarks import Bookmarks
from reader.userdata.database import Database, connect, open_for_reading, reason
from reader.userdata.notes import Notes
from reader.userdata.paths import DB_NAME
from reader.userdata.progress import Progress
from reader.userdata.recovery import recover_if_damaged
from reader.userdata.schema import SCHEMA_VERSION, migrate

LOOK_ONLY = "it was opened only to look"


class UserStore(Database):
    """The user's database, opened for reading and writing when it can be, with the
    managers of what it holds: `store.bookmarks`, `store.notes`, `store.progress`."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None,
                 read_only_reason: str = "", recovery_message: str = "") -> None:
        super().__init__(connection, path, read_only_reason, recovery_message)
        self.bookmarks = Bookmarks(self)
        self.notes = Notes(self)
        self.progress = Progress(self)

    @classmethod
    def open(cls, data_dir: Path, *, look_only: bool = False) -> UserStore:
        """Open (creating if needed) the database in `data_dir`, recovering a damaged one.

        With `look_only` nothing is created, recovered or written (a screenshot, an
        export): the store reads what is there and saves nothing, without complaint.
        """
        path = data_dir / DB_NAME
        if look_only:
            store = cls._read_only(path, LOOK_ONLY)
            store.look_only = True
            return store
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            recovery_message = recover_if_damaged(path)
            connection = connect(path)
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                connection.close()
                return cls._read_only(path, f"{path} was written by a newer OTPIC Reader "
                                            f"(schema {version}); it is opened read-only and "
                                            "left as it is")
            connection.execute("PRAGMA journal_mode=WAL")
            migrate(connection, version)
            return cls(connection, path, recovery_message=recovery_message)
        except (OSError, sqlite3.Error) as exc:
            return cls._read_only(path, f"bookmarks, notes and settings cannot be saved in "
                                        f"{data_dir} ({reason(exc)})")

    @classmethod
    def _read_only(cls, path: Path, why: str) -> UserStore:
        """The data as it is, for reading only; never an error, at worst an empty store."""
        connection = open_for_reading(path)
        if connection is None:
            connection = sqlite3.connect(":memory:", isolation_level=None,
                                         check_same_thread=False)
            migrate(connection, 0)
        elif connection.execute("PRAGMA user_version").fetchone()[0] < SCHEMA_VERSION:
            # an older file: read a migrated copy in memory, and leave the file alone
            copy = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
            connection.backup(copy)
            connection.close()
            with contextlib.suppress(sqlite3.Error):  # a failed migration leaves the old shape
                migrate(copy, copy.execute("PRAGMA user_version").fetchone()[0])
            connection = copy
        return cls(connection, path, why)

