"""Saved HTML pages of the original site import like the text captures of the same pages."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from reader.archive.frontmatter import split_front_matter
from reader.archive.links import extract_links
from reader.archive.page_file import read_page
from reader.capture.html_capture import (
    declared_charset,
    looks_like_html,
    original_address,
    read_html_capture,
)
from reader.capture.importer import import_capture
from reader.capture.text_capture import CaptureError
from reader.common.slugs import slugify
from tests.conftest import BUNDLED, CAPTURES, SEED_PAGES

NAVIGATION = ('<p><a href="../index.htm">Opening Page</a> | <a href="../glossary.htm">Glossary'
              '</a> | <a href="../menu.htm">Menu Shortcut Page</a></p>')
WAYBACK_HEAD = """<script type="text/javascript" src="/_static/js/wombat.js"></script>
<script type="text/javascript">
  __wm.init("https://web.archive.org/web");
  __wm.wombat("http://www.colorado.edu:80/conflict/peace/treatment/coercdip.htm","20040603123456",
              "https://web.archive.org/","web","/_static/","1086265896");
</script>
<!-- End Wayback Rewrite JS Include -->"""
WAYBACK_TOOLBAR = """<!-- BEGIN WAYBACK TOOLBAR INSERT -->
<div id="wm-ipp-base" lang="en"><div id="wm-ipp"><form id="wm-ipp-form">
<p>About this capture</p><a href="/web/2004*/coercdip.htm">1 capture</a>
<table><tr><td>COLLECTED BY</td><td>Organization: Alexa Crawls</td></tr></table>
</form></div></div>
<!-- END WAYBACK TOOLBAR INSERT -->"""
WAYBACK_TAIL = """<!--
     FILE ARCHIVED ON 12:34:56 Jun 03, 2004 AND RETRIEVED FROM THE
     INTERNET ARCHIVE ON 08:00:00 Jan 02, 2020.
