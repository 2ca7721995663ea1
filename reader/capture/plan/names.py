"""Names: every page's slug and every kept capture's file name, distinct from those the
archive already has; held pages keep theirs."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

from reader.capture import addresses
from reader.capture.candidates import Candidate
from reader.capture.held import Held
from reader.capture.plan.model import MAX_SLUG, RESERVED, Group
from reader.capture.text_capture import title_slug

_UNSAFE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})  # in no file name we keep


class Names:
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


def give_slugs(groups: list[Group], held: Held, names: Names) -> None:
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


@dataclass
class Stored:
    files: dict[str, bytes] = field(default_factory=dict)  # "captures/..." -> bytes
    names: dict[str, str] = field(default_factory=dict)  # sha256 -> "captures/..."


def store_captures(groups: list[Group], held: Held, names: Names) -> Stored:
    """Every capture of the import is kept once, under its own name unless another has it."""
    stored = Stored()
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


def _capture_name(candidate: Candidate, names: Names) -> str:
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
    cut = cleaned.encode("utf-8")[:120].decode("utf-8", "ignore")  # file systems count bytes
    return "" if cut in ("", "..") else cut
