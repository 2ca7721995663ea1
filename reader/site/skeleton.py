"""The frame of every page of the classroom copy (templates/page.html): the head, the copy's
own navigation with a line about the successor course, and the footer."""

from __future__ import annotations

from html import escape

from reader.archive.model import Course
from reader.render.link_resolver import LinkResolver
from reader.render.wording import address_html, retired_sentence, successor_sentence
from reader.site.names import ABOUT, GENERATOR, GLOSSARY, INDEX, SEARCH_INDEX, SEARCH_SCRIPT, STYLE
from reader.site.templates import fill


def page(course: Course, links: LinkResolver, date: str, title: str, main: str, *,
         index: bool = False) -> str:
    """A whole page of the copy; the index carries the search (and the full notice instead
    of the line about the successor)."""
    short = course.short_title
    head_title = title if title == course.title else f"{title} · {short} archive"
    scripts = (fill("search-scripts.html", search_index=SEARCH_INDEX,
                    search_script=SEARCH_SCRIPT) if index else "")
    return fill("page.html", generator=GENERATOR, title=escape(head_title), style=STYLE,
                index=INDEX, short=escape(short), glossary=GLOSSARY, about=ABOUT,
                successor="" if index else successor_line(course, links), main=main,
                date=date, scripts=scripts)


def successor_line(course: Course, links: LinkResolver) -> str:
    """The notice in one line, under each page's navigation, with the addresses as links."""
    successor = course.successor
    sentences = [retired_sentence(course)]
    name = successor.short_title or successor.title
    if name:
        def titled(href: str, inner: str) -> str:
            return links.link(href, inner, successor.title)

        named = address_html(successor.url, escape(name), titled)
        around = None
        if successor.built_around:
            around = address_html(successor.built_around_url, escape(successor.built_around),
                                  links.link)
        sentences.append(successor_sentence(course, named, around))
    said = " ".join(s for s in sentences if s)
    return f'<p class="successor">{said}</p>' if said else ""
