"""The user's database as the managers see it: one transaction per action, change notices.

Every user action is one transaction (BEGIN IMMEDIATE, with a busy timeout, so
two copies of the program on one folder take turns instead of failing). Reads
go through `rows`, which survive a row whose text is not valid UTF-8.
"""

from __future__ import annotations

import errno
import json
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NamedTuple

from reader.userdata.settings import DEFAULTS

BUSY_TIMEOUT_MS = 5000
READ_BUSY_S = 1.0  # a store that only reads waits this long for a file another program holds
RETRY_EVERY_S = 2.0  # a store that could not be written tries again at most this often
NEARLY_FULL = 1 << 20  # free bytes under which an I/O error is a full disk
UNDECODABLE = ("Some text in your notes database is not valid UTF-8; it is shown with "
               "\N{REPLACEMENT CHARACTER} where its bytes cannot be read.")


class StoreError(RuntimeError):
    """A change could not be saved; the message says why, in words for the user."""


class Changes(NamedTuple):
    """What a user action changed, so each view refreshes only what it shows."""

    bookmarks: bool = False
    notes: bool = False
    settings: bool = False
    progress: bool = False


ALL_CHANGED = Changes(bookmarks=True, notes=True, settings=True, progress=True)
Reopen = Callable[[], sqlite3.Connection]


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
        self.undecodable = False  # some text read was not UTF-8 (shown with U+FFFD)
        # how to try again for a writable connection, when the reason was passing (busy, full)
        self.reopen: Reopen | None = None
        self._next_try = 0.0
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
        """Changes when another connection (another copy of the program) commits; -1 when
        the file cannot be asked (the store closed, or its file gone from under it)."""
        try:
            return self.db.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            return -1

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        """The rows of a query; text that is not UTF-8 is read with replacement characters
        rather than stopping every command (the fast decoder is kept until it fails)."""
        try:
            return self.db.execute(sql, params).fetchall()
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc) or self.db.text_factory is not str:
                raise
        self.db.text_factory = self._lenient
        return self.db.execute(sql, params).fetchall()

    def row(self, sql: str, params: tuple = ()) -> tuple | None:
        found = self.rows(sql, params)
        return found[0] if found else None

    def _lenient(self, data: bytes) -> str:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            self.undecodable = True
            return data.decode("utf-8", "replace")

    def notices(self) -> list[str]:
        """What a command should tell the user about this data: recovery, unreadable text."""
        return [text for text in (self.recovery_message, self.undecodable and UNDECODABLE)
                if text]

    @contextmanager
    def transaction(self, changes: Changes) -> Iterator[sqlite3.Connection]:
        """One user action, written whole or not at all; StoreError says why not."""
        if not self.writable and not self._try_reopen():
            raise StoreError(f"Nothing can be saved: {self.read_only_reason}.")
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"The change could not be saved ({reason(exc, self.path)}).") \
                from None
        try:
            yield self.db
            self.db.execute("INSERT INTO meta(key, value) VALUES ('changes', 1) "
                            "ON CONFLICT(key) DO UPDATE SET value = value + 1")
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            self._rollback()
            raise StoreError(f"The change could not be saved ({reason(exc, self.path)}).") \
                from None
        except BaseException:
            self._rollback()
            raise
        self.notify(changes)

    def _try_reopen(self) -> bool:
        """A store that was busy or found the disk full is not read-only for good: at a
        save it asks again for a writable connection (not more often than RETRY_EVERY_S)."""
        if self.reopen is None or time.monotonic() < self._next_try:
            return False
        try:
            connection = self.reopen()
        except (OSError, sqlite3.Error):
            self._next_try = time.monotonic() + RETRY_EVERY_S
            return False
        self.db.close()
        self.db, self.read_only_reason, self.reopen = connection, "", None
        return True

    def _rollback(self) -> None:
        """Undo the open transaction; SQLite may have rolled it back itself (a full disk)."""
        if self.db.in_transaction:
            self.db.execute("ROLLBACK")

    def get(self, key: str) -> Any:
        """A setting's value, or its declared default."""
        default = DEFAULTS[key]
        try:
            row = self.row("SELECT value FROM settings WHERE key = ?", (key,))
        except sqlite3.Error:
            return default
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except (TypeError, ValueError, RecursionError):
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


def reading_modes(path: Path) -> tuple[str, ...]:
    """How to open `path` to read it and never write, best first.

    Read-write with query_only comes first: as the last connection to close, it
    removes the -wal and -shm files it made, which a read-only one leaves behind.
    Not when a log is there already: closing would copy it into the file, which
    only a store that may write should do. A WAL database needs its -shm file,
    which a read-only folder cannot hold; `immutable` then reads the file as it
    was last closed.
    """
    try:
        logged = path.with_name(path.name + "-wal").stat().st_size > 0
    except OSError:
        logged = False
    return ("mode=ro", "mode=ro&immutable=1") if logged else (
        "mode=rw", "mode=ro", "mode=ro&immutable=1")


def open_for_reading(path: Path) -> sqlite3.Connection | None:
    """A connection that reads and never writes, also in a folder that cannot be written."""
    if not path.is_file():
        return None
    for options in reading_modes(path):
        try:
            connection = sqlite3.connect(f"{path.absolute().as_uri()}?{options}", uri=True,
                                         isolation_level=None, check_same_thread=False,
                                         timeout=READ_BUSY_S)
        except sqlite3.Error:
            continue
        try:
            connection.execute("PRAGMA query_only=1")
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return connection
        except sqlite3.Error:
            connection.close()
    return None


def connect(path: Path | str) -> sqlite3.Connection:
    """A connection in autocommit mode (we open transactions ourselves) with a busy timeout."""
    connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000,
                                 check_same_thread=False)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


# SQLite's result codes by the words of their messages, for Python before 3.11
_NAMES = {"database or disk is full": "SQLITE_FULL", "disk I/O error": "SQLITE_IOERR",
          "database is locked": "SQLITE_BUSY", "database table is locked": "SQLITE_LOCKED",
          "readonly database": "SQLITE_READONLY"}


def _name(exc: BaseException) -> str:
    name = getattr(exc, "sqlite_errorname", "")
    if name or not isinstance(exc, sqlite3.Error):
        return name
    return next((code for words, code in _NAMES.items() if words in str(exc)), "")


def reason(exc: BaseException, near: Path | None = None) -> str:
    """Why something could not be saved, in words: a full disk is named as one, also when
    SQLite can only say "disk I/O error" (its shared-memory file could not grow)."""
    name = _name(exc)
    if name.startswith("SQLITE_FULL") or getattr(exc, "errno", None) == errno.ENOSPC:
        return "the disk is full"
    if (name.startswith("SQLITE_IOERR") or isinstance(exc, OSError)) and _nearly_full(near):
        return "the disk is full"
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return "another copy of the reader is busy with it"
    if name.startswith("SQLITE_READONLY"):
        return "it is read-only"
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def passing(exc: BaseException) -> bool:
    """True for a reason that may pass while the reader runs: busy, a full disk, I/O."""
    return (_name(exc).startswith(("SQLITE_BUSY", "SQLITE_LOCKED", "SQLITE_FULL",
                                   "SQLITE_IOERR"))
            or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EAGAIN, errno.EIO)
            or isinstance(exc, TimeoutError))


def _nearly_full(near: Path | None) -> bool:
    import shutil  # only when something failed

    for folder in (near, *(near.parents if near else ())):
        if folder is not None and folder.exists():
            try:
                return shutil.disk_usage(folder).free < NEARLY_FULL
            except OSError:
                return False
    return False
