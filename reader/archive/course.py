"""Read course.yaml: the course's metadata and the order of its sections and pages."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.archive.errors import ArchiveError
from reader.archive.model import Course, Successor
from reader.archive.yaml_io import YAMLError, load_yaml
from reader.common.slugs import SLUG_RE


@dataclass(frozen=True)
class SectionSpec:
    """A section as course.yaml lists it: entries are (slug, title or ""); `addresses` are
    (slug, original address) of the entries that give one (pages not preserved yet)."""

    id: str
    title: str
    description: str
    entries: tuple[tuple[str, str], ...]
    addresses: tuple[tuple[str, str], ...] = ()


def text(value: Any) -> str:
    """A YAML scalar as text (dates come back from YAML as date objects)."""
    if value is None:
        return ""
    if hasattr(value, "isoformat"):  # a date YAML read; no need to load datetime to know
        return value.isoformat()
    return str(value).strip()


def load_course(path: Path) -> tuple[Course, list[SectionSpec]]:
    """Parse course.yaml, or raise ArchiveError with one sentence saying why not."""
    try:
        raw = path.read_bytes().decode("utf-8")
    except OSError as exc:
        raise ArchiveError(f"{path} cannot be read: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise ArchiveError(f"{path} is not UTF-8 text.") from None
    try:
        data = load_yaml(raw)
    except YAMLError:
        raise ArchiveError(f"{path} is not valid YAML.") from None
    if not isinstance(data, dict):
        raise ArchiveError(f"{path} does not hold a mapping of course settings.")
    if not text(data.get("title")):
        raise ArchiveError(f"{path} has no course title.")
    successor = data.get("successor") or {}
    if not isinstance(successor, dict):
        raise ArchiveError(f"{path}: 'successor' must be a mapping.")
    course = Course(
        title=text(data.get("title")),
        short_title=text(data.get("short_title")) or text(data.get("title")),
        publisher=text(data.get("publisher")),
        original_address=text(data.get("original_address")),
        retired=text(data.get("retired")),
        retirement_notice=text(data.get("retirement_notice")),
        home=text(data.get("home")),
        successor=Successor(
            title=text(successor.get("title")),
            short_title=text(successor.get("short_title")),
            description=text(successor.get("description")),
            url=text(successor.get("url")),
            built_around=text(successor.get("built_around")),
            built_around_url=text(successor.get("built_around_url")),
        ),
    )
    return course, _sections(path, data.get("sections") or [])


def _sections(path: Path, raw: Any) -> list[SectionSpec]:
    if not isinstance(raw, list):
        raise ArchiveError(f"{path}: 'sections' must be a list.")
    specs: list[SectionSpec] = []
    for number, item in enumerate(raw, start=1):
        if not isinstance(item, dict) or not text(item.get("id")):
            raise ArchiveError(f"{path}: section {number} has no id.")
        entries: list[tuple[str, str]] = []
        addresses: list[tuple[str, str]] = []
        for entry in item.get("pages") or []:
            slug, title = (
                (text(entry.get("slug")), text(entry.get("title")))
                if isinstance(entry, dict)
                else (text(entry), "")
            )
            if not SLUG_RE.match(slug):
                raise ArchiveError(f"{path}: section '{item['id']}' lists '{slug}', not a slug.")
            entries.append((slug, title))
            if isinstance(entry, dict) and text(entry.get("source_url")):
                addresses.append((slug, text(entry.get("source_url"))))
        specs.append(
            SectionSpec(
                id=text(item["id"]),
                title=text(item.get("title")) or text(item["id"]),
                description=text(item.get("description")),
                entries=tuple(entries),
                addresses=tuple(addresses),
            )
        )
    return specs


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")


def long_date(iso: str) -> str:
    """'2005-12-02' as 'December 2, 2005', in English whatever the machine's locale."""
    try:
        import datetime as dt

        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{_MONTHS[day.month - 1]} {day.day}, {day.year}"
