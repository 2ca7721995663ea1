"""The import plan: which page each capture makes or updates, its slug, title and links.

The original address is a page's identity: captures of one address make one
page, and a page already held under that address is updated, not doubled.
Links are resolved by their address once every page is known; a link to an
address the archive does not hold names one page not preserved, whatever text
each link gives it. Captures without an address (text captures) are matched
by their titles, as their links are by their texts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.capture.candidates import Candidate
from reader.capture.held import Held, HeldPage
from reader.capture.plan.groups import choose_best, make_groups
from reader.capture.plan.links import Index, Resolver, give_titles
from reader.capture.plan.model import LIST_LINKS, Group, Plan, Stub, list_targets
from reader.capture.plan.names import Names, give_slugs, store_captures
from reader.capture.plan.pages import list_section, page_section, page_text, source_url_of

__all__ = ["LIST_LINKS", "Group", "Plan", "Stub", "list_targets", "make_plan"]


def make_plan(candidates: Sequence[Candidate], held: Held, *, section: str = "",
              held_capture: Callable[[HeldPage], Candidate | None] | None = None) -> Plan:
    """Decide every page of the import; `held_capture(page)` re-reads a held page's capture
    (a Candidate, or None) when it may still be the most complete one."""
    groups = make_groups(candidates, held)
    for group in groups:
        choose_best(group, held_capture)
    names = Names(held)
    index = Index(held, groups)
    give_titles(groups, held, index)
    give_slugs(groups, held, names)
    index.add_groups(groups)
    resolver = Resolver(held, index, names)
    resolver.add_pages(groups)
    resolver.survey(groups)
    for group in groups:
        group.source_url = source_url_of(group)
        group.section = page_section(group, held, section)
    for group in groups:
        group.targets = resolver.targets(group)
    for group in groups:
        if not group.section and group.is_list:
            group.section = list_section(group, groups, held, resolver.stubs)
    captures = store_captures(groups, held, names)
    for group in groups:
        group.text, group.capture_file = page_text(group, resolver, captures)
    return Plan(groups, resolver.stubs, captures.files, held)
