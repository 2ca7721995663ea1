"""What the sub-commands share: the user-error type and opening the content folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.archive.archive import Archive


class UserError(Exception):
    """A mistake in what the user asked for: one sentence, exit status 2."""


def add_content_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--content", metavar="DIR",
                        help="read this content folder instead of the bundled archive")


def open_archive(content: str | None, *, report_problems: bool = True) -> Archive:
    """The archive named by --content (or the bundled one); skipped files go to stderr."""
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
