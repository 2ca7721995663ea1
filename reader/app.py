"""Build the main window from a content folder and a data folder."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.archive.archive import Archive
from reader.archive.bundled import bundled_content_dir
from reader.ui.main_window import MainWindow
from reader.userdata.paths import resolve_data_dir
from reader.userdata.store import UserStore


def create_main_window(content_dir: str | Path | None = None,
                       data_dir: str | Path | None = None,
                       page: str | None = None, *, archive: Archive | None = None,
                       defer_tools: bool = False, look_only: bool = False) -> MainWindow:
    """The reader's main window, unshown, with a page open (a QApplication must exist).

    Raises ArchiveError when the content folder is not an archive. A caller that has
    opened the archive already passes it as `archive`. With `defer_tools` the panes
    are added after the first paint (the reader's own start), else before returning.
    With `look_only` the user's data is read but nothing is saved (a screenshot).
    """
    archive = archive or Archive.open(content_dir or bundled_content_dir())
    store = UserStore.open(resolve_data_dir(data_dir), look_only=look_only)
    window = MainWindow(archive, store, defer_tools=defer_tools)
    last = store.get("last_page")
    resuming = not page and bool(last) and archive.knows(last)
    window.open_page(page or (last if resuming else archive.home))
    if resuming:
        window.resume_scroll(store.get("last_scroll"))
    return window


def create_application() -> QApplication:
    """The QApplication, named so that Qt and the desktop know the program."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OTPIC Reader")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("otpic-reader")
    return app
