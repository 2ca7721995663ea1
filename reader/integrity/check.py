"""What an archivist reads to decide what to recover next: problems and gaps.

Validation problems are mistakes to fix (a page file that cannot be read, a
glossary entry that points nowhere, a page the navigation order forgets).
Gaps are not mistakes: they are the course's pages this archive does not hold
yet, listed in course.yaml or linked from preserved pages, most wanted first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from reader.archive.archive import Archive
from reader.archive.course import SectionSpec, load_course
from reader.archive.errors import ArchiveError, Problem
from reader.archive.glossary import GLOSSARY_SLUG
from reader.integrity.manifest import file_sha256


@dataclass(frozen=True)
class Gap:
    """A page that preserved pages link to but the archive does not hold."""

    slug: str
    title: str
    linked_from: tuple[str, ...]
    section: str = ""
    source_url: str = ""  # its original address, when a link or course.yaml gives it
    texts: tuple[str, ...] = ()  # every text the links to it use

    @property
    def wanted(self) -> int:
        """How many preserved pages link to it."""
        return len(self.linked_from)


@dataclass(frozen=True)
class Unpreserved:
    """A page course.yaml lists that has no page file."""

    slug: str
    title: str
    section: str


@dataclass
class CheckReport:
    """Everything `otpic-reader check` prints, as data (the UI may show it too)."""

    content_dir: Path
    preserved: int
    problems: list[Problem] = field(default_factory=list)
    not_preserved: list[Unpreserved] = field(default_factory=list)
    gaps: list[Gap] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing needs fixing; gaps are what is missing, not what is wrong."""
        return not self.problems

    def where(self, problem: Problem) -> str:
        """A problem's file, relative to the content folder when it lies inside it."""
        try:
            return problem.path.relative_to(self.content_dir).as_posix()
        except ValueError:
            return str(problem.path)

    def as_dict(self) -> dict[str, Any]:
        return {
            "content": str(self.content_dir),
            "ok": self.ok,
            "preserved": self.preserved,
            "problems": [{"file": self.where(p), "message": p.message} for p in self.problems],
            "not_preserved": [asdict(entry) for entry in self.not_preserved],
            "gaps": [{"slug": gap.slug, "title": gap.title, "section": gap.section,
                      "wanted": gap.wanted, "linked_from": list(gap.linked_from),
                      "source_url": gap.source_url, "texts": list(gap.texts)}
                     for gap in self.gaps],
        }


def check_archive(archive: Archive) -> CheckReport:
    """Validate an opened archive and list what it does not hold yet."""
    report = CheckReport(archive.root, len(archive.pages), problems=list(archive.problems))
    specs = _specs(archive.root / "course.yaml")
    report.problems += _course_problems(archive, specs) + _page_problems(archive, specs)
    for section in archive.sections:
        for entry in section.entries:
            if not entry.preserved:
                report.not_preserved.append(Unpreserved(entry.slug, entry.title, section.id))
    for slug, backlinks in archive.missing_links().items():
        if slug == GLOSSARY_SLUG and len(archive.glossary):
            continue  # the reader makes the glossary page from glossary.yaml
        section = archive.section_of(slug)
        texts = tuple(dict.fromkeys(link.link_text for link in backlinks if link.link_text))
        report.gaps.append(Gap(slug, archive.title_of(slug),
                               tuple(sorted({link.slug for link in backlinks})),
                               section.id if section else "", archive.address_of(slug), texts))
    report.gaps.sort(key=lambda gap: (-gap.wanted, gap.slug))
    return report


def _specs(path: Path) -> list[SectionSpec]:
    """course.yaml's sections as written (the archive opened it, so it parses)."""
    try:
        return load_course(path)[1]
    except ArchiveError:
        return []


def _course_problems(archive: Archive, specs: list[SectionSpec]) -> list[Problem]:
    """course.yaml entries that name the same page twice, or a page without any title."""
    path = archive.root / "course.yaml"
    problems: list[Problem] = []
    counts = Counter(slug for spec in specs for slug, _title in spec.entries)
    for slug in sorted(slug for slug, count in counts.items() if count > 1):
        problems.append(Problem(path, f"lists the page '{slug}' {counts[slug]} times; the "
                                      "tree shows only the first."))
    for spec in specs:
        for slug, title in spec.entries:
            if not title and slug not in archive.pages:
                problems.append(Problem(path, f"section '{spec.id}' lists '{slug}' with no "
                                              f"title, and there is no pages/{slug}.md (a typo, "
                                              "or a page not preserved that needs a title)."))
    if archive.course.home and archive.course.home not in archive.pages:
        problems.append(Problem(path, f"home names '{archive.course.home}', which is not a "
                                      "page of this archive."))
    return problems


def _page_problems(archive: Archive, specs: list[SectionSpec]) -> list[Problem]:
    """Pages the navigation order forgets, wrong sections, and captures that do not match."""
    listed_in = {entry.slug: section.id for section in archive.sections
                 for entry in section.entries}
    section_ids = {section.id for section in archive.sections}
    listed = {slug for spec in specs for slug, _title in spec.entries}
    problems: list[Problem] = []
    for slug, page in archive.pages.items():
        page_path = archive.root / "pages" / f"{slug}.md"
        if slug not in listed:
            problems.append(Problem(page_path, "is not listed in course.yaml; add its slug to "
                                               "a section's pages to place it in the tree."))
        if page.section and page.section not in section_ids:
            problems.append(Problem(page_path, f"names the section '{page.section}', which "
                                               "course.yaml does not have."))
        elif page.section and slug in listed and listed_in.get(slug) != page.section:
            problems.append(Problem(page_path, f"names the section '{page.section}' but "
                                               f"course.yaml lists it under "
                                               f"'{listed_in.get(slug)}'."))
        captures = {(page.capture_file, page.capture_sha256)} if page.capture_file else set()
        captures |= {(entry[0], entry[1]) for entry in page.captures}
        for capture_file, capture_sha256 in sorted(captures):
            problems += _capture_problems(archive.root, page_path, capture_file,
                                          capture_sha256)
    return problems


def _capture_problems(root: Path, page_path: Path, capture_file: str,
                      capture_sha256: str) -> list[Problem]:
    """A page must still match the capture it names, so it can be made again from it."""
    if not capture_file:
        return []
    capture = (root / capture_file).resolve()
    if root.resolve() not in capture.parents or not capture.is_file():
        return [Problem(page_path, f"names the capture {capture_file}, which is not in the "
                                   "content folder.")]
    try:
        actual = file_sha256(capture)
    except OSError as exc:
        return [Problem(page_path, f"names the capture {capture_file}, which cannot be read "
                                   f"({exc.strerror or exc}).")]
    if capture_sha256 and actual != capture_sha256.lower():
        return [Problem(page_path, f"names the capture {capture_file}, whose SHA-256 is not "
                                   "the capture_sha256 it records.")]
    return []
