"""Bookmarks: one per page, with an optional label, in the order the user chose."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass

from reader.userdata.database import Changes, Database, now
from reader.userdata.deletions import BOOKMARK, forget_deletion, record_deletion

CHANGED = Changes(bookmarks=True)


@dataclass(frozen=True)
class Bookmark:
    id: int
    uid: str
    slug: str
    title: str
    label: str
    position: float
    created: str


_COLUMNS = "id, uid, slug, title, label, position, created"


def insert(db: sqlite3.Connection, uid: str, slug: str, title: str, label: str,
           created: str) -> int:
    """Add a bookmark at the end of the list, inside the caller's transaction; 0 when the
    page (or the uid) already has one, which an import of the same file must not repeat."""
    added = db.execute(
        "INSERT OR IGNORE INTO bookmarks(uid, slug, title, label, position, created) "
        "VALUES (?, ?, ?, ?, (SELECT coalesce(max(position), 0) + 1 FROM bookmarks), ?)",
        (uid, slug, title, label, created)).rowcount
    if added:
        forget_deletion(db, uid)
    return added


class Bookmarks:
    def __init__(self, store: Database) -> None:
        self.store = store

    def all(self) -> list[Bookmark]:
        rows = self.store.rows(f"SELECT {_COLUMNS} FROM bookmarks ORDER BY position, id")
        return [Bookmark(*row) for row in rows]

    def find(self, slug: str) -> Bookmark | None:
        row = self.store.row(f"SELECT {_COLUMNS} FROM bookmarks WHERE slug = ?", (slug,))
        return Bookmark(*row) if row else None

    def add(self, slug: str, title: str, label: str = "") -> Bookmark:
        with self.store.transaction(CHANGED) as db:
            insert(db, uuid.uuid4().hex, slug, title, label, now())
        return self.find(slug)

    def toggle(self, slug: str, title: str) -> bool:
        """Bookmark the page, or remove its bookmark; True when it is now bookmarked."""
        existing = self.find(slug)
        if existing:
            self.delete(existing.id)
            return False
        self.add(slug, title)
        return True

    def set_label(self, bookmark_id: int, label: str) -> None:
        with self.store.transaction(CHANGED) as db:
            db.execute("UPDATE bookmarks SET label = ? WHERE id = ?", (label.strip(), bookmark_id))

    def delete(self, bookmark_id: int) -> Bookmark | None:
        """Remove a bookmark; the returned copy lets the user undo."""
        row = self.store.row(f"SELECT {_COLUMNS} FROM bookmarks WHERE id = ?", (bookmark_id,))
        with self.store.transaction(CHANGED) as db:
            db.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
            if row:
                record_deletion(db, row[1], BOOKMARK, now())
        return Bookmark(*row) if row else None

    def restore(self, bookmark: Bookmark) -> None:
        """Put back a deleted bookmark where it was (undo)."""
        with self.store.transaction(CHANGED) as db:
            put_back = db.execute(
                f"INSERT OR IGNORE INTO bookmarks({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (bookmark.id, bookmark.uid, bookmark.slug, bookmark.title, bookmark.label,
                 bookmark.position, bookmark.created)).rowcount
            if put_back:  # not when the page was bookmarked again meanwhile
                forget_deletion(db, bookmark.uid)

    def move(self, bookmark_id: int, row: int) -> None:
        """Move a bookmark to `row` in the list, renumbering in one transaction."""
        with self.store.transaction(CHANGED) as db:
            ids = [r[0] for r in db.execute("SELECT id FROM bookmarks ORDER BY position, id")]
            if bookmark_id not in ids:
                return
            ids.remove(bookmark_id)
            ids.insert(max(0, min(row, len(ids))), bookmark_id)
            db.executemany("UPDATE bookmarks SET position = ? WHERE id = ?",
                           [(index + 1, bid) for index, bid in enumerate(ids)])
