"""The site's furniture: what every OTPIC page repeated around its own text.

Captures differ in how much of it they kept and in what shape: the menu line
may be shorter or missing, table layouts flatten into lines with cell borders,
pictures become placeholders, mirrors wrap long lines, and a capture may stop
in the middle of its footer. These are rules about the furniture, so that any
page's furniture is told from its text the same way; nothing here knows a page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BANNER_TITLE = "OTPIC Officially Retired"
BANNER = (
    "As of December 2, 2005, the Online Training Program on Intractable Conflict (OTPIC) has "
    "been officially retired, and is no longer open to new registrations.",
    "The successor to OTPIC is a course called Dealing Constructively with Intractable "
    "Conflicts (DCIC). The new curriculum is built around one of our major projects, Beyond "
    "Intractability, and offers a much more extensive and informative set of learning "
    "materials than that available through OTPIC.",
)
BANNER_STARTS = tuple(paragraph[:48] for paragraph in BANNER)
PROGRAM_HEADER = ("International Online Training Program On Intractable Conflict",
                  "Conflict Research Consortium, University of Colorado, USA")
# The items the site's menu line was made of, in any of its shorter or longer forms.
MENU_ITEMS = frozenset({"opening page", "glossary", "menu shortcut page", "menu", "home",
                        "home page", "program overview", "search", "contents", "help"})
IMAGE = re.compile(r"^(?:!\[[^\]]*\]\([^)]*\)|\[(?:img|image|inline|picture)[^\]]*\]|"
                   r"\S+\.(?:gif|jpe?g|png|bmp)(?:\s*\(\d[\d,.]*\s*(?:k?bytes|kb)\))?)$", re.I)
FOOTER = re.compile(r"^(?:Copyright|©|\(c\))\s*(?:©|\(c\))?\s*\d{4}.*Conflict Research Consortium",
                    re.I)
FOOTER_START = re.compile(r"^(?:Copyright|©|\(c\))\s*(?:©|\(c\))?\s*(?:19|20)\d\d\b\s*", re.I)
FOOTER_OWNER = "Conflict Research Consortium"
BACK_BUTTON = re.compile(r"^(?:please\s+)?use\s+(?:the|your)\s+[\"“”']?back[\"“”']?\s+button\b",
                         re.I)
SUMMARY_HEADER = re.compile(r"^(?:an?\s+)?(?:article|book|chapter|report|essay|paper)\s+"
                            r"summary:?$", re.I)
READING_MARK = re.compile(r"^PUBLICATION TYPE:", re.I)
_BORDER = re.compile(r"^(?:\|\s*)+|(?:\s*\|)+$")
_SPACES = re.compile(r"\s+")
_WRAPPED = (BANNER_TITLE, *BANNER, *PROGRAM_HEADER)

# What a line is; KEPT lines are the page's own text.
KEPT, BANNER_LINE, HEADER, MENU, PICTURE, FOOTER_LINE, BACK, SUMMARY = (
    "", "banner", "header", "menu", "picture", "footer", "back", "summary")


@dataclass(frozen=True)
class Furniture:
    """What each line of a capture is, and the rights statement its footer made."""

    kinds: tuple[str, ...]
    bare: tuple[str, ...]  # each line without its cell borders
    rights: str

    @property
    def marks(self) -> int:
        """How many lines are the site's own furniture (or a reading's publication mark)."""
        return (sum(1 for kind in self.kinds if kind != KEPT)
                + sum(1 for line in self.bare if READING_MARK.match(line)))

    def has(self, kind: str) -> bool:
        return kind in self.kinds


def bare_line(line: str) -> str:
    """A line without the cell borders (" |") a flattened table layout leaves."""
    line = line.strip()
    return _BORDER.sub("", line).strip() if "|" in line else line


def is_menu(line: str) -> bool:
    """The site's menu line: "Opening Page | Glossary | Menu Shortcut Page", or part of it."""
    if len(line) > 120 or ("|" not in line and not line.lower().endswith("page")):
        return False
    items = [_SPACES.sub(" ", item).strip().lower() for item in line.split("|")]
    items = [item for item in items if item]
    if not items or any(item not in MENU_ITEMS for item in items):
        return False
    return len(items) >= 2 or items[0] in ("menu shortcut page", "opening page")


def classify(lines: list[str]) -> Furniture:
    """Tell the furniture of a capture from its text, line by line."""
    bare = [bare_line(line) for line in lines]
    kinds = [_kind(line) for line in bare]
    _unwrap(bare, kinds)
    rights = _footer(bare, kinds)
    return Furniture(tuple(kinds), tuple(bare), rights)


def _kind(line: str) -> str:
    if not line:
        return KEPT
    if line == BANNER_TITLE or line.startswith(BANNER_STARTS):
        return BANNER_LINE
    if line in PROGRAM_HEADER:
        return HEADER
    if is_menu(line):
        return MENU
    if IMAGE.match(line) or all(IMAGE.match(piece) for piece in line.split()):
        return PICTURE
    if BACK_BUTTON.match(line):
        return BACK
    if SUMMARY_HEADER.match(line):
        return SUMMARY
    if FOOTER.match(line):
        return FOOTER_LINE
    return KEPT


def _unwrap(bare: list[str], kinds: list[str]) -> None:
    """Banner and header lines that a mirror wrapped over several lines are furniture too."""
    for start, line in enumerate(bare):
        if kinds[start] != KEPT or len(line) < 8:
            continue
        for phrase in _WRAPPED:
            if not phrase.startswith(line):
                continue
            joined, end = line, start
            while end + 1 < len(bare) and bare[end + 1] and kinds[end + 1] == KEPT:
                longer = f"{joined} {bare[end + 1]}"
                if not phrase.startswith(longer):
                    break
                joined, end = longer, end + 1
            if joined == phrase and end > start:
                kind = HEADER if phrase in PROGRAM_HEADER else BANNER_LINE
                for number in range(start, end + 1):
                    kinds[number] = kind
                break


def _footer(bare: list[str], kinds: list[str]) -> str:
    """The rights statement: the copyright footer, also when wrapped or cut short at the end."""
    rights = ""
    for number, line in enumerate(bare):
        if kinds[number] == FOOTER_LINE:
            rights = line
    filled = [number for number, line in enumerate(bare)
              if line and kinds[number] in (KEPT, FOOTER_LINE)]
    for start in filled[-3:]:
        match = FOOTER_START.match(bare[start])
        if not match:
            continue
        tail = [number for number in filled if number >= start]
        joined = " ".join(bare[number] for number in tail)
        rest = _SPACES.sub(" ", joined[match.end():]).strip()
        if len(joined) > 200 or not (FOOTER_OWNER in rest or FOOTER_OWNER.startswith(rest)):
            continue
        for number in tail:
            kinds[number] = FOOTER_LINE
        return joined
    return rights
