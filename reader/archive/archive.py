"""An opened content folder: the course, its preserved pages, and what they link to."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from pathlib import Path

from reader.archive import content_files
from reader.archive.course import SectionSpec
from reader.archive.errors import ArchiveError, Problem
from reader.archive.frontmatter_cache import FrontMatterCache
from reader.archive.glossary import GLOSSARY_SLUG, Glossary, Term
from reader.archive.links import classify_href, extract_links
from reader.archive.model import Backlink, Course, Entry, Page, Section

OTHER_SECTION = "other"
SCAN_LIMIT = 500  # pages: above this, nothing reads every page body on the window's thread


class Archive:
    """The content of one archive folder, validated on opening.

    Bad page files are skipped and listed in `problems`, so that one broken
    file never hides the rest of the course.
    """

    def __init__(self, root: Path, course: Course, specs: list[SectionSpec],
                 pages: Mapping[str, Page], problems: list[Problem], glossary: Glossary) -> None:
        self.root = root
        self.course = course
        self.pages = pages
        self.glossary = glossary
        self.problems = problems + glossary.problems
        self.content_key = ""  # set by open(): changes when any content file changes
        self._specs = specs

    @staticmethod
    def check_folder(root: Path | str) -> Path:
        """The folder, if it can be an archive (it has a course.yaml); else ArchiveError."""
        root = Path(root)
        if not root.exists():
            raise ArchiveError(f"The content folder {root} does not exist.")
        if not root.is_dir():
            raise ArchiveError(f"{root} is not a folder, so it cannot be a content folder.")
        if not (root / "course.yaml").is_file():
            raise ArchiveError(f"{root} is not an OTPIC archive: it has no course.yaml.")
        return root

    @classmethod
    def open(cls, root: Path | str, cache_dir: Path | None = None) -> Archive:
        """Open a content folder, or raise ArchiveError saying why it is not one.

        Page front matter is remembered in `cache_dir` (by default the user's
        cache folder), so a large archive opens without reading every page.
        """
        root = cls.check_folder(root)
        course_file = root / "course.yaml"
        cache = FrontMatterCache(root, cache_dir)
        course, specs = cache.course(course_file)
        pages, problems = cache.pages(root / "pages")
        glossary = cache.glossary(root / "glossary.yaml", set(pages))
        cache.save()
        archive = cls(root, course, specs, pages, problems, glossary)
        archive.content_key = cache.content_key()
        return archive

    @property
    def home(self) -> str:
        """The page the reader opens first: course.yaml's home, or the first page."""
        if self.course.home in self.pages:
            return self.course.home
        for section in self.sections:
            for entry in section.entries:
                if entry.preserved:
                    return entry.slug
        return next(iter(self.pages), "")

    def knows(self, slug: str) -> bool:
        """True for a page the course had: preserved, listed in course.yaml, or linked to."""
        return (slug in self.pages or self.section_of(slug) is not None or slug in self._outgoing
                or (slug == GLOSSARY_SLUG and len(self.glossary) > 0))

    def page(self, slug: str) -> Page | None:
        return self.pages.get(slug)

    def title_of(self, slug: str) -> str:
        """The best title known for a slug, preserved or not."""
        page = self.pages.get(slug)
        if page:
            return page.title
        if slug == GLOSSARY_SLUG:
            return "Glossary"
        for section in self.sections:
            for entry in section.entries:
                if entry.slug == slug:
                    return entry.title
        if len(self.pages) <= SCAN_LIMIT or "_outgoing" in self.__dict__:
            return self._linked_titles.get(slug, slug.replace("-", " ").capitalize())
        return slug.replace("-", " ").capitalize()  # not worth reading every page for

    def outline(self) -> tuple:
        """The sections as plain values, for the contents tree:
        ((title, description, ((slug, title, preserved), ...)), ...)."""
        return tuple((section.title, section.description,
                      tuple((e.slug, e.title, e.preserved) for e in section.entries))
                     for section in self.sections)

    @cached_property
    def sections(self) -> list[Section]:
        """Sections in course.yaml order; unlisted pages follow, under their own section."""
        sections = [Section(spec.id, spec.title, spec.description) for spec in self._specs]
        by_id = {section.id: section for section in sections}
        listed: set[str] = set()
        for spec, section in zip(self._specs, sections, strict=True):
            for slug, title in spec.entries:
                if slug in listed:
                    continue
                listed.add(slug)
                known = self._title(slug)
                preserved = known is not None
                title = known if preserved else title or self._linked_titles.get(slug, slug)
                section.entries.append(Entry(slug, title, preserved=preserved))
        unlisted = sorted((self.pages[s] for s in self.pages if s not in listed),
                          key=lambda p: p.title.casefold())
        for page in unlisted:
            section = by_id.get(page.section)
            if section is None:
                section = by_id.get(OTHER_SECTION)
                if section is None:
                    section = by_id[OTHER_SECTION] = Section(OTHER_SECTION, "Other pages")
                    sections.append(section)
            section.entries.append(Entry(page.slug, page.title, preserved=True))
        return sections

    def _title(self, slug: str) -> str | None:
        """A preserved page's title, without making a Page object when the mapping can."""
        quick = getattr(self.pages, "title", None)
        if quick is not None:
            return quick(slug)
        page = self.pages.get(slug)
        return page.title if page else None

    def address_of(self, slug: str) -> str:
        """A page's original address: its own, or the one course.yaml gives a page not
        preserved yet ('' when neither knows it)."""
        page = self.pages.get(slug)
        if page is not None and page.source_url:
            return page.source_url
        for spec in self._specs:
            for listed, address in spec.addresses:
                if listed == slug:
                    return address
        return ""

    def section_of(self, slug: str) -> Section | None:
        for section in self.sections:
            if any(entry.slug == slug for entry in section.entries):
                return section
        return None

    @cached_property
    def _outgoing(self) -> dict[str, list[tuple[str, str, str]]]:
        """For each linked slug: (linking slug, link text, description), in page order."""
        outgoing: dict[str, list[tuple[str, str, str]]] = {}
        for page in self.pages.values():
            for link in extract_links(page.body):
                target = classify_href(link.target)
                if target.kind == "page":
                    outgoing.setdefault(target.value, []).append(
                        (page.slug, link.text, link.description))
        return outgoing

    @cached_property
    def _linked_titles(self) -> dict[str, str]:
        return {slug: refs[0][1] for slug, refs in self._outgoing.items()}

    def backlinks(self, slug: str) -> list[Backlink]:
        """The pages that link to `slug`, each with what it said about it."""
        return [Backlink(source, self.pages[source].title, text, description)
                for source, text, description in self._outgoing.get(slug, [])]

    def missing_links(self) -> dict[str, list[Backlink]]:
        """Every linked slug that has no page, with the pages that link to it."""
        return {slug: self.backlinks(slug) for slug in self._outgoing if slug not in self.pages}

    def term_pages(self, term: Term) -> list[str]:
        """The pages a term belongs to (the glossary says) or appears in (the text says)."""
        found = [slug for slug in term.pages if slug in self.pages]
        return found + [slug for slug in self._term_index.get(term.slug, ()) if slug not in found]

    @cached_property
    def _term_index(self) -> dict[str, list[str]]:
        """term slug -> the pages whose text uses it, found in one pass over the pages.

        Only for archives of up to SCAN_LIMIT pages: reading 10,000 bodies would
        stall the window for seconds, so a large archive relies on the glossary's
        own page lists.
        """
        index: dict[str, list[str]] = {}
        pattern = self.glossary.pattern
        if pattern is None or len(self.pages) > SCAN_LIMIT:
            return index
        for slug in self.pages:
            seen: set[str] = set()
            for match in pattern.finditer(self.pages[slug].body):
                term = self.glossary.lookup_match(match.group(0))
                if term is not None and term.slug not in seen:
                    seen.add(term.slug)
                    index.setdefault(term.slug, []).append(slug)
        return index

    def image_path(self, src: str) -> Path | None:
        """The image file a page names, inside the archive (see content_files.image_path)."""
        return content_files.image_path(self.root, src)

    def resource_path(self, relative: str) -> Path | None:
        """A file inside the content folder, or None for anything that would leave it."""
        return content_files.resource_path(self.root, relative)
