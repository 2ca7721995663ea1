"""One saved page read for import: its text parsed, its original address and date settled.

The address a copy's container gives (a WARC's target, a mirror's path) comes
first, then what the page records about itself (a browser's "saved from"
comment, a web archive's script); a date is never guessed.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from reader.capture import addresses
from reader.capture.decoding import Decoded, decode_text
from reader.capture.html_capture import looks_like_html, original_address, read_html_capture
from reader.capture.parse_cache import ParseCache
from reader.capture.sources.items import Item
from reader.capture.text_capture import ParsedCapture, parse_capture

KINDS = {"text": "text capture", "html": "saved HTML page", "web-archive": "web-archive copy"}


@dataclass
class Candidate:
    """A capture that can become (or update) a page."""

    item: Item
    sha256: str
    kind: str
    decoded: Decoded
    parsed: ParsedCapture
    address: str  # the original address, '' when not known
    location: str  # the address its links are read from
    captured: str
    order: int = 0  # its place in the import, so that ties are settled the same way each time

    @property
    def key(self) -> str:
        return addresses.key(self.address)

    @property
    def keys(self) -> set[str]:
        """Every key a link to this capture's page may carry."""
        return {k for k in (self.key, addresses.key(self.location),
                            addresses.key(self.item.copy_url)) if k}

    def describe(self) -> str:
        return f"encoding {self.decoded.describe()}; {KINDS.get(self.kind, self.kind)}"


def read_candidate(item: Item, *, address: str = "", captured: str = "", order: int = 0,
                   cache: ParseCache | None = None) -> Candidate:
    """Parse one saved page (or find it parsed in `cache`); CaptureError says why it cannot
    be imported."""
    sha256 = hashlib.sha256(item.data).hexdigest()
    known = cache.get(sha256) if cache is not None else None
    if known is not None:
        kind, encoding, reason, found_url, found_date, parsed = known
        decoded = Decoded("", encoding, reason)
    else:
        decoded = decode_text(item.data)
        if looks_like_html(decoded.text):
            page = read_html_capture(decoded.text)
            kind = "web-archive" if page.web_archive else "html"
            parsed = parse_capture(page.lines)
            found_url, found_date = page.source_url, page.captured
        else:
            kind, parsed, found_url, found_date = "text", parse_capture(decoded.text), "", ""
        if cache is not None:
            cache.put(sha256, kind, decoded.encoding, decoded.reason, found_url, found_date,
                      parsed)
    given, given_date = original_address(address) if address else ("", "")
    original = _original(given or item.address or found_url)
    location = item.location
    if given or (not item.address and original):
        location = original  # its links are relative to where it was
    return Candidate(item=item, sha256=sha256, kind=kind,
                     decoded=decoded, parsed=parsed, address=original, location=location,
                     captured=captured or item.captured or given_date or found_date,
                     order=order)


def _original(address: str) -> str:
    """The original address written the one way (the site's pages under SITE_ROOT)."""
    if not address or not addresses.key(address):
        return ""
    return addresses.canonical(address) if addresses.is_site(address) else address
