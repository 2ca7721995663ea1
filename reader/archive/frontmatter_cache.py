"""The course outline and every page's front matter, remembered between starts.

Reading and parsing 10,000 page files (and a course.yaml that lists them all)
takes seconds; looking at their sizes and modification times takes
milliseconds. So what the tree and the page headers need is kept in a cache
file, and only files that changed since are read again. A cache that cannot
be read or written is simply not used.
"""

from __future__ import annotations

import marshal
import os
import sys
from collections.abc import Iterator, Mapping
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from reader.archive.content_files import content_key, stamp_of
from reader.archive.course import SectionSpec, load_course
from reader.archive.errors import Problem
from reader.archive.glossary import Glossary, read_entries
from reader.archive.model import Course, Page, Successor
from reader.archive.page_file import PageError, read_page
from reader.common.digest import cache_key
from reader.common.files import cache_dir as user_cache_dir
from reader.common.kept import keep, read_kept

# marshal: fast, and it can only hold plain values (no code runs when it is read); its
# format belongs to the Python version, which is part of the cache's version.
CACHE_VERSION = (6, *sys.version_info[:2])  # 6: course.yaml checked against its schema
META_FIELDS = tuple(f.name for f in fields(Page) if f.name not in ("slug", "text", "path"))


class FrontMatterCache:
    """One archive's cache file: records keyed by file, each with the file's size and time."""

    def __init__(self, root: Path, cache_dir: Path | None) -> None:
        key = cache_key(str(root.resolve()).encode())
        self.file = (cache_dir or user_cache_dir("pages")) / f"{key}.cache"
        self.old = self._load()
        self.new: dict[str, list] = {}

    def course(self, path: Path) -> tuple[Course, list[SectionSpec]]:
        """course.yaml parsed, from the cache while the file is unchanged."""
        stamp = stamp_of(path)
        record = self.old.get("course.yaml")
        if stamp and record and record[:2] == stamp:
            try:
                course, specs = _course_from(record[2])
                self.new["course.yaml"] = record
                return course, specs
            except (KeyError, TypeError, ValueError):
                pass
        course, specs = load_course(path)  # raises ArchiveError for a bad file
        if stamp:
            self.new["course.yaml"] = [*stamp, {"course": asdict(course),
                                                "specs": [s._asdict() for s in specs]}]
        return course, specs

    def glossary(self, path: Path, page_slugs: set[str]) -> Glossary:
        """The glossary, its YAML read again only when the file changed."""
        stamp = stamp_of(path)
        record = self.old.get("glossary.yaml")
        if stamp and record and record[:2] == stamp:
            entries = record[2]
        else:
            entries = read_entries(path)
            try:
                marshal.dumps(entries)
            except ValueError:  # YAML gave something marshal cannot keep
                return Glossary.from_entries(path, entries, page_slugs)
        if stamp:
            self.new["glossary.yaml"] = [*stamp, entries]
        return Glossary.from_entries(path, entries, page_slugs)

    def pages(self, pages_dir: Path) -> tuple[LazyPages, list[Problem]]:
        """Every page of the folder (bodies unread) and a problem for each file skipped."""
        pages: dict[str, tuple[str, dict[str, Any]]] = {}
        problems: list[Problem] = []
        try:
            entries = sorted((e for e in os.scandir(pages_dir) if e.name.endswith(".md")),
                             key=lambda e: e.name)
        except OSError:
            return pages, problems
        for entry in entries:
            try:
                stat = entry.stat()
            except OSError:
                continue
            stamp = [stat.st_mtime_ns, stat.st_size]
            key = "pages/" + entry.name
            record = self.old.get(key)
            if record is None or record[:2] != stamp:
                record = stamp + _parse(Path(entry.path))
            self.new[key] = record
            meta, problem = record[2], record[3]
            if problem:
                problems.append(Problem(Path(entry.path), problem))
            else:
                pages[entry.name[:-3]] = (entry.path, meta)
        return LazyPages(pages), problems

    def content_key(self) -> str:
        """Changes whenever course.yaml, the glossary or any page file changes."""
        return content_key([(name, record[0], record[1]) for name, record in self.new.items()])

    def save(self) -> None:
        """Write the cache if it changed, whole or not at all (never half a cache)."""
        if self.new == self.old:
            return
        keep(self.file, {"version": CACHE_VERSION, "files": self.new})

    def _load(self) -> dict[str, list]:
        data = read_kept(self.file)
        if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
            return {}
        files = data.get("files")
        return files if isinstance(files, dict) else {}


class LazyPages(Mapping[str, Page]):
    """The archive's pages by slug; each Page object is made when it is first asked for.

    Making 10,000 Page objects at every start cost more than reading the cache.
    """

    def __init__(self, records: dict[str, tuple[str, dict[str, Any]]]) -> None:
        self._records = records
        self._made: dict[str, Page] = {}

    def __getitem__(self, slug: str) -> Page:
        page = self._made.get(slug)
        if page is None:
            path, meta = self._records[slug]
            page = self._made[slug] = Page(slug=slug, path=path, **meta)
        return page

    def __contains__(self, slug: object) -> bool:
        return slug in self._records

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def title(self, slug: str) -> str | None:
        """A page's title without making its Page object."""
        record = self._records.get(slug)
        return record[1]["title"] if record else None


def _course_from(data: dict[str, Any]) -> tuple[Course, list[SectionSpec]]:
    fields_ = dict(data["course"])
    fields_["successor"] = Successor(**fields_["successor"])
    specs = [SectionSpec(s["id"], s["title"], s["description"],
                         tuple(tuple(entry) for entry in s["entries"]),
                         tuple(tuple(pair) for pair in s.get("addresses", ())))
             for s in data["specs"]]
    return Course(**fields_), specs


def _parse(path: Path) -> list:
    """[front matter fields, ''] for a page, or [None, problem] for a file that is not one."""
    try:
        page = read_page(path)
    except PageError as exc:
        return [None, f"skipped: the file {exc}."]
    return [{name: getattr(page, name) for name in META_FIELDS}, ""]
