"""export-notes and import-notes from the command line, and what every command that reads
the user's data says about damage; hostile input and pipes closed early."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

from reader.userdata import UserStore
from reader.userdata.notes import Notes
from reader.userdata.paths import DB_NAME
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


# -- damaged data: each command says what recovery found and did ----------------------

def damaged(folder: Path) -> set[str]:
    """A folder with 40 notes in a backup and 10 since, its file then damaged in the middle."""
    from reader.bench.torture.common import make_base
    from reader.bench.torture.damage import one_page

    uids = make_base(folder, before=40, after=10)
    one_page(folder / DB_NAME, random.Random(1))
    return uids


def test_export_of_a_damaged_file_says_so_exports_the_union_and_changes_nothing(
        tmp_path: Path) -> None:
    uids = damaged(tmp_path / "d")
    before = {p.name: p.read_bytes() for p in (tmp_path / "d").iterdir() if p.is_file()}
    result = run_cli("export-notes", "--format", "json", "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0, result.stderr
    assert "is damaged" in result.stderr and "left as it is" in result.stderr
    assert {n["uid"] for n in json.loads(result.stdout)["notes"]} == uids
    after = {p.name: p.read_bytes() for p in (tmp_path / "d").iterdir() if p.is_file()}
    assert after == before


def test_import_into_a_damaged_file_says_what_recovery_kept(tmp_path: Path) -> None:
    uids = damaged(tmp_path / "d")
    export = tmp_path / "in.json"
    export.write_text(json.dumps({"format": "otpic-reader-notes", "version": 1, "notes": []}),
                      encoding="utf-8")
    result = run_cli("import-notes", str(export), "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0, result.stderr
    assert "was damaged" in result.stderr and "you now have 50 notes" in result.stderr
    assert {n.uid for n in UserStore.open(tmp_path / "d").notes.all()} == uids


def test_search_over_a_damaged_file_says_what_recovery_kept(tmp_path: Path) -> None:
    damaged(tmp_path / "d")
    result = run_cli("search", "backup", "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "was damaged" in result.stderr and "note" in result.stdout


def test_export_of_a_file_with_text_that_is_not_utf8(tmp_path: Path) -> None:
    store = UserStore.open(tmp_path / "d")
    store.notes.add("about", "About", "fine")
    store.close()
    db = sqlite3.connect(tmp_path / "d" / DB_NAME)
    db.execute("UPDATE notes SET text = CAST(X'FF41' AS TEXT)")
    db.commit()
    db.close()
    result = run_cli("export-notes", "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0 and "\ufffdA" in result.stdout
    assert "not valid UTF-8" in result.stderr


def test_exporting_leaves_no_wal_or_shm_in_the_data_folder(tmp_path: Path) -> None:
    store = UserStore.open(tmp_path / "d")
    store.notes.add("about", "About", "x")
    store.close()
    before = sorted(p.name for p in (tmp_path / "d").iterdir())
    assert run_cli("export-notes", "--data-dir", str(tmp_path / "d")).returncode == 0
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == before


# -- hostile input: one sentence naming the file, exit status 2, never a traceback -----

def refused(result, path: str) -> None:
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and path in result.stderr
    assert "Traceback" not in result.stderr


def test_import_of_json_nested_5000_deep(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    refused(run_cli("import-notes", str(deep), "--data-dir", str(tmp_path / "d")), str(deep))


def test_import_of_dev_zero_and_of_a_fifo_end_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for path in ("/dev/zero", str(fifo)):
        refused(run_cli("import-notes", path, "--data-dir", str(tmp_path / "d")), path)
    assert not (tmp_path / "d").exists()  # refused before the data folder was opened


def test_import_of_an_export_saved_with_a_bom(tmp_path: Path) -> None:
    Notes(UserStore.open(tmp_path / "a")).add("about", "About", "with a BOM")
    out = tmp_path / "notes.json"
    run_cli("export-notes", "--format", "json", "--output", str(out),
            "--data-dir", str(tmp_path / "a"))
    out.write_bytes(b"\xef\xbb\xbf" + out.read_bytes())
    result = run_cli("import-notes", str(out), "--data-dir", str(tmp_path / "b"))
    assert result.returncode == 0, result.stderr
    assert [n.text for n in Notes(UserStore.open(tmp_path / "b")).all()] == ["with a BOM"]


def test_search_with_a_limit_beyond_any_integer(tmp_path: Path) -> None:
    result = run_cli("search", "--limit", str(10**30), "diplomacy",
                     "--data-dir", str(tmp_path))
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "coercive-diplomacy" in result.stdout


def test_search_and_check_into_a_pipe_closed_early_end_quietly(tmp_path: Path) -> None:
    from tests.conftest import ROOT

    for args in (("search", "the", "--data-dir", str(tmp_path)), ("check",)):
        reader = subprocess.Popen([sys.executable, "-m", "reader", *args], cwd=ROOT,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        reader.stdout.close()  # as `| head -1` does once it has its line
        err = reader.stderr.read().decode()
        assert reader.wait(timeout=60) == 0 and err == "", err
        reader.stderr.close()
