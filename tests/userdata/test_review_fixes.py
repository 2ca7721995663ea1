"""Data-safety cases found in review: paths in imports, read-only folders, older files."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from reader.userdata import UserStore, resolve_data_dir
from reader.userdata import store as store_module
from reader.userdata.backups import list_backups, make_daily_backup, restore_into
from reader.userdata.exchange import ExchangeError, import_export
from reader.userdata.notes import Notes
from reader.userdata.paths import DB_NAME
from reader.userdata.progress import Progress
from reader.userdata.recovery import is_damaged
from reader.userdata.schema import MIGRATIONS


def export_with(tmp_path: Path, **note: object) -> Path:
    item = {"uid": "u1", "slug": "about", "page_title": "About", "text": "t", "quote": "",
            "prefix": "", "suffix": "", "created": "2026-01-01", "updated": "2026-01-01"}
    item.update(note)
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "otpic-reader-notes", "version": 1, "notes": [item]}),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("changes", [{"slug": "../../../../tmp/pwned"}, {"slug": "a/b"},
                                     {"position": 2**70}, {"text": "\ud800"}])
def test_an_import_with_a_path_or_bad_values_is_refused(tmp_path: Path, changes) -> None:
    store = UserStore.open(tmp_path / "data")
    with pytest.raises(ExchangeError):
        import_export(store, export_with(tmp_path, **changes))
    assert Notes(store).all() == []


def test_a_relative_data_folder_is_made_absolute(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OTPIC_READER_DATA", "./stick-data")
    folder = resolve_data_dir()
    assert folder.is_absolute() and folder == tmp_path / "stick-data"
    Notes(UserStore.open(folder)).add("about", "About", "on the stick")
    assert UserStore.open(resolve_data_dir("stick-data")).writable


def test_a_folder_where_sqlite_cannot_open_read_only_still_shows_the_notes(
        tmp_path: Path, monkeypatch) -> None:
    writer = UserStore.open(tmp_path)
    Notes(writer).add("about", "About", "keep me visible")
    writer.close()  # a clean close folds the WAL into the file
    real_connect = sqlite3.connect

    def read_only_folder(target, *args, **kwargs):  # as in a folder that cannot be written
        if isinstance(target, str) and "mode=ro" in target and "immutable=1" not in target:
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only_folder)
    assert not is_damaged(tmp_path / DB_NAME)  # cannot open is not damaged
    store = UserStore.open(tmp_path, look_only=True)
    assert [n.text for n in Notes(store).all()] == ["keep me visible"]


def old_database(folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(folder / DB_NAME)
    db.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
    db.execute("INSERT INTO notes(uid, slug, page_title, text, created, updated) "
               "VALUES ('x', 'about', 'About', 'from version 2', '2026', '2026')")
    db.commit()
    db.close()


def test_looking_at_an_older_database_reads_it_without_changing_it(tmp_path: Path) -> None:
    old_database(tmp_path)
    before = (tmp_path / DB_NAME).read_bytes()
    store = UserStore.open(tmp_path, look_only=True)
    assert [n.text for n in Notes(store).all()] == ["from version 2"]
    assert Progress(store).read_slugs() == set()
    assert (tmp_path / DB_NAME).read_bytes() == before


def test_restoring_an_older_backup_migrates_it_and_backups_go_on(tmp_path: Path) -> None:
    old_database(tmp_path / "old")
    backups = tmp_path / "data" / "backups"
    backups.mkdir(parents=True)
    (tmp_path / "old" / DB_NAME).replace(backups / "otpic-reader-2026-01-01.sqlite3")
    store = UserStore.open(tmp_path / "data")
    for number in range(5):
        Notes(store).add("about", "About", f"new {number}")
    make_daily_backup(store.path, dt.date(2026, 1, 2))
    oldest = next(b for b in list_backups(store.path) if b.day == dt.date(2026, 1, 1))
    restore_into(store, oldest)
    assert [n.text for n in Notes(store).all()] == ["from version 2"]
    Progress(store).mark_read("about")  # the table of the newer schema is there
    Notes(store).add("about", "About", "after the restore")
    assert make_daily_backup(store.path, dt.date(2026, 1, 3)) is not None


def test_a_screenshot_on_an_older_database_works(tmp_path: Path) -> None:
    from tests.conftest import run_cli

    old_database(tmp_path / "data")
    result = run_cli("--screenshot", str(tmp_path / "s.png"), "--data-dir",
                     str(tmp_path / "data"))
    assert result.returncode == 0, result.stderr
    assert store_module.SCHEMA_VERSION > 2
