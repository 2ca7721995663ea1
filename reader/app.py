"""Build the main window: from a content folder and a data folder, or from a kept look."""

from __future__ import annotations

import sys
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from reader import __version__
from reader.ui.window.main_window import MainWindow

if TYPE_CHECKING:
    from reader.archive.archive import Archive
    from reader.snapshot import Look
    from reader.ui.window.main_window import Opener
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
    from reader.archive.archive import Archive
    from reader.archive.bundled import bundled_content_dir
    from reader.userdata.paths import resolve_data_dir
    from reader.userdata.store import UserStore

    archive = archive or Archive.open(content_dir or bundled_content_dir())
    store = UserStore.open(resolve_data_dir(data_dir), look_only=look_only)
    window = MainWindow()
    window.attach(archive, store)
    resume = resume_page(archive, store)
    resuming = not page and resume == store.get("last_page")  # where the reader left off
    window.open_page(page or resume)
    if resuming:
        window.page_view.resume_scroll(store.get("last_scroll"))
    if defer_tools:
        complete_after_first_paint(window)
    else:
        window.complete()
    return window


def resume_page(archive: Archive, store: UserStore) -> str:
    """The page a start that names none opens: the last one read, else the archive's home."""
    last = store.get("last_page")
    return last if last and archive.knows(last) else archive.home


def main_window_from_look(look: Look, content_root: Path, opener: Opener) -> MainWindow:
    """The window as `look` shows it, unshown; after its first paint it takes the archive
    and the user's data from `opener` and completes itself."""
    from reader.archive.content_files import image_path

    window = MainWindow(look, image_path=partial(image_path, content_root), opener=opener)
    complete_after_first_paint(window)
    return window


def complete_after_first_paint(window: MainWindow) -> None:
    """Run the window's steps still to come once its first page is painted, letting it
    answer between them."""
    def after_paint() -> None:
        if window.store is not None:
            window.complete()
        elif window.attach_opened():
            QTimer.singleShot(0, window, window.complete)
        QTimer.singleShot(0, set_icon)  # a turn later: nothing the window needs waits on it

    window.page_view.first_painted.connect(lambda: QTimer.singleShot(0, window, after_paint))


WINDOW_ICON_LARGEST = 128  # px: X11 sends every size to the window manager, and 256 px
# doubles the icon's cost (some 5 ms) for task switchers that scale 128 px up well enough


def set_icon() -> None:
    """The program's icon on every window and dialog, once: made after the first paint and
    the panes (it costs 3 to 7 ms, QIcon's enums and the PNGs' decoding)."""
    app = QApplication.instance()
    if app is None or not app.windowIcon().isNull():
        return
    from PySide6.QtGui import QIcon

    from reader.common.resources import ICON_SIZES, icon_path

    icon = QIcon()
    for size in ICON_SIZES:
        if size <= WINDOW_ICON_LARGEST:
            icon.addFile(str(icon_path(size)))
    app.setWindowIcon(icon)


PROPAGATE_WARNING = "This plugin does not support propagateSizeHints()"


def create_application() -> QApplication:
    """The QApplication, named so that Qt and the desktop know the program. Off screen
    (--screenshot), Qt warns that it cannot pass size hints to a window system it does
    not have, once for each change of the window's least size: that warning alone is
    not printed."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("OTPIC Reader")
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("otpic-reader")
    if app.platformName() == "offscreen":
        from PySide6.QtCore import qInstallMessageHandler

        qInstallMessageHandler(_offscreen_messages)
    return app


def _offscreen_messages(kind: object, context: object, message: str) -> None:
    if message != PROPAGATE_WARNING:
        print(message, file=sys.stderr)
