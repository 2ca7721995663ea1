"""Next and previous page in course order: the neighbours the Go menu asks for, and the
links at each page's foot, in the reader and in the classroom copy (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

from reader.archive import Archive
from reader.archive.course_order import neighbours
from reader.render.html_text import html_to_text
from reader.render.renderer import Renderer
from reader.site.site_links import SiteLinks
from tests.conftest import BUNDLED

ORDER = ["about", "coercive-diplomacy", "unofficial-communication", "coercive-prevention"]


def footer_links(html: str) -> list[tuple[str, str]]:
    footer = html.split('<p class="course-order">')[1].split("</p>")[0]
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', footer)


def test_the_course_reads_in_tree_order_across_sections_skipping_pages_not_preserved() -> None:
    archive = Archive.open(BUNDLED)
    preserved = [e.slug for s in archive.sections for e in s.entries if e.preserved]
    assert preserved == ORDER  # about, two approaches, then a reading under Examples
    walked, slug = [ORDER[0]], ORDER[0]
    while (slug := neighbours(archive, slug)[1]) is not None:
        walked.append(slug)
    assert walked == ORDER
    assert [neighbours(archive, s)[0] for s in ORDER] == [None, *ORDER[:-1]]


def test_a_page_not_preserved_leads_on_and_the_glossary_has_no_place(content: Path) -> None:
    archive = Archive.open(content)
    # listed under Problems, between About and the approaches
    assert neighbours(archive, "refusal-to-negotiate") == ("about", "coercive-diplomacy")
    assert neighbours(archive, "glossary") == (None, None)
    assert neighbours(archive, "no-such-page") == (None, None)


def test_each_page_ends_with_links_to_its_neighbours_in_the_reader(content: Path) -> None:
    renderer = Renderer(Archive.open(content))
    html = renderer.html_for("unofficial-communication")
    assert footer_links(html) == [
        ("coercive-diplomacy.md", "← Previous: Coercive Diplomacy"),
        ("coercive-prevention.md",
         "Next: Coercive Prevention: Normative, Political, and Policy Dilemmas →")]
    assert footer_links(renderer.html_for("about")) == [
        ("coercive-diplomacy.md", "Next: Coercive Diplomacy →")]
    assert html.index('class="course-order"') > html.index("Multi-track")  # at the foot
    assert 'class="course-order"' not in renderer.html_for("glossary")


def test_the_classroom_copy_links_the_same_neighbours_to_its_files(content: Path) -> None:
    archive = Archive.open(content)
    parts = Renderer(archive, links=SiteLinks(archive)).parts("coercive-diplomacy")
    assert footer_links(parts.footer) == [
        ("about.html", "← Previous: About this archive"),
        ("unofficial-communication.html",
         "Next: Unofficial Communication, Citizen Diplomacy, and Multi-track Diplomacy →")]


def test_the_footer_is_ours_not_the_pages_words(content: Path) -> None:
    parts = Renderer(Archive.open(content)).parts("coercive-diplomacy")
    assert "Previous" not in html_to_text(parts.body)
    assert "Previous" in html_to_text(parts.main())


def test_a_new_order_in_course_yaml_is_never_shown_from_the_render_cache(
        content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "html"
    before = Renderer(Archive.open(content), disk_cache=cache).html_for("coercive-diplomacy")
    assert "Next: Unofficial Communication" in before
    course = content / "course.yaml"
    text = course.read_text("utf-8")
    course.write_text(text.replace("      - unofficial-communication\n", "")
                      .replace("      - coercive-prevention\n",
                               "      - coercive-prevention\n      - unofficial-communication\n"),
                      "utf-8")
    after = Renderer(Archive.open(content), disk_cache=cache).html_for("coercive-diplomacy")
    assert "Next: Coercive Prevention" in after
