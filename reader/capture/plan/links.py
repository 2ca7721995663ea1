"""Where every link leads: to a page held or imported (by its address, or for a text
capture by its title), to one page not preserved per missing address, or outside."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath

from reader.archive.links import page_href
from reader.capture import addresses
from reader.capture.candidates import Candidate
from reader.capture.held import Held
from reader.capture.plan.model import Group, Stub
from reader.capture.plan.names import Names, safe_part
from reader.capture.text_capture import LinkRef, link_title, title_slug
from reader.common.slugs import SLUG_RE, slugify


class Index:
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
        found = sorted(set(self.titles.get(wanted, []))) if wanted else []
        if wanted in found or not found:
            return wanted
        return found[0] if len(found) == 1 else wanted


def give_titles(groups: list[Group], held: Held, index: Index) -> None:
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


class Resolver:
    """Every link's target: a page of the archive, one not preserved, or an address outside."""

    def __init__(self, held: Held, index: Index, names: Names) -> None:
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
