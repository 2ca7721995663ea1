"""Read a saved HTML page of the original site as the lines its reader saw.

A browser's "save page" and a web-archive copy hold the same page as a text
capture, wrapped in markup (and, from the Wayback Machine, in its toolbar and
scripts). This turns them into the same lines, so that one parser
(`capture_text`) shapes both, and remembers which lines were a whole link: in a
"Links to ..." list those are the linked titles, the rest are descriptions.
Web-archive copies also tell where and when the page was captured.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urlsplit

from reader.capture.text_capture import CaptureError, Line

BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
    "div", "dl", "dt", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4",
    "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
    "td", "th", "tr", "ul",
})
SKIP_TAGS = frozenset({"script", "style", "title", "noscript", "template", "select",
                       "textarea", "object", "applet"})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_ASCII_SPACE = re.compile(r"[ \t\n\r\f\x85\u2028\u2029]+")  # and the line breaks YAML knows
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title)[\s>/]", re.I)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.I)
_SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(\S+?)\s*-->", re.I)
_WOMBAT = re.compile(r"__wm\.wombat\(\s*\"([^\"]+)\"\s*,\s*\"(\d{8,14})\"")
_ARCHIVED_ON = re.compile(r"FILE ARCHIVED ON\s+(?:(\d{14})|[\d:]+\s+([A-Z][a-z]{2})\s+(\d{1,2}),"
                          r"\s+(\d{4}))")
_WEB_ARCHIVE = re.compile(r"^(?:https?:)?//(?:web\.|wayback\.)?archive\.org/web/(\d{4,14})"
                          r"(?:[a-z]{2}_)?/+(.+)$", re.I)
_TOOLBAR_BEGIN = "BEGIN WAYBACK TOOLBAR INSERT"
_TOOLBAR_END = "END WAYBACK TOOLBAR INSERT"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Browsers read every Latin-1 label as Windows-1252 (the WHATWG Encoding standard).
_LATIN1_LABELS = frozenset({"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "cp819",
                            "us-ascii", "ascii", "iso_8859-1", "windows-1252", "cp1252"})


def looks_like_html(text: str) -> bool:
    """True for a saved web page: it opens with markup that only HTML has."""
    return _HTML_START.search(text[:4096]) is not None


def declared_charset(raw: bytes) -> str:
    """The label a page's <meta> declares for its encoding, or '' when it declares none."""
    match = _META_CHARSET.search(raw[:4096])
    if not match:
        return ""
    label = match.group(1).decode("ascii").lower()
    return "cp1252" if label in _LATIN1_LABELS else label


@dataclass(frozen=True)
class HtmlCapture:
    """What a saved page holds: its visible lines (with their links), its provenance."""

    lines: tuple[Line, ...]
    source_url: str = ""
    captured: str = ""
    web_archive: bool = False

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def read_html_capture(markup: str) -> HtmlCapture:
    """The lines a reader of the page saw, without toolbars, scripts and pictures."""
    parser = _PageText()
    try:
        parser.feed(markup)
        parser.close()
    except (AssertionError, ValueError) as exc:  # html.parser gives up on some broken markup
        raise CaptureError(f"its HTML cannot be read ({exc})") from None
    source_url, captured = _provenance(markup)
    return HtmlCapture(lines=tuple(parser.lines), source_url=source_url, captured=captured,
                       web_archive=parser.saw_toolbar or "__wm." in markup
                       or _ARCHIVED_ON.search(markup) is not None)


def original_address(url: str) -> tuple[str, str]:
    """Split a Wayback Machine address into the page's own address and the capture date.

    Any other address comes back as it is, with no date: a date is never guessed.
    """
    match = _WEB_ARCHIVE.match(url.strip())
    if not match:
        return url.strip(), ""
    stamp, original = match.groups()
    if not re.match(r"^[a-z][a-z0-9+.-]*:", original, re.I):
        original = "http://" + original
    return _tidy(original), _stamp_date(stamp)


def _tidy(address: str) -> str:
    """An address as web archives log it, written the usual way ("http:/x", ":80")."""
    address = re.sub(r"^(https?:/)(?=[^/])", r"\1/", address)
    return re.sub(r"^(http://[^/:]+):80(?=/|$)", r"\1", address)


def _stamp_date(stamp: str) -> str:
    """The date of a web-archive time stamp (YYYYMMDD...), or '' when it has no whole day."""
    if len(stamp) < 8:
        return ""
    try:
        return dt.date(int(stamp[:4]), int(stamp[4:6]), int(stamp[6:8])).isoformat()
    except ValueError:
        return ""


