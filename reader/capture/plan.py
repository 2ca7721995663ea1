"""The import plan: which page each capture makes or updates, its slug, title and links.

The original address is a page's identity: captures of one address make one
page, and a page already held under that address is updated, not doubled.
Links are resolved by their address once every page is known; a link to an
address the archive does not hold names one page not preserved, whatever text
each link gives it. Captures without an address (text captures) are matched
by their titles, as their links are by their texts.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import PurePosixPath

from reader.archive.glossary import GLOSSARY_SLUG
from reader.archive.links import extract_links, page_href
from reader.capture import addresses
from reader.capture.candidates import Candidate
from reader.capture.held import Held, HeldPage
from reader.capture.sources.items import shown
from reader.capture.text_capture import (
    LinkRef,
    link_title,
    page_file_text,
    section_for,
    title_slug,
)
from reader.common.slugs import SLUG_RE, slugify

MAX_SLUG = 80  # file names stay short on every file system
RESERVED = frozenset({GLOSSARY_SLUG})  # the reader makes the glossary page itself
_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})  # in no file name we keep
LIST_LINKS = 3  # a page of the site's top folder with this many links is one of its lists


@dataclass
class Group:
    """The captures of one page, and the page they make."""

    identity: str
    candidates: list[Candidate]
    held: HeldPage | None = None
    best: Candidate | None = None
    slug: str = ""
    title: str = ""
    section: str = ""
    source_url: str = ""
    text: str = ""
    capture_file: str = ""
    targets: list[str] = field(default_factory=list)  # the slugs its links lead to, in order

    @property
    def keys(self) -> set[str]:
        found = set().union(*(candidate.keys for candidate in self.candidates))
        if self.held is not None and self.held.key:
            found.add(self.held.key)
        return found

    @property
    def status(self) -> str:
        if self.held is None:
            return "new"
        return "unchanged" if self.held.raw == self.text.encode("utf-8") else "updated"

    @property
    def is_list(self) -> bool:
        """One of the site's list pages: in its top folder, and mostly links."""
        return (addresses.is_top_level(self.source_url) and len(self.targets) >= LIST_LINKS)


@dataclass
class Stub:
    """A page that links name but the archive does not hold: one per address."""

    slug: str
    title: str
    section: str
    source_url: str = ""
    texts: list[str] = field(default_factory=list)


@dataclass
class Plan:
    groups: list[Group]
    stubs: dict[str, Stub]
    captures: dict[str, bytes]  # captures/<name> to write -> its bytes
    held: Held


def make_plan(candidates: Sequence[Candidate], held: Held, *, section: str = "",
              held_capture=None) -> Plan:
    """Decide every page of the import; `held_capture(page)` re-reads a held page's capture
    (a Candidate, or None) when it may still be the most complete one."""
    groups = _groups(candidates, held)
    for group in groups:
        _choose(group, held_capture)
    names = _Names(held)
    index = _Index(held, groups)
    _titles(groups, held, index)
    _slugs(groups, held, names)
    index.add_groups(groups)
    resolver = _Resolver(held, index, names)
    resolver.add_pages(groups)
    resolver.survey(groups)
    for group in groups:
        group.source_url = _source_url(group)
        group.section = _section(group, held, section)
    for group in groups:
        group.targets = resolver.targets(group)
    for group in groups:
        if not group.section and group.is_list:
            group.section = _majority(group, groups, held, resolver.stubs)
    captures = _store_captures(groups, held, names)
    for group in groups:
        group.text, group.capture_file = _page_text(group, resolver, captures)
    return Plan(groups, resolver.stubs, captures.files, held)


def _groups(candidates: Sequence[Candidate], held: Held) -> list[Group]:
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
        group = by_identity.setdefault(identity, Group(identity, []))
        if all(other.sha256 != candidate.sha256 for other in group.candidates):
            group.candidates.append(candidate)
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
                shas = {candidate.sha256 for candidate in owners[0].candidates}
                owners[0].candidates += [c for c in group.candidates if c.sha256 not in shas]
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
        for candidate in group.candidates:
            slug = slug or held.by_sha.get(candidate.sha256, ("", ""))[1]
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


