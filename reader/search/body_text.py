"""Plain text of a Markdown body for the search index, without rendering it.

Not the renderer: Python-Markdown costs about 2.5 ms a page, too slow for a
10,000-page archive, while the index only needs the visible words in order.
"""

from __future__ import annotations

import html
import re

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Whole lines that show nothing: code fences, [TOC], link definitions, rules, table rules.
# The patterns start with a newline (the text gets one in front): a literal first
# character lets the regex engine skip ahead, which `^` with re.M does not.
_BLANK_LINES = re.compile(
    r"\n[ \t]*(?:(?:```|~~~)[^\n]*|\[TOC\][ \t]*|\[[^\]\n]+\]:[ \t]+\S[^\n]*"
    r"|([-*_=])(?:[ \t]*\1){2,}[ \t]*"
    r"|(?:\|[ \t]*)?:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*)(?=\n|$)")
# Marks at the start of a line: headings, list items, block quotes.
_LINE_MARKS = re.compile(r"\n[ \t]*(?:#{1,6}[ \t]+|(?:[-*+]|\d+[.)])[ \t]+|(?:>[ \t]?)+)")
_CLOSING_HASHES = re.compile(r"[ \t]#+[ \t]*$", re.M)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\](?:\([^)]*\)|\[[^\]]*\])")
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]:?")
_ATTR_LIST = re.compile(r"\{:?[ \t]*[#.][^}]*\}")
_STARS = re.compile(r"\*+")
_UNDERSCORES = re.compile(r"_+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def markdown_text(markdown: str) -> str:
    """The words a reader sees in a Markdown body, as plain text, for the index.

    Not the renderer: Python-Markdown costs ~2.5 ms a page, too slow for a
    10,000-page archive, while the index only needs the visible words in order
    (link text without addresses, no markup). Raw HTML stays as text, as the
    renderer shows it. Each pass runs only when its marker character occurs.
    """
    text = CONTROL.sub(" ", "\n" + markdown)
    text = _BLANK_LINES.sub("\n", text)
    text = _LINE_MARKS.sub("\n", text)
    if "#" in text:
        text = _CLOSING_HASHES.sub("", text)
    if "[" in text:
        text = _IMAGE.sub(r"\1", text)
        text = _LINK.sub(r"\1", text)
        text = _FOOTNOTE_REF.sub("", text)
    if "{" in text:
        text = _ATTR_LIST.sub("", text)
    if "*" in text:
        text = _STARS.sub(_emphasis_mark, text)
    if "_" in text:
        text = _UNDERSCORES.sub(_emphasis_mark, text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    text = text[1:].replace("`", "").replace("|", " ")
    return html.unescape(text) if "&" in text else text


def _emphasis_mark(match: re.Match[str]) -> str:
    """Drop a run of * or _ that opens or closes emphasis; keep literal and escaped ones."""
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before == "\\" or (before.isspace() and after.isspace()):
        return match.group(0)
    if match.group(0)[0] == "_" and before.isalnum() and after.isalnum():
        return match.group(0)  # snake_case: Markdown leaves underscores inside words alone
    return ""
