"""What reading an input gives: a saved page with where it came from, or a file skipped and
why; the limits that keep a hostile input from being read forever; safe names for reports."""

from __future__ import annotations

import itertools
import os
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from reader.capture.addresses import site_address

MAX_PAGE_BYTES = 16 << 20  # no page of the course came near this; a larger file is no page
MAX_RATIO = 100  # a zip member that unpacks to more than this many times its size is a bomb
MAX_UNPACKED = 4 << 30  # what all the members of one zip file may unpack to together
MAX_MEMBERS = 200_000
MAX_DEPTH = 64  # folders inside folders
PAGE_SUFFIXES = (".htm", ".html", ".shtml", ".shtm", ".xhtml", ".txt", ".asp", ".aspx", ".php",
                 ".cfm", ".jsp")
ZIP_SUFFIXES = (".zip", ".wacz")
WARC_SUFFIXES = (".warc", ".warc.gz", ".warc.gzip")

NOT_A_PAGE = "not a page (a picture, a style sheet, a script or another kind of file)"
HIDDEN = "hidden"
NOT_REGULAR = "it is not a regular file (a FIFO, a device or a socket), so it was not read"


@dataclass(frozen=True)
class Item:
    """One saved page as an input holds it, with what the input tells about it."""

    name: str  # how reports name it: the input, and the member inside it
    data: bytes
    address: str = ""  # the original address, as the copy tells it
    location: str = ""  # the address its relative links are read from
    copy_url: str = ""  # the copy's own address, when it is known and not the original
    captured: str = ""  # the capture's date, when the input records it
    store_name: str = ""  # where to keep the capture, below captures/
    origin: str = ""  # the input's own name and the member: recorded in the provenance


@dataclass(frozen=True)
class Skip:
    """A file or member not imported: refused (with a reason to show) or simply not a page."""

    name: str
    reason: str
    refused: bool = True


@dataclass
class Reading:
    """What all the inputs of one import share: their progress in bytes, and copy numbers."""

    total: int = 0
    done: int = 0
    numbers: itertools.count = field(default_factory=lambda: itertools.count(1))


def kind_of(name: str) -> str:
    """'page', 'zip', 'warc' or '' (not a page) from a file name, query strings allowed."""
    lowered = name.lower()
    for mark in ("?", "@"):
        head, _sep, _tail = lowered.partition(mark)
        if head.endswith(PAGE_SUFFIXES):
            return "page"
    if lowered.endswith(PAGE_SUFFIXES):
        return "page"
    if lowered.endswith(ZIP_SUFFIXES):
        return "zip"
    if lowered.endswith(WARC_SUFFIXES):
        return "warc"
    return "" if "." in lowered.rsplit("/", 1)[-1] else "page"


def shown(name: str) -> str:
    """A name fit for a terminal: control characters, and bytes that are no text, escaped."""
    out: list[str] = []
    for char in name:
        code = ord(char)
        if 0xDC80 <= code <= 0xDCFF:  # a byte os.fsdecode could not decode
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Zl", "Zp"):
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
        else:
            out.append(char)
    return "".join(out)


def store_name(rest: str | None, fallback: str) -> str:
    """Where a capture is kept below captures/: by its place on the site when known."""
    return f"peace/{rest}" if rest is not None and rest.strip("/") else fallback


def address_of(rest: str | None) -> str:
    return site_address(rest) if rest is not None else ""


def read_regular(path: Path, limit: int = MAX_PAGE_BYTES) -> bytes | str:
    """The bytes of a regular file, or why it was not read: never waits on a FIFO and never
    reads more than `limit` bytes."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        handle = os.open(path, flags | getattr(os, "O_BINARY", 0))
    except OSError as exc:
        return f"it cannot be read ({exc.strerror or exc})"
    with os.fdopen(handle, "rb") as stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):
            return NOT_REGULAR
        if info.st_size > limit:
            return too_large(info.st_size)
        data = stream.read(limit + 1)
    return data if len(data) <= limit else too_large(len(data))


def too_large(size: int) -> str:
    return (f"it is too large to be a page ({size / (1 << 20):.0f} MB; pages are at most "
            f"{MAX_PAGE_BYTES >> 20} MB)")
