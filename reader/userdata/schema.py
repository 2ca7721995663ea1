"""The user database's schema, one migration per version (PRAGMA user_version)."""

from __future__ import annotations

import sqlite3

MIGRATIONS: list[str] = [
    # 1: settings as JSON values under declared names
    """
    CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 2: bookmarks and notes; `uid` makes merging an export idempotent
    """
    CREATE TABLE bookmarks (
        id       INTEGER PRIMARY KEY,
        uid      TEXT NOT NULL UNIQUE,
        slug     TEXT NOT NULL UNIQUE,
        title    TEXT NOT NULL,
        label    TEXT NOT NULL DEFAULT '',
        position REAL NOT NULL,
        created  TEXT NOT NULL
    );
    CREATE TABLE notes (
        id         INTEGER PRIMARY KEY,
        uid        TEXT NOT NULL UNIQUE,
        slug       TEXT NOT NULL,
        page_title TEXT NOT NULL,
        text       TEXT NOT NULL,
        quote      TEXT NOT NULL DEFAULT '',
        prefix     TEXT NOT NULL DEFAULT '',
        suffix     TEXT NOT NULL DEFAULT '',
        position   INTEGER,
        created    TEXT NOT NULL,
        updated    TEXT NOT NULL
    );
    CREATE INDEX notes_by_page ON notes(slug, position);
    CREATE TABLE meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 3: reading progress: the pages the reader has opened
    """
    CREATE TABLE progress (
        slug       TEXT PRIMARY KEY,
        first_read TEXT NOT NULL
    );
    """,
    # 4: what the user deleted, so that a recovery's union with a backup keeps it deleted
    """
    CREATE TABLE deleted (
        uid     TEXT PRIMARY KEY,
        kind    TEXT NOT NULL,
        deleted TEXT NOT NULL
    );
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)
IDENTITY = "database_id"  # a random name in meta: a write-ahead log of another file is told apart


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the schema to SCHEMA_VERSION in one transaction, or leave it untouched.

    The version is read again inside BEGIN IMMEDIATE: a second copy of the reader
    starting at the same moment waits for the first, then finds the work done,
    instead of failing on tables that already exist and staying read-only.
    """
    if connection.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    connection.execute("BEGIN IMMEDIATE")
    try:
        version = connection.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            for script in MIGRATIONS[version:]:
                for statement in filter(str.strip, script.split(";")):
                    connection.execute(statement)
            connection.execute("INSERT OR IGNORE INTO meta(key, value) "
                               "VALUES (?, lower(hex(randomblob(16))))", (IDENTITY,))
            connection.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")


def expected_columns(version: int) -> dict[str, list[str]]:
    """The tables and columns a file of `version` has, as its migrations made them."""
    memory = sqlite3.connect(":memory:")
    try:
        for script in MIGRATIONS[:version]:
            memory.executescript(script)
        return _columns(memory)
    finally:
        memory.close()


def schema_problem(connection: sqlite3.Connection) -> str:
    """What is missing from the file's schema for its version, in words; '' when nothing.

    A file can pass integrity_check and still lack its notes table; reading it then
    fails in every command, so this is checked at open (a few small queries).
    """
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > SCHEMA_VERSION:
        return ""  # a newer program's file: not ours to judge
    actual = _columns(connection)
    for table, columns in expected_columns(version).items():
        if table not in actual:
            return f"its {table} table is missing"
        lacking = [name for name in columns if name not in actual[table]]
        if lacking:
            return f"its {table} table lacks the column {lacking[0]}"
    return ""


def _columns(connection: sqlite3.Connection) -> dict[str, list[str]]:
    tables = [row[0] for row in connection.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    return {table: [row[0] for row in connection.execute(
        "SELECT name FROM pragma_table_info(?)", (table,))] for table in tables}
