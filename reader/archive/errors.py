"""What can go wrong with an archive, said in one sentence each."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple


class ArchiveError(Exception):
    """The folder cannot be opened as an archive at all (the reader cannot start on it)."""


class Problem(NamedTuple):
    """One thing wrong with one file, which was skipped so the rest still opens."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
