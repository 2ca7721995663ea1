"""Each page file of the plan: its address, its section, and its text with the
provenance of every capture it was made from."""

from __future__ import annotations

from collections import Counter
from pathlib import PurePosixPath

from reader.capture import addresses
from reader.capture.candidates import Candidate
from reader.capture.held import Held
from reader.capture.plan.links import Resolver
from reader.capture.plan.model import Group, Stub
from reader.capture.plan.names import Stored
from reader.capture.sources.items import shown
from reader.capture.text_capture import page_file_text, section_for


def source_url_of(group: Group) -> str:
    """The page's original address: its best capture's, else any capture's, else as held."""
    found = [c.address for c in [group.best, *sorted(group.candidates, key=lambda c: c.order)]
             if c is not None and c.address]
    return found[0] if found else group.held.field("source_url") if group.held else ""


def page_section(group: Group, held: Held, given: str) -> str:
    """Given; else the address's folder; else what the archive said; else the page's text."""
    entry = held.entries.get(group.slug)
    held_section = group.held.field("section") if group.held is not None else ""
    return (given or addresses.section_of(group.source_url) or held_section
            or (entry.section if entry and entry.section != "other" else "")
            or (section_for(group.best.parsed) if group.best else ""))


def list_section(group: Group, groups: list[Group], held: Held, stubs: dict[str, Stub]) -> str:
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


def page_text(group: Group, resolver: Resolver, stored: Stored) -> tuple[str, str]:
    """The page file, and the capture its body was made from."""
    best = group.best
    assert best is not None
    entries = [dict(entry) for entry in group.held.captures()] if group.held else []
    for candidate in sorted(group.candidates, key=lambda c: c.order):
        _record(entries, candidate, stored.names[candidate.sha256])
    file = stored.names.get(best.sha256, "")
    dates = [entry.get("captured", "") for entry in entries
             if entry.get("sha256", "").lower() == best.sha256]
    listed = sorted(entries, key=lambda e: (e.get("captured", ""), e["file"]))
    extra = len(listed) > 1 or any(set(entry) - {"file", "sha256", "captured"}
                                   for entry in listed)
    text = page_file_text(best.parsed, lambda ref: resolver.target(best, ref),
                          title=group.title, section=group.section,
                          source_url=group.source_url, captured=max(dates, default=""),
                          capture_file=file, capture_sha256=best.sha256,
                          captures=[_ordered(entry) for entry in listed] if extra else ())
    return text, file


def _record(entries: list[dict[str, str]], candidate: Candidate, file: str) -> None:
    """Add a capture to the provenance, once for each date it was captured on; a capture
    recorded before only gains a date it lacked."""
    same = [entry for entry in entries if entry.get("sha256", "").lower() == candidate.sha256]
    if same and (not candidate.captured
                 or any(entry.get("captured") == candidate.captured for entry in same)):
        return
    undated = next((entry for entry in same if not entry.get("captured")), None)
    if undated is not None:
        undated["captured"] = candidate.captured
        return
    fresh = {"file": file, "sha256": candidate.sha256, "captured": candidate.captured,
             "copy_url": shown(candidate.item.copy_url),
             "from": shown(_origin(candidate, file))}
    entries.append({name: value for name, value in fresh.items() if value})


def _origin(candidate: Candidate, stored: str) -> str:
    """The input the capture came from, when its kept name does not already say it."""
    origin = candidate.item.origin
    return "" if not origin or origin == PurePosixPath(stored).name else origin


def _ordered(entry: dict[str, str]) -> dict[str, str]:
    order = ("file", "sha256", "captured", "copy_url", "from")
    return {name: entry[name] for name in order if entry.get(name)}
