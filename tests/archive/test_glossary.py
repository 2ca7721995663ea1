"""The glossary: the bundled terms, the loader's validation, and term links in pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.archive.glossary import Glossary
from reader.render.renderer import Renderer
from tests.conftest import BUNDLED

PAGES = {"about", "coercive-diplomacy", "coercive-prevention", "unofficial-communication"}
REQUIRED = ["coercive diplomacy", "threat", "credibility", "backlash", "integrative approaches",
            "exchange-based approaches", "legitimacy", "coercive prevention",
            "preventive diplomacy", "track one", "track two", "citizen diplomacy",
            "multi-track diplomacy", "problem-solving workshop", "dialogue", "de-escalation",
            "dehumanization", "enemy image", "misperception", "intractable conflict",
            "Peaceworks", "OTPIC", "DCIC", "Beyond Intractability",
            "Conflict Research Consortium"]


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load(BUNDLED / "glossary.yaml", PAGES)


def test_the_bundled_glossary_is_whole_and_valid(glossary: Glossary) -> None:
    assert glossary.problems == []
    assert len(glossary) >= 30
    for term in glossary.terms:
        sentences = len(re.findall(r"[.!?](?:\s|$)", term.definition))
        assert 1 <= sentences <= 4, term.term
        assert term.pages and set(term.pages) <= PAGES


@pytest.mark.parametrize("name", REQUIRED)
def test_every_concept_of_the_pages_can_be_looked_up(glossary: Glossary, name: str) -> None:
    assert glossary.find(name) is not None, name


def test_track_two_has_its_spellings(glossary: Glossary) -> None:
    track_two = glossary.find("Track two diplomacy")
    for spelling in ("track two", "track-two", "Track II", "second track"):
        assert glossary.find(spelling) is track_two


def test_definitions_agree_with_the_pages(glossary: Glossary) -> None:
    assert "threat" in glossary.find("coercive diplomacy").definition.lower()
    assert "Montville" in glossary.find("track two").definition
    multi = glossary.find("multi-track diplomacy").definition
    assert "McDonald" in multi and "Diamond" in multi and "nine" in multi


def test_filtering_ignores_case_and_accents(glossary: Glossary) -> None:
    term = glossary.find("dehumanization")
    assert term.matches("DÉHUMAN") and term.matches("dehumanisation")
    assert not term.matches("escalat")


def write_glossary(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "glossary.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_validation_reports_one_line_per_problem(tmp_path: Path) -> None:
    path = write_glossary(tmp_path, """
terms:
  - {term: Alpha, aliases: [a1], definition: First., related: [Beta, Nowhere], pages: [p, gone]}
  - {term: Beta, aliases: [A1, b1], definition: Second., related: [Alpha], pages: [p]}
  - {term: alpha, definition: Again.}
  - {term: Gamma, aliases: [b1]}
  - {aliases: [x]}
""")
    glossary = Glossary.load(path, {"p"})
    lines = [str(problem) for problem in glossary.problems]
    assert all("\n" not in line and str(path) in line for line in lines)
    messages = "\n".join(lines)
    assert "'Alpha' is related to 'Nowhere', which is not in the glossary" in messages
    assert "'Alpha' names the page 'gone', which does not exist" in messages
    assert "alias 'A1' of 'Beta' is already used by 'Alpha'" in messages
    assert "'alpha' is defined twice" in messages
    assert "'Gamma' has no definition" in messages
    assert "entry 5 has no term" in messages
    assert [t.term for t in glossary.terms] == ["Alpha", "Beta"]
    assert glossary.find("Alpha").related == ("Beta",)


def test_a_broken_glossary_file_is_one_problem(tmp_path: Path) -> None:
    glossary = Glossary.load(write_glossary(tmp_path, "terms: [\n"), set())
    assert len(glossary) == 0 and "not valid YAML" in str(glossary.problems[0])


def linked(content: Path, body: str) -> list[tuple[str, str]]:
    (content / "pages" / "t.md").write_text(f"---\ntitle: T\n---\n\n{body}\n", encoding="utf-8")
    html = Renderer(Archive.open(content)).html_for("t")
    return re.findall(r'<a class="term" href="term:([a-z0-9-]+)"[^>]*>([^<]+)</a>', html)


def test_terms_become_links_once_per_page(content: Path) -> None:
    links = linked(content, "Backlash is a risk. Backlash again, and track-two talks.")
    assert links == [("backlash", "Backlash"), ("track-two-diplomacy", "track-two")]


def test_headings_and_existing_links_are_left_alone(content: Path) -> None:
    body = "## Backlash\n\n[Dialogue](coercive-diplomacy.md) and then dialogue."
    assert linked(content, body) == [("dialogue", "dialogue")]


def test_whole_words_only_and_longest_name_first(content: Path) -> None:
    assert linked(content, "Escalations escalate; backlashed.") == [("escalation", "Escalations")]
    assert linked(content, "the track two diplomacy of old") == [
        ("track-two-diplomacy", "track two diplomacy")]


def test_case_and_plurals(content: Path) -> None:
    assert linked(content, "TRACK TWO and enemy images and misperceptions.") == [
        ("track-two-diplomacy", "TRACK TWO"), ("enemy-image", "enemy images"),
        ("misperception", "misperceptions")]


def test_the_glossary_page_has_an_anchor_per_term(content: Path) -> None:
    archive = Archive.open(content)
    html = Renderer(archive).html_for("glossary")
    for term in archive.glossary.terms:
        assert f'name="{term.anchor}"' in html
    assert html.index("Backlash") < html.index("Use of force")
