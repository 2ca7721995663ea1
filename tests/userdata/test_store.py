"""The user's store: settings survive, newer files are left alone, bad folders do not stop us."""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path

import pytest

from reader.userdata import UserStore, resolve_data_dir
from reader.userdata.database import RETRY_EVERY_S
from reader.userdata.paths import DB_NAME
from reader.userdata.schema import SCHEMA_VERSION


def test_settings_survive_reopening(data_dir: Path) -> None:
    store = UserStore.open(data_dir)
    assert store.get("notice_dismissed") is False
    assert store.set("notice_dismissed", True)
    store.close()
    assert UserStore.open(data_dir).get("notice_dismissed") is True


def test_the_schema_is_versioned_and_uses_wal(data_dir: Path) -> None:
    UserStore.open(data_dir).close()
    db = sqlite3.connect(data_dir / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_from_a_newer_program_is_opened_read_only_and_not_rewritten(
        data_dir: Path) -> None:
    db = sqlite3.connect(data_dir / DB_NAME)
    db.executescript("CREATE TABLE settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                     "INSERT INTO settings VALUES ('last_page', '\"about\"');"
                     "PRAGMA user_version = 99;")
    db.close()
    before = (data_dir / DB_NAME).read_bytes()
    store = UserStore.open(data_dir)
    assert not store.writable and "newer OTPIC Reader" in store.read_only_reason
    assert store.get("last_page") == "about"
    assert store.set("last_page", "coercive-diplomacy") is False
    store.close()
    assert (data_dir / DB_NAME).read_bytes() == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_a_folder_that_cannot_be_written_still_opens(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        store = UserStore.open(locked / "data")
        assert not store.writable and "cannot be saved" in store.read_only_reason
        assert store.get("last_page") == ""
    finally:
        locked.chmod(0o700)


def test_a_data_folder_that_is_a_file_still_opens(tmp_path: Path) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    store = UserStore.open(blocker)
    assert not store.writable
    assert str(blocker) in store.read_only_reason
    assert store.get("notice_dismissed") is False


def test_where_the_data_lives(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    assert resolve_data_dir(tmp_path / "x") == tmp_path / "x"
    monkeypatch.setenv("OTPIC_READER_DATA", str(tmp_path / "usb"))
    assert resolve_data_dir() == tmp_path / "usb"
    monkeypatch.delenv("OTPIC_READER_DATA")
    assert resolve_data_dir().name == "otpic-reader"


def test_a_read_only_disk_holding_wal_and_shm_opens_read_only_at_once(tmpfs) -> None:
    """A USB stick with its write switch on, after a crash: not "writable, then failing"."""
    from reader.bench.torture.common import killed_writer, uids_in_copy
    from reader.bench.torture.disks import make_read_only

    disk = tmpfs(size="8m")
    killed_writer(disk / "data")
    assert (disk / "data" / f"{DB_NAME}-wal").stat().st_size > 0
    saved = uids_in_copy(disk / "data")
    make_read_only(disk)
    store = UserStore.open(disk / "data")
    assert not store.writable and "read-only" in store.read_only_reason
    assert {n.uid for n in store.notes.all()} == saved
    assert store.set("last_page", "about") is False


def test_a_full_disk_at_open_is_named_and_saving_works_once_there_is_room(tmpfs) -> None:
    from reader.bench.torture.disks import fill

    disk = tmpfs(size="1m")
    first = UserStore.open(disk / "data")
    first.notes.add("about", "About", "before the disk filled")
    first.close()
    fill(disk)
    store = UserStore.open(disk / "data")
    assert not store.writable and "the disk is full" in store.read_only_reason
    assert [n.text for n in store.notes.all()] == ["before the disk filled"]
    for filler in disk.glob("filler*"):
        filler.unlink()
    time.sleep(RETRY_EVERY_S)
    store.notes.add("about", "About", "after some room was made")
    assert store.writable
    assert len(UserStore.open(disk / "data").notes.all()) == 2


def test_a_copy_that_found_the_database_busy_saves_once_it_is_free(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.userdata import database

    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")  # another program holds the new file
    store = UserStore.open(data_dir)
    assert not store.writable and "busy" in store.read_only_reason
    holder.execute("ROLLBACK")
    holder.close()
    store.notes.add("about", "About", "saved after all")  # not read-only for good
    assert store.writable and [n.text for n in store.notes.all()] == ["saved after all"]


def test_two_copies_migrating_one_new_file_at_once_both_can_save(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without the folder's lock too (a file system without one): the migration reads the
    version inside its transaction, so the second copy finds the work done."""
    import contextlib
    import threading

    from reader.userdata import store as store_module

    monkeypatch.setattr(store_module, "folder_lock", lambda folder: contextlib.nullcontext())
    for trial in range(10):
        folder = tmp_path / str(trial)
        folder.mkdir()
        start = threading.Barrier(2)
        stores: list[UserStore] = []

        def open_one(folder: Path = folder, start: threading.Barrier = start,
                     stores: list[UserStore] = stores) -> None:
            start.wait()
            stores.append(UserStore.open(folder))

        threads = [threading.Thread(target=open_one) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        for number, store in enumerate(stores):  # a copy that found the file busy retries
            store.notes.add("about", "About", f"copy {number}")
        assert all(s.writable for s in stores), [s.read_only_reason for s in stores]
        assert len(UserStore.open(folder).notes.all()) == 2


def test_the_migration_reads_the_version_inside_its_transaction(data_dir: Path) -> None:
    from reader.userdata.schema import migrate

    first = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
    second = sqlite3.connect(data_dir / DB_NAME, isolation_level=None)
    assert second.execute("PRAGMA user_version").fetchone()[0] == 0  # it saw a new file
    migrate(first)
    migrate(second)  # formerly: "table settings already exists"
    assert second.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_opening_leaves_no_lock_file(data_dir: Path) -> None:
    UserStore.open(data_dir).close()
    assert sorted(p.name for p in data_dir.iterdir()) == [DB_NAME]


def test_looking_leaves_no_wal_or_shm_behind(data_dir: Path) -> None:
    store = UserStore.open(data_dir)
    store.notes.add("about", "About", "x")
    store.close()
    before = sorted(p.name for p in data_dir.iterdir())
    looked = UserStore.open(data_dir, look_only=True)
    assert [n.text for n in looked.notes.all()] == ["x"]
    looked.close()
    assert sorted(p.name for p in data_dir.iterdir()) == before
