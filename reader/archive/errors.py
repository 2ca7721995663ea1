"""What can go wrong with an archive, said in one sentence each."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class ArchiveError(Exception):
    """The folder cannot be opened as an archive at all (the reader cannot start on it)."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one file, which was skipped so the rest still opens."""

    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"
