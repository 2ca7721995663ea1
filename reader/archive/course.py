"""Read course.yaml: the course's metadata and the order of its sections and pages."""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from reader.archive.errors import ArchiveError
from reader.archive.model import Course, Successor
from reader.archive.schema import COURSE, SchemaError, check
from reader.archive.yaml_io import YAMLError, load_yaml_file


class SectionSpec(NamedTuple):
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
    """Parse course.yaml, or raise ArchiveError with one sentence saying why not: the file
    and, for a field of the wrong shape, the field (schema.COURSE declares them)."""
    try:
        data = load_yaml_file(path)
    except YAMLError as exc:
        raise ArchiveError(f"{path} {exc.reason}{exc.where()}.") from None
    try:
        check(data, COURSE)
    except SchemaError as exc:
        raise ArchiveError(f"{path}: {exc}.") from None
    successor = data.get("successor") or {}
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
    return course, _sections(data.get("sections") or [])


def _sections(raw: list[Any]) -> list[SectionSpec]:
    """The sections of a course.yaml that passed its schema."""
    specs: list[SectionSpec] = []
    for item in raw:
        entries: list[tuple[str, str]] = []
        addresses: list[tuple[str, str]] = []
        for entry in item.get("pages") or []:
            if isinstance(entry, dict):
                entries.append((text(entry.get("slug")), text(entry.get("title"))))
                if text(entry.get("source_url")):
                    addresses.append((entries[-1][0], text(entry.get("source_url"))))
            else:
                entries.append((text(entry), ""))
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
