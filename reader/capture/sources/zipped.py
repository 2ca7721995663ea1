"""A zip file of saved pages, read in place: nothing is unpacked to disk.

Members are checked before they are read: names that leave the zip file, links,
encrypted members and zip bombs (an absurd size or compression ratio) are
refused, and no member is read past the size a page can have, whatever its
header claims. Web archives inside (a WACZ file) are read as streams.
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from reader.capture.addresses import SECTION_FOLDERS, TREES, local_location, path_place, zip_folders
from reader.capture.sources.items import (
    HIDDEN,
    MAX_MEMBERS,
    MAX_PAGE_BYTES,
    MAX_RATIO,
    MAX_UNPACKED,
    NOT_A_PAGE,
    Item,
    Reading,
    Skip,
    address_of,
    kind_of,
    store_name,
    too_large,
)

Event = Item | Skip
WarcReader = Callable[[IO[bytes], str, str], Iterator[Event]]
_DRIVE = re.compile(r"^[A-Za-z]:")


def read_zip(path: Path, reading: Reading, warcs: WarcReader) -> Iterator[Event]:
    """Every page the zip file holds, and every member skipped with its reason."""
    copy = next(reading.numbers)
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError) as exc:
        yield Skip(str(path), f"it is not a zip file that can be read ({_why(exc)})")
        return
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            yield Skip(str(path), f"it holds {len(members)} members, more than the "
                                  f"{MAX_MEMBERS} a copy of the site can have, so it was not read")
            return
        unpacked = 0
        for info in members:
            reading.done += info.compress_size
            event = _check(path, info)
            if event is not None:
                yield event
                continue
            name = info.filename.replace("\\", "/")
            kind = kind_of(name)
            label = f"{path}: {name}"
            if kind == "warc":
                with archive.open(info) as stream:
                    yield from warcs(stream, label, f"{path.name}: {name}")
                continue
            if kind == "zip":
                yield Skip(label, "it is a zip file inside a zip file; unpack the outer one "
                                  "and import the inner one")
                continue
            if not kind:
                yield Skip(label, NOT_A_PAGE, refused=False)
                continue
            unpacked += info.file_size
            if unpacked > MAX_UNPACKED:
                yield Skip(str(path), f"its members unpack to more than {MAX_UNPACKED >> 30} GB, "
                                      "so the rest of it was not read")
                return
            data = _read(archive, info)
            if isinstance(data, str):
                yield Skip(label, data)
                continue
            yield _item(path, name, data, copy)


def _check(path: Path, info: zipfile.ZipInfo) -> Skip | None:
    """Why a member is not read, or None when it may be."""
    name = info.filename.replace("\\", "/")
    label = f"{path}: {name}"
    parts = PurePosixPath(name).parts
    if info.is_dir() or name.endswith("/"):
        return Skip(label, "a folder", refused=False)
    if name.startswith("/") or _DRIVE.match(name) or ".." in parts:
        return Skip(label, "its name leads out of the zip file, so it was not read")
    if any(part.startswith(".") or part == "__MACOSX" for part in parts):
        return Skip(label, HIDDEN, refused=False)
    if stat.S_ISLNK(info.external_attr >> 16):
        return Skip(label, "it is a link, which is never followed")
    if info.flag_bits & 0x1:
        return Skip(label, "it is encrypted")
    if info.file_size > MAX_PAGE_BYTES and kind_of(name) != "warc":
        return Skip(label, too_large(info.file_size))
    if info.file_size > (1 << 20) and info.file_size > MAX_RATIO * max(info.compress_size, 1):
        return Skip(label, f"it would unpack to {info.file_size // max(info.compress_size, 1)} "
                           "times its size in the zip file (a zip bomb), so it was not read")
    return None


def _read(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes | str:
    """The member's bytes, never more than a page can have, or why they cannot be read."""
    try:
        with archive.open(info) as stream:
            data = stream.read(MAX_PAGE_BYTES + 1)
    except (zipfile.BadZipFile, zlib.error, NotImplementedError, RuntimeError, OSError,
            EOFError, ValueError) as exc:
        return f"it is damaged ({_why(exc)})"
    return data if len(data) <= MAX_PAGE_BYTES else too_large(len(data))


def _why(exc: BaseException) -> str:
    return str(exc).rstrip(".") or type(exc).__name__


def _item(path: Path, name: str, data: bytes, copy: int) -> Item:
    inner = [part for part in PurePosixPath(name).parts if part not in ("", ".")]
    folders = {part.lower() for part in inner[:-1]}
    if inner and inner[0].lower() in TREES:
        prefix = []  # the zip holds the peace/ folder itself
    else:
        prefix = zip_folders(path.stem, bool(folders & (set(SECTION_FOLDERS) | TREES)))
    rest, place = path_place([*prefix, *inner])
    return Item(name=f"{path}: {name}", data=data, address=address_of(rest),
                location=local_location(copy, place),
                store_name=store_name(rest, f"{path.name}/{'/'.join(inner)}"),
                origin=f"{path.name}: {name}")
