"""The archive's plain data: the course, its sections and its pages.

Records that need no dataclass features are NamedTuples: a start makes each class of
this module before its first paint, and a frozen dataclass costs about a millisecond to
make, a NamedTuple a fifth of that.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True)
class Successor:
    """The course that replaced OTPIC, and the project it is built around."""

    title: str
    short_title: str
    description: str
    url: str
    built_around: str
    built_around_url: str


@dataclass(frozen=True)
class Course:
    """What course.yaml says about the course as a whole."""

    title: str
    short_title: str
    publisher: str
    original_address: str
    retired: str
    retirement_notice: str
    home: str
    successor: Successor


@dataclass(frozen=True)
class Page:
    """One preserved page: its front matter, and its Markdown body read when first needed.

    Opening a large archive reads only the front matter (or a cache of it);
    `body` comes from `text` when the page was built in memory, else from `path`.
    """

    slug: str
    title: str
    text: str | None = field(default=None, repr=False, compare=False)
    path: Path | str | None = field(default=None, compare=False)
    section: str = ""
    source_url: str = ""
    captured: str = ""
    rights: str = ""
    summary: str = ""
    capture_file: str = ""
    capture_sha256: str = ""
    # every capture the page was made from: (file, sha256, captured, copy_url, from)
    captures: tuple[tuple[str, str, str, str, str], ...] = ()

    @cached_property
    def body(self) -> str:
        if self.text is not None:
            return self.text
        if self.path is None:
            return ""
        from reader.archive.frontmatter import FrontMatterError, split_front_matter

        try:
            with open(self.path, "rb") as file:
                return split_front_matter(file.read().decode("utf-8"))[1]
        except (OSError, UnicodeDecodeError, FrontMatterError):
            return ""  # changed on disk since the archive was opened; reopening reports it

    @property
    def archived(self) -> bool:
        """True for a copy of an original course page, False for pages we wrote."""
        return bool(self.source_url or self.capture_file)


class Entry(NamedTuple):
    """A line of the navigation tree: a page, preserved or not (a tuple: 10,000 are cheap)."""

    slug: str
    title: str
    preserved: bool


@dataclass
class Section:
    """A section of the course and its entries, in the order course.yaml gives."""

    id: str
    title: str
    description: str = ""
    entries: list[Entry] = field(default_factory=list)

    @property
    def preserved_count(self) -> int:
        return sum(1 for entry in self.entries if entry.preserved)


class Link(NamedTuple):
    """A link found in a page body, with the description the page gave it."""

    text: str
    target: str
    description: str = ""


class Backlink(NamedTuple):
    """A page that links to a given slug, and what it said about it."""

    slug: str
    title: str
    link_text: str
    description: str
