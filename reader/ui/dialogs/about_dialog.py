"""Help > About OTPIC Reader: what the program is, and where it keeps the user's data.

A trainer who carries the reader on a USB stick must be able to see that their notes
are on the stick and not on the laptop they borrowed; so the box names the data folder
and says when the program runs portable (reader/common/portable.py).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from reader import __version__
from reader.common.files import cache_dir
from reader.common.portable import MARKER, program_dir


def show_about(parent: QWidget | None, data_dir: Path, portable: bool) -> None:
    """Show the About box (modal) for a reader whose data is in `data_dir`."""
    QMessageBox.about(parent, "About OTPIC Reader", about_html(data_dir, portable))


def about_html(data_dir: Path, portable: bool) -> str:
    """The About box's text, as rich text."""
    beside = program_dir()
    if portable and data_dir.is_relative_to(beside):
        where = ("<p><b>This copy runs portable.</b> Its data and its cache are kept beside "
                 "the program, so they travel with it (on a USB stick, say) and nothing is left "
                 "on the computer it runs on.</p>")
    elif portable:
        where = ("<p><b>This copy runs portable:</b> its cache is kept beside the program, but "
                 "the data folder above was named by --data-dir or OTPIC_READER_DATA.</p>")
    else:
        where = (f"<p>To keep them beside the program instead (on a USB stick, say), put a file "
                 f"named <code>{MARKER}</code> in {_path(beside)}, or start the reader with "
                 f"<nobr><code>--portable</code></nobr>.</p>")
    return (f"<p><b>OTPIC Reader</b> {escape(__version__)}</p>"
            "<p>An offline reader for the archived International Online Training Program on "
            "Intractable Conflict. It reads the course from files on this computer and never "
            "uses the network unless you confirm an outside link.</p>"
            f"<p>Your bookmarks, notes and settings are kept in {_path(data_dir)}; what the "
            f"reader can make again (rendered pages, the search index) in {_path(cache_dir())}."
            f"</p>{where}")


def _path(path: Path) -> str:
    return f"<code>{escape(str(path))}</code>"
