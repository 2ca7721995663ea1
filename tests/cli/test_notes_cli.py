"""export-notes and import-notes from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from reader.userdata import UserStore
from reader.userdata.notes import Notes
from tests.conftest import run_cli


def test_export_then_import_on_another_machine(tmp_path: Path) -> None:
    laptop, usb = tmp_path / "laptop", tmp_path / "usb"
    Notes(UserStore.open(laptop)).add("about", "About this archive", "Bring copies.")
    out = tmp_path / "notes.json"
    result = run_cli("export-notes", "--format", "json", "--output", str(out),
                     "--data-dir", str(laptop))
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["notes"][0]["text"] == "Bring copies."
    first = run_cli("import-notes", str(out), "--data-dir", str(usb))
    again = run_cli("import-notes", str(out), "--data-dir", str(usb))
    assert first.returncode == 0 and "Imported 1 note and" in first.stdout
    assert "Imported 0 notes" in again.stdout
    assert [n.text for n in Notes(UserStore.open(usb)).all()] == ["Bring copies."]


def test_markdown_goes_to_stdout(tmp_path: Path) -> None:
    Notes(UserStore.open(tmp_path)).add("about", "About this archive", "Week 1.")
    result = run_cli("export-notes", "--data-dir", str(tmp_path))
    assert result.returncode == 0 and "### About this archive" in result.stdout


def test_the_data_folder_can_come_from_the_environment(tmp_path: Path) -> None:
    Notes(UserStore.open(tmp_path / "stick")).add("about", "About", "on the stick")
    result = run_cli("export-notes", env={"OTPIC_READER_DATA": str(tmp_path / "stick")})
    assert "on the stick" in result.stdout


def test_a_bad_import_is_one_sentence_exit_2_and_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run_cli("import-notes", str(bad), "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "is not JSON" in result.stderr
    assert Notes(UserStore.open(tmp_path / "d")).all() == []


def test_exporting_from_an_empty_folder_creates_nothing_there(tmp_path: Path) -> None:
    result = run_cli("export-notes", "--data-dir", str(tmp_path / "new"))
    assert result.returncode == 0 and "No notes or bookmarks yet" in result.stdout
    assert not (tmp_path / "new").exists()
