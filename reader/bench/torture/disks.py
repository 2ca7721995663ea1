"""Small and read-only disks for the cases that need them: a tmpfs, which only root mounts."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path


class Skipped(Exception):
    """The case needs what this machine does not allow (mounting a tmpfs)."""


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "1m") -> Iterator[Path]:
    """A tmpfs of `size` mounted at `folder` for the block (make_read_only turns it
    read-only); Skipped where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix" or shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True, check=False).returncode != 0:
        raise Skipped(folder)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def make_read_only(folder: Path) -> None:
    """A stick with its write switch on: the tmpfs at `folder` remounted read-only."""
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


def fill(folder: Path) -> None:
    """Fill the disk holding `folder` to its last byte."""
    with open(folder / "filler", "wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 65536)
    with open(folder / "filler-small", "wb", buffering=0) as filler, \
            contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 512)
