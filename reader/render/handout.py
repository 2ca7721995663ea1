"""Handouts: one page or a whole section laid out for print, with provenance, optional
notes and an optional glossary appendix of the terms those pages use.

A handout is one HTML document that carries what its sheets of paper need besides the
text: a meta element lists its parts (each page of the course it holds, whose <h1>
says its number N to Qt as `-qt-user-state: N`, a property browsers ignore) with the
title and source address each sheet's running header and footer show. ui/sheets.py
reads it back (running_heads) when it lays the document out on paper, breaking it into
sheets where page_breaks.py says.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.archive.archive import Archive
from reader.archive.glossary import Term
from reader.archive.links import LinkTarget
from reader.common.slugs import slugify
from reader.render.glossary_page import anchor_href, entry_html
from reader.render.link_resolver import LinkResolver
from reader.render.page_style import THEMES, page_css
from reader.render.renderer import PageParts, Renderer
from reader.render.wording import project_provenance, source_line

_META = "otpic-running-heads"
# Anchors (a heading's id, an empty named <a>) serve links within a page on screen; on
# paper they only make Qt set the first letter after them apart, which a PDF's text then
# reads as a word of its own ("B acklash").
_ANCHORS = re.compile(r'(?<=<h[1-6])\s+id="[^"]*"|<a name="[^"]*"(?: id="[^"]*")?></a>')
PRINT_CSS = page_css(THEMES["light"]) + """
a, a.term, a.missing { color: #1c1c1c; text-decoration: none; }
h1 { font-size: x-large; margin-bottom: 4px; }
h2 { font-size: large; margin-top: 16px; margin-bottom: 4px; }
h3 { font-size: medium; margin-top: 12px; }
p { line-height: 125%; margin-top: 2px; margin-bottom: 7px; }
h1.page { page-break-before: always; }
h1.first { page-break-before: auto; }
p.provenance { margin-bottom: 14px; }
table.notes { margin-top: 4px; }
td.note { background-color: #f1efe8; }
p.note-quote { font-style: italic; color: #4a4d52; margin-bottom: 2px; }
p.note-text { margin-bottom: 0px; }
"""


class HandoutLinks(LinkResolver):
    """Where a handout's links lead: outside addresses (http, https, mailto) stay links, and
    links within a page (footnotes) too; links to pages and terms are text, styled as links.
    A PDF viewer would take `refusal-to-negotiate.md` or `term:threat` as an address to open
    beside the file, and only http, https and mailto may act from a PDF."""

    def attributes(self, target: LinkTarget, written: str) -> dict[str, str]:
        return {"href": written} if target.kind in ("external", "anchor") else {}


@dataclass(frozen=True)
class HandoutNote:
    quote: str
    text: str


@dataclass(frozen=True)
class Part:
    """A page of the course in a handout, as its sheets' header and footer name it."""

    title: str
    source: str


@dataclass(frozen=True)
class RunningHeads:
    course: str
    parts: tuple[Part, ...]


def slugs_for_section(archive: Archive, section_id: str) -> list[str]:
    """The preserved pages of a section, in the tree's order; [] for an unknown section."""
    for section in archive.sections:
        if section.id == section_id:
            return [entry.slug for entry in section.entries if entry.preserved]
    return []


def terms_used(archive: Archive, slugs: Iterable[str]) -> list[Term]:
    """The glossary terms that occur in these pages, A to Z."""
    bodies = [archive.pages[slug].body for slug in slugs if slug in archive.pages]
    return [term for term in archive.glossary.terms
            if any(archive.glossary.term_pattern(term).search(body) for body in bodies)]


def handout_name(archive: Archive, slug: str, section_id: str = "") -> tuple[str, str]:
    """(the handout's title, a file name for its PDF): the page's, or with section_id
    the section's, so that a section's handout is never named after one of its pages."""
    for section in archive.sections if section_id else ():
        if section.id == section_id:
            title = f"{archive.course.short_title}: {section.title}".lstrip(": ")
            return title, f"{slugify(title) or section_id}.pdf"
    return archive.title_of(slug), f"{slug}.pdf"


def sheet_number(number: int, count: int) -> str:
    """The footer's count of the sheets: 'page 2 of 5'."""
    return f"page {number} of {count}"


def handout_html(archive: Archive, slugs: list[str], *,
                 notes: Mapping[str, list[HandoutNote]] | None = None,
                 with_glossary: bool = False) -> str:
    """The whole handout as one HTML document, styled for paper."""
    renderer = Renderer(archive, links=HandoutLinks(archive))
    parts: list[str] = []
    heads: list[Part] = []
    for slug in slugs:
        page = archive.pages[slug]
        parts.append(_section(renderer.page_parts(page), len(heads)))
        heads.append(Part(page.title, source_line(page)))
        parts.append(_notes((notes or {}).get(slug) or []))
    if with_glossary:
        terms = terms_used(archive, slugs)
        if terms:
            used = "".join(entry_html(archive.glossary, term, renderer.definition_html,
                                      archive.title_of, [], renderer.links, heading="h3",
                                      related_href=anchor_href) for term in terms)
            title = "Glossary of the terms used"
            parts.append(_section(PageParts(title, project_provenance(), used), len(heads)))
            heads.append(Part(title, source_line(None)))
    title = archive.pages[slugs[0]].title if len(slugs) == 1 else archive.course.title
    return _printed(title, "".join(parts), RunningHeads(archive.course.title, tuple(heads)))


def glossary_handout_html(archive: Archive) -> str:
    """The whole glossary, A to Z, styled for paper (the tree's Glossary page, printed)."""
    parts = Renderer(archive, links=HandoutLinks(archive)).glossary_parts()
    return _printed("Glossary", _section(parts, 0),
                    RunningHeads(archive.course.title, (Part(parts.title, source_line(None)),)))


def running_heads(document: str) -> RunningHeads | None:
    """What a handout's sheets name in their header and footer; None for other HTML."""
    found = re.search(rf'<meta name="{_META}" content="([^"]*)">', document)
    if not found:
        return None
    try:
        data = json.loads(html.unescape(found.group(1)))
        return RunningHeads(str(data["course"]),
                            tuple(Part(str(p["title"]), str(p["source"])) for p in data["parts"]))
    except (ValueError, KeyError, TypeError):
        return None


def _section(parts: PageParts, number: int) -> str:
    """A page of the handout: each begins on a new sheet of paper, its title numbered so
    that the sheets it fills can be told."""
    kind = "page first" if number == 0 else "page"
    body = _ANCHORS.sub("", parts.body)
    return (f'<h1 class="{kind}" style="-qt-user-state: {number}">'
            f"{html.escape(parts.title)}</h1>{parts.provenance}{body}")


def _notes(notes: list[HandoutNote]) -> str:
    """The reader's notes on a page, a table row each, so that a note is never split."""
    if not notes:
        return ""
    rows = []
    for note in notes:
        quote = (f'<p class="note-quote">“{html.escape(note.quote)}”</p>'
                 if note.quote else "")
        text = html.escape(note.text).replace("\n", "<br>")
        rows.append(f'<tr><td class="note">{quote}<p class="note-text">{text}</p></td></tr>')
    return ('<h2>My notes</h2><table class="notes" width="100%" cellspacing="6" '
            f'cellpadding="8">{"".join(rows)}</table>')


def _printed(title: str, body: str, heads: RunningHeads) -> str:
    said = json.dumps({"course": heads.course,
                       "parts": [{"title": p.title, "source": p.source} for p in heads.parts]},
                      ensure_ascii=False)
    return (f'<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f'<meta name="{_META}" content="{html.escape(said)}">'
            f"<style>{PRINT_CSS}</style></head><body>{body}</body></html>")
