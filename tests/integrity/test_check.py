"""The check report: validation problems to fix, and the gaps, most wanted first."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive
from reader.integrity.check import check_archive
from tests.conftest import BUNDLED

COURSE = """title: Test course
home: a
sections:
  - id: problems
    title: Problems
    pages:
      - a
      - b
      - slug: wanted-twice
        title: Wanted Twice
      - slug: never-linked
        title: Never Linked
  - id: approaches
    title: Approaches
    pages:
      - c
"""


def page(folder: Path, slug: str, body: str, section: str = "problems", extra: str = "") -> None:
    (folder / "pages" / f"{slug}.md").write_text(
        f"---\ntitle: Page {slug}\nsection: {section}\n{extra}---\n\n{body}\n", encoding="utf-8")


def small_archive(tmp_path: Path) -> Path:
    root = tmp_path / "archive"
    (root / "pages").mkdir(parents=True)
    (root / "course.yaml").write_text(COURSE, encoding="utf-8")
    page(root, "a", "- [X](x.md)\n\n    A description of X.\n\n- [Wanted](wanted-twice.md)\n\n"
                    "See [X again](x.md) and [W](w.md).")
    page(root, "b", "[X](x.md), [Wanted](wanted-twice.md), [Z](z.md), [A](a.md)")
    page(root, "c", "[X](x.md) [Z](z.md) [site](https://example.org)", section="approaches")
    return root


def test_gaps_are_ordered_most_wanted_first_then_by_slug(tmp_path: Path) -> None:
    report = check_archive(Archive.open(small_archive(tmp_path)))
    assert [(g.slug, g.wanted, g.linked_from) for g in report.gaps] == [
        ("x", 3, ("a", "b", "c")),
        ("wanted-twice", 2, ("a", "b")),
        ("z", 2, ("b", "c")),
        ("w", 1, ("a",)),
    ]
    wanted = report.gaps[1]
    assert wanted.title == "Wanted Twice" and wanted.section == "problems"
    assert report.gaps[0].title == "X" and report.gaps[0].section == ""


def test_listed_pages_without_a_file_are_not_preserved_but_not_failures(tmp_path: Path) -> None:
    report = check_archive(Archive.open(small_archive(tmp_path)))
    assert [(e.slug, e.title, e.section) for e in report.not_preserved] == [
        ("wanted-twice", "Wanted Twice", "problems"),
        ("never-linked", "Never Linked", "problems"),
    ]
    assert report.ok and report.problems == []
    assert report.preserved == 3


def test_validation_problems_are_reported(tmp_path: Path) -> None:
    root = small_archive(tmp_path)
    (root / "course.yaml").write_text(COURSE + "      - a\n      - typo-slug\n",
                                      encoding="utf-8")
    page(root, "unlisted", "Text.", section="nowhere")
    page(root, "c", "Text.", section="problems")
    page(root, "b", "Text.", extra="capture_file: captures/gone.txt\n")
    (root / "pages" / "broken.md").write_bytes(b"no front matter\n")
    (root / "glossary.yaml").write_text(
        "terms:\n  - term: Threat\n    definition: A warning.\n    pages: [nowhere]\n",
        encoding="utf-8")
    report = check_archive(Archive.open(root))
    messages = {f"{report.where(p)}: {p.message}" for p in report.problems}
    assert not report.ok
    expected = [
        "pages/broken.md: skipped",
        "glossary.yaml: the term 'Threat' names the page 'nowhere'",
        "course.yaml: lists the page 'a' 2 times",
        "course.yaml: section 'approaches' lists 'typo-slug' with no title",
        "pages/unlisted.md: is not listed in course.yaml",
        "pages/unlisted.md: names the section 'nowhere'",
        "pages/c.md: names the section 'problems' but course.yaml lists it under 'approaches'",
        "pages/b.md: names the capture captures/gone.txt, which is not in the content folder",
    ]
    for start in expected:
        assert any(message.startswith(start) for message in messages), start
    assert len(messages) == len(expected)


def test_a_capture_that_no_longer_matches_its_page_is_a_problem(content: Path) -> None:
    (content / "captures" / "000_833dba95b8d8c9f7.txt").write_bytes(b"changed")
    report = check_archive(Archive.open(content))
    assert [report.where(p) for p in report.problems] == ["pages/coercive-diplomacy.md"]
    assert "capture_sha256" in report.problems[0].message


def test_the_bundled_archive_has_no_problems_and_every_gap_is_listed() -> None:
    archive = Archive.open(BUNDLED)
    report = check_archive(archive)
    assert report.ok, [str(p) for p in report.problems]
    assert {g.slug for g in report.gaps} == set(archive.missing_links())
    assert all(g.section for g in report.gaps)
    assert "refusal-to-negotiate" in {e.slug for e in report.not_preserved}
    keys = [(-g.wanted, g.slug) for g in report.gaps]
    assert keys == sorted(keys)


def test_the_report_as_data(tmp_path: Path) -> None:
    data = check_archive(Archive.open(small_archive(tmp_path))).as_dict()
    assert data["ok"] is True and data["preserved"] == 3
    assert data["gaps"][0] == {"slug": "x", "title": "X", "section": "", "wanted": 3,
                               "linked_from": ["a", "b", "c"], "source_url": "",
                               "texts": ["X", "X again"]}
    assert data["not_preserved"][0] == {"slug": "wanted-twice", "title": "Wanted Twice",
                                        "section": "problems"}


def test_every_capture_a_page_lists_must_be_there_and_unchanged(tmp_path: Path) -> None:
    root = small_archive(tmp_path)
    (root / "captures").mkdir()
    (root / "captures" / "a.htm").write_bytes(b"first")
    (root / "captures" / "b.htm").write_bytes(b"second")
    first = "a7937b64b8caa58f03721bb6bacf5c78cb235febe0e70b1b84cd99541461a08e"
    page(root, "a", "Text.", extra=f"capture_file: captures/a.htm\ncapture_sha256: {first}\n"
                                   "captures:\n- file: captures/a.htm\n"
                                   f"  sha256: {first}\n- file: captures/b.htm\n"
                                   "  sha256: 0000\n- file: captures/gone.htm\n")
    report = check_archive(Archive.open(root))
    assert sorted(p.message.split(",")[0] for p in report.problems) == [
        "names the capture captures/b.htm", "names the capture captures/gone.htm"]
