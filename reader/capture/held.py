"""What an archive already holds, as an import needs to know it: its pages by slug and by
original address, the captures it keeps, and course.yaml's entries with their addresses."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from reader.archive.course import text
from reader.archive.frontmatter import FrontMatterError, split_front_matter
from reader.archive.page_file import CAPTURE_KEYS, FIELDS
from reader.archive.yaml_io import YAMLError, load_yaml
from reader.capture import addresses
from reader.common.slugs import SLUG_RE


@dataclass
class HeldPage:
    """A page file of the archive, as its front matter describes it."""

    slug: str
    raw: bytes
    meta: dict[str, Any] = field(default_factory=dict)
    readable: bool = True

    def field(self, name: str) -> str:
        return text(self.meta.get(name))

    @property
    def title(self) -> str:
        return self.field("title")

    @property
    def archived(self) -> bool:
        """Made from a capture: a page we wrote ourselves is never replaced."""
        return self.readable and bool(self.field("capture_file"))

    @property
    def key(self) -> str:
        return addresses.key(self.field("source_url"))

    def captures(self) -> list[dict[str, str]]:
        """Every capture the page records: its `captures` list, else its one capture."""
        listed = self.meta.get("captures")
        found: list[dict[str, str]] = []
        if isinstance(listed, list):
            for entry in listed:
                if isinstance(entry, dict) and text(entry.get("file")):
                    found.append({name: text(value) for name, value in entry.items()
                                  if text(value)})
        if not found and self.field("capture_file"):
            found.append({"file": self.field("capture_file"),
                          "sha256": self.field("capture_sha256"),
                          "captured": self.field("captured")})
        return [{name: value for name, value in entry.items() if value} for entry in found]

    @cached_property
    def body(self) -> str:
        try:
            return split_front_matter(self.raw.decode("utf-8"))[1]
        except (UnicodeDecodeError, FrontMatterError):
            return ""


@dataclass(frozen=True)
class Entry:
    """A page course.yaml lists: where, under what title, from what address."""

    slug: str
    title: str
    section: str
    source_url: str = ""


@dataclass
class Held:
    """The archive's state before the import."""

    root: Path
    pages: dict[str, HeldPage]
    course_text: str
    course: dict[str, Any]
    capture_names: dict[str, bool]  # below captures/, lower-cased (some file systems ignore
    # case): True for a file, False for a folder

    @cached_property
    def entries(self) -> dict[str, Entry]:
        """Each listed slug's first entry."""
        found: dict[str, Entry] = {}
        for section in self.course.get("sections") or []:
            if not isinstance(section, dict):
                continue
            for raw in section.get("pages") or []:
                slug, title, address = ((text(raw.get("slug")), text(raw.get("title")),
                                         text(raw.get("source_url")))
                                        if isinstance(raw, dict) else (text(raw), "", ""))
                if SLUG_RE.match(slug) and slug not in found:
                    found[slug] = Entry(slug, title, text(section.get("id")), address)
        return found

    @cached_property
    def by_key(self) -> dict[str, str]:
        """Original address key -> slug: pages first, then entries not preserved."""
        found: dict[str, str] = {}
        for slug, page in self.pages.items():
            if page.key:
                found.setdefault(page.key, slug)
        for slug, entry in self.entries.items():
            entry_key = addresses.key(entry.source_url)
            if entry_key and slug not in self.pages:
                found.setdefault(entry_key, slug)
        return found

    @cached_property
    def by_sha(self) -> dict[str, tuple[str, str]]:
        """Capture SHA-256 -> (capture file, slug of the page made from it)."""
        found: dict[str, tuple[str, str]] = {}
        for slug, page in self.pages.items():
            for entry in page.captures():
                if entry.get("sha256"):
                    found.setdefault(entry["sha256"].lower(), (entry["file"], slug))
        return found


def read_held(root: Path) -> Held:
    """Read the archive's pages' front matter (through the reader's own cache of it, so a
    large archive is not parsed again), course.yaml and the names in captures/."""
    from reader.archive.frontmatter_cache import FrontMatterCache

    course_text = (root / "course.yaml").read_bytes().decode("utf-8")
    try:
        course = load_yaml(course_text)
    except YAMLError:
        course = None
    cache = FrontMatterCache(root, None)
    found, problems = cache.pages(root / "pages")
    cache.save()
    pages: dict[str, HeldPage] = {}
    for slug in found:
        page = found[slug]
        meta: dict[str, Any] = {name: getattr(page, name) for name in FIELDS}
        meta["title"] = page.title
        meta["captures"] = [dict(zip(CAPTURE_KEYS, entry, strict=True))
                            for entry in page.captures]
        pages[slug] = HeldPage(slug, (root / "pages" / f"{slug}.md").read_bytes(), meta)
    for problem in problems:
        slug = problem.path.stem
        if SLUG_RE.match(slug):
            pages[slug] = HeldPage(slug, problem.path.read_bytes(), readable=False)
    return Held(root, dict(sorted(pages.items())), course_text,
                course if isinstance(course, dict) else {}, _capture_names(root / "captures"))


def _held_page(slug: str, raw: bytes) -> HeldPage:
    try:
        meta, _body = split_front_matter(raw.decode("utf-8"))
    except (UnicodeDecodeError, FrontMatterError):
        return HeldPage(slug, raw, readable=False)
    return HeldPage(slug, raw, meta, readable=bool(text(meta.get("title"))))


def _capture_names(folder: Path) -> dict[str, bool]:
    names: dict[str, bool] = {}
    for base, dirnames, filenames in os.walk(folder):
        relative = Path(base).relative_to(folder).as_posix()
        prefix = "" if relative == "." else relative + "/"
        names.update((f"{prefix}{name}".lower(), True) for name in filenames)
        names.update((f"{prefix}{name}".lower(), False) for name in dirnames)
    return names


def held_from_files(root: Path, files: dict[str, bytes]) -> Held:
    """The state of an archive that exists only as files in memory (a new one)."""
    course_text = files["course.yaml"].decode("utf-8")
    course = load_yaml(course_text)
    pages = {name[len("pages/"):-3]: _held_page(name[len("pages/"):-3], raw)
             for name, raw in sorted(files.items())
             if name.startswith("pages/") and name.endswith(".md") and name.count("/") == 1}
    return Held(root, pages, course_text, course if isinstance(course, dict) else {}, {})
