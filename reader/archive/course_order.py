"""The course read in order: the preserved pages as the navigation tree lists them, across
sections, for Next and Previous (the window's Go menu and the links at a page's foot)."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from reader.archive.archive import Archive

# per archive: the tree's slugs, each with the preserved pages before and after it
_ORDERS: WeakKeyDictionary[Archive, dict[str, tuple[str | None, str | None]]] = (
    WeakKeyDictionary())


def neighbours(archive: Archive, slug: str) -> tuple[str | None, str | None]:
    """The preserved pages before and after slug in course order, each None at an end.

    A page not preserved has neighbours too (the preserved pages around its place in
    the tree), so a reader who lands on one can read on; a slug the tree does not list
    (the glossary) has none.
    """
    order = _ORDERS.get(archive)
    if order is None:
        order = _ORDERS[archive] = _order(archive)
    return order.get(slug, (None, None))


def _order(archive: Archive) -> dict[str, tuple[str | None, str | None]]:
    entries = [entry for section in archive.sections for entry in section.entries]
    around: dict[str, tuple[str | None, str | None]] = {}
    before: str | None = None
    for entry in entries:  # the preserved page before each entry
        around[entry.slug] = (before, None)
        if entry.preserved:
            before = entry.slug
    after: str | None = None
    for entry in reversed(entries):  # and the one after it
        around[entry.slug] = (around[entry.slug][0], after)
        if entry.preserved:
            after = entry.slug
    return around
