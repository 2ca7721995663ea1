"""Turn the lines of a captured OTPIC page into a page file, word for word.

The captures keep the site's furniture (see furniture.py); the page file keeps
only the page itself: the footer moves into `rights`, the "Links to ..." lists
become lists of links with their descriptions under them. Where a link leads
is decided later, once every page of an import is known (see plan.py), so a
parsed capture holds each link's text and address, not its target.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field

import yaml

from reader.capture import furniture
from reader.capture.furniture import KEPT, READING_MARK
from reader.common.slugs import slugify

LINKS_HEADING = re.compile(r"^Links to\b(?!.*\.$).{0,150}$", re.I)
AUTHOR_PREFIX = re.compile(r"^[^:]*?\s--\s+")
# The section a "Links to ..." heading names, by the first of these words it holds.
HEADING_SECTIONS = (("outside source", "resources"), ("other source", "resources"),
                    ("resource", "resources"), ("example", "examples"), ("problem", "problems"),
                    ("approach", "approaches"), ("solution", "approaches"),
                    ("treatment", "approaches"), ("essay", "theory"), ("theor", "theory"))
_NAME_WORD = re.compile(r"^(?:[A-Z][\w'’.-]*|[A-Z]\.|\((?:eds?\.?|editors?)\))$")
_NAME_JOINERS = frozenset({"and", "&", "de", "van", "von", "der", "den", "la", "le", "du", "da",
                           "di", "al", "el", "bin"})


class CaptureError(ValueError):
    """A capture that cannot be imported; the message completes "skipped FILE: ..."."""


class NotAnOtpicPage(CaptureError):
    """The capture has none of the marks of an OTPIC page or of a reading it linked to."""


@dataclass(frozen=True)
class Line:
    """A line as its reader saw it; saved HTML also says where its links led."""

    text: str
    href: str | None = None  # the whole line is a link to this address
    heading: bool = False  # an HTML heading (h1 to h6)
    anchors: tuple[tuple[int, int, str], ...] = ()  # links inside it: (start, end, href)


@dataclass(frozen=True)
class LinkRef:
    """A link as the capture gives it: its text, its address (None in a text capture), and
    the section the "Links to ..." heading above it names."""

    text: str
    href: str | None
    hint: str = ""


@dataclass
class Paragraph:
    text: str
    links: tuple[tuple[int, int, LinkRef], ...] = ()


@dataclass
class Heading:
    text: str


@dataclass
class LinkItem:
    ref: LinkRef
    descriptions: list[str] = field(default_factory=list)


Block = Paragraph | Heading | LinkItem


def title_slug(title: str) -> str:
    """The slug of a page from its title: the short title, without an author prefix.

    Link lists name works as "Author -- Title: Subtitle"; pages are titled
    "Title: Subtitle" or "Title, and more". Both give the slug of "Title", so a
    link made today comes alive when the page it names is imported later.
    """
    work = AUTHOR_PREFIX.sub("", title.strip())
    short = re.split(r"[:,?]", work, maxsplit=1)[0]
    return slugify(short) or slugify(work) or slugify(title)


def link_title(text: str) -> str:
    """The title a link's text gives the page it names: without the "Author -- " prefix."""
    return AUTHOR_PREFIX.sub("", text.strip()).strip() or text.strip()


@dataclass
class ParsedCapture:
    """What a capture holds once the site's furniture is taken off; no title when the
    page's heading was a picture or is missing."""

    title: str
    rights: str = ""
    blocks: list[Block] = field(default_factory=list)
    headings: list[str] = field(default_factory=list)
    reading: bool = False  # no program header: a reading's summary, or an essay

    def refs(self) -> Iterator[LinkRef]:
        """Every link of the body, in order."""
        for block in self.blocks:
            if isinstance(block, LinkItem):
                yield block.ref
            elif isinstance(block, Paragraph):
                for _start, _end, ref in block.links:
                    yield ref

    @property
    def completeness(self) -> int:
        """How much of the page a capture holds: the characters of its body."""
        total = 0
        for block in self.blocks:
            if isinstance(block, LinkItem):
                total += len(block.ref.text) + sum(len(line) for line in block.descriptions)
            else:
                total += len(block.text)
        return total