def _choose(group: Group, held_capture) -> None:
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


class _Names:
    """Slugs and capture names already used, so that no two pages share one."""

    def __init__(self, held: Held) -> None:
        self.slugs: set[str] = set(held.pages) | set(held.entries) | RESERVED
        self.entry_keys = {slug: addresses.key(entry.source_url)
                           for slug, entry in held.entries.items() if slug not in held.pages}
        self.claimed: set[str] = set()
        self.files = {name for name, is_file in held.capture_names.items() if is_file}
        self.folders = {name for name, is_file in held.capture_names.items() if not is_file}

    def clashes(self, name: str) -> bool:
        """True when the name, or a folder on its way to it, is taken below captures/."""
        lowered = name.lower()
        parts = lowered.split("/")
        return (lowered in self.files or lowered in self.folders
                or any("/".join(parts[:end]) in self.files for end in range(1, len(parts))))

    def keep(self, name: str) -> None:
        parts = name.lower().split("/")
        self.files.add("/".join(parts))
        self.folders.update("/".join(parts[:end]) for end in range(1, len(parts)))

    def free(self, base: str, key: str = "") -> str:
        """A slug from `base`: itself when no other page or entry has it, else numbered."""
        base = _short(base) or "page"
        for number in range(1, 10_000):
            slug = base if number == 1 else f"{base}-{number}"
            if slug not in self.slugs or self._adoptable(slug, key):
                self.slugs.add(slug)
                return slug
        raise ValueError(f"no free slug for {base}")

    def _adoptable(self, slug: str, key: str) -> bool:
        """An entry not preserved, with no address or this one, may become this page."""
        return (slug in self.entry_keys and self.entry_keys[slug] in ("", key)
                and slug not in self.claimed)


def _short(slug: str) -> str:
    if len(slug) <= MAX_SLUG:
        return slug
    cut = slug[:MAX_SLUG].rsplit("-", 1)[0]
    return cut or slug[:MAX_SLUG]


class _Index:
    """Where an address or a title leads: the slug of a page held or imported."""

    def __init__(self, held: Held, groups: list[Group]) -> None:
        self.by_key: dict[str, str] = {}
        self.titles: dict[str, list[str]] = {}
        self.held = held
        for slug, page in held.pages.items():
            if page.key:
                self.by_key.setdefault(page.key, slug)
            if page.readable:
                self.titles.setdefault(title_slug(page.title), []).append(slug)
        self.groups_by_key: dict[str, Group] = {}
        for group in groups:
            for key in group.keys:
                self.groups_by_key.setdefault(key, group)

    def add_groups(self, groups: list[Group]) -> None:
        for group in groups:
            for key in sorted(group.keys):
                self.by_key[key] = group.slug
            self.titles.setdefault(title_slug(group.title), []).append(group.slug)

    def by_text(self, text: str) -> str:
        """A text capture's link: the page whose title it gives, else the slug it makes."""
        wanted = title_slug(text)
        found = self.titles.get(wanted, [])
        if wanted in found or not found:
            return wanted
        return found[0] if len(found) == 1 else wanted


def _titles(groups: list[Group], held: Held, index: _Index) -> None:
    """A page's own heading; else the title it had; else what links to it call it; else
    what course.yaml calls it; else its address. Never its first paragraph."""
    texts: dict[int, Counter[str]] = {}
    for group in groups:
        candidate = group.best
        if candidate is None:
            continue
        for ref in candidate.parsed.refs():
            if ref.href is None:
                continue
            target = index.groups_by_key.get(addresses.key(
                addresses.resolve_link(candidate.address, candidate.location, ref.href)))
            if target is not None and target is not group and link_title(ref.text):
                texts.setdefault(id(target), Counter())[link_title(ref.text)] += 1
    for group in groups:
        own = [c.parsed.title for c in sorted(group.candidates, key=lambda c: c.order)
               if c.parsed.title]
        best = group.best.parsed.title if group.best else ""
        entry_title = next((held.entries[slug].title for slug in
                            (held.by_key.get(key, "") for key in sorted(group.keys))
                            if slug in held.entries and held.entries[slug].title), "")
        counted = texts.get(id(group))
        linked = (sorted(counted.items(), key=lambda item: (-item[1], item[0]))[0][0]
                  if counted else "")
        held_title = group.held.title if group.held is not None else ""
        group.title = (best or (own[0] if own else "") or held_title or linked or entry_title
                       or _address_title(group))


