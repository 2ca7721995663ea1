"""Every sentence the program says about the archive: the course's retirement and its
successor, where a page came from, what is not preserved, how to cite a page, and which
pages come before and after it in the course.

Written once here, so that the window, the dialogs, the handouts and the classroom copy say
the same thing in the same words. Functions that return markup escape what they insert.

The successor notice loads this module before the window's first paint, so it imports
nothing at its top: html (with its entity table) and the course's date format (which loads
YAML with the course reader) are imported when a sentence that needs them is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.archive.archive import Archive
    from reader.archive.model import Course, Page

NOT_PRESERVED = "Not preserved in this archive"
NOT_PRESERVED_TIP = f"{NOT_PRESERVED}: opening it shows what is known of it."
THIS_PAGE_NOT_PRESERVED = "This page is not preserved in this archive."
WRITTEN_FOR_ARCHIVE = "Written for this archive by the OTPIC Reader project"
ARCHIVED_PAGE = "Archived copy of a page of the course"
NO_RIGHTS = "no rights statement in the capture"
GLOSSARY_WHAT = "the course's terms, A to Z"
RETIREMENT_WORDS = "The course's own words, from its retirement banner"
SUCCESSOR_HEADING = "Where the course lives on"
ADDRESSES_ONLINE = "They are on the web and need an internet connection:"

Anchor = Callable[[str, str], str]  # (href, inner markup) -> <a>: see LinkResolver.link


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


# --- what is preserved ------------------------------------------------------------------------


def not_preserved_title(title: str) -> str:
    """The tooltip of a link to a page not preserved (and the status bar's words for it)."""
    return f"{NOT_PRESERVED}: {title}"


def preserved_count(preserved: int, total: int) -> str:
    """'3 of 12 pages preserved', for a section of the contents."""
    from reader.common.words import counted

    return f"{preserved} of {counted(total, 'page')} preserved"


# --- where a page came from -------------------------------------------------------------------


def project_provenance(what: str = "") -> str:
    """The line under the title of a page this project wrote, saying so (and what it is,
    in markup: GLOSSARY_WHAT, say)."""
    said = f"{WRITTEN_FOR_ARCHIVE}: {what}." if what else f"{WRITTEN_FOR_ARCHIVE}."
    return f'<p class="provenance">{said}</p>'


def address_html(address: str, inner: str, anchor: Anchor) -> str:
    """An address that content gives (front matter, course.yaml) as a link when the reader
    may open it (http, https, mailto: archive/links.is_outside_address), else inner, as
    text: in the window, the handouts and the classroom copy alike."""
    from reader.archive.links import is_outside_address

    return anchor(address, inner) if is_outside_address(address) else inner


def provenance_html(page: Page, anchor: Anchor) -> str:
    """Where the page came from, in one line under its title."""
    if not page.archived:
        return project_provenance()
    bits = ["Archived copy"]
    if page.source_url:
        url = _escape(page.source_url)
        bits.append(f"original address {address_html(page.source_url, url, anchor)}")
    else:
        bits.append("original address not known")
    if page.captured:
        bits.append(f"captured {_escape(page.captured)}")
    bits.append(_escape(page.rights) if page.rights else NO_RIGHTS)
    return f'<p class="provenance">{" · ".join(bits)}</p>'


def source_line(page: Page | None) -> str:
    """Where a page came from in a few words, as plain text: a handout's footer."""
    if page is None or not page.archived:
        return f"{WRITTEN_FOR_ARCHIVE}."
    return page.source_url or "Archived copy; original address not known."


def page_facts(page: Page) -> list[tuple[str, str]]:
    """The Page info dialog's rows about where a page came from, as plain text."""
    return [("Kind:", ARCHIVED_PAGE if page.archived else WRITTEN_FOR_ARCHIVE),
            ("Original address:", page.source_url or "not known"),
            ("Captured:", page.captured or "date not recorded"),
            ("Rights:", page.rights or NO_RIGHTS)]


def cite_text(page: Page, course: Course) -> str:
    """The "Cite this page" text: who published it, its title, where it was, and that
    this is an archived copy (with the capture's date only when it is known)."""
    title = page.title.rstrip(".")
    if not page.archived:
        return (f"OTPIC Reader project. “{title}.” Written for the OTPIC Reader archive of "
                f"the {course.title} ({course.short_title}).")
    in_course = not page.source_url or _under(page.source_url, course.original_address)
    if in_course:
        parts = [f"{course.publisher}." if course.publisher else "",
                 f"“{title}.”", f"{course.title} ({course.short_title})."]
    else:
        parts = [f"“{title}.”", f"{_host(page.source_url)}."]
    parts.append(f"Original address: {page.source_url}." if page.source_url
                 else "Original address not known.")
    date = f"captured {page.captured}" if page.captured else "date of capture not known"
    parts.append(f"Archived copy, {date}" + ("." if in_course else
                                             f", kept in the {course.short_title} archive."))
    return " ".join(part for part in parts if part)


def _host(address: str) -> str:
    from urllib.parse import urlsplit

    try:
        return urlsplit(address).netloc or address
    except ValueError:  # e.g. a broken IPv6 host
        return address


def _under(url: str, base: str) -> bool:
    """True when the address lies within the course's own site (either scheme)."""
    from urllib.parse import urlsplit

    def bare(address: str) -> str:
        try:
            parts = urlsplit(address)
        except ValueError:
            return address
        return f"{parts.netloc.lower()}{parts.path}"
    return bool(base) and bare(url).startswith(bare(base))


# --- the course in order ----------------------------------------------------------------------


def course_order_links(archive: Archive, before: str | None, after: str | None,
                       anchor: Anchor) -> str:
    """The line at a page's foot leading to the pages before and after it in the course,
    or '' when it has neither."""
    from reader.archive.links import page_href

    e = _escape
    links = []
    if before:
        links.append(anchor(page_href(before), f"← Previous: {e(archive.title_of(before))}"))
    if after:
        links.append(anchor(page_href(after), f"Next: {e(archive.title_of(after))} →"))
    return f'<p class="course-order">{" · ".join(links)}</p>' if links else ""


# --- a page not preserved ---------------------------------------------------------------------


def not_preserved_page(archive: Archive, slug: str, anchor: Anchor) -> tuple[str, str]:
    """The provenance line and the body of the page shown for a page not preserved: what
    the course called it, where it listed it, and which preserved pages link to it."""
    e = _escape
    parts = [f'<p class="stub">The page <b>{e(archive.title_of(slug))}</b> was part of the '
             f"course, but this archive does not hold a copy of it. It is not preserved.</p>"]
    section = archive.section_of(slug)
    if section:
        parts.append(f"<p>The course listed it under {e(section.title)}.</p>")
    backlinks = archive.backlinks(slug)
    if backlinks:
        from reader.archive.links import page_href

        parts.append("<h2>Pages that link to it</h2><ul>")
        for link in backlinks:
            said = f"<br>It says: <i>{e(link.description)}</i>" if link.description else ""
            parts.append(f"<li>{anchor(page_href(link.slug), e(link.title))}"
                         f" links to it as “{e(link.link_text)}”.{said}</li>")
        parts.append("</ul>")
    else:
        parts.append("<p>No preserved page links to it.</p>")
    provenance = '<p class="provenance">Written by OTPIC Reader: a page not preserved.</p>'
    return provenance, "".join(parts)


# --- a page too deeply nested to lay out -----------------------------------------------------


def too_deep_html(markdown_text: str) -> str:
    """A page body (or a definition) whose markup nests deeper than Python-Markdown can
    follow, though its lists and quotes are bounded (nesting.py): emphasis inside emphasis
    500 times, say. Its words as plain paragraphs, after a line saying why."""
    e = _escape
    paragraphs = "".join(f"<p>{e(p.strip())}</p>" for p in markdown_text.split("\n\n")
                         if p.strip())
    return ('<p class="stub">Its markup nests too deeply to be laid out, so its words are '
            f"shown as plain text.</p>{paragraphs}")


# --- the course's retirement and its successor ------------------------------------------------


def retired_sentence(course: Course) -> str:
    """'OTPIC was retired on December 2, 2005.', or '' when the course gives no date."""
    if not course.retired:
        return ""
    from reader.archive.course import long_date

    return f"{_escape(course.short_title)} was retired on {_escape(long_date(course.retired))}."


def successor_sentence(course: Course, name: str | None = None,
                       around: str | None = None) -> str:
    """'Its successor is DCIC, built around Beyond Intractability.', or '' with no successor.

    name and around are markup for the two (links, in the classroom copy); by default the
    successor's title in bold with its short title, and the project's name.
    """
    successor = course.successor
    if name is None:
        if not successor.title:
            return ""
        short = f" ({_escape(successor.short_title)})" if successor.short_title else ""
        name = f"<b>{_escape(successor.title)}</b>{short}"
    if around is None and successor.built_around:
        around = _escape(successor.built_around)
    return f"Its successor is {name}{f', built around {around}' if around else ''}."


def notice_text(course: Course) -> str:
    """The notice about the successor: the window's bar, the first words of its details."""
    return " ".join(s for s in (retired_sentence(course), successor_sentence(course)) if s)


def successor_description(course: Course) -> str:
    """'<b>Dealing Constructively …</b>: An Online Course from Beyond Intractability.'"""
    successor = course.successor
    what = f": {_escape(successor.description)}" if successor.description else ""
    return f"<b>{_escape(successor.title)}</b>{what}."


def successor_addresses(course: Course) -> list[tuple[str, str]]:
    """The successor's and its project's web addresses, each with a short name for it: only
    those the reader may open (see address_html), so that none is offered as a link."""
    from reader.archive.links import is_outside_address

    successor = course.successor
    named = [(successor.short_title or successor.title, successor.url),
             (successor.built_around, successor.built_around_url)]
    return [(name, url) for name, url in named if is_outside_address(url)]


def retirement_paragraphs(course: Course) -> list[str]:
    """The course's own retirement banner, word for word, a paragraph each (plain text)."""
    return [p.strip() for p in course.retirement_notice.split("\n\n") if p.strip()]