def parse_capture(source: str | Sequence[Line]) -> ParsedCapture:
    """Strip the furniture from a capture and shape its body into blocks.

    A text capture has no marks of which lines were links, so in its "Links
    to ..." lists titles are told from descriptions by punctuation (descriptions
    are sentences); saved HTML says which lines were links, and where to.
    """
    lines = [Line(text) for text in source.splitlines()] if isinstance(source, str) else source
    found = furniture.classify([line.text for line in lines])
    if not found.marks:
        raise NotAnOtpicPage("it has none of the marks of an OTPIC page (banner, program "
                             "header, navigation line, copyright footer or publication type)")
    kept = [_bare(line, found.bare[number]) for number, line in enumerate(lines)
            if found.kinds[number] == KEPT and found.bare[number]]
    if not kept:
        raise NotAnOtpicPage("it has no title and no text once the site's furniture is removed")
    reading = not found.has(furniture.HEADER)
    title_at = _title_index(lines, found, kept, reading)
    parsed = ParsedCapture(title=kept[title_at].text if title_at is not None else "",
                           rights=found.rights, reading=reading)
    _shape_body(parsed, [line for number, line in enumerate(kept) if number != title_at])
    return parsed


def _bare(line: Line, bare: str) -> Line:
    if bare == line.text:
        return line
    return Line(bare, line.href if line.href is not None and bare else None, line.heading)


def _title_index(lines: Sequence[Line], found: furniture.Furniture, kept: list[Line],
                 reading: bool) -> int | None:
    """Which kept line is the page's heading, or None when the page shows none.

    An HTML heading near the top is one; else the line just above the menu line;
    else the first line, if it is shaped like a heading and is not a reading's
    author line. Never a paragraph.
    """
    for number, line in enumerate(kept[:3]):
        if line.heading and not LINKS_HEADING.match(line.text):
            return number
    if furniture.MENU in found.kinds:
        menu = found.kinds.index(furniture.MENU)
        above = sum(1 for number in range(menu)
                    if found.kinds[number] == KEPT and found.bare[number])
        if above == 0:
            return None  # the menu line follows the program header: the heading was a picture
        if above <= 2:
            return next((n for n in range(above) if heading_shaped(kept[n].text)), None)
    first = kept[0].text
    if not heading_shaped(first) or (reading and is_byline(first)):
        return None
    return 0


def heading_shaped(line: str) -> bool:
    """A line that can be a title: short, and not a sentence or an introduction."""
    return (len(line) <= 150 and len(line.split()) <= 20 and any(c.isalnum() for c in line)
            and not line.endswith((".", ",", ";", ":")) and not LINKS_HEADING.match(line))


def is_byline(line: str) -> bool:
    """An author line, as readings open with: "Paul Wehr", "Jane Doe and R. Roe (eds.)"."""
    words = [word for word in re.split(r"\s+|,\s*", line.strip()) if word]
    names = sum(1 for word in words if _NAME_WORD.match(word))
    return (2 <= len(words) <= 10 and names >= 2 and not re.search(r"[:?!]", line)
            and all(_NAME_WORD.match(word) or word in _NAME_JOINERS for word in words))


def heading_section(heading: str) -> str:
    """The section a "Links to ..." heading names, or ''."""
    lowered = heading.lower()
    return next((section for word, section in HEADING_SECTIONS if word in lowered), "")


def _shape_body(parsed: ParsedCapture, lines: list[Line]) -> None:
    """Paragraphs stay paragraphs; each "Links to ..." list becomes a list of links, and
    in saved HTML a line that is one link anywhere else becomes a link too."""
    in_links = False
    hint = ""
    is_description: Callable[[Line], bool] = _is_description
    for number, line in enumerate(lines):
        text = line.text
        if LINKS_HEADING.match(text):
            parsed.headings.append(text)
            parsed.blocks.append(Heading(text))
            in_links, hint = True, heading_section(text)
            is_description = _describer(lines[number + 1:])
            continue
        if line.heading:
            parsed.blocks.append(Heading(text))
            in_links = False
            continue
        last = parsed.blocks[-1] if parsed.blocks else None
        if in_links and is_description(line):
            if isinstance(last, LinkItem):
                last.descriptions.append(text)
            else:
                parsed.blocks.append(_paragraph(line))
            continue
        if in_links or line.href is not None:
            parsed.blocks.append(LinkItem(LinkRef(text, line.href, hint if in_links else "")))
            continue
        if isinstance(last, LinkItem) and (_link_follows(lines, number)
                                           or _closes_list(parsed.blocks, lines, number)):
            last.descriptions.append(text)  # in a list page's run of links: a description
            continue
        parsed.blocks.append(_paragraph(line))


def _paragraph(line: Line) -> Paragraph:
    return Paragraph(line.text, tuple((start, end, LinkRef(line.text[start:end], href))
                                      for start, end, href in line.anchors))


