"""Inputs are read, never trusted; a failed or cancelled import leaves the archive as it was."""

from __future__ import annotations

import io
import json
import os
import struct
import sys
import zipfile
from pathlib import Path

import pytest

from reader.capture import transaction
from reader.capture.run import ImportCancelled, import_saved_copies
from reader.capture.sources.items import MAX_PAGE_BYTES
from reader.cli import main
from tests.capture.site_copy import (
    REFUSAL,
    SITE_FILES,
    files_in,
    wget_tree,
    write_tree,
    zip_of,
)


def refused(report) -> dict[str, str]:
    return {skip.name.rsplit(": ", 1)[-1].rsplit("/", 1)[-1]: skip.reason
            for skip in report.refused}


def test_zip_members_whose_names_leave_the_zip_are_refused(tmp_path: Path) -> None:
    bad = zip_of(tmp_path / "peace_problem.ZIP", {"../../escape.htm": REFUSAL,
                                                   "/etc/absolute.htm": REFUSAL,
                                                   "C:\\Windows\\drive.htm": REFUSAL,
                                                   "refusal.htm": REFUSAL})
    report = import_saved_copies([bad], tmp_path / "archive")
    reasons = refused(report)
    assert {"escape.htm", "absolute.htm", "drive.htm"} <= set(reasons)
    assert all("leads out of the zip file" in reason for reason in reasons.values())
    assert [page.slug for page in report.pages] == ["refusal-to-negotiate"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["archive", "peace_problem.ZIP"]


def test_zip_bombs_are_refused_without_being_unpacked(tmp_path: Path) -> None:
    bombs = tmp_path / "peace.zip"
    with zipfile.ZipFile(bombs, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("ratio.htm", b"\0" * (4 << 20))  # about a thousand times its size
        archive.writestr("huge.htm", b" " * (MAX_PAGE_BYTES + 1))
        archive.writestr("problem/refusal.htm", REFUSAL.encode("cp1252"))
    report = import_saved_copies([bombs], tmp_path / "archive")
    reasons = refused(report)
    assert "zip bomb" in reasons["ratio.htm"]
    assert "too large" in reasons["huge.htm"] or "zip bomb" in reasons["huge.htm"]
    assert [page.slug for page in report.pages] == ["refusal-to-negotiate"]


def test_a_zip_that_lies_about_its_sizes_is_read_no_further_than_it_claims(
        tmp_path: Path) -> None:
    """A member whose headers claim a small size is cut off there, and refused as damaged."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("problem/lying.htm", REFUSAL.encode("cp1252") + b" " * (3 << 20))
        archive.writestr("problem/comm.htm", SITE_FILES["problem/comm.htm"].encode("cp1252"))
    data = bytearray(buffer.getvalue())
    local = data.index(b"PK\x03\x04")
    central = data.index(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 1000)  # uncompressed size, local header
    struct.pack_into("<I", data, central + 24, 1000)  # and in the central directory
    lying = tmp_path / "lying.zip"
    lying.write_bytes(bytes(data))
    report = import_saved_copies([lying], tmp_path / "archive")
    assert "damaged" in refused(report)["lying.htm"]
    assert [page.slug for page in report.pages] == ["communication-problems"]


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="no symbolic links here")
def test_links_out_of_the_folder_are_not_followed(tmp_path: Path) -> None:
    secret = write_tree(tmp_path / "outside", {"secret.htm": REFUSAL})
    copy = write_tree(tmp_path / "peace", {"problem/comm.htm": SITE_FILES["problem/comm.htm"]})
    (copy / "problem" / "refusal.htm").symlink_to(secret / "secret.htm")
    (copy / "outside").symlink_to(secret, target_is_directory=True)
    (copy / "again.htm").symlink_to(copy / "problem" / "comm.htm")
    report = import_saved_copies([copy], tmp_path / "archive")
    reasons = refused(report)
    assert "leads out of the folder" in reasons["refusal.htm"]
    assert "leads out of the folder" in reasons["outside"]
    assert "refusal-to-negotiate" not in {page.slug for page in report.pages}


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_fifos_and_huge_files_are_skipped_with_a_reason_and_never_waited_on(
        tmp_path: Path) -> None:
    copy = write_tree(tmp_path / "peace", {"problem/refusal.htm": REFUSAL})
    os.mkfifo(copy / "problem" / "waiting.htm")
    with open(copy / "problem" / "big.htm", "wb") as big:
        big.truncate(MAX_PAGE_BYTES + 1)  # sparse: nothing is written to the disk
    report = import_saved_copies([copy], tmp_path / "archive")
    reasons = refused(report)
    assert "not a regular file" in reasons["waiting.htm"]
    assert "too large" in reasons["big.htm"]
    assert [page.slug for page in report.pages] == ["refusal-to-negotiate"]


def test_control_characters_in_names_are_never_echoed_raw(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    name = "evil\x1b[31m\x07.htm" if sys.platform != "win32" else "evil.htm"
    copy = write_tree(tmp_path / "saved", {name: "<html><body>Not a page of ours</body></html>"})
    status = main(["import", str(copy), "--into", str(tmp_path / "archive")])
    _out, err = capsys.readouterr()
    assert status == 1 and "\x1b" not in err and "\x07" not in err
    assert "evil\\x1b[31m\\x07.htm" in err
    status = main(["import", str(copy), "--into", str(tmp_path / "archive"), "--json"])
    data = json.loads(capsys.readouterr()[0])
    assert status == 1 and data["skipped"][0]["file"].endswith("evil\\x1b[31m\\x07.htm")


def test_a_cancelled_import_leaves_the_archive_as_it_was(tmp_path: Path, content: Path) -> None:
    before = files_in(content)
    calls = []

    def cancel() -> bool:
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(ImportCancelled):
        import_saved_copies([wget_tree(tmp_path / "mirror")], content, cancelled=cancel)
    assert files_in(content) == before
    with pytest.raises(ImportCancelled):
        import_saved_copies([tmp_path / "mirror"], tmp_path / "new", cancelled=lambda: True)
    assert not (tmp_path / "new").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_a_failure_while_writing_puts_every_file_back(tmp_path: Path, content: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    before = files_in(content)
    real = os.replace
    moved = []

    def failing(source, target) -> None:
        if len(moved) == 5:
            raise OSError(28, "No space left on device")
        moved.append(target)
        real(source, target)

    monkeypatch.setattr(transaction.os, "replace", failing)
    with pytest.raises(OSError):
        import_saved_copies([wget_tree(tmp_path / "mirror")], content)
    monkeypatch.undo()
    assert files_in(content) == before  # no page, no capture, no .partial, no undo folder


def test_an_import_a_crash_interrupted_is_undone_by_the_next_one(tmp_path: Path,
                                                                 content: Path) -> None:
    before = files_in(content)
    undo = content / transaction.UNDO
    undo.mkdir()
    os.link(content / "course.yaml", undo / "0")
    (content / "course.new").write_text("half-written", encoding="utf-8")
    os.replace(content / "course.new", content / "course.yaml")  # as the commit replaces
    (content / "pages" / "new-page.md").write_text("---\ntitle: New\n---\n", encoding="utf-8")
    (undo / transaction.JOURNAL).write_text(json.dumps([["course.yaml", True],
                                                        ["pages/new-page.md", False]]))
    report = import_saved_copies([], content)
    assert report.recovered and files_in(content) == before


def test_the_command_line_says_in_one_sentence_why_an_import_cannot_start(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: Path) -> None:
    (content / "MANIFEST.sha256").write_text("not a checksum\n", encoding="utf-8")
    status = main(["import", str(wget_tree(tmp_path / "mirror")), "--into", str(content)])
    _out, err = capsys.readouterr()
    assert status == 2 and "not checksums (line 1)" in err and err.count("\n") == 1
    assert "Traceback" not in err


def test_a_course_yaml_that_does_not_read_is_never_written_again(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], content: Path) -> None:
    (content / "course.yaml").write_text("title: [unclosed\n", encoding="utf-8")
    before = files_in(content)
    status = main(["import", str(wget_tree(tmp_path / "mirror")), "--into", str(content)])
    _out, err = capsys.readouterr()
    assert status == 2 and "course.yaml is not valid YAML" in err and err.count("\n") == 1
    assert files_in(content) == before


def test_long_names_are_cut_to_what_file_systems_take(tmp_path: Path) -> None:
    name = "ü" * 200 + ".htm"  # 400 bytes in UTF-8: more than a file name may have
    zipped = zip_of(tmp_path / "copy.zip", {f"problem/{name}": REFUSAL})
    report = import_saved_copies([zipped], tmp_path / "archive")
    assert report.ok and [p.slug for p in report.pages] == ["refusal-to-negotiate"]
    kept = [p for p in (tmp_path / "archive" / "captures").rglob("*") if p.is_file()]
    assert len(kept) == 1 and len(kept[0].name.encode()) <= 120
