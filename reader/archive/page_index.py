"""The front matter of every page file, remembered between starts.

Reading and parsing 10,000 page files takes seconds; looking at their sizes
and modification times takes milliseconds. So the titles, sections and
provenance of the pages (and the problems of bad files) are kept in a cache
file, and only files that changed since are read again. A cache that cannot
be read or written is simply not used.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import fields
from pathlib import Path

from reader.archive.errors import Problem
from reader.archive.model import Page
from reader.archive.page_file import PageError, read_page

CACHE_VERSION = 1
META_FIELDS = tuple(f.name for f in fields(Page) if f.name not in ("slug", "text", "path"))


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("otpic-reader", appauthor=False)) / "pages"


def cache_file_for(root: Path, cache_dir: Path) -> Path:
    key = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
    return cache_dir / f"{key}.json"


def scan_pages(pages_dir: Path, cache_file: Path | None) -> tuple[dict[str, Page], list[Problem]]:
    """Every page of the folder (bodies unread) and a problem for each file skipped."""
    cached = _load(cache_file)
    records: dict[str, list] = {}
    pages: dict[str, Page] = {}
    problems: list[Problem] = []
    changed = False
    try:
        entries = sorted((e for e in os.scandir(pages_dir) if e.name.endswith(".md")),
                         key=lambda e: e.name)
    except OSError:
        return pages, problems
    for entry in entries:
        path = Path(entry.path)
        try:
            stat = entry.stat()
        except OSError:
            continue
        stamp = [stat.st_mtime_ns, stat.st_size]
        record = cached.get(entry.name)
        if record is None or record[:2] != stamp:
            record = stamp + _parse(path)
            changed = True
        records[entry.name] = record
        meta, problem = record[2], record[3]
        if problem:
            problems.append(Problem(path, problem))
        else:
            page = Page(slug=path.stem, path=path, **meta)
            pages[page.slug] = page
    if cache_file is not None and (changed or set(records) != set(cached)):
        _save(cache_file, records)
    return pages, problems


def _parse(path: Path) -> list:
    """[front matter fields, ''] for a page, or [None, problem] for a file that is not one."""
    try:
        page = read_page(path)
    except PageError as exc:
        return [None, f"skipped: the file {exc}."]
    return [{name: getattr(page, name) for name in META_FIELDS}, ""]


def _load(cache_file: Path | None) -> dict[str, list]:
    if cache_file is None:
        return {}
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != CACHE_VERSION:
        return {}
    files = data.get("files")
    return files if isinstance(files, dict) else {}


def _save(cache_file: Path, records: dict[str, list]) -> None:
    """Write the cache whole or not at all, so a crash never leaves half a cache."""
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=cache_file.parent, suffix=".partial")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump({"version": CACHE_VERSION, "files": records}, out, ensure_ascii=False)
        os.replace(temporary, cache_file)
    except OSError:
        return
