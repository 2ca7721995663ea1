"""The user's store: settings survive, newer files are left alone, bad folders do not stop us."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from reader.userdata import UserStore, resolve_data_dir
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
