"""The course content: loading, validating, linking and rendering. Never imports Qt.

The names below load on first use, so that importing one small module of the
package (content_files, for a start painted from a snapshot) loads no more.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.archive.archive import Archive
    from reader.archive.errors import ArchiveError, Problem

__all__ = ["Archive", "ArchiveError", "Problem"]


def __getattr__(name: str) -> object:
    if name == "Archive":
        from reader.archive.archive import Archive

        return Archive
    if name in ("ArchiveError", "Problem"):
        from reader.archive import errors

        return getattr(errors, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