def _address_title(group: Group) -> str:
    """A title from the last part of the page's address: "violence.htm" is "Violence"."""
    candidate = group.best or group.candidates[0]
    for url in (candidate.address, candidate.location):
        parts = [part for part in PurePosixPath(addresses.key(url) or "").parts if part]
        while parts and parts[-1].lower().split(".")[0] in ("index", "default"):
            parts.pop()
        if parts:
            name = " ".join(safe_part(parts[-1]).rsplit(".", 1)[0].replace("_", " ")
                            .replace("-", " ").split())
            if slugify(name):
                return name[:1].upper() + name[1:]
    return "Untitled page"


def _slugs(groups: list[Group], held: Held, names: _Names) -> None:
    """Held pages keep their slugs; new ones take the slug of an entry waiting for their
    address, else one made from the title."""
    for group in groups:
        if group.held is not None:
            group.slug = group.held.slug
            names.claimed.add(group.slug)
    for group in groups:
        if group.held is not None:
            continue
        waiting = next((held.by_key[key] for key in sorted(group.keys)
                        if held.by_key.get(key) in held.entries
                        and held.by_key[key] not in held.pages
                        and held.by_key[key] not in names.claimed), "")
        key = next(iter(sorted(k for k in group.keys if not k.startswith("copy-"))), "")
        group.slug = waiting or names.free(title_slug(group.title), key)
        names.claimed.add(group.slug)


