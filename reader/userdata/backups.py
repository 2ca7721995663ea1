"""Daily copies of the user's database, made with SQLite's backup API.

At most one a day, only when the data changed since the last copy; the last
7 daily and 4 weekly copies are kept in `backups/` beside the database.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reader.common.files import atomic_path
from reader.userdata.database import ALL_CHANGED, Database
from reader.userdata.schema import migrate

PREFIX = "otpic-reader-"
SUFFIX = ".sqlite3"
KEEP_DAILY = 7
KEEP_WEEKLY = 4


@dataclass(frozen=True)
class Backup:
    path: Path
    day: dt.date
    notes: int
    bookmarks: int


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def list_backups(db_path: Path) -> list[Backup]:
    """The backups that can be read, newest first, with what they hold."""
    found: list[Backup] = []
    folder = backups_dir(db_path)
    for path in sorted(folder.glob(f"{PREFIX}*{SUFFIX}"), reverse=True) if folder.is_dir() else []:
        day = _day_of(path)
        if day is None:
            continue
        counts = _counts(path)
        if counts is not None:
            found.append(Backup(path, day, *counts))
    return found


def _day_of(path: Path) -> dt.date | None:
    try:
        return dt.date.fromisoformat(path.name[len(PREFIX):-len(SUFFIX)])
    except ValueError:
        return None


def _counts(path: Path) -> tuple[int, int] | None:
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return None
            return (db.execute("SELECT count(*) FROM notes").fetchone()[0],
                    db.execute("SELECT count(*) FROM bookmarks").fetchone()[0])
        finally:
            db.close()
    except sqlite3.Error:
        return None


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy through the backup API, written beside `target` then renamed."""
    with atomic_path(target, durable=True) as partial:
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
        finally:
            dst.close()
            src.close()


def make_daily_backup(db_path: Path, today: dt.date | None = None) -> Path | None:
    """Back up if the data changed since the newest backup and none was made today."""
    today = today or dt.date.today()
    folder = backups_dir(db_path)
    if not db_path.is_file():
        return None
    existing = sorted(folder.glob(f"{PREFIX}*{SUFFIX}")) if folder.is_dir() else []
    newest = existing[-1] if existing else None
    if newest is not None and _day_of(newest) == today:
        return None
    if newest is not None and _change_count(db_path) <= _change_count(newest):
        return None
    folder.mkdir(exist_ok=True)
    target = folder / f"{PREFIX}{today.isoformat()}{SUFFIX}"
    copy_database(db_path, target)
    prune(folder)
    return target


def _change_count(path: Path) -> int:
    """How many changes the file has seen: every saved user action adds one."""
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT CAST(value AS INTEGER) FROM meta "
                             "WHERE key = 'changes'").fetchone()
        finally:
            db.close()
    except sqlite3.Error:
        return 0
    return row[0] if row else 0


def keep(days: list[dt.date]) -> set[dt.date]:
    """The 7 newest days, and the newest day of each of the 4 newest other weeks."""
    ordered = sorted(set(days), reverse=True)
    kept = set(ordered[:KEEP_DAILY])
    weeks_kept: set[tuple[int, int]] = {d.isocalendar()[:2] for d in kept}
    weekly = 0
    for day in ordered[KEEP_DAILY:]:
        week = day.isocalendar()[:2]
        if week in weeks_kept or weekly >= KEEP_WEEKLY:
            continue
        weeks_kept.add(week)
        kept.add(day)
        weekly += 1
    return kept


def prune(folder: Path) -> None:
    paths = {day: path for path in folder.glob(f"{PREFIX}*{SUFFIX}")
             if (day := _day_of(path)) is not None}
    kept = keep(list(paths))
    for day, path in paths.items():
        if day not in kept:
            for side in ("", "-wal", "-shm"):
                path.with_name(path.name + side).unlink(missing_ok=True)


def restore_into(store: Database, backup: Backup) -> Path:
    """Replace the live data with a backup's; the data as it was is kept beside it first."""
    assert store.path is not None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = store.path.with_name(f"{store.path.name}.before-restore-{stamp}")
    copy_database(store.path, kept)
    source = sqlite3.connect(f"{backup.path.as_uri()}?mode=ro", uri=True)
    try:
        source.backup(store.db)
    finally:
        source.close()
    # a backup from an older program: bring it to today's schema
    migrate(store.db, store.db.execute("PRAGMA user_version").fetchone()[0])
    # count on from the newest backup, so that tomorrow's backup is made again
    newest = max((_change_count(b.path) for b in list_backups(store.path)), default=0)
    with store.transaction(ALL_CHANGED) as db:
        db.execute("INSERT INTO meta(key, value) VALUES ('changes', ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (newest + 1,))
    return kept
