"""Anchoring a note to a passage so it finds it again when the page's text changes.

Like the W3C Web Annotation TextQuoteSelector, an anchor keeps the quoted text
with some text before and after it, plus where it was. White space is folded
before matching, so a change of line breaks or spacing never loses a passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CONTEXT = 32  # characters of context kept on each side
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Anchor:
    quote: str
    prefix: str = ""
    suffix: str = ""
    position: int | None = None  # offset of the quote in the folded text


def fold_space(text: str) -> tuple[str, list[int]]:
    """The text with every run of white space made one space, and each char's origin."""
    folded: list[str] = []
    origin: list[int] = []
    last_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if last_space:
                continue
            folded.append(" ")
            last_space = True
        else:
            folded.append(char)
            last_space = False
        origin.append(index)
    return "".join(folded), origin


def make_anchor(text: str, start: int, end: int) -> Anchor:
    """The anchor of text[start:end] within a page's text."""
    folded, origin = fold_space(text)
    first = next((i for i, o in enumerate(origin) if o >= start), len(origin))
    last = next((i for i, o in enumerate(origin) if o >= end), len(origin))
    quote = folded[first:last].strip()
    lead = len(folded[first:last]) - len(folded[first:last].lstrip())
    begin = first + lead
    return Anchor(quote=quote, prefix=folded[max(0, begin - CONTEXT):begin],
                  suffix=folded[begin + len(quote):begin + len(quote) + CONTEXT],
                  position=begin)


def locate(anchor: Anchor, text: str) -> tuple[int, int] | None:
    """Where the anchored passage is in `text` now (offsets into `text`), or None."""
    if not anchor.quote:
        return None
    folded, origin = fold_space(text)
    quote = _SPACE.sub(" ", anchor.quote).strip()
    candidates = [m.start() for m in re.finditer(re.escape(quote), folded)]
    if not candidates:
        lowered = folded.casefold()
        candidates = [m.start() for m in re.finditer(re.escape(quote.casefold()), lowered)]
    if not candidates:
        return None
    best = max(candidates, key=lambda at: _score(anchor, folded, at, len(quote)))
    end = best + len(quote)
    return origin[best], origin[end - 1] + 1


def _score(anchor: Anchor, folded: str, at: int, length: int) -> float:
    """Prefer the occurrence whose surroundings match the anchor, then the nearest one."""
    before = folded[max(0, at - len(anchor.prefix)):at]
    after = folded[at + length:at + length + len(anchor.suffix)]
    context = _common_suffix(before, anchor.prefix) + _common_prefix(after, anchor.suffix)
    distance = abs(at - anchor.position) if anchor.position is not None else 0
    return context - distance / 1_000_000


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
