"""Which files make up a content folder, and the paths a page may reach inside it.

Kept apart from the rest of the archive package (it needs only the standard
library and cache_key.py), so a start painted from the window's kept look can
tell from file sizes and times alone whether the page it shows has changed.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote

from reader.common.digest import cache_key

KEYED_FILES = ("course.yaml", "glossary.yaml")  # and every pages/*.md


def stamp_of(path: str | os.PathLike) -> list[int]:
    """[modification time in ns, size], or [] for a file that cannot be looked at."""
    try:
        stat = os.stat(path)
    except OSError:
        return []
    return [stat.st_mtime_ns, stat.st_size]


def content_key(stamps: list[tuple[str, int, int]]) -> str:
    """The key of a content folder from its files' (name, time, size): changes with any."""
    text = "\n".join(f"{name}\t{time}\t{size}" for name, time, size in sorted(stamps))
    return cache_key(text.encode(), 64)  # not marshal: its bytes vary with object identity


def page_stamps(root: str | os.PathLike, slug: str) -> tuple[tuple[int, ...], ...]:
    """What a quick look can tell about a page's rendering: the times and sizes of the
    course, the glossary, the pages folder (whose time changes when a page is added,
    removed or saved by renaming, as editors do) and the page's own file. Less than
    the content key, for which every file is looked at."""
    return tuple(tuple(stamp_of(os.path.join(root, *parts)))
                 for parts in (*((name,) for name in KEYED_FILES), ("pages",),
                               ("pages", f"{slug}.md")))


def resource_path(root: Path, relative: str) -> Path | None:
    """A file inside the content folder, or None for anything that would leave it."""
    root = root.resolve()
    try:
        path = (root / relative).resolve()
    except (OSError, ValueError):
        return None
    if root not in path.parents or not path.is_file():
        return None
    return path


def image_path(root: Path, src: str) -> Path | None:
    """The file a page's image names: relative to the page files, as Markdown tools
    read it (`![map](images/map.png)` is pages/images/map.png), and inside the archive."""
    return resource_path(root, "pages/" + unquote(src))
