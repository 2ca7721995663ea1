"""Daily backups, their retention, and recovery from a damaged database."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from reader.userdata import UserStore
from reader.userdata.backups import keep, list_backups, make_daily_backup
from reader.userdata.notes import Notes
from reader.userdata.paths import DB_NAME


def with_notes(folder: Path, count: int) -> UserStore:
    store = UserStore.open(folder)
    for index in range(count):
        Notes(store).add("about", "About", f"note {index}")
    return store


def test_a_backup_is_made_once_a_day_and_only_after_a_change(data_dir: Path) -> None:
    store = with_notes(data_dir, 3)
    db = data_dir / DB_NAME
    monday = dt.date(2026, 11, 16)
    assert make_daily_backup(db, monday) is not None
    assert make_daily_backup(db, monday) is None  # once a day
    assert make_daily_backup(db, monday + dt.timedelta(days=1)) is None  # nothing changed
    Notes(store).add("about", "About", "a new thought")
    assert make_daily_backup(db, monday + dt.timedelta(days=2)) is not None
    backups = list_backups(db)
    assert [(b.day.day, b.notes) for b in backups] == [(18, 4), (16, 3)]


def test_seven_daily_and_four_weekly_backups_are_kept() -> None:
    start = dt.date(2026, 1, 1)
    days = [start + dt.timedelta(days=n) for n in range(60)]
    kept = sorted(keep(days), reverse=True)
    assert kept[:7] == sorted(days[-7:], reverse=True)
    weekly = kept[7:]
    assert len(weekly) == 4
    assert len({d.isocalendar()[:2] for d in weekly}) == 4  # one a week, four weeks
    assert all(d.isocalendar()[:2] not in {k.isocalendar()[:2] for k in kept[:7]}
               for d in weekly)


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    elif how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:  # a page in the middle overwritten
        path.write_bytes(data[:4096] + b"\x00\xff" * 2048 + data[8192:])


def checkpointed(folder: Path, count: int) -> Path:
    store = with_notes(folder, count)
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return folder / DB_NAME


def test_a_garbage_file_is_moved_aside_and_the_newest_backup_restored(data_dir: Path) -> None:
    db = checkpointed(data_dir, 5)
    make_daily_backup(db, dt.date(2026, 11, 20))
    Notes(UserStore.open(data_dir)).add("about", "About", "after the backup")
    damage(db, "garbage")
    store = UserStore.open(data_dir)
    assert store.writable
    assert "backup of November 20, 2026 (5 notes" in store.recovery_message
    assert len(Notes(store).all()) == 5
    aside = [p for p in data_dir.glob(f"{DB_NAME}.corrupt-*") if p.name[-1].isdigit()]
    assert len(aside) == 1 and str(aside[0]) in store.recovery_message
    assert UserStore.open(data_dir).recovery_message == ""  # told once


def test_a_truncated_file_without_backup_keeps_what_can_be_read(data_dir: Path) -> None:
    db = checkpointed(data_dir, 400)
    damage(db, "truncated")
    store = UserStore.open(data_dir)
    assert store.writable and "there was no backup" in store.recovery_message
    kept = len(Notes(store).all())
    assert f"{kept} notes" in store.recovery_message
    Notes(store).add("about", "About", "life goes on")
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_damaged_page_in_the_middle_is_recovered(data_dir: Path) -> None:
    db = checkpointed(data_dir, 400)
    damage(db, "page")
    store = UserStore.open(data_dir)
    assert store.writable and store.recovery_message
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_backup_is_one_self_contained_file(data_dir: Path) -> None:
    with_notes(data_dir, 2)
    backup = make_daily_backup(data_dir / DB_NAME, dt.date(2026, 11, 16))
    assert sqlite3.connect(backup).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    list_backups(data_dir / DB_NAME)
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]
