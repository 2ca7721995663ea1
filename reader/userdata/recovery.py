"""A damaged database never stops the reader and never costs the user what can be saved.

The damaged file is moved aside as `<name>.corrupt-<timestamp>`; the newest
good backup takes its place, or, with no backup, whatever rows can still be
read are carried into a fresh database. The message says what happened once.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from reader.userdata.schema import SCHEMA_VERSION, migrate

TABLES = ("settings", "bookmarks", "notes", "meta", "progress")


CORRUPTION = ("SQLITE_CORRUPT", "SQLITE_NOTADB")


def is_damaged(path: Path) -> bool:
    """True when the file is not a sound database; False when it only cannot be opened
    (a read-only folder, say), which is no reason to move it aside."""
    if not path.is_file() or path.stat().st_size == 0:
        return False
    db = None
    for options in ("mode=ro", "mode=ro&immutable=1"):
        try:
            db = sqlite3.connect(f"{path.absolute().as_uri()}?{options}", uri=True)
            return db.execute("PRAGMA quick_check").fetchone()[0] != "ok"
        except sqlite3.DatabaseError as exc:
            if _is_corruption(exc):
                return True
        finally:
            if db is not None:
                db.close()
                db = None
    return False


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    name = getattr(exc, "sqlite_errorname", "")  # Python 3.11 and later
    if name:
        return name.startswith(CORRUPTION)
    text = str(exc)
    return "malformed" in text or "not a database" in text


def recover_if_damaged(path: Path) -> str:
    """Recover a damaged database in place; '' when it was sound, else what was done."""
    if not is_damaged(path):
        return ""
    import datetime as dt

    from reader.userdata.backups import copy_database, list_backups

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    os.replace(path, aside)
    for suffix in ("-wal", "-shm"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            os.replace(side, aside.with_name(aside.name + suffix))
    backups = list_backups(path)
    if backups:
        newest = backups[0]
        copy_database(newest.path, path)
        return (f"Your notes database was damaged. It was moved to {aside}, and the backup of "
                f"{newest.day:%B} {newest.day.day}, {newest.day.year} ({newest.notes} notes, "
                f"{newest.bookmarks} bookmarks) was restored in its place.")
    saved = salvage(aside, path)
    return (f"Your notes database was damaged and there was no backup. It was moved to {aside}; "
            f"{saved['notes']} notes and {saved['bookmarks']} bookmarks could be read from it "
            "and were kept.")


def salvage(damaged: Path, target: Path) -> dict[str, int]:
    """Carry every row that can still be read into a fresh database at `target`."""
    fresh = sqlite3.connect(target, isolation_level=None)
    migrate(fresh, 0)
    fresh.execute("BEGIN")  # one transaction: a row at a time would sync the disk per row
    saved = dict.fromkeys(TABLES, 0)
    try:
        old = sqlite3.connect(f"{damaged.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        fresh.close()
        return saved
    for table in TABLES:
        columns = [row[1] for row in fresh.execute(f"PRAGMA table_info({table})")]
        try:
            cursor = old.execute(f"SELECT {', '.join(columns)} FROM {table}")
            while True:
                try:
                    row = cursor.fetchone()
                except sqlite3.DatabaseError:
                    break
                if row is None:
                    break
                try:
                    fresh.execute(f"INSERT OR IGNORE INTO {table} VALUES "
                                  f"({', '.join('?' * len(columns))})", row)
                    saved[table] += 1
                except sqlite3.Error:
                    continue
        except sqlite3.DatabaseError:
            continue
    old.close()
    fresh.execute("COMMIT")
    fresh.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
    fresh.close()
    return saved
