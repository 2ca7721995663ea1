"""course.yaml and glossary.yaml against their declared schema: a field of the wrong shape is
refused in one sentence naming the file and the field (issue 15, item 9)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.archive import Archive, ArchiveError
from reader.archive.glossary import Glossary
from reader.archive.schema import COURSE, SchemaError, check
from reader.archive.yaml_io import load_yaml
from tests.archive.test_yaml_bounds import alias_bomb
from tests.conftest import BUNDLED


def test_the_bundled_course_fits_its_schema() -> None:
    check(load_yaml((BUNDLED / "course.yaml").read_text(encoding="utf-8")), COURSE)


def edited(content: Path, old: str, new: str) -> Path:
    path = content / "course.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


@pytest.mark.parametrize(("old", "new", "says"), [
    ("  - id: theory\n", "  - id: theory\n    pages: 5\n",
     "sections › item 5 ('theory') › pages must be a list of pages, not the number 5"),
    ("title: International Online Training Program on Intractable Conflict",
     "title: [a, b]", "title must be text, the course's title, not a list"),
    ("title: International Online Training Program on Intractable Conflict", "title: ''",
     "title must be given (text, the course's title)"),
    ("successor:\n", "successor: 5\nold_successor:\n",
     "successor must be a mapping of the successor course's title and addresses, not the "
     "number 5"),
    ("  url: http", "  url:\n    - http", "successor › url must be text, not a list"),
    ("home: about", "home: ../../etc", "home must be a slug"),
    ("      - coercive-diplomacy\n", "      - Coercive Diplomacy\n",
     "sections › item 3 ('approaches') › pages › item 2 must be a slug"),
    ("      - coercive-diplomacy\n", "      - {title: No slug}\n",
     "pages › item 2 › slug must be given"),
    ("      - coercive-diplomacy\n", "      - [coercive-diplomacy]\n",
     "must be a page's slug, or a mapping of its slug, title and source_url, not a list"),
    ("sections:\n", "sections: {}\nold:\n", "sections must be a list of sections, not a mapping"),
    ("  - id: theory\n", "  - [theory]\n  - id: theory\n",
     "sections › item 5 must be a mapping of the section's id, title, description and pages, "
     "not a list"),
    ("  - id: theory\n", "  - title: Theory\n", "sections › item 5 › id must be given"),
    ("format: 1", "format: one", "format must be a whole number, not 'one'"),
])
def test_a_field_of_the_wrong_shape_is_one_sentence(content: Path, old: str, new: str,
                                                    says: str) -> None:
    path = edited(content, old, new)
    with pytest.raises(ArchiveError) as caught:
        Archive.open(content, cache_dir=content.parent / "cache")
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and says in message, message
    assert message.endswith(".") and "\n" not in message


def test_a_course_that_is_not_a_mapping_is_refused(content: Path) -> None:
    (content / "course.yaml").write_text("- just\n- a list\n", encoding="utf-8")
    with pytest.raises(ArchiveError, match="the whole file must be a mapping"):
        Archive.open(content)


def test_an_alias_bomb_in_course_yaml_is_refused(content: Path) -> None:
    path = content / "course.yaml"
    path.write_text(alias_bomb() + path.read_text(encoding="utf-8").replace(
        "title: International Online Training Program on Intractable Conflict", "title: *l9"),
        encoding="utf-8")
    with pytest.raises(ArchiveError, match=r"course\.yaml uses YAML aliases that stand for"):
        Archive.open(content)


def test_a_field_name_is_quoted_with_its_control_characters_escaped() -> None:
    with pytest.raises(SchemaError) as caught:
        check({"title": "T", "sections": [{"id": "a\x1b[31m", "pages": 5}]}, COURSE)
    assert "\x1b" not in str(caught.value) and "\\x1b" in str(caught.value)


def test_a_glossary_entry_of_the_wrong_shape_is_skipped_alone(tmp_path: Path) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text("terms:\n"
                    "  - {term: Alpha, definition: First., aliases: {a: b}}\n"
                    "  - {term: Beta, definition: [a, list]}\n"
                    "  - {term: Gamma, definition: Third., pages: [[p]]}\n"
                    "  - {term: Delta, definition: Fourth.}\n", encoding="utf-8")
    glossary = Glossary.load(path, {"p"})
    assert [term.term for term in glossary.terms] == ["Delta"]
    lines = [str(problem) for problem in glossary.problems]
    assert lines[0] == (f"{path}: terms › item 1 ('Alpha') › aliases must be a name, or a list "
                        "of names, not a mapping; the entry is skipped.")
    assert "item 2 ('Beta') › definition must be text, not a list" in lines[1]
    assert "item 3 ('Gamma') › pages › item 1 must be a name, not a list" in lines[2]


@pytest.mark.parametrize(("text", "says"), [
    ("version: x\nterms: []\n", "skipped: version must be a whole number, not 'x'."),
    (alias_bomb() + "terms: *l9\n", "skipped: the glossary uses YAML aliases"),
    ("terms: " + "[" * 80 + "]" * 80 + "\n", "skipped: the glossary nests deeper than"),
])
def test_a_glossary_file_beyond_its_bounds_is_one_problem(tmp_path: Path, text: str,
                                                          says: str) -> None:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    glossary = Glossary.load(path, set())
    assert len(glossary) == 0 and len(glossary.problems) == 1
    assert says in str(glossary.problems[0])
