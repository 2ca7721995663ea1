"""Recovery itself, once diagnosis.py has found what calls for it: the union of what the
file still holds and the newest backup takes the file's place (or, for a store that only
looks, is read in memory), and the user is told what was kept. A sound file, which every
start has, needs none of this: the package imports it only after a finding."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

from reader.common.files import atomic_path
from reader.userdata.database import connect
from reader.userdata.recovery.diagnosis import FOREIGN_LOG, Finding, has_log, log_path
from reader.userdata.recovery.merge import merge, write_union
from reader.userdata.recovery.report import counts, told
from reader.userdata.recovery.salvage import Rows, readable_rows


def repair(path: Path, finding: Finding) -> str:
    """Recover the file in place; what was found and what was kept, in words for the user."""
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    if finding.kind == FOREIGN_LOG:
        aside = path.with_name(f"{path.name}-wal.foreign-{stamp}")
        os.replace(log_path(path), aside)
        path.with_name(path.name + "-shm").unlink(missing_ok=True)  # the index of that log
        return (f"A write-ahead log that belongs to another database lay beside your notes "
                f"database {path}; it was moved to {aside} unused, and your notes and "
                "bookmarks are as they were.")
    sources, from_file, backup = _sources(path)
    aside = _keep_aside(path, stamp) if path.stat().st_size or has_log(path) else None
    with atomic_path(path, durable=True) as partial:
        fresh = connect(partial)
        try:
            now = write_union(fresh, merge(sources))
        finally:
            fresh.close()
        for side in ("-wal", "-shm"):  # they belong to the old file: never to the union
            path.with_name(path.name + side).unlink(missing_ok=True)
    return told(path, finding, from_file, backup, now, aside)


def repaired_in_memory(path: Path, shown: Path, finding: Finding,
                       ) -> tuple[sqlite3.Connection, str]:
    """The recovered union in memory, for a store that only looks (`shown` is the file the
    user has, when `path` is a copy of it), and what was found."""
    if finding.kind == FOREIGN_LOG:
        connection = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1",
                                     uri=True, isolation_level=None, check_same_thread=False)
        return connection, (f"A write-ahead log that belongs to another database lies beside "
                            f"your notes database {shown}; it was not used. The next start of "
                            "the reader sets it aside.")
    sources, from_file, backup = _sources(path, shown)
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    now = write_union(memory, merge(sources))
    return memory, told(shown, finding, from_file, backup, now, None, looked=True)


def _sources(path: Path, shown: Path | None = None,
             ) -> tuple[list[Rows], dict[str, int], tuple[str, dict[str, int]] | None]:
    """What to merge, most trusted first; what the file gave; the backup's day and counts
    (the backups of `shown`, the file the user has, when `path` is a copy of it)."""
    from reader.userdata.backups import list_backups

    sources = [readable_rows(path)]
    if has_log(path):  # the file as it was at its last checkpoint, which its log cannot spoil
        sources.append(readable_rows(path, through_log=False))
    from_file = counts(merge(sources))
    backup = None
    for found in list_backups(shown or path):
        rows = readable_rows(found.path)
        if rows:
            sources.append(rows)
            backup = (f"{found.day:%B} {found.day.day}, {found.day.year}", counts(rows))
            break
    return sources, from_file, backup


def _keep_aside(path: Path, stamp: str) -> Path:
    """The file and its log as they were, beside it (a hard link where the disk allows)."""
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    for side in ("", "-wal"):
        source = path.with_name(path.name + side)
        if source.exists():
            target = aside.with_name(aside.name + side)
            try:
                os.link(source, target)
            except OSError:  # FAT on a USB stick has no links
                shutil.copy2(source, target)
    return aside
