"""Pages that nest deeper than Python-Markdown can follow render anyway, every word kept
(issue 15, item 9)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.render.html_text import html_to_text
from reader.render.nesting import MAX_NESTING, cap_line
from reader.render.renderer import Renderer


def test_a_line_within_the_bound_is_left_as_written() -> None:
    for line in ("- item", "    - inner", "> quoted", "1. first", "* * *", "plain words",
                 "- " * MAX_NESTING + "deep but allowed"):
        assert cap_line(line) == line


def test_a_line_past_the_bound_keeps_its_words_and_loses_its_extra_levels() -> None:
    assert cap_line("- " * 1000 + "word") == "- " * MAX_NESTING + "word"
    assert cap_line("> " * 40 + "1. " * 40 + "said") == "> " * MAX_NESTING + "said"
    assert cap_line(" " * 4000 + "- item") == " " * (4 * MAX_NESTING) + "item"
    assert cap_line(" " * 8 + "- " * 30 + "x") == " " * 8 + "- " * (MAX_NESTING - 2) + "x"


def page(content: Path, body: str) -> Archive:
    (content / "pages" / "deep.md").write_text(f"---\ntitle: Deep\n---\n\n{body}",
                                               encoding="utf-8")
    return Archive.open(content, cache_dir=content.parent / "cache")


@pytest.mark.parametrize("body", [
    "- " * 1000 + "bottom word\n",  # 1,000 list markers on one line
    "".join("    " * level + f"- level{level}\n" for level in range(300)),  # indented lists
    "> " * 1000 + "- " * 1000 + "bottom word\n",
    "**" * 600 + "bottom word" + "**" * 600 + "\n",  # emphasis the bound cannot see
])
def test_a_page_nested_past_the_bound_renders_with_its_words(content: Path, body: str) -> None:
    renderer = Renderer(page(content, body))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(400)  # the bound holds with far less stack than Python's default
    try:
        html = renderer.parts("deep").main()
    finally:
        sys.setrecursionlimit(limit)
    words = html_to_text(html)
    for word in {w for w in body.replace("*", " ").replace("-", " ").replace(">", " ").split()}:
        assert word in words
    assert html.count("<ul>") <= MAX_NESTING


def test_markup_too_deep_for_the_bound_says_so_and_the_next_page_renders(content: Path) -> None:
    renderer = Renderer(page(content, "**" * 1000 + "word" + "**" * 1000 + "\n"))
    assert "nests too deeply" in renderer.parts("deep").body
    assert "<em>" in renderer.body_html("*emphasis*")  # a new Markdown after the failure
