"""The course glossary: terms, their other spellings, definitions, and where they belong."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path
from typing import Any, NamedTuple

from reader.archive.errors import Problem
from reader.archive.schema import GLOSSARY, TERM, TERMS, SchemaError, check
from reader.archive.yaml_io import YAMLError, load_yaml_file
from reader.common.slugs import slugify
from reader.common.words import fold

GLOSSARY_SLUG = "glossary"


def names_pattern(names: list[str]) -> re.Pattern[str]:
    """A pattern for any of the names as whole words (longest first), with plural endings."""
    alternatives = "|".join(re.escape(name) for name in sorted(set(names), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?:s|es)?(?![\w-])", re.IGNORECASE)


class Term(NamedTuple):
    """A term of the glossary (a NamedTuple: see model.py)."""

    term: str
    definition: str
    aliases: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()

    @property
    def slug(self) -> str:
        return slugify(self.term)

    @property
    def anchor(self) -> str:
        """The anchor of the term's entry on the glossary page."""
        return f"term-{self.slug}"

    def matches(self, query: str) -> bool:
        """True when the folded query occurs in the term or one of its aliases."""
        needle = fold(query.strip())
        return not needle or any(needle in fold(name) for name in (self.term, *self.aliases))


class Glossary:
    """The terms A to Z, with one-line problems for everything the loader skipped."""

    def __init__(self, terms: list[Term], problems: list[Problem] | None = None) -> None:
        self.terms = sorted(terms, key=lambda t: fold(t.term))
        self.problems = problems or []
        self._by_slug = {term.slug: term for term in self.terms}

    def __len__(self) -> int:
        return len(self.terms)

    def term(self, slug: str) -> Term | None:
        return self._by_slug.get(slug)

    def find(self, name: str) -> Term | None:
        """The term whose name or alias this is (case and accents ignored)."""
        return self._by_name.get(fold(name))

    @cached_property
    def _by_name(self) -> dict[str, Term]:
        names: dict[str, Term] = {}
        for term in self.terms:
            for name in (term.term, *term.aliases):
                names.setdefault(fold(name), term)
        return names

    @cached_property
    def pattern(self) -> re.Pattern[str] | None:
        """Every name of every term as whole words, longest first, plurals allowed."""
        names = [name for term in self.terms for name in (term.term, *term.aliases)]
        return names_pattern(names) if names else None

    def term_pattern(self, term: Term) -> re.Pattern[str]:
        return names_pattern([term.term, *term.aliases])

    def lookup_match(self, matched: str) -> Term | None:
        """The term of a piece of text the pattern matched, allowing a plural ending."""
        for candidate in (matched, matched[:-1], matched[:-2]):
            term = self.find(candidate)
            if term is not None:
                return term
        return None

    @classmethod
    def load(cls, path: Path, page_slugs: set[str] | None = None) -> Glossary:
        """Read glossary.yaml; an absent file is an empty glossary, not an error."""
        return cls.from_entries(path, read_entries(path), page_slugs)

    @classmethod
    def from_entries(cls, path: Path, entries: list[Any] | str,
                     page_slugs: set[str] | None = None) -> Glossary:
        """The glossary from read_entries()'s answer: the entries, or why there are none."""
        if isinstance(entries, str):
            return cls([], [Problem(path, entries)] if entries else [])
        return _validated(path, entries, page_slugs)


def read_entries(path: Path) -> list[Any] | str:
    """The raw entries of glossary.yaml, or a problem ('' when there is no glossary): the
    file as a whole must fit schema.GLOSSARY, each entry is checked by _validated."""
    if not path.is_file():
        return ""
    try:
        data = load_yaml_file(path)
    except YAMLError as exc:
        return f"skipped: the glossary {exc.reason}{exc.where()}."
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        return "skipped: the glossary has no list of 'terms'."
    try:
        check(data, GLOSSARY)
    except SchemaError as exc:
        return f"skipped: {exc}."
    return data["terms"]


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str | int | float):
        value = [value]
    if not isinstance(value, list):
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


def _scalar_text(value: Any) -> str:
    """A scalar's text; '' for nothing, or for a list or mapping (which the schema names)."""
    return "" if value is None or isinstance(value, list | dict) else str(value).strip()


def _validated(path: Path, entries: list[Any], page_slugs: set[str] | None) -> Glossary:
    problems: list[Problem] = []
    terms: list[Term] = []
    owner: dict[str, str] = {}
    for number, raw in enumerate(entries, start=1):
        if not isinstance(raw, dict) or not _scalar_text(raw.get("term")):
            problems.append(Problem(path, f"entry {number} has no term; it is skipped."))
            continue
        name = str(raw["term"]).strip()
        try:
            check(raw, TERM)
        except SchemaError as exc:  # named only when wrong: naming costs a start time
            exc.where = ("terms", TERMS.name_of(number, raw), *exc.where)
            problems.append(Problem(path, f"{exc}; the entry is skipped."))
            continue
        definition = _scalar_text(raw.get("definition"))
        if not definition:
            problems.append(Problem(path, f"the term '{name}' has no definition; it is skipped."))
            continue
        if fold(name) in owner:
            problems.append(Problem(path, f"the term '{name}' is defined twice; the second "
                                          "entry is skipped."))
            continue
        aliases: list[str] = []
        for alias in _names(raw.get("aliases")):
            if fold(alias) in owner or fold(alias) == fold(name):
                problems.append(Problem(path, f"the alias '{alias}' of '{name}' is already "
                                              f"used by '{owner.get(fold(alias), name)}'."))
                continue
            owner[fold(alias)] = name
            aliases.append(alias)
        owner[fold(name)] = name
        terms.append(Term(name, definition, tuple(aliases), _names(raw.get("related")),
                          _names(raw.get("pages"))))
    known = {fold(term.term) for term in terms}
    checked: list[Term] = []
    for term in terms:
        related = []
        for other in term.related:
            if fold(other) in known:
                related.append(other)
            else:
                problems.append(Problem(path, f"the term '{term.term}' is related to "
                                              f"'{other}', which is not in the glossary."))
        pages = []
        for slug in term.pages:
            if page_slugs is None or slug in page_slugs:
                pages.append(slug)
            else:
                problems.append(Problem(path, f"the term '{term.term}' names the page "
                                              f"'{slug}', which does not exist."))
        checked.append(Term(term.term, term.definition, term.aliases, tuple(related),
                            tuple(pages)))
    return Glossary(checked, problems)
