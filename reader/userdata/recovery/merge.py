"""The union of what every source still holds, written into a fresh database.

Nothing readable is dropped: each note once by its uid, in its most recently
updated version (ties go to the source named first: the damaged file before
the backup); bookmarks by uid and by page; a setting as the first source has
it; a page read since the earliest time any source saw it. A note or bookmark the
user deleted (deletions.py) stays out when the most trusted source that knows of it
records its deletion: the file says what is now, and an undo or an import since
the backup forgot the record there. When the damage took both the row and the
record, a note deleted after the backup comes back: a note back is better than a
note lost.
"""

from __future__ import annotations

import sqlite3
import uuid
from typing import Any

from reader.userdata.recovery.salvage import Rows
from reader.userdata.schema import IDENTITY, SCHEMA_VERSION, expected_columns, migrate

TEXT_NOTE = ("uid", "slug", "page_title", "text", "quote", "prefix", "suffix", "created",
             "updated")
TEXT_BOOKMARK = ("uid", "slug", "title", "label", "created")


def merge(sources: list[Rows]) -> Rows:
    """The union of `sources`, most trusted first."""
    notes: dict[str, dict[str, Any]] = {}
    bookmarks: dict[str, dict[str, Any]] = {}
    settings: dict[str, dict[str, Any]] = {}
    meta: dict[str, dict[str, Any]] = {}
    progress: dict[str, dict[str, Any]] = {}
    deleted = _deletions(sources)
    slugs: set[str] = set()  # pages with a bookmark
    for source in sources:
        for row in source.get("notes", []):
            note = _texts(row, TEXT_NOTE)
            note["id"] = row.get("id") if isinstance(row.get("id"), int) else None
            note["position"] = row.get("position") if isinstance(row.get("position"),
                                                                 int) else None
            kept = notes.get(note["uid"])
            if note["uid"] not in deleted and (kept is None or
                                               note["updated"] > kept["updated"]):
                notes[note["uid"]] = note
        for row in source.get("bookmarks", []):
            bookmark = _texts(row, TEXT_BOOKMARK)
            position = row.get("position")
            bookmark["position"] = position if isinstance(position, (int, float)) else 1e9
            if bookmark["uid"] in deleted:
                continue
            if bookmark["uid"] not in bookmarks and bookmark["slug"] not in slugs:
                bookmarks[bookmark["uid"]] = bookmark
                slugs.add(bookmark["slug"])
        for table, kept_rows in (("settings", settings), ("meta", meta)):
            for row in source.get(table, []):
                key, value = row.get("key"), row.get("value")
                if isinstance(key, str) and value is not None and key not in kept_rows:
                    kept_rows[key] = {"key": key, "value": str(value)}
        for row in source.get("meta", []):
            if row.get("key") == "changes":  # counts on from the highest: backups go on
                kept = meta.setdefault("changes", {"key": "changes", "value": "0"})
                kept["value"] = str(max(_int(kept["value"]), _int(row.get("value"))))
        for row in source.get("progress", []):
            slug, first = row.get("slug"), row.get("first_read")
            if isinstance(slug, str) and isinstance(first, str) and (
                    slug not in progress or first < progress[slug]["first_read"]):
                progress[slug] = {"slug": slug, "first_read": first}
    meta[IDENTITY] = {"key": IDENTITY, "value": uuid.uuid4().hex}  # a new file, a new name
    return {"notes": list(notes.values()), "bookmarks": list(bookmarks.values()),
            "settings": list(settings.values()), "meta": list(meta.values()),
            "progress": list(progress.values()), "deleted": list(deleted.values())}


def _deletions(sources: list[Rows]) -> dict[str, dict[str, str]]:
    """The deletions that hold, by uid: each recorded by the most trusted source that
    holds the uid at all, as a note, a bookmark or a deletion."""
    known: set[str] = set()
    deleted: dict[str, dict[str, str]] = {}
    for source in sources:
        held = {_texts(row, ("uid",))["uid"] for table in ("notes", "bookmarks")
                for row in source.get(table, [])}
        records = {record["uid"]: record for record in (
            _texts(row, ("uid", "kind", "deleted")) for row in source.get("deleted", [])
            if row.get("uid"))}
        for uid, record in records.items():
            if uid not in known and uid not in held:
                deleted[uid] = record
        known |= held | set(records)
    return deleted


def write_union(connection: sqlite3.Connection, merged: Rows) -> dict[str, int]:
    """Write `merged` into an empty database in one transaction; how many rows of each."""
    migrate(connection)
    columns = expected_columns(SCHEMA_VERSION)
    connection.execute("BEGIN IMMEDIATE")
    try:
        connection.execute("DELETE FROM meta")
        used: set[int] = set()
        for note in merged["notes"]:
            if note["id"] in used:
                note = {**note, "id": None}  # another note has its id: it takes a new one
            used.add(note["id"])
            _insert(connection, "notes", columns["notes"], note)
        for table in ("bookmarks", "settings", "meta", "progress", "deleted"):
            for row in merged[table]:
                _insert(connection, table, columns[table], row)
    except BaseException:
        connection.execute("ROLLBACK")
        raise
    connection.execute("COMMIT")
    return {table: len(rows) for table, rows in merged.items()}


def _insert(connection: sqlite3.Connection, table: str, columns: list[str],
            row: dict[str, Any]) -> None:
    names = [c for c in columns if c in row]
    connection.execute(f"INSERT OR IGNORE INTO {table}({', '.join(names)}) "
                       f"VALUES ({', '.join('?' * len(names))})", [row[c] for c in names])


def _texts(row: dict[str, Any], names: tuple[str, ...]) -> dict[str, str]:
    """The row's text columns as text, whatever damage put there; a lost uid is made anew."""
    texts = {}
    for name in names:
        value = row.get(name)
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        texts[name] = value if isinstance(value, str) else ("" if value is None else str(value))
    if not texts["uid"]:
        texts["uid"] = uuid.uuid4().hex
    return texts


def _int(value: Any) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0
