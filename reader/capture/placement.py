"""Placing imported pages in course.yaml: each under its section, in the site's order.

The order is the one of the site's own list pages where the archive holds them
(walked from the lists no other list names, each list's pages in its order),
otherwise by title. Entries already listed keep their place, so that an
archivist's order survives and a second import changes nothing; a page that
was not preserved becomes preserved where it was listed. Only the `sections:`
part of course.yaml is written again: its comments and everything else stay.
"""

from __future__ import annotations

import bisect
import copy
import math
import re
from collections.abc import Iterable
from typing import Any

import yaml

from reader.archive.yaml_io import YAMLError, load_yaml
from reader.capture import addresses
from reader.capture.held import Held
from reader.capture.plan import LIST_LINKS, Plan, list_targets

OTHER = "other"
SECTION_TITLES = {"problems": "Problems", "approaches": "Approaches",
                  "examples": "Examples and readings", "theory": "Background theory",
                  "resources": "Resources", OTHER: "Other pages"}
_SECTIONS_LINE = re.compile(r"^sections:", re.M)
_TOP_LEVEL = re.compile(r"^[A-Za-z_\"']", re.M)


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as course.yaml is written by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False):
        return super().increase_indent(flow, False)


def placed_course(plan: Plan) -> str | None:
    """course.yaml with the plan's pages and gaps placed, or None when nothing moves."""
    held = plan.held
    old = held.course.get("sections") if isinstance(held.course.get("sections"), list) else []
    sections = [copy.deepcopy(section) for section in old if isinstance(section, dict)]
    order = _site_order(plan)
    titles = _titles(plan)

    def sort_key(slug: str) -> tuple:
        return (order.get(slug, math.inf), titles.get(slug, slug).casefold(), slug)

    waiting: dict[str, list[tuple[tuple, Any]]] = {}
    where: dict[str, dict[str, Any]] = {}
    for section in reversed(sections):
        for listed in section.get("pages") or []:
            where[_slug_of(listed)] = section
    for group in plan.groups:
        _place(where, group.slug, group.slug, group.section, waiting, sort_key)
    for slug, stub in plan.stubs.items():
        entry = {"slug": slug, "title": stub.title}
        if stub.source_url:
            entry["source_url"] = stub.source_url
        _place(where, slug, entry, stub.section, waiting, sort_key, stub=True)
    for section_id, entries in waiting.items():
        _insert(_section(sections, section_id), sorted(entries, key=lambda item: item[0]),
                sort_key)
    if sections == old:
        return None
    return course_with_sections(held, sections)


def _titles(plan: Plan) -> dict[str, str]:
    titles = {slug: page.title for slug, page in plan.held.pages.items()}
    titles.update({slug: entry.title for slug, entry in plan.held.entries.items()
                   if entry.title})
    titles.update({slug: stub.title for slug, stub in plan.stubs.items()})
    titles.update({group.slug: group.title for group in plan.groups})
    return titles


def _site_order(plan: Plan) -> dict[str, int]:
    """Each page's place in a walk over the site's list pages."""
    lists: dict[str, list[str]] = {}
    keys: dict[str, str] = {}
    for slug, page in plan.held.pages.items():
        if page.archived and addresses.is_top_level(page.field("source_url")):
            targets = list_targets(page)
            if len(targets) >= LIST_LINKS:
                lists[slug], keys[slug] = targets, page.key
    for group in plan.groups:
        lists.pop(group.slug, None)
        if group.is_list:
            lists[group.slug], keys[group.slug] = group.targets, addresses.key(group.source_url)
    named = {target for targets in lists.values() for target in targets}
    roots = sorted((slug for slug in lists if slug not in named), key=lambda s: keys[s]) \
        or sorted(lists, key=lambda s: keys[s])
    order: dict[str, int] = {}
    for root in roots:
        _walk(root, lists, order)
    for slug in sorted(lists, key=lambda s: keys[s]):
        _walk(slug, lists, order)
    return order


