"""The inputs of an import (folders, zip files, web archives and single files), read as
streams of saved pages, never trusted: see items.py for the limits."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path

from reader.capture.sources.folder import folder_size, read_folder, single_file
from reader.capture.sources.items import NOT_REGULAR, Item, Reading, Skip, kind_of
from reader.capture.sources.warc import read_warc, read_warc_file
from reader.capture.sources.zipped import read_zip

__all__ = ["Item", "Reading", "Skip", "read_inputs", "total_size"]


def total_size(paths: Sequence[Path]) -> int:
    """What the inputs hold, in bytes, for progress."""
    total = 0
    for path in paths:
        try:
            info = os.lstat(path)
        except OSError:
            continue
        if stat.S_ISDIR(info.st_mode):
            total += folder_size(path)
        elif stat.S_ISREG(info.st_mode):
            total += info.st_size
    return total


def read_inputs(paths: Sequence[Path], reading: Reading) -> Iterator[Item | Skip]:
    """Every saved page of the inputs, in a stable order, and everything skipped."""
    for path in paths:
        try:
            info = os.stat(path)
        except FileNotFoundError:
            yield Skip(str(path), "it does not exist")
            continue
        except OSError as exc:
            yield Skip(str(path), f"it cannot be read ({exc.strerror or exc})")
            continue
        if stat.S_ISDIR(info.st_mode):
            yield from read_folder(path, reading, lambda inner, kind: _container(inner, kind,
                                                                                  reading))
        elif not stat.S_ISREG(info.st_mode):
            yield Skip(str(path), NOT_REGULAR)
        elif kind_of(path.name) in ("zip", "warc"):
            yield from _container(path, kind_of(path.name), reading)
        else:
            yield single_file(path, reading)


def _container(path: Path, kind: str, reading: Reading) -> Iterator[Item | Skip]:
    if kind == "zip":
        return read_zip(path, reading, read_warc)
    return read_warc_file(path, reading)
