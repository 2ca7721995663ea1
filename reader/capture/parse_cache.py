"""Captures already parsed, remembered in the user's cache folder by their SHA-256.

Parsing a thousand saved pages takes most of an import's time, and importing
the same copy again (or a second copy that shares most of its pages) parses
the same bytes again. The parse depends only on the capture's bytes and on the
parsing code, so both make the key; anything unreadable is simply not used.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.capture.text_capture import (
    Block,
    Heading,
    LinkItem,
    LinkRef,
    Paragraph,
    ParsedCapture,
)
from reader.common.digest import KeyBuilder
from reader.common.files import cache_dir
from reader.common.kept import keep, read_kept

MAX_ENTRIES = 50_000
_CODE = ("candidates.py", "decoding.py", "furniture.py", "html_capture.py", "text_capture.py",
         "parse_cache.py")


def code_key() -> str:
    """Changes whenever the code that parses captures changes."""
    builder = KeyBuilder()
    folder = Path(__file__).resolve().parent
    for name in _CODE:
        try:
            builder.update((folder / name).read_bytes())
        except OSError:
            builder.update(name.encode())
    return builder.hexdigest()[:16]


class ParseCache:
    """What each capture parsed to: kind, encoding, reason, address, date and blocks."""

    def __init__(self, folder: Path | None = None) -> None:
        self.file = (folder or cache_dir("import")) / f"parsed-{code_key()}.cache"
        self.old = self._load()
        self.new: dict[str, tuple] = {}

    def get(self, sha256: str) -> tuple[str, str, str, str, str, ParsedCapture] | None:
        record = self.old.get(sha256)
        if record is None:
            return None
        try:
            kind, encoding, reason, address, date, parsed = record
            value = (kind, encoding, reason, address, date, _parsed(parsed))
        except (TypeError, ValueError, IndexError):
            return None
        self.new[sha256] = record
        return value

    def put(self, sha256: str, kind: str, encoding: str, reason: str, address: str, date: str,
            parsed: ParsedCapture) -> None:
        self.new[sha256] = (kind, encoding, reason, address, date, _plain(parsed))

    def save(self) -> None:
        """Keep what this import used, and as much of the rest as the limit allows."""
        if all(key in self.old for key in self.new):
            return
        kept = dict(list(self.old.items())[-(MAX_ENTRIES - len(self.new)):]) \
            if len(self.new) < MAX_ENTRIES else {}
        kept.update(self.new)
        keep(self.file, kept)

    def _load(self) -> dict[str, Any]:
        data = read_kept(self.file)
        return data if isinstance(data, dict) else {}


def _plain(parsed: ParsedCapture) -> tuple:
    blocks: list[tuple] = []
    for block in parsed.blocks:
        if isinstance(block, Heading):
            blocks.append(("h", block.text))
        elif isinstance(block, LinkItem):
            ref = block.ref
            blocks.append(("i", ref.text, ref.href, ref.hint, tuple(block.descriptions)))
        else:
            blocks.append(("p", block.text, tuple((start, end, ref.text, ref.href, ref.hint)
                                                  for start, end, ref in block.links)))
    return (parsed.title, parsed.rights, tuple(parsed.headings), parsed.reading, tuple(blocks))


def _parsed(plain: tuple) -> ParsedCapture:
    title, rights, headings, reading, blocks = plain
    made: list[Block] = []
    for block in blocks:
        if block[0] == "h":
            made.append(Heading(block[1]))
        elif block[0] == "i":
            made.append(LinkItem(LinkRef(block[1], block[2], block[3]), list(block[4])))
        else:
            made.append(Paragraph(block[1], tuple((start, end, LinkRef(text, href, hint))
                                                  for start, end, text, href, hint in block[2])))
    return ParsedCapture(title, rights, made, list(headings), reading)
