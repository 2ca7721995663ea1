"""The copy's first page: the course, a search box, the notice about the successor course,
and the contents, section by section, with the pages not preserved in grey.

Without scripts the search form only reloads the index; search.js stops that and searches.
"""

from __future__ import annotations

from html import escape

from reader.archive.archive import Archive
from reader.archive.model import Course
from reader.common.words import counted
from reader.render.wording import (
    ADDRESSES_ONLINE,
    GLOSSARY_WHAT,
    RETIREMENT_WORDS,
    SUCCESSOR_HEADING,
    WRITTEN_FOR_ARCHIVE,
    notice_text,
    preserved_count,
    retirement_paragraphs,
    successor_addresses,
    successor_description,
)
from reader.site.names import ABOUT, GLOSSARY, INDEX
from reader.site.site_links import SiteLinks
from reader.site.templates import part


def index_main(archive: Archive, links: SiteLinks, unlisted: list[str]) -> str:
    """The index's main part; unlisted are the pages not preserved that no section lists."""
    course = archive.course
    sections = [part("section.html", id=f"section-{escape(section.id)}",
                     title=escape(section.title),
                     count=(preserved_count(section.preserved_count, len(section.entries))
                            if section.entries else "no pages listed"),
                     description=(f'<p class="description">{escape(section.description)}</p>'
                                  if section.description else ""),
                     entries=_entries(links, [(e.slug, e.title, e.preserved)
                                              for e in section.entries]))
                for section in archive.sections]
    if unlisted:
        sections.append(part("section.html", id="section-linked",
                             title="Other pages the archive links to",
                             count=f"{len(unlisted)} not preserved", description="",
                             entries=_entries(links, [(s, archive.title_of(s), False)
                                                      for s in unlisted])))
    publisher = f" of the {escape(course.publisher)}" if course.publisher else ""
    return part("index.html", title=escape(course.title), publisher=publisher, index=INDEX,
                notice=_notice(course, links), sections="\n".join(sections), glossary=GLOSSARY,
                glossary_what=GLOSSARY_WHAT[:1].upper() + GLOSSARY_WHAT[1:],
                terms=counted(len(archive.glossary), "term"),
                written=WRITTEN_FOR_ARCHIVE[:1].lower() + WRITTEN_FOR_ARCHIVE[1:], about=ABOUT)


def _entries(links: SiteLinks, entries: list[tuple[str, str, bool]]) -> str:
    if not entries:
        return ""
    items = []
    for slug, title, preserved in entries:
        link = links.page_link(slug, escape(title))
        items.append(f"<li>{link}</li>" if preserved else
                     f'<li class="missing">{link} <span class="label">not preserved</span></li>')
    return f'<ul class="pages">{"".join(items)}</ul>'


def _notice(course: Course, links: SiteLinks) -> str:
    """The notice about the successor course, as the window's Details say it."""
    successor = course.successor
    if not (course.retired or successor.title or successor.url):
        return ""
    description = f"<p>{successor_description(course)}</p>" if successor.title else ""
    items = "".join(f"<li>{escape(name)}: {links.link(url, escape(url))}</li>"
                    for name, url in successor_addresses(course))
    addresses = (f"<p>{ADDRESSES_ONLINE}</p>"
                 f'<ul class="addresses">{items}</ul>' if items else "")
    said = "".join(f"<p>{escape(p)}</p>" for p in retirement_paragraphs(course))
    retirement = (f"<details><summary>{RETIREMENT_WORDS}</summary><blockquote>{said}"
                  "</blockquote></details>" if said else "")
    return part("notice.html", heading=SUCCESSOR_HEADING, notice=notice_text(course),
                description=description, addresses=addresses, retirement=retirement)
