"""Portable mode: the user's data and the cache in folders beside the program.

A trainer carries the reader on a USB stick and their notes must travel with it,
so a file named `portable` beside the program (or `--portable`) moves both
folders there, leaving the computer's own user folders untouched. This module is
the one place that decides it; paths.resolve_data_dir and files.cache_dir ask it.
"""

from __future__ import annotations

import sys
from pathlib import Path

MARKER = "portable"  # a file (or folder) of this name beside the program turns the mode on
DATA_FOLDER = "data"
CACHE_FOLDER = "cache"

_enabled = False  # set by --portable, for the rest of the process


def program_dir() -> Path:
    """The folder the program runs from: the portable build's own folder (where its
    executable is), else the folder of the Python that runs it, which in a virtual
    environment is also where the `otpic-reader` command is (bin/ or Scripts\\)."""
    return Path(sys.executable).absolute().parent


def enable() -> None:
    """Portable mode for this process, whatever the folder holds (--portable)."""
    global _enabled
    _enabled = True


def is_portable() -> bool:
    """True when --portable was given or a `portable` file lies beside the program."""
    return _enabled or (program_dir() / MARKER).exists()


def portable_folder(name: str) -> Path | None:
    """`name` (DATA_FOLDER or CACHE_FOLDER) beside the program in portable mode, else None."""
    return program_dir() / name if is_portable() else None
