"""`otpic-reader [--page SLUG] [--content DIR] [--data-dir DIR] [--portable]
[--screenshot FILE.png]`.

The window paints the look it had when it last closed (reader/snapshot.py) when
nothing it came from has changed, and opens the archive and the user's data
after that first paint; otherwise it opens them first, the ordinary way. At
exit it keeps its look for the next start.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import (
    UserError,
    add_content_argument,
    add_data_dir_argument,
    open_archive,
    where,
)

if TYPE_CHECKING:
    from reader.snapshot import Snapshot
    from reader.ui.window.main_window import MainWindow

OPTIONS = ("page", "content", "data-dir", "screenshot")  # as add_arguments names them
FLAGS = ("portable",)  # its options that take no value
SCREENSHOT_SIZE = (1280, 780)  # the off-screen "screen" is small; documents want this size


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--page", metavar="SLUG", help="open this page (e.g. coercive-diplomacy)")
    add_content_argument(parser, top_level=True)
    add_data_dir_argument(parser, top_level=True)
    parser.add_argument("--screenshot", metavar="FILE.png",
                        help="render the window off screen, save it as a PNG and exit")


def run(args: argparse.Namespace) -> int:
    # A start makes hundreds of thousands of objects (modules, classes, Qt's enums) and
    # next to no garbage: the cycle collector's passes over them would cost the first
    # paint some 15 ms. It runs again from the first paint on (or the end, at worst).
    gc.disable()
    try:
        return _run(args)
    finally:
        gc.enable()


def _run(args: argparse.Namespace) -> int:
    snapshot = _snapshot(args)
    look = snapshot.load(args.page)
    archive = None if look is not None else _checked_archive(args)
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
    from reader.app import create_application, create_main_window, main_window_from_look

    app = create_application()
    failures: list[UserError] = []
    window = None
    if look is not None:
        try:
            window = main_window_from_look(look, snapshot.content_root,
                                           lambda: _open_rest(args, snapshot, failures))
        except Exception:  # a look damaged in a way that still reads: start as usual
            snapshot.forget()
            archive = _checked_archive(args)
    if window is None:
        window = create_main_window(archive.root, snapshot.data_dir, args.page,
                                    archive=archive,
                                    defer_tools=True,  # the panes come after the first paint
                                    look_only=bool(args.screenshot))  # a screenshot changes nothing
    window.page_view.first_painted.connect(gc.enable)
    if args.screenshot:
        window.resize(*SCREENSHOT_SIZE)
    window.show()
    if not args.screenshot:
        status = app.exec()
        _keep_look(window, snapshot, args.page)
        return status
    app.processEvents()
    window.complete()  # a screenshot shows the whole window, panes included
    if failures:
        raise failures[0]
    window.resize(*SCREENSHOT_SIZE)  # the user's own geometry came with their data
    app.processEvents()
    saved = window.grab().save(str(args.screenshot), "PNG")
    window.close()
    _keep_look(window, snapshot, args.page)
    if not saved:
        raise UserError(f"The screenshot could not be written to {args.screenshot}.")
    return 0


def _checked_archive(args: argparse.Namespace):
    """The archive, with the page asked for in it; else a UserError saying what is wrong."""
    archive = open_archive(args.content)
    if args.page and not archive.knows(args.page):
        raise UserError(f"There is no page '{args.page}' in {where(archive)}.")
    return archive


def _snapshot(args: argparse.Namespace) -> Snapshot:
    from reader.archive.bundled import bundled_content_dir
    from reader.snapshot import Snapshot
    from reader.userdata.paths import resolve_data_dir

    root = Path(args.content) if args.content else bundled_content_dir()
    return Snapshot(root, resolve_data_dir(args.data_dir), screenshot=bool(args.screenshot))


def _open_rest(args: argparse.Namespace, snapshot: Snapshot, failures: list[UserError]):
    """The archive and the user's data for a window painted from its kept look, or None
    (said on stderr and in a message) when the archive cannot be opened after all."""
    from reader.userdata.store import UserStore

    try:
        archive = open_archive(args.content)
    except UserError as exc:
        failures.append(exc)
        if not args.screenshot:
            from PySide6.QtWidgets import QApplication, QMessageBox

            print(f"otpic-reader: {exc}", file=sys.stderr)
            QMessageBox.critical(None, "OTPIC Reader", str(exc))
            QApplication.exit(2)
        return None
    return archive, UserStore.open(snapshot.data_dir, look_only=bool(args.screenshot))


def _keep_look(window: MainWindow, snapshot: Snapshot, page: str | None) -> None:
    """Keep the window's look for the next start, once the user's data is closed (the
    next start compares the database files' sizes and times with theirs now)."""
    from PySide6.QtCore import QThreadPool

    from reader.app import resume_page

    while window.replaced_by is not None:  # File > Open archive… gave it a successor
        window = window.replaced_by
    if window.store is None:  # closed before it had its archive and data
        return
    QThreadPool.globalInstance().waitForDone()  # a daily backup reads the database
    if window.archive.root.resolve() != snapshot.content_root:  # another archive's look
        window.close_store()  # would never be painted: a start opens --content's
        return
    look = window.look()
    resumable = resume_page(window.archive, window.store) == look.slug
    # where an ordinary start would resume (a data folder that cannot be written kept none)
    look = look._replace(scroll=int(window.store.get("last_scroll") or 0) if resumable else 0)
    window.close_store()
    snapshot.save(look, resumable=resumable)


def no_display() -> bool:
    """True on a Linux machine with no screen, where Qt would abort with a long message."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
