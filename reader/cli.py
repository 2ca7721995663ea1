"""The `otpic-reader` command: open the reader, or run one of its sub-commands."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from reader import __version__


class UserError(Exception):
    """A mistake in what the user asked for: one sentence, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="otpic-reader",
        description="Read the archived International Online Training Program on Intractable "
                    "Conflict (OTPIC), offline.",
    )
    parser.add_argument("--version", action="version", version=f"otpic-reader {__version__}")
    parser.add_argument("--page", metavar="SLUG", help="open this page (e.g. coercive-diplomacy)")
    parser.add_argument("--content", metavar="DIR", help="read this content folder instead of "
                                                         "the bundled archive")
    parser.add_argument("--data-dir", metavar="DIR",
                        help="keep bookmarks, notes and settings here (default: "
                             "$OTPIC_READER_DATA, else the user data folder)")
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the window off screen, save it as a PNG and exit")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _run(args)
    except UserError as exc:
        print(f"otpic-reader: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace) -> int:
    from reader.archive.archive import Archive
    from reader.archive.bundled import bundled_content_dir
    from reader.archive.errors import ArchiveError

    content = Path(args.content) if args.content else bundled_content_dir()
    try:
        archive = Archive.open(content)
    except ArchiveError as exc:
        raise UserError(str(exc)) from None
    for problem in archive.problems:
        print(f"otpic-reader: {problem}", file=sys.stderr)
    if args.page and not archive.knows(args.page):
        raise UserError(f"There is no page '{args.page}' in {content}.")
    if args.screenshot:
        return _screenshot(args, archive.root)
    return _open_window(args, archive.root)


def _open_window(args: argparse.Namespace, content: Path) -> int:
    from reader.app import create_application, create_main_window

    app = create_application()
    window = create_main_window(content, args.data_dir, args.page)
    window.show()
    return app.exec()


def _screenshot(args: argparse.Namespace, content: Path) -> int:
    target = Path(args.screenshot)
    if target.suffix.lower() != ".png":
        raise UserError(f"The screenshot file {target} must end in .png.")
    if not target.parent.is_dir():
        raise UserError(f"The folder {target.parent} for the screenshot does not exist.")
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from reader.app import create_application, create_main_window

    app = create_application()
    window = create_main_window(content, args.data_dir, args.page)
    window.show()
    app.processEvents()
    if not window.grab().save(str(target), "PNG"):
        raise UserError(f"The screenshot could not be written to {target}.")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
