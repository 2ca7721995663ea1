"""The reader's own data: bookmarks, notes, reading progress and settings. Never imports Qt.

The names below load on first use (see reader/archive/__init__.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reader.userdata.paths import resolve_data_dir
    from reader.userdata.store import UserStore

__all__ = ["UserStore", "resolve_data_dir"]


def __getattr__(name: str) -> object:
    if name == "UserStore":
        from reader.userdata.store import UserStore

        return UserStore
    if name == "resolve_data_dir":
        from reader.userdata.paths import resolve_data_dir

        return resolve_data_dir
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
