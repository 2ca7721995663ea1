"""The user's database as the managers see it: one transaction per action, change notices.

Every user action is one transaction (BEGIN IMMEDIATE, with a busy timeout, so
two copies of the program on one folder take turns instead of failing).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.userdata.settings import DEFAULTS

BUSY_TIMEOUT_MS = 5000


class StoreError(RuntimeError):
    """A change could not be saved; the message says why, in words for the user."""


@dataclass(frozen=True)
class Changes:
    """What a user action changed, so each view refreshes only what it shows."""

    bookmarks: bool = False
    notes: bool = False
    settings: bool = False
    progress: bool = False


ALL_CHANGED = Changes(bookmarks=True, notes=True, settings=True, progress=True)


def now() -> str:
    import datetime as dt  # on first save: a start that only reads need not load it

    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()


class Database:
    """A connection to the user's database, with one transaction per user action and the
    notices of what each changed; the managers of bookmarks, notes and progress use it."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None,
                 read_only_reason: str = "", recovery_message: str = "") -> None:
        self.db = connection
        self.path = path
        self.read_only_reason = read_only_reason
        self.recovery_message = recovery_message
        self.look_only = False  # opened to look, not to change: its saves are skipped quietly
        self._listeners: list[Callable[[Changes], None]] = []

    @property
    def writable(self) -> bool:
        return not self.read_only_reason

    def subscribe(self, listener: Callable[[Changes], None]) -> None:
        """Call `listener` after every change this store saves."""
        self._listeners.append(listener)

    def notify(self, changes: Changes) -> None:
        for listener in list(self._listeners):
            listener(changes)

    def data_version(self) -> int:
        """Changes when another connection (another copy of the program) commits."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def transaction(self, changes: Changes) -> Iterator[sqlite3.Connection]:
        """One user action, written whole or not at all; StoreError says why not."""
        if not self.writable:
            raise StoreError(f"Nothing can be saved: {self.read_only_reason}.")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"The change could not be saved ({reason(exc)}).") from None
        try:
            yield self.db
            self.db.execute("INSERT INTO meta(key, value) VALUES ('changes', 1) "
                            "ON CONFLICT(key) DO UPDATE SET value = value + 1")
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"The change could not be saved ({reason(exc)}).") from None
        except BaseException:
            self._rollback()
            raise
        self.notify(changes)

    def _rollback(self) -> None:
        """Undo the open transaction; SQLite may have rolled it back itself (a full disk)."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def get(self, key: str) -> Any:
        """A setting's value, or its declared default."""
        default = DEFAULTS[key]
        try:
            row = self.db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return default
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set(self, key: str, value: Any) -> bool:
        """Save a setting at once; False (nothing raised) when it cannot be saved."""
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
        try:
            with self.transaction(Changes(settings=True)) as db:
                db.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           (key, json.dumps(value)))
        except StoreError:
            return False
        return True

    def close(self) -> None:
        self.db.close()


def open_for_reading(path: Path) -> sqlite3.Connection | None:
    """A read-only connection, also in a folder that cannot be written.

    A WAL database needs its -shm file, which a read-only folder cannot hold;
    `immutable` reads the file as it was last closed instead.
    """
    if not path.is_file():
        return None
    for options in ("mode=ro", "mode=ro&immutable=1"):
        try:
            connection = sqlite3.connect(f"{path.absolute().as_uri()}?{options}", uri=True,
                                         isolation_level=None, check_same_thread=False)
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.Error:
            continue
    return None


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode (we open transactions ourselves) with a busy timeout."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                 check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
