"""Damage that used to lose notes without a word: each is recovered to the union of what the
file and the backup still hold, and the message says what was found and what was kept."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from reader.bench.torture.common import make_base
from reader.bench.torture.damage import foreign_log, foreign_log_same_shape
from reader.userdata import UserStore
from reader.userdata.backups import list_backups, make_daily_backup
from reader.userdata.paths import DB_NAME
from reader.userdata.recovery import is_damaged

pytestmark = pytest.mark.usefixtures("no_daily_backup")


def damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "garbage":
        path.write_bytes(b"this is not a database at all" * 100)
    elif how == "truncated":
        path.write_bytes(data[: len(data) // 2])
    else:  # a page in the middle overwritten
        middle = (len(data) // 4096 // 2) * 4096
        path.write_bytes(data[:middle] + b"\x00\xff" * 2048 + data[middle + 4096:])


@pytest.fixture
def base(tmp_path: Path) -> tuple[Path, set[str]]:
    """40 notes in yesterday's backup, 10 written since, closed cleanly."""
    folder = tmp_path / "data"
    return folder, make_base(folder, before=40, after=10)


def uids(store: UserStore) -> set[str]:
    return {note.uid for note in store.notes.all()}


def test_a_garbage_file_is_kept_aside_and_the_backup_restored(base) -> None:
    folder, _ = base
    damage(folder / DB_NAME, "garbage")
    store = UserStore.open(folder)
    assert store.writable and store.notes.count() == 40
    assert "SQLite cannot read it as a database" in store.recovery_message
    assert "The backup of" in store.recovery_message and "held 40 notes" in store.recovery_message
    aside = [p for p in folder.glob(f"{DB_NAME}.corrupt-*") if p.name[-1].isdigit()]
    assert len(aside) == 1 and str(aside[0]) in store.recovery_message
    assert UserStore.open(folder).recovery_message == ""  # told once


