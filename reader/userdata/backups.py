"""Copies of the user's database, made with SQLite's backup API, and restoring one.

At most one a day, only when the data changed since the last copy and holds
notes, bookmarks or reading progress (settings alone are not worth one); the
last 7 daily and 4 weekly copies are kept in `backups/` beside the database.
Each copy is checked before it replaces another, so a damaged file never takes
the place of a good backup. The copy
made before a restore lies beside the database and is offered for restoring too,
so that a restore can be undone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from reader.common.files import PARTIAL, atomic_path
from reader.userdata.database import ALL_CHANGED, Database, StoreError, reason
from reader.userdata.schema import migrate

PREFIX = "otpic-reader-"
SUFFIX = ".sqlite3"
BEFORE_RESTORE = ".before-restore-"  # <database name><this><%Y%m%d-%H%M%S>
KEEP_DAILY = 7
KEEP_WEEKLY = 4
STALE_S = 600  # a partial copy this old was left by a copy of the reader that was killed


@dataclass(frozen=True)
class Backup:
    path: Path
    day: dt.date
    notes: int
    bookmarks: int
    newest: str = ""  # when the newest note was last changed (ISO), "" with no notes
    taken: dt.datetime | None = None  # the copy made before a restore: when; None for a daily


@dataclass(frozen=True)
class Holding:
    """What a database holds, to set a backup beside what is there now."""

    notes: int
    bookmarks: int
    newest: str  # when the newest note was last changed (ISO), "" with no notes


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def has_backups(db_path: Path) -> bool:
    return bool(_daily(db_path))


def list_backups(db_path: Path, *, with_copies: bool = False) -> list[Backup]:
    """The backups that can be read, newest first, with what they hold; `with_copies` adds
    the copies kept before each restore."""
    found: list[Backup] = []
    for day, path in reversed(_daily(db_path)):
        held = holding(path)
        if held is not None:
            found.append(Backup(path, day, held.notes, held.bookmarks, held.newest))
    if with_copies:
        for path in db_path.parent.glob(f"{db_path.name}{BEFORE_RESTORE}*"):
            taken = _taken(path, db_path)
            held = holding(path) if taken else None
            if taken and held is not None:
                found.append(Backup(path, taken.date(), held.notes, held.bookmarks,
                                    held.newest, taken))
    return sorted(found, key=_when, reverse=True)


def _when(backup: Backup) -> tuple[dt.date, float]:
    """Newest first: by day, then by when the file was written (a daily copy may be made
    again after the day's first change, a restore's copy at any time)."""
    try:
        written = backup.path.stat().st_mtime
    except OSError:
        written = 0.0
    return backup.day, written


def _daily(db_path: Path) -> list[tuple[dt.date, Path]]:
    """The daily backup files by day, oldest first (read or not)."""
    folder = backups_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted((day, path) for path in folder.glob(f"{PREFIX}*{SUFFIX}")
                  if (day := _day_of(path)) is not None)


def _day_of(path: Path) -> dt.date | None:
    try:
        return dt.date.fromisoformat(path.name[len(PREFIX):-len(SUFFIX)])
    except ValueError:
        return None


def _taken(path: Path, db_path: Path) -> dt.datetime | None:
    try:
        stamp = path.name[len(db_path.name) + len(BEFORE_RESTORE):]
        return dt.datetime.strptime(stamp[:15], "%Y%m%d-%H%M%S")
    except ValueError:
        return None


def holding(path: Path) -> Holding | None:
    """What the file holds, or None when it is not a sound database."""
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        try:
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return None
            notes, newest = db.execute("SELECT count(*), max(updated) FROM notes").fetchone()
            bookmarks = db.execute("SELECT count(*) FROM bookmarks").fetchone()[0]
        finally:
            db.close()
    except sqlite3.Error:
        return None
    return Holding(notes, bookmarks, str(newest or ""))


def holding_now(store: Database) -> Holding:
    notes, newest = store.row("SELECT count(*), max(updated) FROM notes")
    bookmarks = store.row("SELECT count(*) FROM bookmarks")[0]
    return Holding(notes, bookmarks, str(newest or ""))


def newer_than(store: Database, backup: Backup) -> Holding:
    """What restoring `backup` would replace: the notes there now that it lacks or holds
    in an older version, the bookmarks it lacks; `newest` is the newest of those notes."""
    db = sqlite3.connect(f"{backup.path.absolute().as_uri()}?mode=ro", uri=True)
    db.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        kept = dict(db.execute("SELECT uid, updated FROM notes"))
        marked = {row[0] for row in db.execute("SELECT uid FROM bookmarks")}
    finally:
        db.close()
    notes = [updated for uid, updated in store.rows("SELECT uid, updated FROM notes")
             if uid not in kept or str(updated) > str(kept[uid])]
    bookmarks = [uid for (uid,) in store.rows("SELECT uid FROM bookmarks") if uid not in marked]
    return Holding(len(notes), len(bookmarks), str(max(notes, default="")))


def copy_database(source: Path, target: Path, *, verify: bool = True) -> None:
    """A consistent copy through the backup API, written beside `target` then renamed;
    with `verify`, a copy that does not pass SQLite's check never replaces a good one."""
    with atomic_path(target, durable=True) as partial:
        src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal
            if verify and dst.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                raise sqlite3.DatabaseError(f"the copy of {source} does not pass SQLite's "
                                            "check")
        finally:
            dst.close()
            src.close()


