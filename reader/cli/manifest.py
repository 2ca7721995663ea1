"""`otpic-reader manifest [--content DIR]`: rewrite MANIFEST.sha256 after a change."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.cli.common import UserError, add_content_argument


def content_dir(args: argparse.Namespace) -> Path:
    """The content folder the user named, or the bundled one, checked as Archive.open does
    (without reading the pages: the manifest needs only the files)."""
    from reader.archive.archive import Archive
    from reader.archive.bundled import bundled_content_dir
    from reader.archive.errors import ArchiveError

    try:
        return Archive.check_folder(getattr(args, "content", None) or bundled_content_dir())
    except ArchiveError as exc:
        raise UserError(str(exc)) from None


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "manifest", help="rewrite the archive's MANIFEST.sha256",
        description="Write MANIFEST.sha256: the SHA-256 of every file of the content folder, "
                    "in the format of coreutils sha256sum, so that 'sha256sum -c "
                    "MANIFEST.sha256' run in the folder checks it. Run it after changing the "
                    "content.")
    add_content_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.integrity.manifest import MANIFEST_NAME, ManifestError, write_manifest

    if not getattr(args, "content", None):
        raise UserError("Say which content folder's manifest to write with --content DIR; the "
                        "archive installed with the program is never rewritten.")
    root = content_dir(args)
    try:
        count = write_manifest(root)
    except ManifestError as exc:
        raise UserError(str(exc)) from None
    print(f"wrote {root / MANIFEST_NAME} for {count} files")
    return 0