def _provenance(markup: str) -> tuple[str, str]:
    """The original address and capture date a saved page records about itself."""
    address, date = "", ""
    wombat = _WOMBAT.search(markup)
    if wombat:
        address, date = _tidy(html.unescape(wombat.group(1))), _stamp_date(wombat.group(2))
    saved = _SAVED_FROM.search(markup[:4096])
    if saved and not address:
        address, date = original_address(html.unescape(saved.group(1)))
    if not date:
        archived = _ARCHIVED_ON.search(markup)
        if archived:
            date = _archived_on_date(archived)
    if address and _scheme(address) not in ("http", "https"):
        address = ""  # a page saved from a local file: its own address is not known
    return address, date


def _scheme(address: str) -> str:
    try:
        return urlsplit(address).scheme.lower() if urlsplit(address).netloc else ""
    except ValueError:  # e.g. a broken IPv6 host
        return ""


def _archived_on_date(match: re.Match[str]) -> str:
    stamp, month, day, year = match.groups()
    if stamp:
        return _stamp_date(stamp)
    if month not in _MONTHS:
        return ""
    try:
        return dt.date(int(year), _MONTHS.index(month) + 1, int(day)).isoformat()
    except ValueError:
        return ""


class _PageText(HTMLParser):
    """Collects the visible text, one block a line, with where each line's links lead."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.saw_toolbar = False
        self._parts: list[str] = []
        self._anchors: list[tuple[str, str]] = []  # (raw text, href) of the line's links
        self._anchor_start: int | None = None
        self._anchor_href = ""
        self._skip = 0
        self._toolbar = False
        self._pre = 0
        self._heading = 0
        self._heading_text = self._other_text = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self._skip = 0  # an unclosed <title> or <noscript> in the head ends here
        if tag in SKIP_TAGS:
            self._skip += 1
        elif tag in BLOCK_TAGS:
            self._break()
            self._pre += tag == "pre"
            self._heading += tag in _HEADINGS
        elif tag == "a" and not self._hidden:
            href = next((value for name, value in attrs if name == "href"), None)
            if href is not None:
                self._close_anchor()
                self._anchor_start, self._anchor_href = len(self._parts), href.strip()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCK_TAGS:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in BLOCK_TAGS:
            self._break()
            if tag == "pre":
                self._pre = max(0, self._pre - 1)
            if tag in _HEADINGS:
                self._heading = max(0, self._heading - 1)
        elif tag == "a":
            self._close_anchor()

    def handle_comment(self, data: str) -> None:
        if _TOOLBAR_BEGIN in data:
            self._toolbar = self.saw_toolbar = True
        elif _TOOLBAR_END in data:
            self._toolbar = False

    def handle_data(self, data: str) -> None:
        if self._hidden:
            return
        if data.strip():
            if self._heading:
                self._heading_text = True
            else:
                self._other_text = True
        if not self._pre:
            self._parts.append(data)
            return
        pieces = data.split("\n")
        for piece in pieces[:-1]:
            self._parts.append(piece)
            self._break()
        self._parts.append(pieces[-1])

    def close(self) -> None:
        super().close()
        self._break()

    @property
    def _hidden(self) -> bool:
        return bool(self._skip) or self._toolbar

    def _close_anchor(self) -> None:
        if self._anchor_start is not None:
            self._anchors.append(("".join(self._parts[self._anchor_start:]), self._anchor_href))
            self._anchor_start = None

    def _break(self) -> None:
        """End the current line; a link still open goes on in the next one."""
        open_anchor = self._anchor_start is not None
        self._close_anchor()
        line = _clean("".join(self._parts))
        if line:
            self.lines.append(_line(line, self._anchors,
                                    self._heading_text and not self._other_text))
        self._parts, self._anchors = [], []
        self._heading_text = self._other_text = False
        self._anchor_start = 0 if open_anchor else None


def _line(text: str, anchors: list[tuple[str, str]], heading: bool) -> Line:
    """A line with its links: the whole line's address, or where each part of it leads."""
    whole = next((href for raw, href in anchors if _clean(raw) == text), None)
    placed: list[tuple[int, int, str]] = []
    at = 0
    if whole is None:
        for raw, href in anchors:
            inner = _clean(raw)
            start = text.find(inner, at) if inner else -1
            if start >= 0:
                placed.append((start, start + len(inner), href))
                at = start + len(inner)
    return Line(text, whole, heading, tuple(placed))


def _clean(text: str) -> str:
    """A line as a browser shows it: runs of spaces as one, non-breaking spaces kept."""
    return _ASCII_SPACE.sub(" ", text).strip()
