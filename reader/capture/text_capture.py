"""Turn the text of a captured OTPIC page into a page file, word for word.

The captures keep the site's furniture (retirement banner, program header,
image placeholders, navigation line, copyright footer). The page file keeps
only the page itself: the footer moves into `rights`, the "Links to ..."
lists become relative links with their descriptions under them.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import yaml

from reader.archive.links import page_href
from reader.common.slugs import slugify

BANNER_TITLE = "OTPIC Officially Retired"
BANNER_STARTS = ("As of December 2, 2005, the Online Training Program",
                 "The successor to OTPIC is a course called")
PROGRAM_HEADER = ("International Online Training Program On Intractable Conflict",
                  "Conflict Research Consortium, University of Colorado, USA")
NAVIGATION = re.compile(r"^Opening Page\s*\|\s*Glossary\s*\|\s*Menu Shortcut Page$", re.I)
IMAGE_PLACEHOLDER = re.compile(r"^\S+\.(?:gif|jpe?g|png|bmp)\s*\(\d[\d,]*\s*bytes\)$", re.I)
FOOTER = re.compile(r"^(?:Copyright|©|\(c\))\s*(?:©|\(c\))?\s*\d{4}.*Conflict Research Consortium",
                    re.I)
READING_MARK = re.compile(r"^PUBLICATION TYPE:", re.I)
LINKS_HEADING = re.compile(r"^Links to\b(?!.*\.$).{0,150}$", re.I)
AUTHOR_PREFIX = re.compile(r"^[^:]*?\s--\s+")
SECTION_FOLDERS = {"/peace/problem/": "problems", "/peace/treatment/": "approaches",
                   "/peace/example/": "examples"}


class CaptureError(ValueError):
    """A capture that cannot be imported; the message completes "skipped FILE: ..."."""


class NotAnOtpicPage(CaptureError):
    """The capture has none of the marks of an OTPIC page or of a reading it linked to."""


def title_slug(title: str) -> str:
    """The slug of a page from its title: the short title, without an author prefix.

    Link lists name works as "Author -- Title: Subtitle"; pages are titled
    "Title: Subtitle" or "Title, and more". Both give the slug of "Title", so a
    link made today comes alive when the page it names is imported later.
    """
    work = AUTHOR_PREFIX.sub("", title.strip())
    short = re.split(r"[:,?]", work, maxsplit=1)[0]
    return slugify(short) or slugify(work) or slugify(title)


@dataclass
class ParsedCapture:
    """What a capture holds once the site's furniture is taken off."""

    title: str
    rights: str = ""
    blocks: list[str] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)


def parse_capture(text: str, link_lines: frozenset[str] | None = None) -> ParsedCapture:
    """Strip the furniture from a capture and shape its body as Markdown blocks.

    `link_lines` are the lines that were a whole link in a saved HTML page: in a
    "Links to ..." list they, and only they, are the linked titles. A text
    capture has no such marks, so its titles are told from their descriptions by
    punctuation (descriptions are sentences).
    """
    lines = [line.rstrip() for line in text.splitlines()]
    marks = 0
    kept: list[str] = []
    rights = ""
    for line in lines:
        bare = line.strip()
        if (bare == BANNER_TITLE or bare.startswith(BANNER_STARTS) or bare in PROGRAM_HEADER
                or NAVIGATION.match(bare) or IMAGE_PLACEHOLDER.match(bare)):
            marks += 1
            continue
        if FOOTER.match(bare):
            marks += 1
            rights = bare
            continue
        if READING_MARK.match(bare):
            marks += 1
        kept.append(bare)
    if not marks:
        raise NotAnOtpicPage("it has none of the marks of an OTPIC page (banner, program "
                             "header, navigation line, copyright footer or publication type)")
    while kept and not kept[0]:
        kept.pop(0)
    if not kept:
        raise NotAnOtpicPage("it has no title and no text once the site's furniture is removed")
    parsed = ParsedCapture(title=kept[0], rights=rights)
    _shape_body(parsed, [line for line in kept[1:] if line], link_lines or frozenset())
    return parsed


def _shape_body(parsed: ParsedCapture, lines: list[str], link_lines: frozenset[str]) -> None:
    """Paragraphs stay paragraphs; each "Links to ..." list becomes a list of links."""
    in_links = False
    is_description = _is_description
    for number, line in enumerate(lines):
        if LINKS_HEADING.match(line):
            parsed.headings.append(line)
            parsed.blocks.append("## " + escape_markdown(line))
            in_links = True
            is_description = _describer(lines[number + 1:], link_lines)
            continue
        if in_links and is_description(line):
            last = parsed.blocks[-1]
            if last.startswith("- "):
                joiner = "\n\n    " if "\n" not in last else " "
                parsed.blocks[-1] = last + joiner + escape_markdown(line)
            else:
                parsed.blocks.append(escape_markdown(line))
            continue
        if in_links:
            target = page_href(title_slug(line))
            parsed.blocks.append(f"- [{escape_markdown(line)}]({target})")
            continue
        parsed.blocks.append(escape_markdown(line))


def _is_description(line: str) -> bool:
    """Descriptions and introductions are sentences; the linked titles are not."""
    return line.endswith((".", ":", ".)", '."'))


def _describer(following: list[str], link_lines: frozenset[str]) -> Callable[[str], bool]:
    """How to tell descriptions in one links list: by the HTML links when it has any."""
    section = []
    for line in following:
        if LINKS_HEADING.match(line):
            break
        section.append(line)
    if any(line in link_lines for line in section):
        return lambda line: line not in link_lines
    return _is_description


_SPECIAL = re.compile(r"([\\`*_\[\]])")
_LINE_START = re.compile(r"^(#|>|[-+*] |-(?=(?:\s*-){2,}\s*$))")
_NUMBERED = re.compile(r"^(\d+)\. ")


def escape_markdown(line: str) -> str:
    """Keep a line of archived text literal when it is read as Markdown."""
    line = _SPECIAL.sub(r"\\\1", line)
    line = _LINE_START.sub(lambda m: "\\" + m.group(1), line)
    return _NUMBERED.sub(r"\1\\. ", line)


def section_for(parsed: ParsedCapture, source_url: str) -> str:
    """The section a page belongs to: from its original address, else from its text."""
    for folder, section in SECTION_FOLDERS.items():
        if folder in source_url:
            return section
    if any(READING_MARK.match(block) for block in parsed.blocks):
        return "examples"
    headings = " ".join(parsed.headings).lower()
    if "this problem" in headings or "related solution" in headings:
        return "problems"
    if "this approach" in headings or "related problem" in headings:
        return "approaches"
    return ""


def page_file_text(parsed: ParsedCapture, *, section: str, source_url: str, captured: str,
                   capture_file: str, capture_sha256: str) -> str:
    """The page file for a parsed capture: front matter with provenance, then the body."""
    meta = {
        "title": parsed.title,
        "section": section,
        "source_url": source_url,
        "captured": captured,
        "rights": parsed.rights,
        "capture_file": capture_file,
        "capture_sha256": capture_sha256,
    }
    front = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    body = "\n\n".join(parsed.blocks)
    return f"---\n{front}---\n\n{body}\n"
