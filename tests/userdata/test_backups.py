"""Daily backups: when they are made, what they hold, what is kept, and restoring one."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import time
from pathlib import Path

import pytest

from reader.bench.torture.disks import fill
from reader.userdata import UserStore
from reader.userdata.backups import (
    copy_database,
    holding_now,
    keep,
    list_backups,
    make_daily_backup,
    newer_than,
    prune,
    restore_into,
    try_daily_backup,
)
from reader.userdata.database import StoreError
from reader.userdata.paths import DB_NAME


def with_notes(folder: Path, count: int) -> UserStore:
    store = UserStore.open(folder)
    for index in range(count):
        store.notes.add("about", "About", f"note {index}")
    return store


@pytest.mark.usefixtures("no_daily_backup")
def test_a_backup_is_made_once_a_day_and_only_after_a_change(data_dir: Path) -> None:
    store = with_notes(data_dir, 3)
    db = data_dir / DB_NAME
    monday = dt.date(2026, 11, 16)
    assert make_daily_backup(db, monday) is not None
    assert make_daily_backup(db, monday) is None  # once a day
    assert make_daily_backup(db, monday + dt.timedelta(days=1)) is None  # nothing changed
    store.notes.add("about", "About", "a new thought")
    assert make_daily_backup(db, monday + dt.timedelta(days=2)) is not None
    assert [(b.day.day, b.notes) for b in list_backups(db)] == [(18, 4), (16, 3)]


@pytest.mark.usefixtures("no_daily_backup")
def test_settings_alone_are_not_worth_a_backup(data_dir: Path) -> None:
    store = UserStore.open(data_dir)
    store.set("last_page", "about")  # the window's size, the page last open
    assert make_daily_backup(store.path) is None
    store.progress.mark_read("about")  # reading progress is the user's own, as notes are
    assert make_daily_backup(store.path) is not None


def test_the_days_backup_is_taken_after_its_first_change(data_dir: Path) -> None:
    store = UserStore.open(data_dir)
    store.set("last_page", "about")  # not a change of notes or bookmarks
    store.notes.add("about", "About", "the first thought of the day")
    store.daily.wait()
    backups = list_backups(store.path)
    assert [(b.day, b.notes) for b in backups] == [(dt.date.today(), 1)]
    store.notes.add("about", "About", "a second one")
    store.daily.wait()
    assert list_backups(store.path)[0].notes == 1  # once a day, not after every change


def test_the_days_backup_made_at_start_is_made_again_after_the_first_change(
        data_dir: Path) -> None:
    store = with_notes(data_dir, 2)
    store.close()
    for backup in list_backups(data_dir / DB_NAME):
        backup.path.unlink()
    assert make_daily_backup(data_dir / DB_NAME) is not None  # the window's, at start
    store = UserStore.open(data_dir)
    store.bookmarks.add("about", "About")
    store.close()  # waits for the backup
    [today] = list_backups(data_dir / DB_NAME)
    assert (today.day, today.notes, today.bookmarks) == (dt.date.today(), 2, 1)


@pytest.mark.usefixtures("no_daily_backup")
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


@pytest.mark.usefixtures("no_daily_backup")
def test_a_backup_is_one_self_contained_file(data_dir: Path) -> None:
    with_notes(data_dir, 2)
    backup = make_daily_backup(data_dir / DB_NAME, dt.date(2026, 11, 16))
    assert sqlite3.connect(backup).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    list_backups(data_dir / DB_NAME)
    assert sorted(p.name for p in backup.parent.iterdir()) == [backup.name]


@pytest.mark.usefixtures("no_daily_backup")
def test_a_damaged_file_never_replaces_a_good_backup(data_dir: Path) -> None:
    store = with_notes(data_dir, 50)
    backup = make_daily_backup(store.path, dt.date(2026, 11, 16))
    good = backup.read_bytes()
    store.notes.add("about", "About", "one more")
    store.close()
    data = bytearray(store.path.read_bytes())
    data[8192:12288] = b"\xff" * 4096
    store.path.write_bytes(bytes(data))
    with contextlib.suppress(sqlite3.DatabaseError):
        assert make_daily_backup(store.path, dt.date(2026, 11, 16), refresh=True) is None
    with pytest.raises(sqlite3.DatabaseError, match="does not pass"):
        copy_database(store.path, backup)  # the copy is checked before it replaces one
    assert backup.read_bytes() == good
    assert [p.name for p in backup.parent.iterdir()] == [backup.name]


@pytest.mark.usefixtures("no_daily_backup")
def test_partial_copies_of_killed_copies_are_cleared_later(data_dir: Path) -> None:
    store = with_notes(data_dir, 1)
    folder = make_daily_backup(store.path, dt.date(2026, 11, 16)).parent
    stale = folder / ".otpic-reader-2026-11-17.sqlite3-abc.partial"
    fresh = folder / ".otpic-reader-2026-11-18.sqlite3-def.partial"
    for path in (stale, stale.with_name(stale.name + "-journal"), fresh):
        path.write_bytes(b"half")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    os.utime(stale.with_name(stale.name + "-journal"), (old, old))
    prune(folder)
    assert sorted(p.name for p in folder.iterdir() if ".partial" in p.name) == [fresh.name]


@pytest.mark.usefixtures("no_daily_backup")
def test_a_backup_cut_short_by_a_full_disk_leaves_no_partial_file(tmpfs) -> None:
    disk = tmpfs(size="1m")
    store = with_notes(disk / "data", 40)  # open: its -shm lets the backup read it
    (disk / "data" / "backups").mkdir()
    fill(disk)
    with pytest.raises((OSError, sqlite3.Error)):
        make_daily_backup(store.path)
    assert [p.name for p in (disk / "data").rglob("*") if ".partial" in p.name] == []


@pytest.mark.usefixtures("no_daily_backup")
def test_a_restore_keeps_what_it_replaces_and_offers_it_back(data_dir: Path) -> None:
    store = with_notes(data_dir, 2)
    make_daily_backup(store.path, dt.date(2026, 11, 16))
    store.notes.add("about", "About", "written after the backup")
    store.bookmarks.add("about", "About")
    [backup] = list_backups(store.path)
    newer = newer_than(store, backup)
    assert (newer.notes, newer.bookmarks) == (1, 1) and newer.newest
    assert holding_now(store).notes == 3
    restore_into(store, backup)
    assert store.notes.count() == 2
    copies = [b for b in list_backups(store.path, with_copies=True) if b.taken]
    assert [(c.notes, c.bookmarks) for c in copies] == [(3, 1)]
    restore_into(store, copies[0])  # the restore undone
    assert {n.text for n in store.notes.all()} >= {"written after the backup"}
    assert len([b for b in list_backups(store.path, with_copies=True) if b.taken]) == 2


@pytest.mark.usefixtures("no_daily_backup")
def test_the_list_puts_the_newest_first_and_says_when_the_newest_note_changed(
        data_dir: Path) -> None:
    store = with_notes(data_dir, 1)
    make_daily_backup(store.path, dt.date(2026, 11, 16))
    store.notes.add("about", "About", "two")
    make_daily_backup(store.path, dt.date(2026, 11, 17))
    backups = list_backups(store.path)
    assert [b.day.day for b in backups] == [17, 16]
    assert backups[0].newest == max(n.updated for n in store.notes.all())


@pytest.mark.usefixtures("no_daily_backup")
def test_a_backup_that_cannot_be_read_is_not_restored_and_the_notes_stay(data_dir: Path) -> None:
    store = with_notes(data_dir, 2)
    make_daily_backup(store.path, dt.date(2026, 11, 16))
    [backup] = list_backups(store.path)
    backup.path.write_bytes(b"not a database, after all" * 100)  # spoiled since it was listed
    with pytest.raises(StoreError, match=str(backup.path)):
        restore_into(store, backup)
    assert sorted(n.text for n in store.notes.all()) == ["note 0", "note 1"]


@pytest.mark.usefixtures("no_daily_backup")
def test_a_daily_backup_that_cannot_be_written_costs_the_reader_nothing(data_dir: Path) -> None:
    store = with_notes(data_dir, 1)
    (data_dir / "backups").write_text("a file where the folder goes")  # mkdir fails
    assert try_daily_backup(store.path) is None
    assert store.notes.count() == 1


@pytest.mark.usefixtures("no_daily_backup")
def test_a_restore_on_a_full_disk_says_so_and_changes_nothing(tmpfs) -> None:
    disk = tmpfs(size="1m")
    store = with_notes(disk / "data", 40)
    make_daily_backup(store.path, dt.date(2026, 11, 16))
    store.notes.add("about", "About", "written after the backup")
    [backup] = list_backups(store.path)
    fill(disk)  # no room for the copy of what is there now
    with pytest.raises(StoreError, match="the disk is full"):
        restore_into(store, backup)
    assert store.notes.count() == 41
