"""One SQLite file holds everything the user makes; every change is saved at once.

The schema carries its version in PRAGMA user_version. A file written by a
newer program is opened read-only and never rewritten; a folder that cannot be
written still lets the reader work, with the reason kept in `read_only_reason`.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from reader.userdata.settings import DEFAULTS

DB_NAME = "otpic-reader.sqlite3"
BUSY_TIMEOUT_MS = 5000

MIGRATIONS: list[str] = [
    # 1: settings as JSON values under declared names
    """
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class ReadOnlyStore(RuntimeError):
    """A write was asked of a store that cannot save; the message says why."""


class UserStore:
    """The user's database, opened for reading and writing when it can be."""

    def __init__(self, connection: sqlite3.Connection, path: Path | None,
                 read_only_reason: str = "") -> None:
        self._db = connection
        self.path = path
        self.read_only_reason = read_only_reason

    @classmethod
    def open(cls, data_dir: Path) -> UserStore:
        """Open (creating if needed) the database in `data_dir`."""
        path = data_dir / DB_NAME
        try:
            data_dir.mkdir(parents=True, exist_ok=True)
            connection = _connect(path)
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                connection.close()
                return cls._read_only(path, f"{path} was written by a newer OTPIC Reader "
                                            f"(schema {version}); it is opened read-only and "
                                            "left as it is")
            connection.execute("PRAGMA journal_mode=WAL")
            _migrate(connection, version)
            return cls(connection, path)
        except (OSError, sqlite3.Error) as exc:
            return cls._read_only(path, f"bookmarks, notes and settings cannot be saved in "
                                        f"{data_dir} ({_reason(exc)})")

    @classmethod
    def _read_only(cls, path: Path, reason: str) -> UserStore:
        try:
            connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                                         isolation_level=None)
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except (sqlite3.Error, ValueError):
            connection = sqlite3.connect(":memory:", isolation_level=None)
            _migrate(connection, 0)
        return cls(connection, path, reason)

    @property
    def writable(self) -> bool:
        return not self.read_only_reason

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One user action, written whole or not at all."""
        if not self.writable:
            raise ReadOnlyStore(self.read_only_reason)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    def get(self, key: str) -> Any:
        """A setting's value, or its declared default."""
        default = DEFAULTS[key]
        try:
            row = self._db.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:
            return default
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    def set(self, key: str, value: Any) -> bool:
        """Save a setting at once; False (and nothing raised) when the store cannot save."""
        if key not in DEFAULTS:
            raise KeyError(f"unknown setting {key!r}")
        if not self.writable:
            return False
        try:
            with self.transaction() as db:
                db.execute("INSERT INTO settings(key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           (key, json.dumps(value)))
        except sqlite3.Error as exc:
            self.read_only_reason = f"settings cannot be saved ({_reason(exc)})"
            return False
        return True

    def close(self) -> None:
        self._db.close()


def _connect(path: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    return connection


def _migrate(connection: sqlite3.Connection, version: int) -> None:
    """Bring the schema to SCHEMA_VERSION in one transaction, or leave it untouched."""
    if version >= SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        for script in MIGRATIONS[version:]:
            for statement in filter(str.strip, script.split(";")):
                connection.execute(statement)
        connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def _reason(exc: BaseException) -> str:
    return getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
