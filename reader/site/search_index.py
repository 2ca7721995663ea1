"""The copy's search index (search-index.js): the words of every page, glossary term and
page not preserved, in their order (so that search.js finds phrases), folded as search.js
folds a query, loaded as a script because a page opened from file:// may not fetch JSON."""

from __future__ import annotations

import json
import re

from reader.archive.archive import Archive
from reader.common.words import fold
from reader.render.html_text import html_to_text
from reader.render.renderer import Renderer
from reader.site.names import SEARCH_GLOBAL, SEARCH_SCRIPT, page_file
from reader.site.site_links import SiteLinks
from reader.site.templates import fill


def search_words(text: str) -> list[str]:
    """The words of a text as search.js folds a query (words.fold)."""
    return re.findall(r"[^\W_]+", fold(text))


def search_index_js(archive: Archive, renderer: Renderer, links: SiteLinks,
                    texts: dict[str, str], stubs: list[str]) -> str:
    """One line per page, glossary term and page not preserved; texts: slug -> page text."""
    docs = []
    for section in archive.sections:
        for entry in section.entries:
            if entry.preserved:
                docs.append(_doc(page_file(entry.slug), entry.title, section.title, "page",
                                 texts.get(entry.slug, entry.title)))
    for term in archive.glossary.terms:
        text = " ".join([term.term, *term.aliases,
                         html_to_text(renderer.definition_html(term.definition))])
        docs.append(_doc(links.term_file(term), term.term, "Glossary", "term", text))
    for slug in stubs:
        section = archive.section_of(slug)
        where = f"not preserved · {section.title}" if section else "not preserved"
        title = archive.title_of(slug)
        docs.append(_doc(page_file(slug), title, where, "missing", title))
    lines = ",\n".join(json.dumps(doc, ensure_ascii=True, separators=(",", ":"))
                       for doc in docs)
    return fill("search-index.js", search_script=SEARCH_SCRIPT, search_global=SEARCH_GLOBAL,
                docs=lines)


def _doc(url: str, title: str, where: str, kind: str, text: str) -> dict[str, str]:
    return {"url": url, "title": title, "where": where, "kind": kind,
            "text": " ".join(search_words(text))}
