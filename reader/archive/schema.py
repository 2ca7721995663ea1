"""The shape of the archive's YAML files, declared: each field's type, and which must be given.

A file is checked against its schema before anything reads it, so a field of the wrong type
(`pages: 5`, a list where a title goes) is refused in one sentence that names the field,
instead of failing later in whatever first uses it. Fields a schema does not name are let
be: a later format, or an archivist's own notes, may add them. A few small classes rather
than a schema library: the files are small, their shapes fixed, the messages ours to word;
and plain classes, not dataclasses, since an ordinary start imports this module before its
first paint and dataclasses cost a millisecond or so each to make. A check costs nothing
more for the path to a field, which is put together only when one is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from reader.common.slugs import SLUG_RE


class SchemaError(ValueError):
    """A field is not what its schema says; str() reads "<field> must be <what>, not <found>"
    or "<field> must be given (<what>)", for the caller to put the file's name before."""

    def __init__(self, expected: str, found: Any, *, missing: bool = False) -> None:
        super().__init__(expected)
        self.said = f"must be given ({expected})" if missing else \
            f"must be {expected}, not {describe(found)}"
        self.where: tuple[str, ...] = ()  # filled in as the error leaves each container

    @property
    def field(self) -> str:
        return " › ".join(self.where) or "the whole file"

    def __str__(self) -> str:
        return f"{self.field} {self.said}"


def describe(value: Any) -> str:
    """A value in a few words, as a message can quote it (control characters escaped)."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:39] + "…"
        return f"'{shown.encode('unicode_escape').decode('ascii', 'replace')}'" if shown \
            else "empty"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return f"a {type(value).__name__}"  # a date, where text was wanted


class Text:
    """One value written as text; YAML's numbers and dates count, as they read as text."""

    __slots__ = ("pattern", "required", "what")

    def __init__(self, required: bool = False, pattern: re.Pattern[str] | None = None,
                 what: str = "text") -> None:
        self.required, self.pattern, self.what = required, pattern, what

    def accepts(self, value: Any) -> bool:
        return not isinstance(value, list | dict)

    def check(self, value: Any) -> None:
        if value is None or (isinstance(value, str) and not value.strip()):
            if self.required:
                raise SchemaError(self.what, value, missing=True)
            return
        if not self.accepts(value) or (
                self.pattern is not None and not self.pattern.match(str(value).strip())):
            raise SchemaError(self.what, value)


class Number:
    """A whole number (a format's version)."""

    __slots__ = ("what",)

    def __init__(self, what: str = "a whole number") -> None:
        self.what = what

    def accepts(self, value: Any) -> bool:
        return isinstance(value, int) and not isinstance(value, bool)

    def check(self, value: Any) -> None:
        if value is not None and not self.accepts(value):
            raise SchemaError(self.what, value)


class ListOf:
    """A list, each item of the item's schema; items are named by their number (from 1)."""

    __slots__ = ("item", "key", "what")

    def __init__(self, item: Any, what: str = "a list", key: str = "") -> None:
        self.item, self.what = item, what
        self.key = key  # an item's field that names it in a message, as `id` names a section

    def accepts(self, value: Any) -> bool:
        return isinstance(value, list)

    def check(self, value: Any) -> None:
        if value is None:
            return
        if not self.accepts(value):
            raise SchemaError(self.what, value)
        for number, item in enumerate(value, start=1):
            try:
                self.item.check(item)
            except SchemaError as exc:
                exc.where = (self.name_of(number, item), *exc.where)
                raise

    def name_of(self, number: int, item: Any) -> str:
        """How a message names an item: by its number, and its key's value if it has one."""
        named = item.get(self.key) if self.key and isinstance(item, dict) else None
        if isinstance(named, str) and named.strip() and len(named) <= 40:
            return f"item {number} ({describe(named)})"
        return f"item {number}"


class Record:
    """A mapping of named fields; required ones must be given, others not named are let be."""

    __slots__ = ("fields", "what")

    def __init__(self, fields: Mapping[str, Any] | None = None,
                 what: str = "a mapping of names to values") -> None:
        self.fields, self.what = fields or {}, what

    def accepts(self, value: Any) -> bool:
        return isinstance(value, dict)

    def check(self, value: Any) -> None:
        if value is None:
            value = {}
        if not self.accepts(value):
            raise SchemaError(self.what, value)
        for name, spec in self.fields.items():
            try:
                spec.check(value.get(name))
            except SchemaError as exc:
                exc.where = (name, *exc.where)
                raise


class Unchecked:
    """A value whose shape is checked apart (a glossary's entry: one that does not fit is
    skipped alone)."""

    __slots__ = ()

    def accepts(self, value: Any) -> bool:
        return True

    def check(self, value: Any) -> None:
        return None


class OneOf:
    """One of several shapes, told apart by the type of the value (a slug, or a mapping)."""

    __slots__ = ("options", "what")

    def __init__(self, options: tuple[Any, ...], what: str) -> None:
        self.options, self.what = options, what

    def check(self, value: Any) -> None:
        if value is None:
            self.options[0].check(value)
            return
        for option in self.options:
            if option.accepts(value):
                option.check(value)
                return
        raise SchemaError(self.what, value)


def check(value: Any, schema: Any) -> None:
    """Raise SchemaError for the first field of value that its schema does not allow."""
    schema.check(value)


# --- the archive's files ----------------------------------------------------------------------

SLUG = Text(pattern=SLUG_RE, what="a slug (lower-case letters and digits, joined by hyphens)")
PAGE_ENTRY = OneOf((Text(required=True, pattern=SLUG_RE, what=SLUG.what),
                    Record({"slug": Text(required=True, pattern=SLUG_RE, what=SLUG.what),
                            "title": Text(), "source_url": Text()})),
                   what="a page's slug, or a mapping of its slug, title and source_url")
SECTION = Record({"id": Text(required=True, what="text, the section's id"), "title": Text(),
                  "description": Text(),
                  "pages": ListOf(PAGE_ENTRY, what="a list of pages", key="slug")},
                 what="a mapping of the section's id, title, description and pages")
COURSE = Record({
    "format": Number(),
    "title": Text(required=True, what="text, the course's title"),
    **{name: Text() for name in ("short_title", "publisher", "original_address", "retired",
                                 "retirement_notice")},
    "home": SLUG,
    "successor": Record({name: Text() for name in ("title", "short_title", "description",
                                                   "url", "built_around",
                                                   "built_around_url")},
                        what="a mapping of the successor course's title and addresses"),
    "sections": ListOf(SECTION, what="a list of sections", key="id"),
}, what="a mapping of the course's settings")
"""course.yaml, as content/README.md describes it."""

NAMES = OneOf((Text(), ListOf(Text(what="a name"), what="a list of names")),
              what="a name, or a list of names")
TERMS = ListOf(Unchecked(), what="a list of terms", key="term")
GLOSSARY = Record({"version": Number(), "terms": TERMS},
                  what="a mapping with the list of its terms")
TERM = Record({"term": Text(), "definition": Text(), "aliases": NAMES, "related": NAMES,
               "pages": NAMES},
              what="a mapping of the term, its definition, aliases, related terms and pages")
"""glossary.yaml, and each of its terms: a term that does not fit is skipped, not the file
(glossary.py says which are missing their term or definition)."""
