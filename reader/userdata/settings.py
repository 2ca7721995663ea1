"""Every setting the reader keeps, with its default, declared in one place."""

from __future__ import annotations

from typing import Any

DEFAULTS: dict[str, Any] = {
    "notice_dismissed": False,  # the successor notice was hidden by the user
    "last_page": "",  # the page open when the reader last closed or navigated
    "window_geometry": "",  # QMainWindow.saveGeometry(), base64
    "window_state": "",  # QMainWindow.saveState() (docks, toolbars), base64
    "last_scroll": 0,  # the page view's scroll position when the reader closed
    "theme": "system",  # system, light, dark or high-contrast
    "zoom": 0,  # steps above or below the normal reading size
    "reading_font": "sans-serif",  # sans-serif or serif
    "recent_archives": [],  # content folders opened from the window, the newest first
    "handout_section": False,  # handouts hold the page's whole section, not the page alone
    "handout_notes": False,  # handouts carry the reader's notes on their pages
    "handout_glossary": False,  # handouts end with the glossary terms their pages use
    "handout_folder": "",  # the folder the last PDF handout was saved in
    "print_paper": "",  # the paper last printed on (a QPageSize.PageSizeId name); "" default
    "print_landscape": False,  # the last printout lay on its side
    "dialog_sizes": {},  # a dialog's objectName -> the [width, height] its user gave it
}
