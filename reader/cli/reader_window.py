"""`otpic-reader [--page SLUG] [--content DIR] [--data-dir DIR] [--screenshot FILE.png]`."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.cli.common import (
    UserError,
    add_content_argument,
    add_data_dir_argument,
    open_archive,
    where,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--page", metavar="SLUG", help="open this page (e.g. coercive-diplomacy)")
    add_content_argument(parser, top_level=True)
    add_data_dir_argument(parser, top_level=True)
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the window off screen, save it as a PNG and exit")


def run(args: argparse.Namespace) -> int:
    archive = open_archive(args.content)
    if args.page and not archive.knows(args.page):
        raise UserError(f"There is no page '{args.page}' in {where(archive)}.")
    if args.screenshot:
        target = Path(args.screenshot)
        if target.suffix.lower() != ".png":
            raise UserError(f"The screenshot file {target} must end in .png.")
        if not target.parent.is_dir():
            raise UserError(f"The folder {target.parent} for the screenshot does not exist.")
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    elif no_display():
        raise UserError("There is no display to open the reader's window on (DISPLAY and "
                        "WAYLAND_DISPLAY are not set); run it on a desktop, or use "
                        "--screenshot FILE.png.")
    from reader.app import create_application, create_main_window

    forget_module_sources()
    app = create_application()
    window = create_main_window(archive.root, args.data_dir, args.page, archive=archive,
                                defer_tools=True,  # the panes come right after the first paint
                                look_only=bool(args.screenshot))  # a screenshot changes nothing
    if args.screenshot:
        window.resize(1280, 780)  # the off-screen "screen" is small; documents want this size
    window.show()
    if not args.screenshot:
        return app.exec()
    app.processEvents()
    window.complete()  # a screenshot shows the whole window, panes included
    app.processEvents()
    saved = window.grab().save(str(args.screenshot), "PNG")
    window.close()
    if not saved:
        raise UserError(f"The screenshot could not be written to {args.screenshot}.")
    return 0


def forget_module_sources() -> None:
    """Drop the module sources PySide6's import hook read (it scans each module that
    imports it for `from __feature__`): about 3 MB the reader never needs again."""
    import linecache

    linecache.clearcache()


def no_display() -> bool:
    """True on a Linux machine with no screen, where Qt would abort with a long message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
