"""The window as it last looked, kept so that the next start can paint it first.

A start that loads the archive, the user's database and its panes before
painting costs twice what the toolkit alone does. Yet what the first paint
shows is, nearly always, what the window showed when it closed: the same page,
notice and size. So at exit the window's look is saved here, with the stamps of
what it came from: the program, the course files and the page shown
(content_files.page_stamps), the user's database. The next start paints that
look (with nothing of the archive or the store loaded, the contents pane still
empty) when every stamp still matches, then opens the archive and the store and
completes the window in place, correcting whatever the archive now says
otherwise (MainWindow.attach compares the page and the notice); when a stamp
differs, it starts the ordinary way. No Qt here: plain values only.
"""

from __future__ import annotations

import contextlib
import marshal
import sys
from pathlib import Path
from typing import NamedTuple

from reader.archive.content_files import page_stamps
from reader.common.digest import cache_key
from reader.common.files import cache_dir as user_cache_dir
from reader.common.kept import keep
from reader.render.code_key import render_code_key
from reader.userdata.paths import store_stamp

FORMAT = 2


class Look(NamedTuple):
    """What the window shows, as plain values: enough to paint it again."""

    slug: str = ""  # the page shown, "" for none
    html: str = ""  # as the renderer gave it
    scroll: int = 0
    css: str = ""  # the page style of the theme
    font: tuple = ("sans-serif", 12)  # reading font and point size
    highlight: str = "#fff1a8"  # noted passages
    found: str = "#ffc870"  # search hits
    theme: str = ""  # the palette theme applied to the window; "" for the desktop's own
    notice: str = ""  # the successor notice's text
    notice_shown: bool = False
    geometry: bytes = b""  # QMainWindow.saveGeometry()
    state: bytes = b""  # QMainWindow.saveState()


BLANK = Look()


class Snapshot:
    """The kept look of one kind of start: a content folder, a data folder, and whether
    it is the reader's own window or a screenshot (so neither replaces the other's)."""

    def __init__(self, content_root: Path, data_dir: Path, *, screenshot: bool,
                 cache_dir: Path | None = None) -> None:
        self.content_root = content_root.resolve()
        self.data_dir = data_dir
        name = cache_key(f"{self.content_root}\n{data_dir}\n{screenshot}".encode())
        self.file = (cache_dir or user_cache_dir("looks")) / f"{name}.look"
        self._kept: dict | None = None  # what load() found, to spare writing it again

    def key(self, slug: str) -> tuple:
        """What the look of page `slug` came from; any change makes it unusable."""
        return (FORMAT, tuple(sys.version_info[:2]), render_code_key(),
                page_stamps(self.content_root, slug), store_stamp(self.data_dir))

    def load(self, page: str | None) -> Look | None:
        """The kept look if it still shows what a start asking for `page` would show.

        A start that names its page shows it from the top, as an ordinary start does.
        """
        try:
            data = marshal.loads(self.file.read_bytes())
            look = Look(**data["look"])
            resumable = data["resumable"]
            if any(type(value) is not type(default)
                   for value, default in zip(look, BLANK, strict=True)):
                raise TypeError("a look of other types than a window keeps")
            if not (page == look.slug or (page is None and resumable)):
                return None
            if data.get("key") != self.key(look.slug):
                return None
        except FileNotFoundError:
            return None
        except Exception:  # whatever a damaged file holds, it is only a cache
            self.forget()
            return None
        self._kept = data
        return look if page is None else look._replace(scroll=0)

    def forget(self) -> None:
        """Remove the kept look (one that could not be used), so the next start makes anew."""
        with contextlib.suppress(OSError):
            self.file.unlink(missing_ok=True)
        self._kept = None

    def save(self, look: Look, *, resumable: bool) -> None:
        """Keep `look`, whole or not at all. `resumable`: a start that asks for no page
        shows this one (the user's data says it was the last page read)."""
        try:
            data = {"key": self.key(look.slug), "look": look._asdict(),
                    "resumable": resumable}
        except (OSError, ValueError):  # no stamps for such a page: nothing to keep it by
            return
        if data != self._kept:  # as it was: an old laptop's disk need not write it again
            keep(self.file, data)
