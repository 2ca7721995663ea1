"""What an import did, for people (the terminal, the window) and as data (--json)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.capture.sources.items import Skip, shown
from reader.common.words import counted


@dataclass(frozen=True)
class PageOutcome:
    """One page of the import: new, updated or unchanged, and the captures it came from."""

    slug: str
    title: str
    status: str
    sources: tuple[str, ...]
    capture_file: str = ""  # the capture its body was made from
    encoding: str = ""  # how its first capture was read
    encoding_note: str = ""
    kind: str = ""


@dataclass
class ImportReport:
    content_dir: Path
    created: bool = False
    pages: list[PageOutcome] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    not_preserved: int = 0  # pages linked to that the archive does not hold
    written: list[str] = field(default_factory=list)
    manifest_updated: bool = False
    recovered: bool = False  # an import a crash had interrupted was undone first

    def having(self, status: str) -> list[PageOutcome]:
        return [page for page in self.pages if page.status == status]

    @property
    def refused(self) -> list[Skip]:
        """What looked like a page, or was unsafe, and was not imported."""
        return [skip for skip in self.skipped if skip.refused]

    @property
    def changed(self) -> bool:
        return bool(self.written)

    @property
    def ok(self) -> bool:
        return not self.refused

    def by_reason(self, refused: bool) -> Counter[str]:
        return Counter(reason_label(skip.reason) for skip in self.skipped
                       if skip.refused == refused)

    def summary(self) -> str:
        """One sentence: pages new, updated, unchanged, and what was skipped, by reason."""
        parts = [f"{len(self.having('new'))} new", f"{len(self.having('updated'))} updated",
                 f"{len(self.having('unchanged'))} unchanged"]
        text = f"{counted(len(self.pages), 'page')}: {', '.join(parts)}"
        refused = self.by_reason(True)
        if refused:
            text += "; skipped " + ", ".join(f"{count} ({reason})"
                                             for reason, count in sorted(refused.items()))
        quiet = sum(self.by_reason(False).values())
        if quiet:
            text += f"; {counted(quiet, 'other file')} not pages, passed over"
        if not self.changed:
            text += "; nothing changed"
        return text + "."

    def as_dict(self) -> dict[str, Any]:
        def page(outcome: PageOutcome) -> dict[str, Any]:
            return {"slug": outcome.slug, "title": outcome.title,
                    "from": [shown(name) for name in outcome.sources]}

        return {
            "content": str(self.content_dir),
            "created": self.created,
            "ok": self.ok,
            "changed": self.changed,
            "new": [page(p) for p in self.having("new")],
            "updated": [page(p) for p in self.having("updated")],
            "unchanged": [p.slug for p in self.having("unchanged")],
            "skipped": [{"file": shown(skip.name), "reason": skip.reason,
                         "refused": skip.refused} for skip in self.skipped],
            "skipped_by_reason": dict(sorted(self.by_reason(True).items())),
            "passed_over_by_reason": dict(sorted(self.by_reason(False).items())),
            "not_preserved": self.not_preserved,
            "written": self.written,
            "manifest_updated": self.manifest_updated,
        }


def reason_label(reason: str) -> str:
    """A reason without its particulars, to count skipped files by: "it is too large ..."."""
    return reason.split(" (", 1)[0].split(";", 1)[0].strip()