class _Resolver:
    """Every link's target: a page of the archive, one not preserved, or an address outside."""

    def __init__(self, held: Held, index: _Index, names: _Names) -> None:
        self.held, self.index, self.names = held, index, names
        self.stubs: dict[str, Stub] = {}
        self.stub_keys: dict[str, str] = {}
        self.pages = set(held.pages)

    def add_pages(self, groups: list[Group]) -> None:
        self.pages.update(group.slug for group in groups)

    def targets(self, group: Group) -> list[str]:
        if group.best is None:
            return []
        found = []
        for ref in group.best.parsed.refs():
            target = self.target(group.best, ref)
            if target.endswith(".md") or ".md#" in target:
                found.append(target.split(".md", 1)[0])
        return found

    def target(self, candidate: Candidate, ref: LinkRef) -> str:
        """The Markdown target of a link, '' for a link that can lead nowhere."""
        if ref.href is None:
            return self._by_text(ref.text, ref.hint)
        href = ref.href.strip()
        if href.startswith("#"):
            return href if len(href) > 1 else ""
        resolved = addresses.resolve_link(candidate.address, candidate.location, href)
        scheme = resolved.split(":", 1)[0].lower() if ":" in resolved else ""
        if scheme == "mailto":
            return resolved
        if scheme not in ("http", "https"):
            return ""
        key = addresses.key(resolved)
        fragment = resolved.split("#", 1)[1] if "#" in resolved else ""
        anchor = f"#{fragment}" if fragment else ""
        slug = self.index.by_key.get(key)
        if slug:
            return page_href(slug) + anchor
        if addresses.is_site(resolved):
            if not addresses.is_page(resolved):
                return addresses.canonical(resolved)
            return page_href(self._stub(key, addresses.canonical(resolved).split("#")[0],
                                        ref)) + anchor
        if key.split("/", 1)[0].endswith(addresses.LOCAL_SUFFIX):
            return self._by_text(ref.text, ref.hint)  # a page of the copy that it lacks
        return resolved

    def _by_text(self, text: str, hint: str) -> str:
        slug = self.index.by_text(text)
        if not slug or not SLUG_RE.match(slug):
            return ""
        if slug not in self.pages:
            stub = self.stubs.get(slug)
            if stub is None:
                entry = self.held.entries.get(slug)
                stub = self.stubs[slug] = Stub(slug, entry.title if entry and entry.title
                                               else link_title(text),
                                               entry.section if entry else hint,
                                               entry.source_url if entry else "")
            if text not in stub.texts:
                stub.texts.append(text)
        return page_href(slug)

    def survey(self, groups: list[Group]) -> None:
        """Give each address no page has one slug, from the text most links use for it."""
        missing: dict[str, tuple[str, list[str], str]] = {}
        for group in groups:
            if group.best is None:
                continue
            for ref in group.best.parsed.refs():
                if ref.href is None or ref.href.strip().startswith("#"):
                    continue
                resolved = addresses.resolve_link(group.best.address, group.best.location,
                                                  ref.href)
                key = addresses.key(resolved)
                if (key and key not in self.index.by_key and addresses.is_site(resolved)
                        and addresses.is_page(resolved)):
                    address = addresses.canonical(resolved).split("#")[0]
                    missing.setdefault(key, (address, [], ref.hint))[1].append(ref.text)
        for key in sorted(missing):
            address, texts, hint = missing[key]
            counts = Counter(texts)
            text = sorted(counts, key=lambda t: (-counts[t], -len(t), t))[0]
            self._stub(key, address, LinkRef(text, "", hint), texts)

    def _stub(self, key: str, address: str, ref: LinkRef, texts: list[str] | None = None
              ) -> str:
        slug = self.stub_keys.get(key) or self.held.by_key.get(key, "")
        if not slug:
            slug = self.names.free(title_slug(ref.text) or slugify(address), key)
            self.names.claimed.add(slug)
        self.stub_keys[key] = slug
        stub = self.stubs.get(slug)
        if stub is None:
            entry = self.held.entries.get(slug)
            section = addresses.section_of(address) or (entry.section if entry else ref.hint)
            stub = self.stubs[slug] = Stub(slug, entry.title if entry and entry.title
                                           else link_title(ref.text), section, address)
        if not stub.source_url:
            stub.source_url = address
        for text in texts if texts is not None else [ref.text]:
            if text not in stub.texts:
                stub.texts.append(text)
        return slug


def _source_url(group: Group) -> str:
    """The page's original address: its best capture's, else any capture's, else as held."""
    found = [c.address for c in [group.best, *sorted(group.candidates, key=lambda c: c.order)]
             if c is not None and c.address]
    return found[0] if found else group.held.field("source_url") if group.held else ""


def _section(group: Group, held: Held, given: str) -> str:
    """Given; else the address's folder; else what the archive said; else the page's text."""
    entry = held.entries.get(group.slug)
    held_section = group.held.field("section") if group.held is not None else ""
    return (given or addresses.section_of(group.source_url) or held_section
            or (entry.section if entry and entry.section != "other" else "")
            or (section_for(group.best.parsed) if group.best else ""))


def _majority(group: Group, groups: list[Group], held: Held, stubs: dict[str, Stub]) -> str:
    """A list page belongs to the section most of the pages it lists are in."""
    sections = {g.slug: g.section for g in groups}
    counts: Counter[str] = Counter()
    for slug in group.targets:
        section = (sections.get(slug) or (stubs[slug].section if slug in stubs else "")
                   or (held.pages[slug].field("section") if slug in held.pages else ""))
        if section and section != "other":
            counts[section] += 1
    if not counts:
        return ""
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[0][0]


@dataclass
class _Stored:
    files: dict[str, bytes] = field(default_factory=dict)  # "captures/..." -> bytes
    names: dict[str, str] = field(default_factory=dict)  # sha256 -> "captures/..."


