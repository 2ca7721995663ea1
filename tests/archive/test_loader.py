"""Opening content folders: bad page files are skipped with one clear line, bad folders refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive, ArchiveError


def write(path: Path, data: str | bytes) -> None:
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)


def test_a_page_with_only_a_title_and_a_body_is_valid(content: Path) -> None:
    write(content / "pages" / "plain.md", "---\ntitle: Plain\n---\n\nJust words.\n")
    archive = Archive.open(content)
    assert archive.page("plain").body == "Just words.\n"
    other = next(s for s in archive.sections if s.id == "other")
    assert [e.slug for e in other.entries] == ["plain"]


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("broken.md", "---\ntitle: [unclosed\n---\nbody\n", "front matter that is not valid YAML"),
    ("untitled.md", "---\nsection: approaches\n---\nbody\n", "has no title"),
    ("latin.md", b"---\ntitle: Caf\xe9\n---\nbody\n", "is not UTF-8 text (byte 0xe9"),
    ("nofence.md", "title: x\n\nbody\n", "does not start with a '---'"),
    ("unclosed.md", "---\ntitle: x\nbody\n", "no closing '---'"),
    ("list.md", "---\n- a\n- b\n---\nbody\n", "not a mapping"),
])
def test_a_bad_page_is_reported_in_one_line_and_the_rest_opens(
        content: Path, name: str, data: str | bytes, expected: str) -> None:
    write(content / "pages" / name, data)
    archive = Archive.open(content)
    assert len(archive.problems) == 1
    line = str(archive.problems[0])
    assert name in line and expected in line and "\n" not in line
    assert f"{name}: skipped: the file " in line and " it " not in line  # reads as a sentence
    assert Path(name).stem not in archive.pages
    assert "coercive-diplomacy" in archive.pages


def test_a_file_name_that_is_not_a_slug_is_reported(content: Path) -> None:
    write(content / "pages" / "Bad Name.md", "---\ntitle: x\n---\n")
    assert "not a slug" in str(Archive.open(content).problems[0])


def test_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match="does not exist"):
        Archive.open(tmp_path / "nowhere")


def test_a_folder_without_course_yaml_is_not_an_archive(tmp_path: Path) -> None:
    with pytest.raises(ArchiveError, match=r"no course\.yaml"):
        Archive.open(tmp_path)


def test_a_broken_course_yaml_is_refused(content: Path) -> None:
    write(content / "course.yaml", "title: [\n")
    with pytest.raises(ArchiveError, match=r"course\.yaml is not valid YAML"):
        Archive.open(content)


def test_a_linked_page_that_is_not_preserved_knows_who_links_to_it(content: Path) -> None:
    archive = Archive.open(content)
    backlinks = archive.backlinks("track-two-triumphant")
    assert [b.slug for b in backlinks] == ["unofficial-communication"]
    assert "Oslo Accords" in backlinks[0].description
    assert archive.knows("track-two-triumphant") and not archive.page("track-two-triumphant")
    assert not archive.knows("no-such-page")


def test_importing_a_page_brings_its_links_alive(content: Path) -> None:
    assert "refusal-to-negotiate" in Archive.open(content).missing_links()
    write(content / "pages" / "refusal-to-negotiate.md",
          "---\ntitle: Refusal to Negotiate\nsection: problems\n---\n\nText.\n")
    archive = Archive.open(content)
    assert "refusal-to-negotiate" not in archive.missing_links()
    problems = next(s for s in archive.sections if s.id == "problems")
    assert next(e for e in problems.entries if e.slug == "refusal-to-negotiate").preserved


def test_resources_never_leave_the_content_folder(content: Path, tmp_path: Path) -> None:
    write(tmp_path / "secret.txt", "x")
    archive = Archive.open(content)
    assert archive.resource_path("../secret.txt") is None
    assert archive.resource_path("/etc/passwd") is None
    assert archive.resource_path("course.yaml") == (content / "course.yaml").resolve()
