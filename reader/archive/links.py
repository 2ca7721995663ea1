"""Links between pages: the links a page body holds, and where a link leads."""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from reader.archive.model import Link
from reader.common.slugs import SLUG_RE

EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
TERM_SCHEME = "term"  # our own links to glossary entries: term:<slug>

_INLINE_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(\s*<?([^)\s>]+)>?\s*\)")
_LIST_ITEM = re.compile(r"^[-*+] +")
_ESCAPED = re.compile(r"\\(.)")


def page_href(slug: str) -> str:
    """The relative link to a page file, as page bodies write it."""
    return f"{slug}.md"


def extract_links(body: str) -> list[Link]:
    """Every inline link of a Markdown body, with the description under list items.

    A description is the indented paragraph that follows a list item made of
    one link, which is how the course's "Links to ..." lists are written.
    """
    links: list[Link] = []
    lines = body.splitlines()
    for number, line in enumerate(lines):
        for match in _INLINE_LINK.finditer(line):
            text = _ESCAPED.sub(r"\1", match.group(1))
            description = ""
            if _LIST_ITEM.match(line) and line.rstrip().endswith(")"):
                description = _item_description(lines, number + 1)
            links.append(Link(text=text, target=match.group(2), description=description))
    return links


def _item_description(lines: list[str], start: int) -> str:
    collected: list[str] = []
    for line in lines[start:]:
        if not line.strip():
            if collected:
                break
            continue
        if not line.startswith("    "):
            break
        collected.append(line.strip())
    return _ESCAPED.sub(r"\1", " ".join(collected))


class LinkTarget(NamedTuple):
    """Where a link leads: kind is page, anchor, term, external or blocked."""

    kind: str
    value: str
    fragment: str = ""


def is_outside_address(url: str) -> bool:
    """True for the only addresses the reader may hand to the desktop: http and https with
    a host, and mailto. Content (pages, the glossary, course.yaml) comes from files, so
    every other scheme (file:, javascript:, smb:, ...) is refused wherever a link opens."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:  # e.g. an unclosed [ in the host
        return False
    scheme = parts.scheme.lower()
    return scheme in EXTERNAL_SCHEMES and (bool(parts.netloc) or scheme == "mailto")


def classify_href(href: str) -> LinkTarget:
    """Decide what a link in a page may do; anything unknown is blocked.

    Page links are relative links to `<slug>.md` in the same folder; glossary
    entries are `term:<slug>`; http,
    https and mailto are external (the user must confirm); every other scheme
    and any path that leaves the pages folder does nothing.
    """
    href = href.strip()
    if not href:
        return LinkTarget("blocked", href)
    if href.startswith("#"):
        return LinkTarget("anchor", unquote(href[1:]))
    try:
        parts = urlsplit(href)
    except ValueError:  # e.g. an unclosed [ in the host: no link anyone can follow
        return LinkTarget("blocked", href)
    if parts.scheme:
        if parts.scheme.lower() == TERM_SCHEME and SLUG_RE.match(parts.path):
            return LinkTarget("term", parts.path)
        if is_outside_address(href):
            return LinkTarget("external", href)
        return LinkTarget("blocked", href)
    if parts.netloc:
        return LinkTarget("blocked", href)
    path = unquote(parts.path)
    if path.startswith("./"):
        path = path[2:]
    if path.endswith(".md") and SLUG_RE.match(path[:-3]):
        return LinkTarget("page", path[:-3], unquote(parts.fragment))
    return LinkTarget("blocked", href)