def _store_captures(groups: list[Group], held: Held, names: _Names) -> _Stored:
    """Every capture of the import is kept once, under its own name unless another has it."""
    stored = _Stored()
    for sha, (file, _slug) in held.by_sha.items():
        stored.names[sha] = file
    for group in groups:
        for candidate in sorted(group.candidates, key=lambda c: c.order):
            if candidate.sha256 in stored.names:
                continue
            name = _capture_name(candidate, names)
            names.keep(name)
            stored.names[candidate.sha256] = f"captures/{name}"
            stored.files[f"captures/{name}"] = candidate.item.data
    return stored


def _capture_name(candidate: Candidate, names: _Names) -> str:
    """A safe relative name below captures/, distinct from every name already there."""
    parts = [safe_part(part) for part in
             (candidate.item.store_name or "capture").replace("\\", "/").split("/")]
    parts = [part for part in parts if part][-8:] or ["capture"]
    name = "/".join(parts)
    if not names.clashes(name):
        return name
    folder, _sep, leaf = name.rpartition("/")
    stem, dot, suffix = leaf.rpartition(".")
    stem, suffix = (stem, dot + suffix) if dot and stem else (leaf, "")
    unique = f"{stem}-{candidate.sha256[:12]}{suffix}"
    return f"{folder}/{unique}" if folder else unique


def safe_part(part: str) -> str:
    """One part of a kept capture's name: no control characters, separators or leading dots."""
    part = part.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    cleaned = "".join("_" if (unicodedata.category(char) in _UNSAFE or char in '\\:*?"<>|')
                      else char for char in part)
    cleaned = cleaned.strip().lstrip(".")
    return "" if cleaned in ("", "..") else cleaned[:100]


def _page_text(group: Group, resolver: _Resolver, stored: _Stored) -> tuple[str, str]:
    best = group.best
    assert best is not None
    entries: dict[str, dict[str, str]] = {}
    if group.held is not None:
        for entry in group.held.captures():
            if entry.get("sha256"):
                entries[entry["sha256"].lower()] = dict(entry)
    for candidate in group.candidates:
        entry = entries.get(candidate.sha256)
        if entry is not None:  # recorded before: only a date newly given is added
            if candidate.captured:
                entry["captured"] = candidate.captured
            continue
        fresh = {"file": stored.names[candidate.sha256], "sha256": candidate.sha256,
                 "captured": candidate.captured, "copy_url": shown(candidate.item.copy_url),
                 "from": shown(_origin(candidate, stored.names[candidate.sha256]))}
        entries[candidate.sha256] = {name: value for name, value in fresh.items() if value}
    chosen = entries.get(best.sha256, {"file": stored.names.get(best.sha256, ""),
                                       "sha256": best.sha256})
    listed = sorted(entries.values(), key=lambda e: (e.get("captured", ""), e["file"]))
    extra = len(listed) > 1 or any(set(entry) - {"file", "sha256", "captured"}
                                   for entry in listed)
    text = page_file_text(best.parsed, lambda ref: resolver.target(best, ref),
                          title=group.title, section=group.section,
                          source_url=group.source_url, captured=chosen.get("captured", ""),
                          capture_file=chosen["file"], capture_sha256=best.sha256,
                          captures=[_ordered(entry) for entry in listed] if extra else ())
    return text, chosen["file"]


def _origin(candidate: Candidate, stored: str) -> str:
    """The input the capture came from, when its kept name does not already say it."""
    origin = candidate.item.origin
    return "" if not origin or origin == PurePosixPath(stored).name else origin


def _ordered(entry: dict[str, str]) -> dict[str, str]:
    order = ("file", "sha256", "captured", "copy_url", "from")
    return {name: entry[name] for name in order if entry.get(name)}


def list_targets(page: HeldPage) -> list[str]:
    """The slugs a held page links to, in order (for the site's list pages)."""
    return [link.target[:-3].split("#")[0] for link in extract_links(page.body)
            if link.target.endswith(".md") and SLUG_RE.match(link.target[:-3])]