def _link_follows(lines: list[Line], number: int) -> bool:
    """True when a whole-link line comes within the next three lines, before any heading."""
    for line in lines[number + 1:number + 4]:
        if line.heading or LINKS_HEADING.match(line.text):
            return False
        if line.href is not None:
            return True
    return False


def _closes_list(blocks: list[Block], lines: list[Line], number: int) -> bool:
    """The one line after the last link of a run whose links each have a description."""
    last, before = blocks[-1], blocks[-2] if len(blocks) > 1 else None
    ends = number + 1 == len(lines) or lines[number + 1].heading \
        or LINKS_HEADING.match(lines[number + 1].text) is not None
    return (isinstance(last, LinkItem) and not last.descriptions and ends
            and isinstance(before, LinkItem) and len(before.descriptions) == 1)


def _is_description(line: Line) -> bool:
    """Descriptions and introductions are sentences; the linked titles are not."""
    return line.text.endswith((".", ":", ".)", '."'))


def _describer(following: list[Line]) -> Callable[[Line], bool]:
    """How to tell descriptions in one links list: by the HTML links when it has any."""
    section = []
    for line in following:
        if LINKS_HEADING.match(line.text):
            break
        section.append(line)
    if any(line.href is not None for line in section):
        return lambda line: line.href is None
    return _is_description


_SPECIAL = re.compile(r"([\\`*_\[\]])")
_LINE_START = re.compile(r"^(#|>|[-+*] |-(?=(?:\s*-){2,}\s*$))")
_NUMBERED = re.compile(r"^(\d+)\. ")


def _escape_start(line: str) -> str:
    line = _LINE_START.sub(lambda m: "\\" + m.group(1), line)
    return _NUMBERED.sub(r"\1\\. ", line)


def escape_markdown(line: str) -> str:
    """Keep a line of archived text literal when it is read as Markdown."""
    return _escape_start(_SPECIAL.sub(r"\\\1", line))


Resolver = Callable[[LinkRef], str]
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, when PyYAML has it


def render_body(parsed: ParsedCapture, resolve: Resolver) -> str:
    """The page body in Markdown; `resolve` gives each link's target ('' for none)."""
    parts: list[str] = []
    for block in parsed.blocks:
        if isinstance(block, Heading):
            parts.append("## " + escape_markdown(block.text))
        elif isinstance(block, LinkItem):
            target = resolve(block.ref)
            if not target:
                parts += [escape_markdown(line) for line in (block.ref.text, *block.descriptions)]
                continue
            item = f"- [{escape_markdown(block.ref.text)}]({target})"
            if block.descriptions:
                item += "\n\n    " + " ".join(escape_markdown(line)
                                             for line in block.descriptions)
            parts.append(item)
        else:
            parts.append(_render_paragraph(block, resolve))
    return "\n\n".join(parts)


def _render_paragraph(paragraph: Paragraph, resolve: Resolver) -> str:
    if not paragraph.links:
        return escape_markdown(paragraph.text)
    pieces: list[str] = []
    at = 0
    for start, end, ref in paragraph.links:
        target = resolve(ref)
        pieces.append(_SPECIAL.sub(r"\\\1", paragraph.text[at:start]))
        inner = _SPECIAL.sub(r"\\\1", paragraph.text[start:end])
        pieces.append(f"[{inner}]({target})" if target else inner)
        at = end
    pieces.append(_SPECIAL.sub(r"\\\1", paragraph.text[at:]))
    return _escape_start("".join(pieces))


def section_for(parsed: ParsedCapture) -> str:
    """The section a page's own text suggests, when its address does not say."""
    if any(isinstance(block, Paragraph) and READING_MARK.match(block.text)
           for block in parsed.blocks):
        return "examples"
    headings = " ".join(parsed.headings).lower()
    if "this problem" in headings or "related solution" in headings:
        return "problems"
    if "this approach" in headings or "related problem" in headings:
        return "approaches"
    return ""


def page_file_text(parsed: ParsedCapture, resolve: Resolver, *, title: str, section: str,
                   source_url: str, captured: str, capture_file: str, capture_sha256: str,
                   captures: Sequence[dict[str, str]] = ()) -> str:
    """The page file for a parsed capture: front matter with provenance, then the body."""
    meta: dict[str, object] = {
        "title": title,
        "section": section,
        "source_url": source_url,
        "captured": captured,
        "rights": parsed.rights,
        "capture_file": capture_file,
        "capture_sha256": capture_sha256,
    }
    if captures:
        meta["captures"] = [dict(entry) for entry in captures]
    front = yaml.dump(meta, Dumper=_DUMPER, sort_keys=False, allow_unicode=True, width=1000)
    return f"---\n{front}---\n\n{render_body(parsed, resolve)}\n"
