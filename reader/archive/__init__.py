"""The course content: loading, validating, linking and rendering. Never imports Qt."""

from reader.archive.archive import Archive
from reader.archive.errors import ArchiveError, Problem

__all__ = ["Archive", "ArchiveError", "Problem"]
