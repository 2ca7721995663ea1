"""What the user deleted, by uid and when: so that a recovery does not bring it back.

A damaged file is recovered to the union of what it still holds and the newest
backup (recovery/merge.py). A note deleted after that backup is missing from the file
but still in the backup, and the union alone would give it back; its record here says
it was deleted, and when, so the union leaves it out unless it changed afterwards.
Putting a note or a bookmark back (an undo, an import) forgets the record.
"""

from __future__ import annotations

import sqlite3

NOTE, BOOKMARK = "note", "bookmark"


def record_deletion(db: sqlite3.Connection, uid: str, kind: str, when: str) -> None:
    """Inside the caller's transaction, beside the DELETE it records."""
    db.execute("INSERT OR REPLACE INTO deleted(uid, kind, deleted) VALUES (?, ?, ?)",
               (uid, kind, when))


def forget_deletion(db: sqlite3.Connection, uid: str) -> None:
    """Inside the caller's transaction: the uid is the user's again."""
    db.execute("DELETE FROM deleted WHERE uid = ?", (uid,))
