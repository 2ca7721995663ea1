"""A new archive, started from nothing: the bundled archive's course description, our
glossary and the pages we wrote (the about page), and none of its archived pages."""

from __future__ import annotations

import functools
import re
from pathlib import Path

from reader.archive.content_files import stamp_of
from reader.archive.yaml_io import YAMLError, load_yaml
from reader.capture.held import read_held
from reader.capture.placement import course_with_sections

_PAGES_LINE = re.compile(r"^([ \t]+pages:[ \t]*)\[([^\]\n]*)\][ \t]*\n", re.M)


def skeleton(bundled: Path) -> dict[str, bytes]:
    """The files a new archive starts with, by content-relative path."""
    stamps = tuple((path.name, *stamp_of(path)) for path in
                   sorted([*bundled.glob("*.y*ml"), bundled / "README.md",
                           *bundled.glob("pages/*.md")]))
    return dict(_skeleton(bundled, stamps))


@functools.lru_cache(maxsize=4)
def _skeleton(bundled: Path, _stamps: tuple) -> tuple[tuple[str, bytes], ...]:
    """The skeleton, made once for each state of the bundled archive's files."""
    held = read_held(bundled)
    own = {slug for slug, page in held.pages.items()
           if page.readable and not page.archived and not page.field("source_url")}
    files = {f"pages/{slug}.md": held.pages[slug].raw for slug in sorted(own)}
    sections = []
    for section in held.course.get("sections") or []:
        if not isinstance(section, dict):
            continue
        kept = dict(section)
        pages = [entry for entry in section.get("pages") or []
                 if (entry.get("slug") if isinstance(entry, dict) else entry) in own]
        kept.pop("pages", None)
        if pages:
            kept["pages"] = pages
        sections.append(kept)
    files["course.yaml"] = course_with_sections(held, sections).encode("utf-8")
    glossary = bundled / "glossary.yaml"
    if glossary.is_file():
        files["glossary.yaml"] = own_glossary(glossary.read_text(encoding="utf-8"), own)
    readme = bundled / "README.md"
    if readme.is_file():
        files["README.md"] = readme.read_bytes()
    return tuple(files.items())


def own_glossary(text: str, pages: set[str]) -> bytes:
    """The glossary with each term's pages cut to those the new archive has, its text
    otherwise as it was (the pages come back as they are imported and listed again)."""
    def kept(match: re.Match[str]) -> str:
        names = [name.strip() for name in match.group(2).split(",") if name.strip()]
        names = [name for name in names if name in pages]
        return f"{match.group(1)}[{', '.join(names)}]\n" if names else ""

    result = _PAGES_LINE.sub(kept, text)
    try:
        before, after = load_yaml(text), load_yaml(result)
    except YAMLError:
        return text.encode("utf-8")
    if _expected(before, pages) != after:
        return text.encode("utf-8")
    return result.encode("utf-8")


def _expected(data: object, pages: set[str]) -> object:
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        return data
    terms = []
    for term in data["terms"]:
        if isinstance(term, dict) and isinstance(term.get("pages"), list):
            term = dict(term)
            term["pages"] = [page for page in term["pages"] if page in pages]
            if not term["pages"]:
                del term["pages"]
        terms.append(term)
    return {**data, "terms": terms}
