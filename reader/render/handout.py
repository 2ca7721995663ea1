"""Handouts: one page or a whole section laid out for print, with provenance, optional
notes and an optional glossary appendix of the terms those pages use."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.archive.archive import Archive
from reader.archive.glossary import Term
from reader.render.glossary_page import anchor_href, entry_html
from reader.render.page_style import THEMES, page_css
from reader.render.renderer import PageParts, Renderer
from reader.render.wording import project_provenance

PRINT_CSS = page_css(THEMES["light"]) + """
a, a.term, a.missing { color: #1c1c1c; text-decoration: none; }
h1.page { page-break-before: always; }
h1.first { page-break-before: auto; }
div.notes { margin-top: 12px; }
p.note-quote { font-style: italic; color: #5f6368; margin-bottom: 0px; }
p.note-text { margin-left: 16px; }
"""


@dataclass(frozen=True)
class HandoutNote:
    quote: str
    text: str


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


def handout_html(archive: Archive, slugs: list[str], *,
                 notes: Mapping[str, list[HandoutNote]] | None = None,
                 with_glossary: bool = False) -> str:
    """The whole handout as one HTML document, styled for paper."""
    renderer = Renderer(archive)
    parts: list[str] = []
    for number, slug in enumerate(slugs):
        parts.append(_section(renderer.page_parts(archive.pages[slug]), first=number == 0))
        page_notes = (notes or {}).get(slug) or []
        if page_notes:
            parts.append('<div class="notes"><h2>My notes</h2>')
            for note in page_notes:
                if note.quote:
                    parts.append(f'<p class="note-quote">“{html.escape(note.quote)}”</p>')
                text = html.escape(note.text).replace("\n", "<br>")
                parts.append(f'<p class="note-text">{text}</p>')
            parts.append("</div>")
    if with_glossary:
        terms = terms_used(archive, slugs)
        if terms:
            used = "".join(entry_html(archive.glossary, term, renderer.definition_html,
                                      archive.title_of, [], renderer.links, heading="h3",
                                      related_href=anchor_href) for term in terms)
            parts.append(_section(PageParts("Glossary of the terms used", project_provenance(),
                                            used), first=False))
    title = archive.pages[slugs[0]].title if len(slugs) == 1 else archive.course.title
    return _printed(title, "".join(parts))


def glossary_handout_html(archive: Archive) -> str:
    """The whole glossary, A to Z, styled for paper (the tree's Glossary page, printed)."""
    return _printed("Glossary", _section(Renderer(archive).glossary_parts(), first=True))


def _section(parts: PageParts, *, first: bool) -> str:
    """A page of the handout: each begins on a new sheet of paper."""
    return (f'<h1 class="{"page first" if first else "page"}">{html.escape(parts.title)}</h1>'
            f"{parts.provenance}{parts.body}")


def _printed(title: str, body: str) -> str:
    return (f'<html><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{PRINT_CSS}</style></head><body>{body}</body></html>")
