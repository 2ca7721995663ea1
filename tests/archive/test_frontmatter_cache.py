"""Front matter remembered between starts: reused when unchanged, read again when changed."""

from __future__ import annotations

import os
from pathlib import Path

from reader.archive import Archive, frontmatter_cache


def test_the_cache_is_reused_and_follows_changes(content: Path, tmp_path: Path,
                                                 monkeypatch) -> None:
    cache = tmp_path / "cache"
    (content / "pages" / "broken.md").write_text("no front matter\n", encoding="utf-8")
    first = Archive.open(content, cache_dir=cache)
    assert len(list(cache.glob("*.cache"))) == 1
    parsed: list[Path] = []
    real_parse = frontmatter_cache._parse
    monkeypatch.setattr(frontmatter_cache, "_parse", lambda path: parsed.append(path) or
                        real_parse(path))
    again = Archive.open(content, cache_dir=cache)
    assert parsed == []  # nothing read again
    assert again.page("coercive-diplomacy").title == first.page("coercive-diplomacy").title
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems]
    assert "diplomacy of threats" in again.page("coercive-diplomacy").body  # read when needed

    page = content / "pages" / "about.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "title: About this archive", "title: About this copy"), encoding="utf-8")
    os.utime(page, ns=(1, 1))  # a different modification time, whatever the clock says
    (content / "pages" / "broken.md").unlink()
    changed = Archive.open(content, cache_dir=cache)
    assert [p.name for p in parsed] == ["about.md"]
    assert changed.page("about").title == "About this copy"
    assert changed.problems == []


def test_a_cache_that_cannot_be_written_is_not_needed(content: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    archive = Archive.open(content, cache_dir=blocker)
    assert archive.page("coercive-diplomacy").title == "Coercive Diplomacy"


def test_a_damaged_cache_is_ignored(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    Archive.open(content, cache_dir=cache)
    for file in cache.glob("*.cache"):
        file.write_bytes(b"\x00 not a cache")
    assert Archive.open(content, cache_dir=cache).page("about").title == "About this archive"


def test_course_yaml_is_cached_until_it_changes(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert Archive.open(content, cache_dir=cache).course.short_title == "OTPIC"
    cached = Archive.open(content, cache_dir=cache)
    assert [s.title for s in cached.sections][:2] == ["About this archive", "Problems"]
    assert cached.course.successor.short_title == "DCIC"
    course = content / "course.yaml"
    course.write_text(course.read_text(encoding="utf-8").replace("short_title: OTPIC",
                                                                 "short_title: OTPIC!"),
                      encoding="utf-8")
    os.utime(course, ns=(1, 1))
    assert Archive.open(content, cache_dir=cache).course.short_title == "OTPIC!"


def test_the_glossary_is_cached_until_it_changes(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    first = Archive.open(content, cache_dir=cache)
    again = Archive.open(content, cache_dir=cache)
    assert [t.term for t in again.glossary.terms] == [t.term for t in first.glossary.terms]
    assert again.glossary.find("track-two").term == "Track two diplomacy"
    glossary = content / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "  - term: Backlash", "  - term: Blowback"), encoding="utf-8")
    os.utime(glossary, ns=(1, 1))
    changed = Archive.open(content, cache_dir=cache)
    assert changed.glossary.find("Blowback") is not None
    assert any("'Backlash'" in str(p) for p in changed.problems)  # related terms now dangle
