"""Rendered pages kept on disk, so showing a page seen before needs no Markdown.

The cache folder is named by the archive's content key (which changes when
any content file changes) and by the rendering code itself, so a page is
never shown from an out-of-date rendering. Old folders of the same archive
are removed; a cache that cannot be written is not used.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.archive.archive import Archive
from reader.common.digest import cache_key
from reader.common.files import atomic_write, cache_dir
from reader.common.slugs import SLUG_RE
from reader.render.code_key import render_code_key


class RenderCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._usable = True

    @classmethod
    def for_archive(cls, archive: Archive, root: Path | None) -> RenderCache | None:
        """The cache of this archive's content as it is now, or None when it has no key."""
        if not archive.content_key:
            return None
        place = cache_key(str(archive.root.resolve()).encode(), 16)
        return cls((root or cache_dir("html")) /
                   f"{place}-{archive.content_key[:16]}-{render_code_key()}")

    def get(self, slug: str) -> str | None:
        if not SLUG_RE.match(slug):  # a slug names a file here: never a path
            return None
        try:
            return (self.folder / f"{slug}.html").read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def put(self, slug: str, html: str) -> None:
        """Keep a rendered page, written whole or not at all."""
        if not self._usable or not SLUG_RE.match(slug):
            return
        try:
            if not self.folder.is_dir():
                self.folder.mkdir(parents=True, exist_ok=True)
                self._prune()
            atomic_write(self.folder / f"{slug}.html", html.encode("utf-8"))
        except OSError:
            self._usable = False

    def _prune(self) -> None:
        """Remove this archive's renderings of earlier content or code."""
        place = self.folder.name.split("-", 1)[0]
        for other in self.folder.parent.glob(f"{place}-*"):
            if other != self.folder:
                shutil.rmtree(other, ignore_errors=True)
