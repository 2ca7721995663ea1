"""Moving notes and bookmarks in and out: Markdown for people, versioned JSON for machines."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
from dataclasses import asdict
from itertools import groupby
from pathlib import Path
from typing import Any

from reader.common.slugs import SLUG_RE
from reader.userdata.bookmarks import insert as insert_bookmark
from reader.userdata.database import Changes, now
from reader.userdata.notes import insert as insert_note
from reader.userdata.store import UserStore

FORMAT = "otpic-reader-notes"
VERSION = 1
MAX_BYTES = 256 * 2**20  # far above 10,000 long notes; below what would exhaust memory
BOOKMARK_FIELDS = {"uid": str, "slug": str, "title": str, "label": str, "created": str}
NOTE_FIELDS = {"uid": str, "slug": str, "page_title": str, "text": str, "quote": str,
               "prefix": str, "suffix": str, "created": str, "updated": str}


class ExchangeError(ValueError):
    """The file is not a valid export; the message is one sentence naming it."""


def export_json(store: UserStore) -> str:
    bookmarks = [{k: v for k, v in asdict(b).items() if k in BOOKMARK_FIELDS}
                 for b in store.bookmarks.all()]
    notes = [{k: v for k, v in asdict(n).items() if k in NOTE_FIELDS or k == "position"}
             for n in store.notes.all()]
    document = {"format": FORMAT, "version": VERSION, "exported": now(),
                "bookmarks": bookmarks, "notes": notes}
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# Only what a Markdown tool would take for markup is escaped, so that an export reads as
# its user wrote it ("multi-track", not "multi\-track"). Backslash escapes are those both
# Python-Markdown and CommonMark honour; the rest become character references.
_MD_INLINE = re.compile(
    r"[`*\[\]{}]"  # code, emphasis, links and images, attribute lists
    r"|\\(?=[!-/:-@\[-`{-~]|$)"  # a backslash that would escape what follows it
    r"|(?<![^\W_])_|_(?![^\W_])"  # an underscore that opens or closes emphasis
    r"|<(?=[A-Za-z/!?])"  # the start of an HTML tag, a comment or an autolink
    r"|&(?=#?\w+;)"  # the start of a character reference
    r"|~(?=~)"  # strikethrough, in the tools that have it
    r"|#$", re.MULTILINE)  # a heading's closing hashes
_MD_LINE_START = re.compile(
    r"^(?:([#>])"  # a heading, a quotation
    r"|([-+])(?=[ \t]|$)"  # a list item
    r"|(\d+)([.)])(?=[ \t]|$)"  # a numbered list item
    r"|([-=])(?=[-= \t]*$))", re.MULTILINE)  # a rule, a heading's underline
_MD_TABLE_RULE = re.compile(r"^[|:\- \t]*\|[|:\- \t]*$", re.MULTILINE)  # a table's rule row
_REFERENCES = {"<": "&lt;", "&": "&amp;", "~": "&#126;", "=": "&#61;"}


def _escaped(mark: str) -> str:
    return _REFERENCES.get(mark, "\\" + mark)


def md_text(text: str) -> str:
    """User text as literal Markdown, in any Markdown tool: what one would take for markup
    (a line's leading marker, emphasis, links, code, HTML, references, a table's rule
    row) is escaped, and nothing else. Leading white space goes: indented, a line would
    become code."""
    text = re.sub(r"^[ \t]+", "", text, flags=re.MULTILINE)
    text = _MD_INLINE.sub(lambda m: _escaped(m.group(0)), text)
    text = _MD_TABLE_RULE.sub(lambda m: m.group(0).replace("|", "&#124;"), text)

    def line_start(match: re.Match[str]) -> str:
        mark, bullet, number, dot, rule = match.groups()
        if number:
            return number + _escaped(dot)
        return _escaped(mark or bullet or rule)

    return _MD_LINE_START.sub(line_start, text)


def export_markdown(store: UserStore) -> str:
    lines = ["# Notes and bookmarks from OTPIC Reader", "",
             f"Exported {dt.date.today().isoformat()}.", ""]
    bookmarks = store.bookmarks.all()
    if bookmarks:
        lines += ["## Bookmarks", ""]
        for b in bookmarks:
            label = f" ({md_text(b.label)})" if b.label else ""
            lines.append(f"- {md_text(b.title)}{label}, `{b.slug}`, {b.created[:10]}")
        lines.append("")
    notes = store.notes.all()
    if not bookmarks and not notes:
        lines += ["No notes or bookmarks yet.", ""]
    if notes:
        lines += ["## Notes", ""]
        for (_, title), group in groupby(notes, key=lambda n: (n.slug, n.page_title)):
            lines += [f"### {md_text(title)}", ""]
            for note in group:
                if note.quote:
                    lines += [f"> {md_text(note.quote)}", ""]
                else:
                    lines += ["*On the whole page:*", ""]
                lines += [md_text(line) if line.strip() else "" for line in note.text.splitlines()]
                lines += ["", f"*{note.updated[:10]}*", ""]
    return "\n".join(line for line in _squeeze(lines)) + "\n"


def _squeeze(lines: list[str]) -> list[str]:
    """No runs of more than one blank line."""
    out: list[str] = []
    for line in lines:
        if line == "" and out and out[-1] == "":
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return out


def read_export(path: Path) -> bytes:
    """The file's bytes, refused when it is no regular file (a FIFO would wait for ever,
    /dev/zero never ends) or larger than any export (MAX_BYTES)."""
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as exc:
        raise ExchangeError(f"{path} cannot be read ({exc.strerror}).") from None
    try:
        if not stat.S_ISREG(os.fstat(handle).st_mode):
            raise ExchangeError(f"{path} is not an OTPIC Reader export: it is not a file.")
        with os.fdopen(handle, "rb", closefd=False) as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ExchangeError(f"{path} cannot be read ({exc.strerror}).") from None
    finally:
        os.close(handle)
    if len(data) > MAX_BYTES:
        raise ExchangeError(f"{path} is not an OTPIC Reader export: it is larger than "
                            f"{MAX_BYTES // 2**20} MiB.")
    return data


def parse_export(path: Path) -> dict[str, Any]:
    """Read and check an export file completely before anything is written."""
    raw = read_export(path)
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # an editor may have added a BOM
    except RecursionError:
        raise ExchangeError(f"{path} is not an OTPIC Reader export: its JSON is nested too "
                            "deeply.") from None
    except (UnicodeDecodeError, ValueError):
        raise ExchangeError(f"{path} is not an OTPIC Reader export: it is not JSON.") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeError(f"{path} is not an OTPIC Reader export: its format is not "
                            f"'{FORMAT}'.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeError(f"{path} is not an OTPIC Reader export: it has no version number.")
    if version > VERSION:
        raise ExchangeError(f"{path} was exported by a newer OTPIC Reader (version {version}); "
                            "update the reader to import it.")
    for key, fields in (("bookmarks", BOOKMARK_FIELDS), ("notes", NOTE_FIELDS)):
        items = data.get(key, [])
        if not isinstance(items, list):
            raise ExchangeError(f"{path} is not a valid export: '{key}' is not a list.")
        for number, item in enumerate(items, start=1):
            _check_item(path, key, number, item, fields)
    return data


def _check_item(path: Path, key: str, number: int, item: Any, fields: dict[str, type]) -> None:
    if not isinstance(item, dict):
        raise ExchangeError(f"{path} is not a valid export: {key} entry {number} is not an "
                            "object.")
    for name, kind in fields.items():
        if not isinstance(item.get(name), kind):
            raise ExchangeError(f"{path} is not a valid export: {key} entry {number} has no "
                                f"valid '{name}'.")
    if not item["uid"] or not SLUG_RE.match(item["slug"]):  # a page name, never a path
        raise ExchangeError(f"{path} is not a valid export: {key} entry {number} has an empty "
                            "uid or a slug that is not a page name.")
    for name in fields:
        try:
            item[name].encode("utf-8")
        except UnicodeEncodeError:
            raise ExchangeError(f"{path} is not a valid export: {key} entry {number} has "
                                f"'{name}' text that is not valid Unicode.") from None
    position = item.get("position")
    if key == "notes" and position is not None and (
            not isinstance(position, int) or isinstance(position, bool)
            or not 0 <= position < 2**62):
        raise ExchangeError(f"{path} is not a valid export: notes entry {number} has an "
                            "invalid 'position'.")


def import_export(store: UserStore, path: Path) -> tuple[int, int]:
    """Merge an export without duplicates, all or nothing; (bookmarks, notes) added."""
    return merge_export(store, parse_export(path))


def merge_export(store: UserStore, data: dict[str, Any]) -> tuple[int, int]:
    """Merge what parse_export read, in one transaction; (bookmarks, notes) added."""
    added_bookmarks = added_notes = 0
    with store.transaction(Changes(bookmarks=True, notes=True)) as db:
        for item in data.get("bookmarks", []):
            added_bookmarks += insert_bookmark(db, item["uid"], item["slug"], item["title"],
                                               item["label"], item["created"])
        for item in data.get("notes", []):
            added_notes += insert_note(db, item["uid"], item["slug"], item["page_title"],
                                       item["text"], item["quote"], item["prefix"],
                                       item["suffix"], item.get("position"), item["created"],
                                       item["updated"]) is not None
    return added_bookmarks, added_notes
