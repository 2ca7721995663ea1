"""No input makes the importer crash: it imports a readable page, or it refuses cleanly;
random folders and zip files give archives that check, and stay as they are."""

from __future__ import annotations

import os
import tempfile
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.archive import Archive
from reader.archive.page_file import read_page
from reader.capture.importer import import_capture
from reader.capture.run import import_saved_copies
from reader.capture.text_capture import CaptureError
from reader.integrity.check import check_archive
from reader.integrity.manifest import verify
from tests.capture.site_copy import SITE_FILES, files_in

SETTINGS = settings(max_examples=int(os.environ.get("OTPIC_FUZZ", "150")), deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
FURNITURE = ["OTPIC Officially Retired", "International Online Training Program On Intractable "
             "Conflict", "Opening Page | Glossary | Menu Shortcut Page",
             "Copyright 1998 Conflict Research Consortium -- Contact: crc@colorado.edu",
             "PUBLICATION TYPE: Peaceworks", "usiplogo.gif (1499 bytes)"]
WORDS = ["Links to Related Approaches", "Links to Examples of This Approach:", "Dialogue.",
         "A -- B: C", "---", "1. one", "# hash", "* star", "[x](y.md)", "<b>", "&amp;", "",
         "\u2028", "\x0c", "\x85", "é", "\xa0", "\x1b", "\\", "`", "- item", "    indented"]
TAGS = ["<html>", "<body>", "</p>", "<p>", "<br>", "<a href='x.htm'>", "</a>", "<pre>",
        "</pre>", "<script>", "</script>", "<!-- BEGIN WAYBACK TOOLBAR INSERT -->",
        "<!-- END WAYBACK TOOLBAR INSERT -->", "<title>", "<![", "<!", "&#0;", "&#xD800;",
        "&nbsp;", "<meta charset='koi8-r'>", "<meta charset='unicode_escape'>",
        '<script>__wm.wombat("http://[x/a","20040231")</script>',
        "<!-- saved from url=(0010)file:///C:/x.htm -->",
        "<!-- FILE ARCHIVED ON 9:00 Feb 30, 2004 -->"]


def attempt(data: bytes, **kwargs: str) -> None:
    """Import `data`; a refusal is fine, anything else must leave a page that reads back."""
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "capture.txt"
        source.write_bytes(data)
        try:
            result = import_capture(source, root / "content", **kwargs)
        except CaptureError as exc:
            assert str(exc) and "\n" not in str(exc)
            assert not (root / "content").exists()  # nothing written, not even a folder
            return
        page = read_page(root / "content" / "pages" / f"{result.slug}.md")
        assert page.slug == result.slug and page.title
        assert (root / "content" / result.capture_file).read_bytes() == data
        again = import_capture(source, root / "content", **kwargs)
        assert not again.changed


@SETTINGS
@given(st.binary(max_size=2000))
def test_any_bytes(data: bytes) -> None:
    attempt(data)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(FURNITURE), st.sampled_from(WORDS), st.text()),
                max_size=25),
       st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))
def test_text_that_looks_like_a_capture(lines: list[str], encoding: str) -> None:
    attempt("\n".join(lines).encode(encoding, "replace"))


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(FURNITURE),
                          st.sampled_from(WORDS), st.text(max_size=20)), max_size=40))
def test_markup_that_looks_like_a_saved_page(pieces: list[str]) -> None:
    attempt(("<!DOCTYPE html>" + "".join(pieces)).encode("utf-8", "surrogatepass"))


@SETTINGS
@given(st.text(), st.text(max_size=12))
def test_any_address_and_date(address: str, date: str) -> None:
    text = ("International Online Training Program On Intractable Conflict\n\nMediation\n\n"
            "Text.\n")
    attempt(text.encode("utf-8"), source_url=address, captured=date)


COPIES = settings(max_examples=int(os.environ.get("OTPIC_FUZZ_COPIES", "30")), deadline=None,
                  suppress_health_check=[HealthCheck.too_slow])
PART = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"),
               min_size=1, max_size=10)
SECTIONED = st.sampled_from(["problem", "treatment", "example", "essay", "peace", "..", ".",
                             "www_colorado_edu_conflict", "peace_standby", "x.zip"])
PAGE_DATA = st.one_of(
    st.sampled_from(sorted(SITE_FILES.values())),
    st.builds(lambda page, cut: page[:cut], st.sampled_from(sorted(SITE_FILES.values())),
              st.integers(0, 3000)),
    st.lists(st.one_of(st.sampled_from(TAGS), st.sampled_from(FURNITURE),
                       st.sampled_from(WORDS)), max_size=20).map("".join),
    st.binary(max_size=200),
)
FILE_NAMES = st.lists(st.one_of(PART, SECTIONED), min_size=1, max_size=4).map(
    lambda parts: "/".join([*parts[:-1], parts[-1] + ".htm"]))


def imported_twice(inputs: list[Path], into: Path) -> None:
    """An import never fails on what it reads; what it makes checks, and stays as it is."""
    report = import_saved_copies(inputs, into)
    assert all(skip.reason and "\n" not in skip.reason for skip in report.skipped)
    if not report.changed:
        assert not into.exists()
        return
    checked = check_archive(Archive.open(into, into.parent / "cache"))
    assert checked.ok, [str(problem) for problem in checked.problems]
    assert verify(into).intact
    before = files_in(into)
    assert not import_saved_copies(inputs, into).changed
    assert files_in(into) == before


@COPIES
@given(st.dictionaries(FILE_NAMES, PAGE_DATA, max_size=6))
def test_random_folders(files: dict[str, str | bytes]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, data in files.items():
            path = root / "copy" / name
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
            except OSError:
                continue  # a name this file system does not take
        (root / "copy").mkdir(exist_ok=True)
        imported_twice([root / "copy"], root / "archive")


@COPIES
@given(st.dictionaries(st.one_of(FILE_NAMES, st.sampled_from(
    ["../up.htm", "/abs.htm", "C:\\x.htm", "a\\..\\..\\b.htm", "dir/"])), PAGE_DATA,
    max_size=6), st.sampled_from(["peace_problem.ZIP", "peace.zip", "copy.zip"]))
def test_random_zip_members(members: dict[str, str | bytes], name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        with zipfile.ZipFile(root / name, "w", zipfile.ZIP_DEFLATED) as archive:
            for member, data in members.items():
                archive.writestr(member, data.encode("utf-8") if isinstance(data, str) else data)
        imported_twice([root / name], root / "archive")
        assert sorted(p.name for p in root.iterdir()) in ([name], sorted([name, "archive",
                                                                          "cache"]))
