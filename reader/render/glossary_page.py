"""The whole glossary as one printable A to Z page, with an anchor per term."""

from __future__ import annotations

import html
from collections.abc import Callable

from reader.archive.glossary import Glossary, Term
from reader.archive.links import page_href
from reader.common.words import fold


def glossary_body(glossary: Glossary, definition_html: Callable[[str], str],
                  title_of: Callable[[str], str],
                  pages_of: Callable[[Term], list[str]]) -> str:
    """The glossary's entries under their initial letters, linked to each other and to pages."""
    parts: list[str] = []
    letters: list[str] = []
    for term in glossary.terms:
        letter = fold(term.term)[:1].upper()
        if not letters or letters[-1] != letter:
            letters.append(letter)
            parts.append(f'<h2><a name="letter-{letter}"></a>{html.escape(letter)}</h2>')
        parts.append(entry_html(glossary, term, definition_html, title_of, pages_of(term),
                                heading="h3", related_href=lambda t: f"#{t.anchor}"))
    index = " · ".join(f'<a href="#letter-{letter}">{letter}</a>' for letter in letters)
    return f"<p>{index}</p>" + "".join(parts)


def entry_html(glossary: Glossary, term: Term, definition_html: Callable[[str], str],
               title_of: Callable[[str], str], pages: list[str], *, heading: str,
               related_href: Callable[[Term], str]) -> str:
    """One entry: the term, its other names, definition, related terms and where it appears."""
    parts = [f'<{heading}><a name="{term.anchor}" id="{term.anchor}"></a>'
             f"{html.escape(term.term)}</{heading}>"]
    if term.aliases:
        parts.append(f'<p class="aliases">Also: {html.escape(", ".join(term.aliases))}</p>')
    parts.append(definition_html(term.definition))
    related = [glossary.find(name) for name in term.related]
    if any(related):
        links = ", ".join(f'<a href="{related_href(t)}">{html.escape(t.term)}</a>'
                          for t in related if t)
        parts.append(f"<p><b>Related:</b> {links}</p>")
    if pages:
        links = ", ".join(f'<a href="{page_href(slug)}">{html.escape(title_of(slug))}</a>'
                          for slug in pages)
        parts.append(f"<p><b>Appears in:</b> {links}</p>")
    return "".join(parts)
