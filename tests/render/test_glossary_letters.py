"""The glossary's letter index: an initial from the glossary file is escaped, in the window's
glossary page and the classroom copy's, and its anchor needs no escaping (issue 15, item 10)."""

from __future__ import annotations

import re
from pathlib import Path

from reader.archive import Archive
from reader.render.glossary_page import letter_anchor
from reader.render.renderer import Renderer

ODD_TERMS = """version: 1
terms:
  - {term: "<script>alert(1)</script>", definition: Begins with a less-than sign.}
  - {term: "&amp; Co", definition: Begins with an ampersand.}
  - {term: "\\"Quoted\\"", definition: Begins with a quotation mark.}
  - {term: Zebra, definition: Begins with a letter.}
"""


def odd_glossary(content: Path) -> Archive:
    (content / "glossary.yaml").write_text(ODD_TERMS, encoding="utf-8")
    archive = Archive.open(content, cache_dir=content.parent / "cache")
    assert archive.problems == [] and len(archive.glossary) == 4
    return archive


def assert_letters_escaped(document: str) -> None:
    assert "<script>" not in document and "&amp;amp; Co" in document
    index = re.search(r"<p>(<a [^>]*>.*?)</p>", document).group(1)
    shown = re.findall(r"<a [^>]*>([^<]*)</a>", index)
    assert shown == ['"', "&amp;", "&lt;", "Z"] or shown == ["&quot;", "&amp;", "&lt;", "Z"]
    for href in re.findall(r'href="#([^"]*)"', index):
        assert re.fullmatch(r"letter-(?:[A-Z0-9]|u[0-9a-f]{4})", href)
        assert f'name="{href}"' in document


def test_the_window_s_glossary_page_escapes_its_letters(content: Path) -> None:
    assert_letters_escaped(Renderer(odd_glossary(content)).html_for("glossary"))


def test_an_initial_s_anchor() -> None:
    assert letter_anchor("B") == "letter-B" and letter_anchor("7") == "letter-7"
    assert letter_anchor("<") == "letter-u003c" and letter_anchor("É") == "letter-u00c9"