def _walk(start: str, lists: dict[str, list[str]], order: dict[str, int]) -> None:
    """Number a list page, then what it lists in order, a list inside it before the rest."""
    if start in order:
        return
    order[start] = len(order)
    stack = [iter(lists.get(start, ()))]
    while stack:
        target = next(stack[-1], None)
        if target is None:
            stack.pop()
            continue
        if target in order:
            continue
        order[target] = len(order)
        if target in lists:
            stack.append(iter(lists[target]))


def _place(where: dict[str, dict[str, Any]], slug: str, entry: Any, section: str,
           waiting: dict[str, list[tuple[tuple, Any]]], sort_key, *, stub: bool = False) -> None:
    """Keep an entry where it is listed (preserved now, or moved to its section), or set it
    aside in `waiting` to be inserted in order."""
    current = where.get(slug)
    if current is not None:
        pages = current.get("pages") or []
        for number, listed in enumerate(pages):
            if _slug_of(listed) != slug:
                continue
            if stub:
                if isinstance(listed, dict) and isinstance(entry, dict) \
                        and entry.get("source_url") and not listed.get("source_url"):
                    listed["source_url"] = entry["source_url"]
                return
            if not section or current.get("id") == section:
                pages[number] = slug  # preserved now: its title comes from its page file
                return
            del pages[number]
            if not pages:
                current.pop("pages", None)
            break
    waiting.setdefault(section or OTHER, []).append((sort_key(slug), entry))


def _insert(section: dict[str, Any], entries: list[tuple[tuple, Any]], sort_key) -> None:
    """Insert entries (in order) each before the first listed entry that sorts after it."""
    pages = section.get("pages") or []
    highest: list[tuple] = []
    for listed in pages:
        key = sort_key(_slug_of(listed))
        highest.append(max(key, highest[-1]) if highest else key)
    merged: list[Any] = []
    at = 0
    for key, entry in entries:
        stop = bisect.bisect_right(highest, key)
        merged += pages[at:stop]
        at = max(at, stop)
        merged.append(entry)
    merged += pages[at:]
    section["pages"] = merged


def _slug_of(entry: Any) -> str:
    return str(entry.get("slug", "")) if isinstance(entry, dict) else str(entry)


def _section(sections: list[dict[str, Any]], section_id: str) -> dict[str, Any]:
    for section in sections:
        if section.get("id") == section_id:
            return section
    made = {"id": section_id, "title": SECTION_TITLES.get(section_id, section_id.title())}
    others = [n for n, s in enumerate(sections) if s.get("id") == OTHER]
    sections.insert(others[0] if others and section_id != OTHER else len(sections), made)
    return made


def sections_text(sections: Iterable[dict[str, Any]]) -> str:
    """The `sections:` part of course.yaml, in the hand-written style."""
    return yaml.dump({"sections": list(sections)}, Dumper=_Dumper, sort_keys=False,
                     allow_unicode=True, width=1000, default_flow_style=False, indent=2)


def course_with_sections(held: Held, sections: list[dict[str, Any]]) -> str:
    """course.yaml with only its sections replaced; the whole file dumped if that fails."""
    text = held.course_text
    wanted = dict(held.course)
    wanted["sections"] = sections
    match = _SECTIONS_LINE.search(text)
    if match is None:
        result = text.rstrip("\n") + "\n\n" + sections_text(sections)
    else:
        after = _TOP_LEVEL.search(text, match.end())
        end = after.start() if after else len(text)
        lines = text[match.start():end].split("\n")
        kept: list[str] = []
        while lines and (not lines[-1].strip() or lines[-1].startswith("#")):
            kept.insert(0, lines.pop())  # comments above the next key stay with it
        tail = ("\n".join(kept) + text[end:]).lstrip("\n")
        result = (text[:match.start()] + sections_text(sections)
                  + ("\n" + tail if tail.strip() else ""))
    try:
        if load_yaml(result) == wanted:
            return result
    except YAMLError:
        pass
    return yaml.safe_dump(wanted, sort_keys=False, allow_unicode=True, width=1000)
