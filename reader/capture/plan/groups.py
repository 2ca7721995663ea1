"""Which captures make one page, which page of the archive they update, and which of
them makes its body: the most complete, the newest when they are equal."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.capture import addresses
from reader.capture.candidates import Candidate
from reader.capture.held import Held, HeldPage
from reader.capture.plan.model import Group
from reader.capture.text_capture import title_slug


def make_groups(candidates: Sequence[Candidate], held: Held) -> list[Group]:
    """Captures by identity: their address; else a capture already held; else their title."""
    by_identity: dict[str, Group] = {}
    by_sha: dict[str, str] = {}
    for candidate in sorted(candidates, key=lambda c: (not c.key, c.order)):
        known = held.by_sha.get(candidate.sha256)
        page = held.pages.get(known[1]) if known else None
        if candidate.key:
            identity = f"address {candidate.key}"
        elif candidate.sha256 in by_sha:
            identity = by_sha[candidate.sha256]  # the same capture, found with its address
        elif page is not None:
            identity = f"address {page.key}" if page.key else f"page {page.slug}"
        elif candidate.parsed.title:
            identity = f"title {title_slug(candidate.parsed.title)}"
        else:
            identity = f"copy {addresses.key(candidate.location) or candidate.sha256}"
        by_sha.setdefault(candidate.sha256, identity)
        by_identity.setdefault(identity, Group(identity, [])).candidates.append(candidate)
    groups = sorted(by_identity.values(), key=lambda group: group.identity)
    _merge_titles(groups)
    _match_held(groups, held)
    return [group for group in groups if group.candidates]


def _merge_titles(groups: list[Group]) -> None:
    """A capture with no address joins the one page of its title that has an address."""
    by_title: dict[str, list[Group]] = {}
    for group in groups:
        if group.identity.startswith("address "):
            titles = {title_slug(c.parsed.title) for c in group.candidates if c.parsed.title}
            for slug in titles:
                by_title.setdefault(slug, []).append(group)
    for group in groups:
        if group.identity.startswith("title "):
            owners = by_title.get(group.identity[len("title "):], [])
            if len(owners) == 1:
                owners[0].candidates += group.candidates
                group.candidates = []


def _match_held(groups: list[Group], held: Held) -> None:
    """Each group's page in the archive: by address, by capture, else by title."""
    taken: set[str] = set()
    titles: dict[str, list[HeldPage]] = {}
    for page in held.pages.values():
        if page.archived:
            titles.setdefault(title_slug(page.title), []).append(page)
    for group in groups:
        if not group.candidates:
            continue
        slug = ""
        if group.identity.startswith("page "):
            slug = group.identity[len("page "):]
        for key in sorted(group.keys):
            slug = slug or held.by_key.get(key, "")
        has_address = group.identity.startswith("address ")
        for candidate in group.candidates:
            known = held.by_sha.get(candidate.sha256, ("", ""))[1]
            if known and not (has_address and held.pages[known].key):
                slug = slug or known  # the same capture, unless another address holds it
        if slug and (slug not in held.pages or not held.pages[slug].archived):
            slug = ""  # an entry not preserved yet, or a page we wrote: not this one
        if not slug:
            slug = _held_by_title(group, titles)
        if slug and slug not in taken:
            taken.add(slug)
            group.held = held.pages[slug]


def _held_by_title(group: Group, titles: dict[str, list[HeldPage]]) -> str:
    has_address = any(candidate.key for candidate in group.candidates)
    for candidate in group.candidates:
        if not candidate.parsed.title:
            continue
        for page in titles.get(title_slug(candidate.parsed.title), []):
            if not (has_address and page.key):  # two addresses: two pages of one title
                return page.slug
    return ""


def choose_best(group: Group,
                held_capture: Callable[[HeldPage], Candidate | None] | None) -> None:
    """The most complete capture makes the body; the newest when they are equal."""
    contenders = list(group.candidates)
    shas = {candidate.sha256 for candidate in contenders}
    if group.held is not None and held_capture is not None \
            and group.held.field("capture_sha256").lower() not in shas:
        kept = held_capture(group.held)
        if kept is not None:
            contenders.append(kept)
    group.best = max(contenders, key=lambda c: (c.parsed.completeness, c.captured,
                                                bool(c.parsed.title), -c.order))
