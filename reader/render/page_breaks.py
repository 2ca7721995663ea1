"""Where a handout's sheets of paper begin, chosen as a typesetter would.

The handout is laid out as one long column (by Qt, in ui/sheets.py), and described here
as its lines from top to bottom; this decides after which lines each sheet ends:

- a part that asks for it (a new page of the course) begins a sheet;
- a heading is never the last thing on a sheet: it goes over with what follows;
- a note, or a row of a table, is never split (unless it is taller than a sheet);
- a paragraph leaves neither its first line alone at a sheet's foot nor its last line
  alone at the next one's head.

When no break keeps every rule (a heading with more text than a sheet holds), the sheet
is filled as far as it goes, so nothing is ever lost or left empty.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    """A line of the column, in the column's units; a note or a table row, never split,
    is one Line of its own block."""

    top: float
    bottom: float
    block: int  # the paragraph, heading, note or row it belongs to
    heading: bool = False
    new_sheet: bool = False  # its block must begin a sheet (a part after the first)


def sheet_starts(lines: list[Line], height: float) -> list[int]:
    """The index of the first line of each sheet; sheets are `height` tall."""
    if not lines:
        return []
    starts = [0]
    start = 0
    while True:
        end = start + 1
        while (end < len(lines) and not _forced(lines, end)
               and lines[end].bottom - lines[start].top <= height):
            end += 1
        if end >= len(lines):
            return starts
        if not _forced(lines, end):
            end = _better_break(lines, start, end)
        starts.append(end)
        start = end


def _forced(lines: list[Line], index: int) -> bool:
    return lines[index].new_sheet and lines[index - 1].block != lines[index].block


def _better_break(lines: list[Line], start: int, end: int) -> int:
    """The latest break at or before `end` that keeps the rules, or `end` itself."""
    cut = end
    while cut > start:
        before, after = lines[cut - 1], lines[cut]
        if before.heading:
            cut = _block_start(lines, cut - 1)  # the heading goes over with its text
        elif before.block == after.block:
            first = _block_start(lines, cut - 1)
            last = _block_end(lines, cut)
            if cut - first < 2 or last - first < 3:  # an orphan, or a short paragraph
                cut = first
            elif last - cut < 1:  # a widow: take one more line over
                cut -= 1
            else:
                return cut
        else:
            return cut
    return end


def _block_start(lines: list[Line], index: int) -> int:
    while index > 0 and lines[index - 1].block == lines[index].block:
        index -= 1
    return index


def _block_end(lines: list[Line], index: int) -> int:
    """The index of the last line of the block `index` belongs to."""
    while index + 1 < len(lines) and lines[index + 1].block == lines[index].block:
        index += 1
    return index
