"""The three archived pages: their titles, every word of their bodies, no site furniture."""

from __future__ import annotations

import re

import pytest

from reader.archive import Archive
from reader.archive.links import classify_href, extract_links
from reader.capture.text_capture import escape_markdown
from reader.render.html_text import html_to_text
from reader.render.renderer import Renderer
from tests.conftest import BUNDLED, CAPTURES, SEED_PAGES

FURNITURE = (
    "OTPIC Officially Retired",
    "As of December 2, 2005",
    "The successor to OTPIC is a course called",
    "usiplogo.gif",
    "International Online Training Program On Intractable Conflict",
    "Conflict Research Consortium, University of Colorado, USA",
    "Opening Page | Glossary | Menu Shortcut Page",
    "Copyright 1998",
)


@pytest.fixture(scope="module")
def archive() -> Archive:
    return Archive.open(BUNDLED)


def capture_lines(slug: str) -> list[str]:
    text = (CAPTURES / SEED_PAGES[slug]).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_three_pages_have_their_titles(archive: Archive) -> None:
    assert archive.problems == []
    assert archive.page("coercive-diplomacy").title == "Coercive Diplomacy"
    assert archive.page("unofficial-communication").title == (
        "Unofficial Communication, Citizen Diplomacy, and Multi-track Diplomacy")
    assert archive.page("coercive-prevention").title == (
        "Coercive Prevention: Normative, Political, and Policy Dilemmas")


@pytest.mark.parametrize("slug", sorted(SEED_PAGES))
def test_every_line_of_the_capture_is_kept_word_for_word(archive: Archive, slug: str) -> None:
    shown = html_to_text(Renderer(archive).html_for(slug))
    page = archive.page(slug)
    for line in capture_lines(slug):
        if any(line.startswith(f) for f in FURNITURE) or line == page.title:
            continue
        assert line in shown, f"{slug} lost the line {line!r}"


@pytest.mark.parametrize("slug", sorted(SEED_PAGES))
def test_no_site_furniture_is_left_in_the_body(archive: Archive, slug: str) -> None:
    body = archive.page(slug).body
    for furniture in FURNITURE:
        assert furniture not in body


def test_the_copyright_footer_becomes_the_rights_field(archive: Archive) -> None:
    for slug in ("coercive-diplomacy", "unofficial-communication"):
        rights = archive.page(slug).rights
        assert rights.startswith("Copyright 1998 Conflict Research Consortium")
        assert "crc@colorado.edu" in rights


def test_provenance_is_recorded(archive: Archive) -> None:
    coercive = archive.page("coercive-diplomacy")
    assert coercive.source_url == "https://www.colorado.edu/conflict/peace/treatment/coercdip.htm"
    assert archive.page("unofficial-communication").source_url == ""
    assert archive.page("coercive-prevention").source_url.startswith(
        "https://www.usip.org/publications/2000/10/coercive-prevention")
    assert coercive.capture_file == "captures/000_833dba95b8d8c9f7.txt"
    assert re.fullmatch(r"[0-9a-f]{64}", coercive.capture_sha256)


def test_the_links_lists_become_relative_links_with_descriptions(archive: Archive) -> None:
    links = extract_links(archive.page("coercive-diplomacy").body)
    by_text = {link.text: link for link in links}
    refusal = by_text["Refusal to Negotiate"]
    assert classify_href(refusal.target).value == "refusal-to-negotiate"
    george = by_text["Alexander George -- The Cuban Missile Crisis"]
    assert george.target == "the-cuban-missile-crisis.md"
    assert george.description == ("This is a summary of the coercive diplomacy used in the "
                                  "Cuban Missile Crisis.")
    assert len([link for link in links if link.target.endswith(".md")]) == 10
    body = archive.page("unofficial-communication").body
    unofficial = {link.text for link in extract_links(body)}
    assert {"Dialogue Projects", "Analytical Problem Solving", "Official (Track 1) diplomacy",
            "Communication Problems", "Integrative System Problems"} <= unofficial


def test_sections_follow_course_yaml(archive: Archive) -> None:
    titles = [section.title for section in archive.sections]
    assert titles[:4] == ["About this archive", "Problems", "Approaches",
                          "Examples and readings"]
    approaches = next(s for s in archive.sections if s.id == "approaches")
    slugs = [entry.slug for entry in approaches.entries]
    assert slugs.index("coercive-diplomacy") < slugs.index("unofficial-communication")
    assert {e.slug for e in approaches.entries if e.preserved} == {
        "coercive-diplomacy", "unofficial-communication"}


def test_every_link_target_of_the_pages_is_listed_in_the_tree(archive: Archive) -> None:
    listed = {entry.slug for section in archive.sections for entry in section.entries}
    assert set(archive.missing_links()) <= listed


def test_escaping_keeps_markdown_characters_literal() -> None:
    renderer = Renderer(Archive.open(BUNDLED))
    line = "1. *not* emphasis, [not a link](x.md) and <b>not bold</b> # nor a heading"
    assert html_to_text(renderer.body_html(escape_markdown(line))) == line
