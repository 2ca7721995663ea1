"""Render pages to the HTML the page view shows: Markdown in, safe HTML out.

Raw HTML in page bodies is shown as text, links are sorted by what they may do
(archive/links.classify_href) and addressed by a link resolver (link_resolver.py),
and images load only from inside the content folder; anything else shows its
alternative text. Nothing here reaches the network or reads outside the archive.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from pathlib import Path
from typing import Any, NamedTuple

from reader.archive.archive import Archive
from reader.archive.course_order import neighbours
from reader.archive.glossary import GLOSSARY_SLUG, Term
from reader.archive.model import Page
from reader.render.cache import RenderCache
from reader.render.glossary_page import entry_html, glossary_body
from reader.render.link_resolver import LinkResolver
from reader.render.term_links import term_href
from reader.render.wording import (
    GLOSSARY_WHAT,
    NOT_PRESERVED,
    course_order_links,
    not_preserved_page,
    project_provenance,
    provenance_html,
    too_deep_html,
)

__all__ = ["NOT_PRESERVED", "PageParts", "Renderer"]  # NOT_PRESERVED: see wording.py


class PageParts(NamedTuple):
    """A rendered page as the reader, the handouts and the classroom copy arrange it.

    footer holds our links to the pages before and after it in the course, apart from the
    page's own words (which search and the handouts take without it)."""

    title: str
    provenance: str
    body: str
    footer: str = ""

    def main(self) -> str:
        """The title, the line saying where the page came from, the body and the footer."""
        return f"<h1>{html.escape(self.title)}</h1>{self.provenance}{self.body}{self.footer}"

    def document(self) -> str:
        """The whole HTML document. It carries no style: the page view applies the
        theme's (page_style.py)."""
        return (f'<html><head><meta charset="utf-8"><title>{html.escape(self.title)}</title>'
                f"</head><body>{self.main()}</body></html>")


class Renderer:
    """Turns the archive's pages into HTML, keeping the most recent ones ready.

    The reader's renderings are also kept on disk (see cache.py), so a page shown
    before is shown again without Markdown, even after a restart. A renderer given
    another link resolver (the classroom copy's) keeps nothing on disk.
    """

    def __init__(self, archive: Archive, cache_size: int = 64,
                 disk_cache: Path | None = None, links: LinkResolver | None = None) -> None:
        self.archive = archive
        self.links = links or LinkResolver(archive)
        self._disk = RenderCache.for_archive(archive, disk_cache) if links is None else None
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
            from reader.render import pipeline  # Python-Markdown: only once a page is rendered

            self._md = pipeline.make_markdown(self.archive, self.links, link_terms=True)
        try:
            self._md.reset()
            return self._md.convert(markdown_text)
        except RecursionError:
            self._md = None  # made anew for the next page: this one stopped halfway
            return too_deep_html(markdown_text)

    def definition_html(self, markdown_text: str) -> str:
        """A glossary definition (its terms are not linked: it is read in the glossary)."""
        if self._definitions is None:
            from reader.render import pipeline

            self._definitions = pipeline.make_markdown(self.archive, self.links,
                                                       link_terms=False)
        try:
            self._definitions.reset()
            return self._definitions.convert(markdown_text)
        except RecursionError:
            self._definitions = None
            return too_deep_html(markdown_text)

    def term_entry_html(self, term: Term) -> str:
        """A glossary entry for the glossary pane: related terms link as term: links."""
        entry = entry_html(self.archive.glossary, term, self.definition_html,
                           self.archive.title_of, self.archive.term_pages(term), self.links,
                           heading="h2", related_href=term_href)
        return f"<html><body>{entry}</body></html>"

    def html_for(self, slug: str) -> str:
        """The whole HTML document for a slug, preserved or not."""
        cached = self._cache.get(slug)
        if cached is not None:
            self._cache.move_to_end(slug)
            return cached
        result = self._disk.get(slug) if self._disk else None
        if result is None:
            result = self.parts(slug).document()
            if self._disk:
                self._disk.put(slug, result)
        self._cache[slug] = result
        if len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)
        return result

    def parts(self, slug: str) -> PageParts:
        """A page, the glossary, or what is known of a page not preserved, rendered anew."""
        page = self.archive.page(slug)
        if page:
            return self.page_parts(page)
        if slug == GLOSSARY_SLUG and len(self.archive.glossary):
            return self.glossary_parts()
        provenance, body = not_preserved_page(self.archive, slug, self.links.link)
        return PageParts(self.archive.title_of(slug), provenance, body, self.footer(slug))

    def page_parts(self, page: Page) -> PageParts:
        return PageParts(page.title, provenance_html(page, self.links.link),
                         self.body_html(page.body), self.footer(page.slug))

    def footer(self, slug: str) -> str:
        """Links to the pages before and after slug in the course, through the resolver,
        so they lead to the reader's pages or to the classroom copy's files."""
        return course_order_links(self.archive, *neighbours(self.archive, slug),
                                  self.links.link)

    def glossary_parts(self) -> PageParts:
        """The whole glossary, A to Z, as the tree's Glossary page shows it."""
        body = glossary_body(self.archive.glossary, self.definition_html, self.archive.title_of,
                             self.archive.term_pages, self.links)
        return PageParts("Glossary", project_provenance(GLOSSARY_WHAT), body)

