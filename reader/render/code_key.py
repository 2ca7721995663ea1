"""A key that changes with any edit of the code a rendered page depends on.

A page rendered by other code (in the render cache, or in the last window's look)
must never be shown again; that code is the renderer, the content model and the
helpers they share (common/: slugs give the glossary's anchors, the fold its letters).
"""

from __future__ import annotations

import os

from reader import __version__
from reader.common.digest import cache_key

_HERE = os.path.dirname(__file__)
RENDER_CODE_FOLDERS = (_HERE, *(os.path.join(os.path.dirname(_HERE), name)
                                for name in ("archive", "common")))


def render_code_key() -> str:
    """Changes with the program's version and with the time of any module of the
    renderer, the content model or common/, so nothing rendered by other code is shown
    again."""
    stamps = [__version__]
    for folder in RENDER_CODE_FOLDERS:
        try:
            with os.scandir(folder) as entries:
                stamps.extend(f"{entry.name}:{entry.stat().st_mtime_ns}"
                              for entry in sorted(entries, key=lambda e: e.name)
                              if entry.name.endswith(".py"))
        except OSError:
            stamps.append("-")
    return cache_key("/".join(stamps).encode(), 12)
