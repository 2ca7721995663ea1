"""Where the search index is kept between runs, and when it may be reused.

The index of a content folder is a SQLite file in the user cache directory,
named by a key that hashes everything the index is built from:

- what the opened Archive already holds in memory, as text: each page's slug,
  title and section, the section titles, every glossary term;
- for page bodies, which Archive reads only when needed, each file's size,
  modification time and status-change time (st_ctime) instead of its bytes.

Why not a hash of the bytes: that would read all of a 10,000-page archive (about
40 MB) at every start, undoing the archive's lazy reading and the 0.3 s reopen
target. Why the status-change time as well: an edit that keeps the size and
puts the old modification time back (`touch -r`, some sync tools, a test)
still changes st_ctime, which no program can set; so every edit of a page is
seen. The cost is a needless rebuild after a copy or a chmod, which is rare.
Pages built in memory (no file) are hashed by their text.

Files are written whole or not at all (common.files.atomic_path), so a crash or
a second reader building at the same time never leaves half an index behind.
"""

from __future__ import annotations

import contextlib
import os
import time
from pathlib import Path

from reader.archive.archive import Archive
from reader.common.digest import KeyBuilder
from reader.common.files import PARTIAL

PREFIX = "search-"
SUFFIX = ".sqlite3"
KEEP = 4  # indexes of this many content folders (the most recently used) are kept
STALE_TEMP_SECONDS = 24 * 3600


def content_key(archive: Archive, schema: str) -> str:
    """A hex digest of everything the index is built from, and of the index's `schema`."""
    digest = KeyBuilder()

    def add(*values: object) -> None:
        for value in values:
            data = str(value).encode("utf-8", "surrogatepass")
            digest.update(len(data).to_bytes(8, "little"))
            digest.update(data)

    add(schema)
    for section in archive.sections:
        add("section", section.id, section.title)
        for entry in section.entries:
            add(entry.slug)
    for slug in sorted(archive.pages):
        page = archive.pages[slug]
        add("page", slug, page.title, page.section)
        if page.path is None:
            add("text", page.body)
            continue
        try:
            stat = os.stat(page.path)
        except OSError:
            add("missing")
            continue
        add(stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns)
    for term in archive.glossary.terms:
        add("term", term.term, *term.aliases, "", term.definition)
    return digest.hexdigest()


def cache_path(cache_dir: Path, key: str) -> Path:
    return cache_dir / f"{PREFIX}{key[:40]}{SUFFIX}"


def touch(path: Path) -> None:
    """Mark an index as recently used, so pruning keeps it."""
    with contextlib.suppress(OSError):
        os.utime(path)


def prune(cache_dir: Path, keep: Path) -> None:
    """Remove all but the KEEP most recently used indexes, and temp files left by crashes."""
    try:
        indexes = [p for p in cache_dir.glob(f"{PREFIX}*{SUFFIX}") if p != keep]
        indexes.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in indexes[KEEP - 1:]:
            with contextlib.suppress(OSError):
                old.unlink()
        now = time.time()
        for temp in cache_dir.glob(f".{PREFIX}*{PARTIAL}"):
            with contextlib.suppress(OSError):
                if now - temp.stat().st_mtime > STALE_TEMP_SECONDS:
                    temp.unlink()
    except OSError:
        pass  # pruning is housekeeping; it never stops a search
