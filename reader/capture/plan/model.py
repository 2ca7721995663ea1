"""The plan's plain data: the captures of one page and the page they make, the pages that
links name but no capture gives, and the plan as a whole."""

from __future__ import annotations

from dataclasses import dataclass, field

from reader.archive.glossary import GLOSSARY_SLUG
from reader.archive.links import extract_links
from reader.capture import addresses
from reader.capture.candidates import Candidate
from reader.capture.held import Held, HeldPage
from reader.common.slugs import SLUG_RE

MAX_SLUG = 80  # file names stay short on every file system
RESERVED = frozenset({GLOSSARY_SLUG})  # the reader makes the glossary page itself
LIST_LINKS = 3  # a page of the site's top folder with this many links is one of its lists


@dataclass
class Group:
    """The captures of one page, and the page they make."""

    identity: str
    candidates: list[Candidate]
    held: HeldPage | None = None
    best: Candidate | None = None
    slug: str = ""
    title: str = ""
    section: str = ""
    source_url: str = ""
    text: str = ""
    capture_file: str = ""
    targets: list[str] = field(default_factory=list)  # the slugs its links lead to, in order

    @property
    def keys(self) -> set[str]:
        found = set().union(*(candidate.keys for candidate in self.candidates))
        if self.held is not None and self.held.key:
            found.add(self.held.key)
        return found

    @property
    def status(self) -> str:
        if self.held is None:
            return "new"
        return "unchanged" if self.held.raw == self.text.encode("utf-8") else "updated"

    @property
    def is_list(self) -> bool:
        """One of the site's list pages: in its top folder, and mostly links."""
        return (addresses.is_top_level(self.source_url) and len(self.targets) >= LIST_LINKS)


@dataclass
class Stub:
    """A page that links name but the archive does not hold: one per address."""

    slug: str
    title: str
    section: str
    source_url: str = ""
    texts: list[str] = field(default_factory=list)


@dataclass
class Plan:
    groups: list[Group]
    stubs: dict[str, Stub]
    captures: dict[str, bytes]  # captures/<name> to write -> its bytes
    held: Held


def list_targets(page: HeldPage) -> list[str]:
    """The slugs a held page links to, in order (for the site's list pages)."""
    return [link.target[:-3].split("#")[0] for link in extract_links(page.body)
            if link.target.endswith(".md") and SLUG_RE.match(link.target[:-3])]
