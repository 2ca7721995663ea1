"""The whole glossary as one printable A to Z page, with an anchor per term, and the entry
of one term as the page, the glossary pane and a handout's appendix show it."""

from __future__ import annotations

import html
from collections.abc import Callable

from reader.archive.glossary import Glossary, Term
from reader.common.words import fold
from reader.render.link_resolver import LinkResolver


def anchor_href(term: Term) -> str:
    """A link to the term's entry on the same page."""
    return f"#{term.anchor}"


def letter_anchor(letter: str) -> str:
    """The anchor of an initial's heading: 'letter-B', or for any initial but an ASCII letter
    or digit its code point ('letter-u003c' for <), which no address needs to escape."""
    return f"letter-{letter}" if letter.isascii() and letter.isalnum() \
        else f"letter-u{ord(letter):04x}"


def glossary_body(glossary: Glossary, definition_html: Callable[[str], str],
                  title_of: Callable[[str], str], pages_of: Callable[[Term], list[str]],
                  links: LinkResolver) -> str:
    """The glossary's entries under their initial letters, linked to each other and to pages.
    An initial is the glossary file's text (a term may begin with < or &), so it is escaped."""
    parts: list[str] = []
    letters: list[str] = []
    for term in glossary.terms:
        letter = fold(term.term)[:1].upper() or "#"
        if not letters or letters[-1] != letter:
            letters.append(letter)
            parts.append(f'<h2><a name="{letter_anchor(letter)}"></a>{html.escape(letter)}</h2>')
        parts.append(entry_html(glossary, term, definition_html, title_of, pages_of(term),
                                links, heading="h3", related_href=anchor_href))
    index = " · ".join(links.link(f"#{letter_anchor(letter)}", html.escape(letter))
                       for letter in letters)
    return f"<p>{index}</p>" + "".join(parts)


def entry_html(glossary: Glossary, term: Term, definition_html: Callable[[str], str],
               title_of: Callable[[str], str], pages: list[str], links: LinkResolver, *,
               heading: str, related_href: Callable[[Term], str]) -> str:
    """One entry: the term, its other names, definition, related terms and where it appears.

    related_href writes a related term's link as a page body would (anchor_href on a page
    of the whole glossary, term_href in the pane); links addresses it.
    """
    parts = [f'<{heading}><a name="{term.anchor}" id="{term.anchor}"></a>'
             f"{html.escape(term.term)}</{heading}>"]
    if term.aliases:
        parts.append(f'<p class="aliases">Also: {html.escape(", ".join(term.aliases))}</p>')
    parts.append(definition_html(term.definition))
    related = [glossary.find(name) for name in term.related]
    if any(related):
        named = ", ".join(links.link(related_href(t), html.escape(t.term)) for t in related if t)
        parts.append(f"<p><b>Related:</b> {named}</p>")
    if pages:
        named = ", ".join(links.page_link(slug, html.escape(title_of(slug))) for slug in pages)
        parts.append(f"<p><b>Appears in:</b> {named}</p>")
    return "".join(parts)
