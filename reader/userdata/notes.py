"""Notes on a whole page or on a passage of it, anchored so they survive text changes."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass

from reader.common.words import fold
from reader.userdata.anchors import Anchor
from reader.userdata.database import Changes, Database, now
from reader.userdata.deletions import NOTE, forget_deletion, record_deletion

CHANGED = Changes(notes=True)


@dataclass(frozen=True)
class Note:
    id: int
    uid: str
    slug: str
    page_title: str
    text: str
    quote: str
    prefix: str
    suffix: str
    position: int | None
    created: str
    updated: str

    @property
    def anchor(self) -> Anchor | None:
        """The passage's anchor, or None for a note on the whole page."""
        if not self.quote:
            return None
        return Anchor(self.quote, self.prefix, self.suffix, self.position)


_COLUMNS = ("id, uid, slug, page_title, text, quote, prefix, suffix, position, created, "
            "updated")


def insert(db: sqlite3.Connection, uid: str, slug: str, page_title: str, text: str,
           quote: str, prefix: str, suffix: str, position: int | None, created: str,
           updated: str) -> int | None:
    """Add a note inside the caller's transaction: its id, or None when a note with this
    uid is already there (an import of the same file adds nothing twice)."""
    cursor = db.execute(
        "INSERT OR IGNORE INTO notes(uid, slug, page_title, text, quote, prefix, suffix, "
        "position, created, updated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (uid, slug, page_title, text, quote, prefix, suffix, position, created, updated))
    if not cursor.rowcount:
        return None
    forget_deletion(db, uid)  # an import brings back a note deleted before: it is kept
    return cursor.lastrowid


class Notes:
    def __init__(self, store: Database) -> None:
        self.store = store

    def all(self, contains: str = "") -> list[Note]:
        """Every note, by page and then by place in the page; filtered when asked.

        The filter ignores case and accents ("etat" finds "État"), which SQLite's
        lower() cannot do beyond ASCII, so it runs here.
        """
        rows = self.store.rows(
            f"SELECT {_COLUMNS} FROM notes "
            "ORDER BY page_title COLLATE NOCASE, slug, coalesce(position, -1), id")
        notes = [Note(*row) for row in rows]
        needle = fold(contains.strip())
        if not needle:
            return notes
        return [n for n in notes
                if needle in fold(n.text) or needle in fold(n.quote)
                or needle in fold(n.page_title)]

    def for_page(self, slug: str) -> list[Note]:
        rows = self.store.rows(
            f"SELECT {_COLUMNS} FROM notes WHERE slug = ? ORDER BY coalesce(position, -1), id",
            (slug,))
        return [Note(*row) for row in rows]

    def get(self, note_id: int) -> Note | None:
        row = self.store.row(f"SELECT {_COLUMNS} FROM notes WHERE id = ?", (note_id,))
        return Note(*row) if row else None

    def add(self, slug: str, page_title: str, text: str, anchor: Anchor | None = None) -> Note:
        """Save a new note at once (one transaction); returns it as stored."""
        anchor = anchor or Anchor("")
        stamp = now()
        with self.store.transaction(CHANGED) as db:
            note_id = insert(db, uuid.uuid4().hex, slug, page_title, text, anchor.quote,
                             anchor.prefix, anchor.suffix, anchor.position, stamp, stamp)
        return self.get(note_id)

    def update(self, note_id: int, text: str) -> None:
        with self.store.transaction(CHANGED) as db:
            db.execute("UPDATE notes SET text = ?, updated = ? WHERE id = ?",
                       (text, now(), note_id))

    def delete(self, note_id: int) -> Note | None:
        """Remove a note the user chose to delete; the returned copy allows an undo."""
        note = self.get(note_id)
        with self.store.transaction(CHANGED) as db:
            db.execute("DELETE FROM notes WHERE id = ?", (note_id,))
            if note is not None:
                record_deletion(db, note.uid, NOTE, now())
        return note

    def count(self) -> int:
        return self.store.row("SELECT count(*) FROM notes")[0]
