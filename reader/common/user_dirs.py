"""The platform's folders for the user's data and the cache, as platformdirs names them.

On Linux they follow the XDG rule (an absolute $XDG_DATA_HOME or $XDG_CACHE_HOME, else
~/.local/share or ~/.cache under an absolute $HOME), which takes a line to apply while
importing platformdirs costs a start 9 to 12 ms before its first paint: the window's
kept look lives in the cache. Any other platform, or a case off the plain rule (a
relative variable, no absolute home, Android), asks platformdirs itself, whichever
version is installed; a test holds the two to one answer.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "otpic-reader"
XDG = {"data": ("XDG_DATA_HOME", ".local/share"), "cache": ("XDG_CACHE_HOME", ".cache")}


def user_dir(kind: str) -> Path:
    """The program's folder of `kind` ("data" or "cache") in the user's own folders."""
    plain = xdg_dir(kind)
    if plain is not None:
        return plain
    import platformdirs

    found = platformdirs.user_data_dir if kind == "data" else platformdirs.user_cache_dir
    return Path(found(APP_NAME, appauthor=False))


def xdg_dir(kind: str) -> Path | None:
    """The folder by the XDG rule on Linux, or None where platformdirs must decide."""
    if sys.platform != "linux" or "ANDROID_DATA" in os.environ:
        return None
    variable, beneath_home = XDG[kind]
    named = os.environ.get(variable, "")
    if named:  # a relative one is ignored by today's platformdirs, used by older ones
        return Path(named, APP_NAME) if os.path.isabs(named) else None
    home = os.environ.get("HOME", "")
    return Path(home, beneath_home, APP_NAME) if os.path.isabs(home) else None
