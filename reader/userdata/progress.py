"""Which pages the reader has opened, so the tree can show progress without accounts."""

from __future__ import annotations

from reader.userdata.database import Changes, Database, now

CHANGED = Changes(progress=True)


class Progress:
    def __init__(self, store: Database) -> None:
        self.store = store

    def read_slugs(self) -> set[str]:
        return {row[0] for row in self.store.rows("SELECT slug FROM progress")}

    def mark_read(self, slug: str) -> None:
        """Remember the page as read (the first time it is opened; later opens add nothing)."""
        if not self.store.writable or slug in self.read_slugs():
            return
        with self.store.transaction(CHANGED) as db:
            db.execute("INSERT OR IGNORE INTO progress(slug, first_read) VALUES (?, ?)",
                       (slug, now()))

    def mark_unread(self, slug: str) -> None:
        with self.store.transaction(CHANGED) as db:
            db.execute("DELETE FROM progress WHERE slug = ?", (slug,))
