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
]
SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection, version: int) -> None:
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
