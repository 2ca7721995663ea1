"""The reader's own data (settings, and as they land bookmarks and notes). Never imports Qt."""

from reader.userdata.paths import resolve_data_dir
from reader.userdata.store import UserStore

__all__ = ["UserStore", "resolve_data_dir"]
