"""A bound on how deeply a page's lists and quotes nest, applied before Python-Markdown reads it.

Python-Markdown parses each level of a list or quote by calling itself again, and walks the
tree it built the same way: a line of 500 list markers (`- - - … word`), or lists indented
1,000 levels, end in RecursionError (or take seconds first), in print, export-site and the
window alike. No page of the course nests more than a few levels, so a line that would open
more than MAX_NESTING is cut back to that many: its extra markers and indentation go, and
every word stays.
"""

from __future__ import annotations

import re

from markdown.preprocessors import Preprocessor

MAX_NESTING = 16  # levels of lists and quotes, indentation included
INDENT = 4  # Python-Markdown's tab length: one level of indentation
# the indentation, then the markers that open a level each: list items and quotes
_OPENING = re.compile(r"( *)((?:(?:[*+-]|\d{1,9}[.)]) +|> ?)*)")
_MARKER = re.compile(r"(?:[*+-]|\d{1,9}[.)]) +|> ?")


def cap_line(line: str) -> str:
    """The line with at most MAX_NESTING levels opened by its indentation and markers."""
    found = _OPENING.match(line)
    indent, markers = found.group(1), found.group(2)
    levels = len(indent) // INDENT
    if not markers and levels <= MAX_NESTING:
        return line
    opened = _MARKER.findall(markers)
    if levels + len(opened) <= MAX_NESTING:
        return line
    kept_indent = min(len(indent), INDENT * MAX_NESTING)
    room = MAX_NESTING - kept_indent // INDENT
    return " " * kept_indent + "".join(opened[:room]) + line[found.end():]


def cap_nesting(lines: list[str]) -> list[str]:
    return [cap_line(line) if line[:1] in _STARTS else line for line in lines]


_STARTS = frozenset(" *+->0123456789")  # the first characters of a line cap_line may change


class NestingCap(Preprocessor):
    """Runs after Python-Markdown has expanded tabs, so indentation is counted in spaces."""

    def run(self, lines: list[str]) -> list[str]:
        return cap_nesting(lines)
