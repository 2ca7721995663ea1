"""The kept look of the last window: used only while what it came from is unchanged."""

from __future__ import annotations

import marshal
import os
from pathlib import Path

import pytest

from reader import snapshot as snapshot_module
from reader.snapshot import BLANK, Look, Snapshot
from reader.userdata.paths import DB_NAME

PAGE = "coercive-diplomacy"


def a_look(**changes) -> Look:
    return BLANK._replace(**{
        "slug": PAGE, "html": "<h1>Coercive Diplomacy</h1>", "scroll": 40,
        "notice": "OTPIC was retired.", "notice_shown": True, "geometry": b"\x01\x02",
        "state": b"\x03", **changes})


@pytest.fixture
def kept(content: Path, tmp_path: Path) -> Snapshot:
    snapshot = Snapshot(content, tmp_path / "data", screenshot=False,
                        cache_dir=tmp_path / "looks")
    snapshot.save(a_look(), resumable=True)
    return snapshot


def later(path: Path) -> None:
    """Change a file's time as an edit a second later would (file systems keep coarse times)."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_a_kept_look_comes_back_while_nothing_changed(kept: Snapshot) -> None:
    assert kept.load(None) == a_look()  # a start that names no page resumes this one
    assert kept.load(PAGE) == a_look(scroll=0)  # one that names it shows it from the top


@pytest.mark.parametrize("change", [
    "the page shown is edited", "course.yaml is edited", "the glossary is edited",
    "a page is added", "the user's data changed", "the program changed",
])
def test_a_look_is_not_used_once_what_it_came_from_changed(
        change: str, kept: Snapshot, content: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    if change == "the page shown is edited":
        with (content / "pages" / f"{PAGE}.md").open("a", encoding="utf-8") as page:
            page.write("\nA new closing line.\n")
    elif change == "course.yaml is edited":
        later(content / "course.yaml")
    elif change == "the glossary is edited":
        later(content / "glossary.yaml")
    elif change == "a page is added":
        (content / "pages" / "new-page.md").write_text("---\ntitle: New\n---\nBody.\n",
                                                      encoding="utf-8")
        later(content / "pages")
    elif change == "the user's data changed":
        (tmp_path / "data").mkdir()
        (tmp_path / "data" / DB_NAME).write_bytes(b"notes")
    else:
        monkeypatch.setattr(snapshot_module, "render_code_key", lambda: "other code")
    assert kept.load(PAGE) is None


def test_only_the_page_it_shows_is_painted_from_it(kept: Snapshot, content: Path,
                                                   tmp_path: Path) -> None:
    assert kept.load("unofficial-communication") is None
    # a look from a start that named its page: a start naming none resumes another page
    kept.save(a_look(), resumable=False)
    assert kept.load(None) is None
    assert kept.load(PAGE) == a_look(scroll=0)


def test_the_window_and_the_screenshot_keep_their_own_looks(kept: Snapshot, content: Path,
                                                            tmp_path: Path) -> None:
    screenshot = Snapshot(content, tmp_path / "data", screenshot=True,
                          cache_dir=tmp_path / "looks")
    assert screenshot.file != kept.file
    assert screenshot.load(PAGE) is None


@pytest.mark.parametrize("written", [
    b"", b"not marshal at all", marshal.dumps([1, 2, 3]), marshal.dumps({"look": {}}),
    marshal.dumps({"look": {**a_look()._asdict(), "scroll": "40"}, "resumable": True}),
    marshal.dumps({"look": {**a_look()._asdict(), "colour": "red"}, "resumable": True}),
])
def test_a_damaged_or_strange_look_file_is_not_used(written: bytes, kept: Snapshot) -> None:
    good = kept.file.read_bytes()
    kept.file.write_bytes(written)
    assert kept.load(PAGE) is None
    assert not kept.file.exists()  # forgotten, so that the next start keeps a good one
    kept.file.write_bytes(good[: len(good) // 2])  # cut short, as by a full disk
    assert kept.load(PAGE) is None


def test_a_look_whose_page_name_cannot_be_a_file_is_forgotten(kept: Snapshot) -> None:
    data = marshal.loads(kept.file.read_bytes())
    data["look"]["slug"] = "bad\0slug"  # one byte gone wrong on the disk
    kept.file.write_bytes(marshal.dumps(data))
    assert kept.load(None) is None
    assert not kept.file.exists()
    kept.save(a_look(slug="bad\0slug"), resumable=True)  # nor is such a look ever kept
    assert not kept.file.exists()


def test_an_empty_log_left_by_a_copy_that_only_read_changes_nothing(kept: Snapshot,
                                                                    tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / f"{DB_NAME}-wal").write_bytes(b"")
    assert kept.load(None) == a_look()


def test_a_look_that_cannot_be_written_is_not_kept_and_nothing_fails(content: Path,
                                                                     tmp_path: Path) -> None:
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    snapshot = Snapshot(content, tmp_path / "data", screenshot=False, cache_dir=blocked)
    snapshot.save(a_look(), resumable=True)
    assert snapshot.load(PAGE) is None
    assert blocked.read_text(encoding="utf-8") == "a file where the folder should be"


def test_a_look_kept_as_it_was_is_not_written_again(kept: Snapshot) -> None:
    written = kept.file.stat().st_mtime_ns
    later(kept.file)  # so that a rewrite would show
    marked = kept.file.stat().st_mtime_ns
    assert kept.load(None) == a_look()
    kept.save(a_look(), resumable=True)
    assert kept.file.stat().st_mtime_ns == marked != written
    kept.save(a_look(scroll=41), resumable=True)  # the reader scrolled on
    assert kept.file.stat().st_mtime_ns != marked
    assert kept.load(None).scroll == 41
