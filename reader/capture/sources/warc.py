"""Web archives (WARC files, as the Internet Archive, Webrecorder and `wget --warc-file`
write them), read as a stream with warcio, so memory does not grow with the file.

`response` (and `resource`) records of HTML pages are imported, with
WARC-Target-URI as the copy's address and WARC-Date as the capture date;
redirects, errors and revisit records are counted and skipped.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from reader.capture import addresses
from reader.capture.html_capture import original_address
from reader.capture.sources.items import (
    MAX_PAGE_BYTES,
    NOT_A_PAGE,
    Item,
    Reading,
    Skip,
    store_name,
    too_large,
)

Event = Item | Skip
_PAGE_TYPES = ("text/html", "application/xhtml", "text/plain")


class _Counted:
    """A stream that tells the import how far into its input it has read."""

    def __init__(self, stream: IO[bytes], reading: Reading) -> None:
        self._stream, self._reading = stream, reading

    def read(self, size: int = -1) -> bytes:
        data = self._stream.read(size)
        self._reading.done += len(data)
        return data

    def readline(self, size: int = -1) -> bytes:
        data = self._stream.readline(size)
        self._reading.done += len(data)
        return data


def read_warc_file(path: Path, reading: Reading) -> Iterator[Event]:
    try:
        stream = path.open("rb")
    except OSError as exc:
        yield Skip(str(path), f"it cannot be read ({exc.strerror or exc})")
        return
    with stream:
        yield from read_warc(_Counted(stream, reading), str(path), path.name)


def read_warc(stream: IO[bytes], label: str, origin: str) -> Iterator[Event]:
    """Every HTML page of a WARC stream, and every record skipped with its reason."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    try:
        for record in ArchiveIterator(stream):
            event = _record(record, label, origin)
            if event is not None:
                yield event
    except (ArchiveLoadFailed, zlib.error, EOFError, OSError, ValueError) as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        yield Skip(label, f"it is not a web archive (WARC) file that can be read, or the rest "
                          f"of it is damaged ({reason[:120]})")


def _record(record, label: str, origin: str) -> Event | None:
    kind = record.rec_type
    uri = (record.rec_headers.get_header("WARC-Target-URI") or "").strip()
    name = f"{label}: {uri or kind}"
    if kind == "revisit":
        return Skip(name, "a revisit record (the page is kept in another record)",
                    refused=False)
    if kind not in ("response", "resource"):
        return None  # requests, warcinfo and metadata hold no page
    headers = record.http_headers
    if kind == "response" and headers is None:
        return None  # not an HTTP response (dns: records and the like)
    status = headers.get_statuscode() if headers is not None else "200"
    if status.startswith("3"):
        return Skip(name, f"a redirect (HTTP {status})", refused=False)
    if not status.startswith("2"):
        return Skip(name, f"an error response (HTTP {status})", refused=False)
    source = headers if headers is not None else record.rec_headers
    content_type = (source.get_header("Content-Type") or "").lower()
    if not (content_type.startswith(_PAGE_TYPES)
            or (not content_type and addresses.is_page(uri))):
        return Skip(name, NOT_A_PAGE, refused=False)
    data = record.content_stream().read(MAX_PAGE_BYTES + 1)
    if len(data) > MAX_PAGE_BYTES:
        return Skip(name, too_large(len(data)))
    return _item(name, uri, data, record.rec_headers.get_header("WARC-Date") or "", origin)


def _item(name: str, uri: str, data: bytes, warc_date: str, origin: str) -> Item:
    unwrapped, archived = original_address(uri)
    rest = addresses.site_rest(unwrapped)
    address = addresses.canonical(unwrapped) if rest is not None else unwrapped
    if not addresses.key(address):
        address = ""
    fallback = addresses.key(uri).replace("?", "_") or "record"
    return Item(name=name, data=data, address=address, location=uri,
                copy_url=uri if uri != address else "",
                captured=archived or _date(warc_date),  # a web archive's copy: when it took it
                store_name=store_name(rest, fallback), origin=origin)


def _date(stamp: str) -> str:
    try:
        return dt.date.fromisoformat(stamp.strip()[:10]).isoformat()
    except ValueError:
        return ""
