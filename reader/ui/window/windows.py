"""The reader's other windows: a page opened in a window of its own beside this one, and
another archive opened in place of this one (File > Open archive…, Recent archives, a
folder dropped on the window, and the archive read again after File > Import saved pages).

All the windows of a session share one store, so each sees the others' bookmarks and
notes through the store's change notices. One data folder serves every archive:
bookmarks, notes and reading progress are kept by page slug, so an archive that holds
the same pages (a copy, a larger one) shows them, and in one that does not they show as
pages missing and notes detached; nothing is lost or rewritten either way. A start with
no --content opens the bundled archive; the others are a click away in Recent archives.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

# QFileDialog and QMessageBox are named through their module, loaded when first used: their
# types and enums would cost attaching the window (before an ordinary start's first paint) 3 ms
from PySide6 import QtWidgets
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMenu

from reader.archive.archive import Archive
from reader.archive.bundled import bundled_content_dir
from reader.archive.errors import ArchiveError

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData

    from reader.userdata.store import UserStore

RECENT = 8  # archives remembered in File > Recent archives
COMPANION_OFFSET = 36  # pixels: a new window opens down and right of the one it came from


def open_window(kind: type[QMainWindow], archive: Archive, store: UserStore, slug: str, *,
                companion: bool) -> QMainWindow:
    """A whole window of `kind` (the reader's MainWindow, which hands its own class here
    rather than this module importing it back) on `archive` and `store` showing `slug`,
    shown; a companion leaves the store, the layout kept between starts and the start's
    messages to the main one."""
    window = kind(companion=companion)
    window.attach(archive, store)
    window.open_page(slug)
    window.complete()
    window.show()
    return window


def is_bundled(root: Path) -> bool:
    return root.resolve() == bundled_content_dir().resolve()


def archive_label(archive: Archive) -> str:
    """How the title bar names an archive: its short title, and the folder it was opened
    from when it is not the bundled one."""
    name = archive.course.short_title or archive.course.title
    return name if is_bundled(archive.root) else f"{name} ({archive.root.name})"


class Windows(QObject):
    """The commands that open windows, for `window`."""

    def __init__(self, window: QMainWindow, store: UserStore) -> None:
        super().__init__(window)
        self.window, self.store = window, store
        a = window.actions
        a.actionOpenArchive.triggered.connect(self.choose_archive)
        a.actionImportPages.triggered.connect(self.import_pages)
        self.recent = QMenu("Recent &archives", window)
        self.recent.setObjectName("recentArchives")
        self.recent.aboutToShow.connect(self._fill_recent)
        window.view_menu.file.insertMenu(a.actionImportPages, self.recent)
        window.setAcceptDrops(True)  # a folder dropped on the window opens as an archive

    def new_window(self, slug: str) -> QMainWindow:
        """The page in a second window on the same archive and store."""
        w = self.window
        other = open_window(type(w), w.archive, w.store, slug, companion=True)
        room = w.screen().availableGeometry()  # down and right, but on the screen
        other.resize(w.size())
        other.move(max(room.left(), min(w.x() + COMPANION_OFFSET, room.right() - w.width())),
                   max(room.top(), min(w.y() + COMPANION_OFFSET, room.bottom() - w.height())))
        return other

    def open_link(self, href: str) -> None:
        """A middle or Ctrl+click on a link: a page opens in a new window, others as clicked."""
        from reader.archive.links import classify_href

        target = classify_href(href)
        if target.kind == "page":
            self.new_window(target.value)
        else:
            self.window.router.route(href)

    def choose_archive(self) -> None:
        start = self.recent_archives()[0] if self.recent_archives() else str(Path.home())
        folder = QtWidgets.QFileDialog.getExistingDirectory(self.window, "Open archive", start)
        if folder:
            self.open_archive(Path(folder))

    def open_archive(self, root: Path, slug: str | None = None) -> QMainWindow | None:
        """Read the archive in `root` in place of this window's; a folder that is not one
        is said in a sentence, and the archive open now stays open. The new window opens
        at `slug` if it holds it, else where its reader last was, else at its home."""
        try:
            archive = Archive.open(root)
        except (ArchiveError, OSError) as exc:
            QtWidgets.QMessageBox.warning(self.window, "Not an archive", _sentence(exc, root))
            return None
        self._remember(archive.root)
        w = self.window
        w.layout_keeper.keep(self.store, w.navigator.scroll())  # the new window takes them
        last = self.store.get("last_page")
        if not (slug and archive.knows(slug)):
            slug = last if last and archive.knows(last) else archive.home
        new = open_window(type(w), archive, self.store, slug, companion=w.companion)
        w.hand_over(new)
        return new

    def import_pages(self) -> None:
        """File > Import saved pages…, into an archive the user opened from a folder they
        can write; the bundled archive is never rewritten, so there it explains instead."""
        root = self.window.archive.root
        if is_bundled(root) or not (os.access(root, os.W_OK)
                                    and os.access(root / "pages", os.W_OK)):
            QtWidgets.QMessageBox.information(
                self.window, "Import saved pages",
                "Saved pages are imported into an archive of your own: the archive that "
                "comes with the reader is never changed"
                + ("" if is_bundled(root) else f", and {root} cannot be written") + ". "
                "Make one with the command “otpic-reader import FILE --into FOLDER”, "
                "then open that folder with File > Open archive… and import here.")
            return
        from reader.ui.dialogs.import_dialog import import_saved_pages

        if import_saved_pages(self.window, root):
            self.open_archive(root, self.window.current_slug)  # the tree shows the new pages

    def recent_archives(self) -> list[str]:
        saved = self.store.get("recent_archives")
        return [p for p in saved if isinstance(p, str)] if isinstance(saved, list) else []

    def _remember(self, root: Path) -> None:
        path = str(root.resolve())
        recent = [path] + [p for p in self.recent_archives() if p != path]
        self.store.set("recent_archives", recent[:RECENT])

    def _fill_recent(self) -> None:
        self.recent.clear()
        here = self.window.archive.root.resolve()
        for path in [str(bundled_content_dir().resolve()), *self.recent_archives()]:
            if Path(path) == here or path in [a.data() for a in self.recent.actions()]:
                continue
            text = "The archive that comes with the reader" if is_bundled(Path(path)) else path
            action = self.recent.addAction(text.replace("&", "&&"))
            action.setData(path)
            action.triggered.connect(lambda _=False, p=path: self.open_archive(Path(p)))
        if not self.recent.actions():
            self.recent.addAction("No other archive yet").setEnabled(False)

    @staticmethod
    def dropped_folder(mime: QMimeData) -> Path | None:
        """The first local folder among what is dragged over the window, if any."""
        for url in mime.urls() if mime.hasUrls() else []:
            path = Path(url.toLocalFile()) if url.isLocalFile() else None
            if path is not None and path.is_dir():
                return path
        return None


def _sentence(exc: Exception, root: Path) -> str:
    """One sentence: what is wrong with the folder, and that nothing changed."""
    if isinstance(exc, ArchiveError):
        return f"{str(exc).rstrip('.')}; the archive open now stays open."
    why = getattr(exc, "strerror", None) or exc
    return f"{root} could not be read ({why}); the archive open now stays open."
