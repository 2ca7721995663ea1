"""Render pages to the HTML the page view shows: Markdown in, safe HTML out.

Raw HTML in page bodies is shown as text, links are sorted by what they may
do (see links.classify_href), and images load only from inside the content
folder; anything else shows its alternative text. Nothing here reaches the
network or reads outside the archive.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from pathlib import Path
from typing import Any

from reader.archive.archive import Archive
from reader.archive.glossary import GLOSSARY_SLUG, Term
from reader.archive.links import page_href
from reader.archive.model import Page
from reader.render.cache import RenderCache
from reader.render.term_links import term_href

NOT_PRESERVED = "Not preserved in this archive"



class Renderer:
    """Turns the archive's pages into HTML, keeping the most recent ones ready.

    Rendered pages are also kept on disk (see render_cache.py), so a page shown
    before is shown again without Markdown, even after a restart.
    """

    def __init__(self, archive: Archive, cache_size: int = 64,
                 disk_cache: Path | None = None) -> None:
        self.archive = archive
        self._disk = RenderCache.for_archive(archive, disk_cache)
        self._md: Any = None  # Python-Markdown instances, made when first needed
        self._definitions: Any = None
        self._cache: OrderedDict[str, str] = OrderedDict()
        self._cache_size = cache_size

    def drop_caches(self) -> None:
        """Forget every rendering, in memory and on disk use, so pages render anew."""
        self._cache.clear()
        self._disk = None

    def body_html(self, markdown_text: str) -> str:
        if self._md is None:
            from reader.render.pipeline import make_markdown

            self._md = make_markdown(self.archive, link_terms=True)
        self._md.reset()
        return self._md.convert(markdown_text)

    def definition_html(self, markdown_text: str) -> str:
        """A glossary definition (its terms are not linked: it is read in the glossary)."""
        if self._definitions is None:
            from reader.render.pipeline import make_markdown

            self._definitions = make_markdown(self.archive, link_terms=False)
        self._definitions.reset()
        return self._definitions.convert(markdown_text)

    def term_entry_html(self, term: Term) -> str:
        """A glossary entry for the glossary pane: related terms link as term: links."""
        from reader.render.glossary_page import entry_html

        entry = entry_html(self.archive.glossary, term, self.definition_html,
                           self.archive.title_of, self.archive.term_pages(term), heading="h2",
                           related_href=term_href)
        return f"<html><body>{entry}</body></html>"

    def html_for(self, slug: str) -> str:
        """The whole HTML document for a slug, preserved or not."""
        cached = self._cache.get(slug)
        if cached is not None:
            self._cache.move_to_end(slug)
            return cached
        result = self._disk.get(slug) if self._disk else None
        if result is None:
            page = self.archive.page(slug)
            if page:
                result = self._page(page)
            elif slug == GLOSSARY_SLUG and len(self.archive.glossary):
                result = self._glossary()
            else:
                result = self._not_preserved(slug)
            if self._disk:
                self._disk.put(slug, result)
        self._cache[slug] = result
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return result

    def _page(self, page: Page) -> str:
        return document(page.title, provenance_html(page), self.body_html(page.body))

    def _glossary(self) -> str:
        from reader.render.glossary_page import glossary_body

        body = glossary_body(self.archive.glossary, self.definition_html, self.archive.title_of,
                             self.archive.term_pages)
        provenance = ('<p class="provenance">Written for this archive by the OTPIC Reader '
                      "project: the course's terms, A to Z.</p>")
        return document("Glossary", provenance, body)

    def _not_preserved(self, slug: str) -> str:
        title = self.archive.title_of(slug)
        backlinks = self.archive.backlinks(slug)
        parts = [f'<p class="stub">The page <b>{html.escape(title)}</b> was part of the '
                 f"course, but this archive does not hold a copy of it. It is not preserved.</p>"]
        section = self.archive.section_of(slug)
        if section:
            parts.append(f"<p>The course listed it under {html.escape(section.title)}.</p>")
        if backlinks:
            parts.append("<h2>Pages that link to it</h2><ul>")
            for link in backlinks:
                said = (f"<br>It says: <i>{html.escape(link.description)}</i>"
                        if link.description else "")
                parts.append(f'<li><a href="{page_href(link.slug)}">{html.escape(link.title)}</a>'
                             f" links to it as “{html.escape(link.link_text)}”.{said}</li>")
            parts.append("</ul>")
        else:
            parts.append("<p>No preserved page links to it.</p>")
        provenance = '<p class="provenance">Written by OTPIC Reader: a page not preserved.</p>'
        return document(title, provenance, "".join(parts))


def provenance_html(page: Page) -> str:
    """Where the page came from, in one line under its title."""
    if not page.archived:
        return '<p class="provenance">Written for this archive by the OTPIC Reader project.</p>'
    bits = ["Archived copy"]
    if page.source_url:
        url = html.escape(page.source_url)
        bits.append(f'original address <a href="{url}">{url}</a>')
    else:
        bits.append("original address not known")
    if page.captured:
        bits.append(f"captured {html.escape(page.captured)}")
    bits.append(html.escape(page.rights) if page.rights else "no rights statement in the capture")
    return f'<p class="provenance">{" · ".join(bits)}</p>'


def document(title: str, provenance: str, body: str) -> str:
    """A whole HTML document with the title and provenance above the body.

    It carries no style: the page view applies the theme's (page_style.py).
    """
    return (f"<html><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"</head><body><h1>{html.escape(title)}</h1>"
            f"{provenance}{body}</body></html>")
