"""Handouts: one page or a whole section laid out for print, with provenance, optional
notes and an optional glossary appendix of the terms those pages use."""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.archive.archive import Archive
from reader.archive.glossary import Term
from reader.render.glossary_page import entry_html
from reader.render.page_style import THEMES, page_css
from reader.render.renderer import Renderer, provenance_html

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
        page = archive.pages[slug]
        css_class = "page first" if number == 0 else "page"
        parts.append(f'<h1 class="{css_class}">{html.escape(page.title)}</h1>')
        parts.append(provenance_html(page))
        parts.append(renderer.body_html(page.body))
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
            parts.append('<h1 class="page">Glossary of the terms used</h1>')
            parts.append('<p class="provenance">Written for this archive by the OTPIC Reader '
                         "project.</p>")
            for term in terms:
                parts.append(entry_html(archive.glossary, term, renderer.definition_html,
                                        archive.title_of, [], heading="h3",
                                        related_href=lambda t: f"#{t.anchor}"))
    title = html.escape(archive.pages[slugs[0]].title if len(slugs) == 1 else
                        archive.course.title)
    return (f'<html><head><meta charset="utf-8"><title>{title}</title>'
            f"<style>{PRINT_CSS}</style></head><body>{''.join(parts)}</body></html>")


def glossary_handout_html(archive: Archive) -> str:
    """The whole glossary, A to Z, styled for paper (the tree's Glossary page, printed)."""
    from reader.render.glossary_page import glossary_body

    renderer = Renderer(archive)
    body = glossary_body(archive.glossary, renderer.definition_html, archive.title_of,
                         archive.term_pages)
    return (f'<html><head><meta charset="utf-8"><title>Glossary</title>'
            f"<style>{PRINT_CSS}</style></head><body>"
            f'<h1 class="page first">Glossary</h1><p class="provenance">Written for this '
            f"archive by the OTPIC Reader project: the course's terms, A to Z.</p>"
            f"{body}</body></html>")
