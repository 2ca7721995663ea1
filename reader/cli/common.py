"""What the sub-commands share: the user-error type and opening the content folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.archive.archive import Archive


class UserError(Exception):
    """A mistake in what the user asked for: one sentence, exit status 2."""


def add_content_argument(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """--content, accepted before or after a sub-command's name.

    A sub-command's option has no default of its own (SUPPRESS), so that
    `otpic-reader --content DIR verify` keeps the DIR given before it.
    """
    parser.add_argument("--content", metavar="DIR",
                        default=None if top_level else argparse.SUPPRESS,
                        help="read this content folder instead of the bundled archive")


def add_data_dir_argument(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """--data-dir, accepted before or after a sub-command's name (see add_content_argument)."""
    parser.add_argument("--data-dir", metavar="DIR",
                        default=None if top_level else argparse.SUPPRESS,
                        help="keep bookmarks, notes and settings here (default: "
                             "$OTPIC_READER_DATA, else the folder beside the program when "
                             "portable, else the user data folder)")
    add_portable_argument(parser, top_level=top_level)


def add_portable_argument(parser: argparse.ArgumentParser, *, top_level: bool = False) -> None:
    """--portable, wherever --data-dir is accepted (see add_content_argument)."""
    parser.add_argument("--portable", action="store_true",
                        default=False if top_level else argparse.SUPPRESS,
                        help="keep the data and the cache in folders beside the program, as "
                             "a file named 'portable' there does (a named data folder wins)")


def open_archive(content: str | None, *, report_problems: bool = True) -> Archive:
    """The archive named by --content (or the bundled one); skipped files go to stderr."""
    from reader.archive.archive import Archive
    from reader.archive.bundled import bundled_content_dir
    from reader.archive.errors import ArchiveError

    try:
        archive = Archive.open(Path(content) if content else bundled_content_dir())
    except ArchiveError as exc:
        raise UserError(str(exc)) from None
    if report_problems:
        for problem in archive.problems:
            print(f"otpic-reader: {problem}", file=sys.stderr)
    return archive


def where(archive: Archive) -> str:
    """How to name an archive in a message: the bundled one by that name, others by path."""
    from reader.archive.bundled import bundled_content_dir

    if archive.root.resolve() == bundled_content_dir().resolve():
        return "the bundled archive"
    return str(archive.root)