def test_a_damaged_file_keeps_every_readable_note_and_every_backup_note(base) -> None:
    folder, everything = base
    damage(folder / DB_NAME, "page")
    store = UserStore.open(folder)
    assert uids(store) == everything  # all 50: not the backup's 40
    assert "you now have 50 notes and 2 bookmarks" in store.recovery_message
    assert sqlite3.connect(store.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_truncated_file_without_backup_keeps_what_can_be_read(tmp_path: Path) -> None:
    store = UserStore.open(tmp_path)
    for index in range(400):
        store.notes.add("about", "About", f"note {index}")
    store.close()
    damage(tmp_path / DB_NAME, "truncated")
    store = UserStore.open(tmp_path)
    assert store.writable and "There was no backup that could be read" in store.recovery_message
    assert f"You now have {store.notes.count()} notes" in store.recovery_message
    store.notes.add("about", "About", "life goes on")
    assert sqlite3.connect(store.path).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_newest_version_of_each_note_is_kept(base) -> None:
    folder, _ = base
    store = UserStore.open(folder)
    first = store.notes.all()[0]
    store.notes.update(first.id, "edited after the backup")
    store.close()
    damage(folder / DB_NAME, "page")
    texts = {n.uid: n.text for n in UserStore.open(folder).notes.all()}
    assert texts[first.uid] == "edited after the backup"


def test_a_zero_length_file_with_a_backup_is_restored_not_new(base) -> None:
    folder, _ = base
    (folder / DB_NAME).write_bytes(b"")
    store = UserStore.open(folder)
    assert store.notes.count() == 40 and store.writable
    assert "was empty" in store.recovery_message and "40 notes" in store.recovery_message


def test_a_zero_length_file_without_backup_is_a_new_one(tmp_path: Path) -> None:
    (tmp_path / DB_NAME).write_bytes(b"")
    store = UserStore.open(tmp_path)
    assert store.writable and store.recovery_message == "" and store.notes.count() == 0


@pytest.mark.parametrize("foreign", [foreign_log, foreign_log_same_shape])
def test_a_write_ahead_log_of_another_database_is_never_used(base, foreign) -> None:
    folder, everything = base
    foreign(folder / DB_NAME, random.Random(1))
    assert uids(UserStore.open(folder, look_only=True)) == everything
    store = UserStore.open(folder)
    assert uids(store) == everything
    assert "write-ahead log" in store.recovery_message
    kept = list(folder.glob(f"{DB_NAME}-wal.foreign-*")) + list(folder.glob(f"{DB_NAME}.corrupt-*"))
    assert kept  # that log is kept, unused: it is someone's data too
    store.notes.add("about", "About", "after")
    store.close()
    assert len(uids(UserStore.open(folder))) == 51


def test_a_wal_of_the_same_shape_is_recognised_by_the_files_name(base) -> None:
    folder, _ = base
    foreign_log_same_shape(folder / DB_NAME, random.Random(1))
    message = UserStore.open(folder).recovery_message
    assert message.startswith("A write-ahead log that belongs to another database")


def test_invalid_utf8_in_a_row_is_read_with_replacement(base) -> None:
    folder, everything = base
    db = sqlite3.connect(folder / DB_NAME)
    db.execute("UPDATE notes SET text = CAST(X'FFFE41' AS TEXT) WHERE id = 3")
    db.commit()
    db.close()
    assert not is_damaged(folder / DB_NAME)  # integrity_check passes
    for look_only in (False, True):
        store = UserStore.open(folder, look_only=look_only)
        assert uids(store) == everything
        assert store.notes.get(3).text == "\ufffd\ufffdA"
        assert "not valid UTF-8" in " ".join(store.notices())
        assert store.bookmarks.all() and store.progress.read_slugs() == set()


def test_a_file_without_its_notes_table_is_recovered(base) -> None:
    folder, _ = base
    db = sqlite3.connect(folder / DB_NAME)
    db.execute("DROP TABLE notes")
    db.commit()
    db.close()
    assert sqlite3.connect(folder / DB_NAME).execute(
        "PRAGMA integrity_check").fetchone()[0] == "ok"
    looked = UserStore.open(folder, look_only=True)
    assert looked.notes.count() == 40 and "notes table is missing" in looked.recovery_message
    store = UserStore.open(folder)
    assert store.notes.count() == 40 and "its notes table is missing" in store.recovery_message
    store.notes.add("about", "About", "works again")


def test_looking_at_a_damaged_file_recovers_in_memory_and_changes_nothing(base) -> None:
    folder, everything = base
    damage(folder / DB_NAME, "page")
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    store = UserStore.open(folder, look_only=True)
    assert uids(store) == everything
    assert "left as it is" in store.recovery_message
    store.close()
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before


def test_two_copies_finding_one_damaged_file_recover_it_once(base) -> None:
    folder, everything = base
    damage(folder / DB_NAME, "page")
    first, second = UserStore.open(folder), UserStore.open(folder)
    assert first.recovery_message and second.recovery_message == ""
    assert uids(first) == uids(second) == everything
    assert len([p for p in folder.glob(f"{DB_NAME}.corrupt-*") if p.name[-1].isdigit()]) == 1


def test_random_damage_never_stops_opening_and_loses_only_what_is_gone(
        tmp_path: Path) -> None:
    from reader.bench.torture.damage import backup_uids, probe_uids

    base = tmp_path / "base"
    everything = make_base(base, before=40, after=10)
    in_backup = backup_uids(base)
    rng = random.Random(7)
    for trial in range(8):
        folder = tmp_path / f"t{trial}"
        shutil.copytree(base, folder)
        data = bytearray((folder / DB_NAME).read_bytes())
        at = rng.randrange(0, len(data) - 4096)
        data[at:at + 4096] = rng.randbytes(4096)
        (folder / DB_NAME).write_bytes(bytes(data))
        readable = everything & (in_backup | probe_uids(folder / DB_NAME))
        for look_only in (True, False):
            store = UserStore.open(folder, look_only=look_only)
            assert uids(store) >= readable, (trial, look_only)
            store.close()


def test_a_backup_made_today_is_used_when_it_is_the_newest(data_dir: Path) -> None:
    store = UserStore.open(data_dir)
    store.notes.add("about", "About", "in the backup")
    make_daily_backup(store.path, dt.date.today())
    store.close()
    damage(store.path, "garbage")
    assert [n.text for n in UserStore.open(data_dir).notes.all()] == ["in the backup"]
    assert list_backups(store.path)


def drop_notes_and_bookmarks(path: Path) -> None:
    """Damage that leaves the file readable but for its notes and bookmarks."""
    db = sqlite3.connect(path)
    db.execute("DROP TABLE notes")
    db.execute("DROP TABLE bookmarks")
    db.commit()
    db.close()


def test_what_was_deleted_after_the_backup_stays_deleted(base) -> None:
    folder, _ = base
    store = UserStore.open(folder)
    in_backup = {n.uid for n in store.notes.all() if n.text.startswith("before the backup")}
    gone = store.notes.get(min(n.id for n in store.notes.all()))
    assert gone.uid in in_backup
    store.notes.delete(gone.id)  # in yesterday's backup, deleted today
    store.bookmarks.delete(store.bookmarks.find("about").id)
    store.close()
    drop_notes_and_bookmarks(folder / DB_NAME)
    store = UserStore.open(folder)
    assert uids(store) == in_backup - {gone.uid}  # the backup's notes, but the one deleted
    assert [b.slug for b in store.bookmarks.all()] == ["coercive-diplomacy"]
    assert "you now have 39 notes and 1 bookmark" in store.recovery_message


def test_a_bookmark_put_back_after_its_deletion_survives_a_recovery(base) -> None:
    folder, _ = base
    store = UserStore.open(folder)
    deleted = store.bookmarks.delete(store.bookmarks.find("about").id)
    store.bookmarks.restore(deleted)  # undo: the user wants it after all
    store.close()
    drop_notes_and_bookmarks(folder / DB_NAME)
    store = UserStore.open(folder)
    assert sorted(b.slug for b in store.bookmarks.all()) == ["about", "coercive-diplomacy"]


def test_a_note_imported_back_after_its_deletion_survives_a_recovery(base, tmp_path) -> None:
    from reader.userdata.exchange import export_json, import_export

    folder, _ = base
    store = UserStore.open(folder)
    kept = tmp_path / "notes.json"
    kept.write_text(export_json(store), encoding="utf-8")
    gone = store.notes.get(min(n.id for n in store.notes.all()))
    store.notes.delete(gone.id)
    import_export(store, kept)  # the trainer takes it back from their exported file
    store.close()
    drop_notes_and_bookmarks(folder / DB_NAME)
    assert gone.uid in uids(UserStore.open(folder))


def test_an_undo_after_a_backup_that_holds_the_deletion_is_kept(tmp_path: Path) -> None:
    from reader.userdata.exchange import export_json, import_export

    folder = tmp_path / "data"
    store = UserStore.open(folder)
    store.bookmarks.add("about", "About")
    note = store.notes.add("about", "About", "keep me")
    store.notes.add("about", "About", "there all along")
    kept = tmp_path / "notes.json"
    kept.write_text(export_json(store), encoding="utf-8")
    undo = store.bookmarks.delete(store.bookmarks.find("about").id)
    store.notes.delete(note.id)
    assert make_daily_backup(store.path, dt.date.today())  # the deletions, not the rows
    store.bookmarks.restore(undo)  # Undo delete
    import_export(store, kept)  # and the note taken back from the exported file
    store.close()
    db = sqlite3.connect(folder / DB_NAME)
    db.execute("DROP TABLE progress")  # damage elsewhere: notes and bookmarks still read
    db.commit()
    db.close()
    store = UserStore.open(folder)
    assert "its progress table is missing" in store.recovery_message
    assert [b.slug for b in store.bookmarks.all()] == ["about"]
    assert sorted(n.text for n in store.notes.all()) == ["keep me", "there all along"]
