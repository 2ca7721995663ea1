"""A folder of saved pages, read recursively, as mirrors and browsers leave a saved site.

Links are never followed out of the folder, FIFOs and devices are never opened
for reading, and zip files and web archives found inside are read in place.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from reader.capture.addresses import SITE_HOSTS, local_location, path_place
from reader.capture.sources.items import (
    HIDDEN,
    MAX_DEPTH,
    NOT_A_PAGE,
    NOT_REGULAR,
    Item,
    Reading,
    Skip,
    address_of,
    kind_of,
    read_regular,
    store_name,
)

Event = Item | Skip


def folder_size(root: Path) -> int:
    """The bytes of the folder's files, for progress (links and special files count nothing)."""
    total = 0
    for folder, dirnames, filenames in os.walk(root):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        for name in filenames:
            try:
                info = os.lstat(os.path.join(folder, name))
            except OSError:
                continue
            if stat.S_ISREG(info.st_mode):
                total += info.st_size
    return total


def read_folder(root: Path, reading: Reading, containers) -> Iterator[Event]:
    """Every page of the folder and below; `containers(path, name)` reads a zip or a WARC."""
    copy = next(reading.numbers)
    real_root = os.path.realpath(root)
    stack: list[tuple[Path, tuple[str, ...]]] = [(root, ())]
    while stack:
        folder, parts = stack.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name, reverse=True)
        except OSError as exc:
            yield Skip(str(folder), f"it cannot be read ({exc.strerror or exc})")
            continue
        for entry in entries:
            path = Path(entry.path)
            inner = (*parts, entry.name)
            if entry.name.startswith("."):
                yield Skip(str(path), HIDDEN, refused=False)
                continue
            if entry.is_symlink():
                leads_to = os.path.realpath(path)
                if os.path.commonpath([real_root, leads_to]) != real_root:
                    yield Skip(str(path), "it is a link that leads out of the folder, so it "
                                          "was not followed")
                    continue
                if os.path.isdir(leads_to):
                    yield Skip(str(path), "a link to a folder of the copy (read where it is)",
                               refused=False)
                    continue
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if is_dir:
                if len(inner) >= MAX_DEPTH:
                    yield Skip(str(path), f"it lies more than {MAX_DEPTH} folders deep, so it "
                                          "was not read")
                else:
                    stack.append((path, inner))
                continue
            try:
                mode = os.stat(path).st_mode
            except OSError as exc:
                yield Skip(str(path), f"it cannot be read ({exc.strerror or exc})")
                continue
            if not stat.S_ISREG(mode):
                yield Skip(str(path), NOT_REGULAR)
                continue
            kind = kind_of(entry.name)
            if kind in ("zip", "warc"):
                yield from containers(path, kind)
                continue
            if not kind:
                reading.done += _size(entry)
                yield Skip(str(path), NOT_A_PAGE, refused=False)
                continue
            data = read_regular(Path(os.path.realpath(path)) if entry.is_symlink() else path)
            reading.done += len(data) if isinstance(data, bytes) else _size(entry)
            if isinstance(data, str):
                yield Skip(str(path), data)
                continue
            yield _item(root, inner, data, copy)


def _size(entry: os.DirEntry) -> int:
    try:
        return entry.stat(follow_symlinks=False).st_size
    except OSError:
        return 0


def _item(root: Path, inner: tuple[str, ...], data: bytes, copy: int) -> Item:
    parts = [root.name, *inner] if root.name else list(inner)
    rest, place = path_place(parts)
    relative = "/".join(inner)
    return Item(name=str(root / relative), data=data, address=address_of(rest),
                location=local_location(copy, place), copy_url=_copy_url(parts, rest),
                store_name=store_name(rest, relative), origin="/".join(parts))


def _copy_url(parts: list[str], rest: str | None) -> str:
    """The copy's own address when its path names a host other than the site's (a mirror)."""
    if rest is None:
        return ""
    for number, part in enumerate(parts):
        lowered = part.lower()
        if "." in lowered and lowered.replace(".", "").replace("-", "").isalnum() \
                and lowered.rsplit(".", 1)[-1].isalpha() and not lowered.endswith(
                    (".htm", ".html", ".txt")):
            if lowered in SITE_HOSTS:
                return ""
            return "http://" + "/".join(parts[number:])
    return ""


def single_file(path: Path, reading: Reading) -> Event:
    """One file named on its own: a page, read as it is."""
    data = read_regular(path)
    if isinstance(data, str):
        return Skip(str(path), data)
    reading.done += len(data)
    parts = list(Path(os.path.abspath(path)).parts[1:])
    rest, place = path_place(parts)
    if rest is not None and not any(part.lower() in ("conflict", "www_colorado_edu_conflict")
                                    for part in parts):
        rest, place = None, "/".join(parts)  # only a whole site path tells an address
    return Item(name=str(path), data=data, address=address_of(rest),
                location=local_location(0, place), copy_url=_copy_url(parts, rest),
                store_name=store_name(rest, path.name), origin=path.name)
