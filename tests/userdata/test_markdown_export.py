"""The Markdown export reads as its user wrote it, raw or rendered: only what a Markdown
tool would take for markup is escaped (issue 16, item 9)."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.render.html_text import html_to_text
from reader.userdata import UserStore
from reader.userdata.anchors import make_anchor
from reader.userdata.bookmarks import Bookmarks
from reader.userdata.exchange import export_markdown, md_text
from reader.userdata.notes import Notes

TITLE = "Unofficial Communication, Citizen Diplomacy, and Multi-track Diplomacy"
QUOTE = "Multi-track diplomacy"
NOTE = ("Whole-page note: compare with track-two work (U.S.-Japan, 1941).\n"
        "1986. A year *we* marked in [brackets], with `code`, <b>tags</b> & &amp;.\n"
        "# not a heading\n- not a list\n---")


def rendered_text(text: str) -> str:
    html = markdown.markdown(text, extensions=["tables", "attr_list", "footnotes", "toc"])
    return " ".join(html_to_text(html).split())


def plain(text: str) -> str:
    return " ".join(text.split())


def test_the_export_shows_no_escapes_where_markdown_needs_none(tmp_path: Path) -> None:
    store = UserStore.open(tmp_path)
    Bookmarks(store).add("unofficial-communication", TITLE, "Whole-page bookmark")
    page_text = f"{QUOTE} is a term."
    Notes(store).add("unofficial-communication", TITLE, NOTE, make_anchor(page_text, 0, 21))
    raw = export_markdown(store)
    assert f"### {TITLE}" in raw and f"> {QUOTE}" in raw
    assert "Whole-page note" in raw and "Whole-page bookmark" in raw and "U.S.-Japan" in raw
    assert raw.count("\\-") == 2 and "\\- not a list" in raw and "\\---" in raw  # only there


def test_the_rendered_export_says_exactly_what_the_user_wrote(tmp_path: Path) -> None:
    store = UserStore.open(tmp_path)
    Bookmarks(store).add("unofficial-communication", TITLE, "session *1* [week 2]")
    Notes(store).add("unofficial-communication", TITLE, NOTE,
                     make_anchor(f"{QUOTE} is a term.", 0, 21))
    shown = rendered_text(export_markdown(store))
    assert f"{TITLE} (session *1* [week 2])" in shown
    assert plain(NOTE) in shown
    assert "<b>" not in markdown.markdown(export_markdown(store))  # shown, never markup


@pytest.mark.parametrize("text", [
    "Multi-track", "Whole-page", "snake_case", "50% off!", "(an aside)", "a < b & c",
    "l'État", "e-mail: me@example.org", "U.S.-Japan", "2 - 1",
])
def test_ordinary_punctuation_is_left_alone(text: str) -> None:
    assert md_text(text) == text


def test_lines_that_would_make_a_table_stay_lines() -> None:
    lines = ["Left | right", "--- | ---", "|", "|"]
    written = "\n".join(md_text(line) for line in lines)
    assert md_text("Left | right") == "Left | right"
    assert rendered_text(written) == plain(" ".join(lines))


PIECES = st.sampled_from([*"ab1 -_*#>+.)=~`[](){}!<&;\\|:/", "é", "Multi-track", "&amp;",
                          "<b>", "1.", "\n"])
CONTEXTS = [("{}", 0), ("### {}", 4), ("> {}", 2), ("- {} (label)", 2)]


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=20).map("".join))
def test_any_text_renders_as_itself_where_the_export_puts_it(text: str) -> None:
    for context, lead in CONTEXTS:
        if context == "{}":  # the lines of a note, each escaped
            written, wanted = "\n".join(md_text(line) for line in text.splitlines()), text
        else:
            line = " ".join(text.split())
            written, wanted = context.format(md_text(line)), context.format(line)[lead:]
        assert rendered_text(written) == plain(wanted), (context, text, written)