def make_daily_backup(db_path: Path, today: dt.date | None = None, *,
                      refresh: bool = False) -> Path | None:
    """Back up if the data changed since the newest backup and none was made today; with
    `refresh` (after the day's first change) today's copy is made again when it lacks a
    change. Nothing is made for data that holds no notes, bookmarks or progress."""
    today = today or dt.date.today()
    if not db_path.is_file():
        return None
    existing = _daily(db_path)
    newest = existing[-1] if existing else None
    if newest is not None and newest[0] == today and not refresh:
        return None
    if newest is not None and _change_count(db_path) <= _change_count(newest[1]):
        return None
    if not _holds_anything(db_path):
        return None
    folder = backups_dir(db_path)
    folder.mkdir(exist_ok=True)
    target = folder / f"{PREFIX}{today.isoformat()}{SUFFIX}"
    copy_database(db_path, target)
    prune(folder)
    return target


def try_daily_backup(db_path: Path, today: dt.date | None = None, *,
                     refresh: bool = False) -> Path | None:
    """make_daily_backup for a running reader: a copy that fails (a full disk, a file
    another program holds) must not disturb reading, and the next change or start tries
    again."""
    try:
        return make_daily_backup(db_path, today, refresh=refresh)
    except (OSError, sqlite3.Error):
        return None


def _holds_anything(path: Path) -> bool:
    """True when the file holds notes, bookmarks or reading progress (settings alone, the
    window's size and the page last open, are not worth a day's copy)."""
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        for table in ("notes", "bookmarks", "progress"):
            with contextlib.suppress(sqlite3.Error):  # an older file has no progress table
                if db.execute(f"SELECT EXISTS (SELECT 1 FROM {table})").fetchone()[0]:
                    return True
        return False
    finally:
        db.close()


def _readable(path: Path) -> sqlite3.Connection:
    """The backup opened to be read, or StoreError saying it cannot be."""
    source = None
    try:
        source = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
        source.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        if source is not None:
            source.close()
        raise StoreError(f"{path} is not a database that can be read ({exc})") from exc
    return source


def _change_count(path: Path) -> int:
    """How many changes the file has seen: every saved user action adds one."""
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
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
    """Keep what `keep` keeps, and remove the partial copies of killed copies of the reader."""
    paths = {day: path for path in folder.glob(f"{PREFIX}*{SUFFIX}")
             if (day := _day_of(path)) is not None}
    kept = keep(list(paths))
    for day, path in paths.items():
        if day not in kept:
            for side in ("", "-wal", "-shm"):
                path.with_name(path.name + side).unlink(missing_ok=True)
    for stale in folder.glob(f".*{PARTIAL}*"):
        try:
            if time.time() - stale.stat().st_mtime > STALE_S:
                stale.unlink()
        except OSError:
            continue


def restore_into(store: Database, backup: Backup) -> Path:
    """Replace the live data with a backup's; the data as it was is kept beside it first."""
    assert store.path is not None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    kept = store.path.with_name(f"{store.path.name}{BEFORE_RESTORE}{stamp}")
    for again in range(1, 100):  # two restores within a second keep two copies
        if not kept.exists():
            break
        kept = kept.with_name(f"{store.path.name}{BEFORE_RESTORE}{stamp}-{again}")
    try:
        copy_database(store.path, kept, verify=False)  # whatever it is, it is kept
    except sqlite3.Error as exc:
        raise StoreError(f"what you have now could not be kept aside first "
                         f"({reason(exc, kept)})") from exc
    source = _readable(backup.path)
    try:
        source.backup(store.db)  # all or nothing: a failure leaves the live data as it was
        migrate(store.db)  # a backup from an older program: bring it to today's schema
    except sqlite3.Error as exc:
        raise StoreError(f"{store.path} could not take the backup's data "
                         f"({reason(exc, store.path)})") from exc
    finally:
        source.close()
    # count on from the newest backup, so that tomorrow's backup is made again
    newest = max((_change_count(path) for _, path in _daily(store.path)), default=0)
    daily = getattr(store, "daily", None)
    if daily is not None:
        daily.skip_today()  # today's backup keeps what it held; the copy above keeps the rest
    with store.transaction(ALL_CHANGED) as db:
        db.execute("INSERT INTO meta(key, value) VALUES ('changes', ?) "
                   "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (newest + 1,))
    return kept
