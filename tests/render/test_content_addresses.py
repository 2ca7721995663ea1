"""Addresses from content act only when they are http, https or mailto: in the window's pages,
the handouts and the classroom copy alike; anything else is text at most (issue 15, item 8)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from reader.archive import Archive
from reader.render.handout import glossary_handout_html, handout_html
from reader.render.renderer import Renderer
from reader.render.wording import successor_addresses

HOSTILE = ("javascript:", "file:", "smb:", "data:", "vbscript:")
HOSTILE_PAGE = """---
title: Hostile Page
source_url: "javascript:alert(document.cookie)"
---

Links: [a](file:///etc/passwd), [b](smb://host/share), [c](data:text/html,<b>x</b>),
[d](JaVaScRiPt:alert(1)), [e][ref], <javascript:alert(2)> and [fine](https://example.org).
The hostile term is here, and [mail](mailto:someone@example.org).

![pic](data:image/png;base64,AAAA)

[ref]: vbscript:msgbox(1)
"""
HOSTILE_TERM = """  - term: Hostile term
    definition: >-
      Defined with [a file](file:///etc/passwd), [a share](smb://host/share) and
      [a script](javascript:alert(3)), beside [a web page](https://example.org).
    pages: [hostile-page]
"""


def hostile_archive(content: Path) -> Path:
    """The bundled archive, with hostile addresses in course.yaml, a page and the glossary."""
    course = content / "course.yaml"
    text = course.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^  url: .*$", '  url: "javascript:alert(1)"', text)
    text = re.sub(r"(?m)^  built_around_url: .*$", "  built_around_url: file:///etc/passwd",
                  text)
    text = text.replace("        title: Dialogue Projects\n",
                        "        title: Dialogue Projects\n        source_url: smb://host/x\n")
    course.write_text(text, encoding="utf-8")
    (content / "pages" / "hostile-page.md").write_text(HOSTILE_PAGE, encoding="utf-8")
    glossary = content / "glossary.yaml"
    glossary.write_text(glossary.read_text(encoding="utf-8").replace(
        "terms:\n", "terms:\n" + HOSTILE_TERM, 1), encoding="utf-8")
    return content


def live_addresses(document: str) -> list[str]:
    """Every address a link or picture of the document would act on."""
    found = re.findall(r"""\b(?:href|src)\s*=\s*["']([^"']*)["']""", document, re.I)
    return [html.unescape(address).strip() for address in found]


def assert_only_safe_addresses(document: str, *allowed: str, relative: bool = True) -> None:
    """Every link is http, https, mailto, an allowed scheme, or (if relative) one within
    the archive; a hostile address is at most text: no attribute but a tooltip holds it."""
    for address in live_addresses(document):
        scheme = urlsplit(address).scheme.lower()
        inside = relative or address.startswith("#")
        assert scheme in ("http", "https", "mailto", *allowed) or (not scheme and inside), \
            address
    for name, value in re.findall(r'\b([\w-]+)\s*=\s*"([^"]*)"', document):
        if name.lower() not in ("title", "alt", "content"):  # tooltips and running heads
            assert not any(s in html.unescape(value).lower() for s in HOSTILE), (name, value)


@pytest.fixture
def archive(content: Path) -> Archive:
    opened = Archive.open(hostile_archive(content), cache_dir=content.parent / "cache")
    assert opened.problems == []
    return opened


def test_the_window_s_pages_link_only_safe_addresses(archive: Archive) -> None:
    renderer = Renderer(archive)
    for slug in [*archive.pages, "glossary", "dialogue-projects"]:
        document = renderer.html_for(slug)
        assert_only_safe_addresses(document, "term")
    page = renderer.html_for("hostile-page")
    assert "javascript:alert(document.cookie)" in page  # its original address, as text
    assert 'href="https://example.org"' in page and 'href="mailto:someone@example.org"' in page


def test_a_glossary_entry_links_only_safe_addresses(archive: Archive) -> None:
    term = archive.glossary.find("Hostile term")
    entry = Renderer(archive).term_entry_html(term)
    assert_only_safe_addresses(entry, "term")
    assert "a file" in entry and 'href="https://example.org"' in entry


def test_handouts_link_only_safe_addresses(archive: Archive) -> None:
    for document in (handout_html(archive, ["hostile-page", "coercive-diplomacy"],
                                  with_glossary=True),
                     glossary_handout_html(archive)):
        assert_only_safe_addresses(document, relative=False)  # a PDF has no pages beside it
        assert "Hostile term" in document


def test_the_successor_s_addresses_are_offered_only_when_they_may_open(archive: Archive,
                                                                       content: Path) -> None:
    assert successor_addresses(archive.course) == []
    bundled = Archive.open(Path(__file__).resolve().parents[2] / "content")
    assert [url for _, url in successor_addresses(bundled.course)] == [
        bundled.course.successor.url, bundled.course.successor.built_around_url]