-->"""


def seed_as_html(slug: str, *, head: str = "", toolbar: str = "", tail: str = "",
                 comment: str = "") -> str:
    """The seed capture of `slug` as the site served it: a paragraph a line, titles as links."""
    text = (CAPTURES / SEED_PAGES[slug]).read_text(encoding="utf-8")
    linked = {link.text for link in extract_links(read_page(BUNDLED / "pages" / f"{slug}.md")
                                                  .body)}
    body = []
    for line in text.splitlines():
        bare = line.strip()
        if not bare:
            continue
        if bare.startswith("Opening Page |"):
            body.append(NAVIGATION)
        elif bare.endswith("bytes)"):
            body.append(f'<p><img src="usiplogo.gif" alt="{html.escape(bare)}" width="150"></p>')
        elif bare in linked:  # each to an address of its own, as on the site
            body.append(f'<p><a href="../example/{slugify(bare)}.htm">{html.escape(bare)}</a>'
                        '</p>')
        else:
            body.append(f"<p>{html.escape(bare)}</p>")
    return (f"{comment}<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 3.2//EN\">\n<html><head>\n"
            '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">\n'
            f"{head}<title>OTPIC page</title>\n<style>p {{ margin: 0 }}</style></head>\n"
            f"<body bgcolor=\"#FFFFFF\">{toolbar}\n" + "\n".join(body) + f"\n</body></html>{tail}")


def import_html(tmp_path: Path, markup: str, name: str = "coercdip.htm", **kwargs: str):
    source = tmp_path / name
    source.write_bytes(markup.encode("cp1252"))
    content = tmp_path / "content"
    result = import_capture(source, content, **kwargs)
    return result, content / "pages" / f"{result.slug}.md"


def bodies(page_file: Path) -> str:
    return split_front_matter(page_file.read_text(encoding="utf-8"))[1]


@pytest.mark.parametrize("slug", ["coercive-diplomacy", "unofficial-communication"])
def test_a_saved_page_gives_the_same_body_as_its_text_capture(tmp_path: Path, slug: str) -> None:
    result, page_file = import_html(tmp_path, seed_as_html(slug))
    assert result.slug == slug and result.kind == "html"
    assert result.encoding == "cp1252" and "Windows-1252" in result.encoding_note
    assert bodies(page_file) == bodies(BUNDLED / "pages" / f"{slug}.md")
    page = read_page(page_file)
    assert page.rights == read_page(BUNDLED / "pages" / f"{slug}.md").rights
    assert page.capture_file == "captures/coercdip.htm"


def test_a_wayback_copy_loses_its_toolbar_and_tells_where_and_when(tmp_path: Path) -> None:
    markup = seed_as_html("coercive-diplomacy", head=WAYBACK_HEAD, toolbar=WAYBACK_TOOLBAR,
                          tail=WAYBACK_TAIL)
    result, page_file = import_html(tmp_path, markup)
    assert result.kind == "web-archive"
    assert bodies(page_file) == bodies(BUNDLED / "pages" / "coercive-diplomacy.md")
    page = read_page(page_file)
    assert page.source_url == "https://www.colorado.edu/conflict/peace/treatment/coercdip.htm"
    assert page.captured == "2004-06-03"
    assert page.section == "approaches"
    for toolbar_text in ("About this capture", "COLLECTED BY", "Alexa Crawls", "__wm"):
        assert toolbar_text not in page_file.read_text(encoding="utf-8")


def test_a_browser_saved_copy_records_its_address_but_no_invented_date(tmp_path: Path) -> None:
    comment = ("<!-- saved from url=(0062)http://www.colorado.edu/conflict/peace/treatment/"
               "coercdip.htm -->\n")
    page = read_page(import_html(tmp_path, seed_as_html("coercive-diplomacy",
                                                        comment=comment))[1])
    assert page.source_url == "https://www.colorado.edu/conflict/peace/treatment/coercdip.htm"
    assert page.captured == ""


def test_the_address_given_wins_over_the_one_the_page_records(tmp_path: Path) -> None:
    markup = seed_as_html("coercive-diplomacy", head=WAYBACK_HEAD)
    page = read_page(import_html(tmp_path, markup, source_url="https://example.org/a.htm",
                                 captured="2003-01-02")[1])
    assert page.source_url == "https://example.org/a.htm" and page.captured == "2003-01-02"


def test_links_in_html_decide_which_lines_are_titles(tmp_path: Path) -> None:
    """A linked title may end like a sentence, and a description may not: the links tell."""
    markup = ("<html><body><p>International Online Training Program On Intractable Conflict</p>"
              "<h2>Negotiation Loop-backs</h2><p>Body text.</p>"
              "<p><b>Links to Related Problems</b></p>"
              '<p><a href="a.htm">Roger Fisher -- Getting to Yes.</a><br>'
              "A short note without a full stop</p>"
              "<p>Copyright 1998 Conflict Research Consortium</p></body></html>")
    result, page_file = import_html(tmp_path, markup, name="loop.htm")
    body = bodies(page_file)
    assert "- [Roger Fisher -- Getting to Yes.](getting-to-yes.md)" in body
    assert "\n    A short note without a full stop" in body
    assert result.slug == "negotiation-loop-backs"


def test_nbsp_and_entities_are_kept_as_the_reader_saw_them() -> None:
    page = read_html_capture("<html><body><p>Pruitt --&nbsp; Escalation &amp; more</p>"
                             "<p>a\n   b</p><pre>one\ntwo</pre></body></html>")
    assert page.text.split("\n") == ["Pruitt --\xa0 Escalation & more", "a b", "one", "two"]


def test_markup_html_parser_cannot_read_is_refused_cleanly() -> None:
    with pytest.raises(CaptureError, match="HTML cannot be read"):
        read_html_capture("<html><body><![<p>text</p></body></html>")


@pytest.mark.parametrize(("address", "expected"), [
    ("https://web.archive.org/web/20040603123456/http://www.colorado.edu:80/conflict/peace/",
     ("http://www.colorado.edu/conflict/peace/", "2004-06-03")),
    ("http://web.archive.org/web/19991008id_/http://www.colorado.edu/conflict/peace/x.htm",
     ("http://www.colorado.edu/conflict/peace/x.htm", "1999-10-08")),
    ("https://web.archive.org/web/2004/www.colorado.edu/conflict/",
     ("http://www.colorado.edu/conflict/", "")),
    ("https://web.archive.org/web/20041399000000/http://a.org/", ("http://a.org/", "")),
    ("https://www.colorado.edu/conflict/peace/treatment/coercdip.htm",
     ("https://www.colorado.edu/conflict/peace/treatment/coercdip.htm", "")),
])
def test_web_archive_addresses_give_the_original_and_the_date(
        address: str, expected: tuple[str, str]) -> None:
    assert original_address(address) == expected


def test_html_is_told_from_text_and_its_charset_read() -> None:
    assert looks_like_html("<!-- saved -->\n<HTML><HEAD>")
    assert looks_like_html("<!doctype html>")
    assert not looks_like_html("Coercive Diplomacy\n\nLinks to <b>x</b>")
    assert declared_charset(b'<meta http-equiv="Content-Type" content="text/html; '
                            b'charset=ISO-8859-1">') == "cp1252"
    assert declared_charset(b'<meta charset="utf-8">') == "utf-8"
    assert declared_charset(b"<html><body>") == ""
