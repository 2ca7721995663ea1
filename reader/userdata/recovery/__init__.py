"""A damaged database never stops the reader and never costs the user what can be saved.

What the file still holds (read through its write-ahead log, and without it) and
what the newest good backup holds are merged, each note once in its newest
version (merge.py), and that union takes the file's place; the file as it was is
kept beside it as `<name>.corrupt-<time>`. A write-ahead log that belongs to
another database is set aside unused. The message says what was found and what
was kept, once. A store that only looks gets the same union in memory and leaves
the folder as it is. A sound file, which every start has, needs only the diagnosis;
repair.py, which recovers, is loaded when one finds something.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path

from reader.userdata.database import open_for_reading
from reader.userdata.recovery.diagnosis import diagnose, has_log, is_damaged

__all__ = ["is_damaged", "look", "recover_if_damaged"]


def recover_if_damaged(path: Path) -> str:
    """Recover the file in place when it calls for it; '' when it was sound, else what
    was found and what was kept, in words for the user."""
    finding = diagnose(path)
    if finding is None:
        return ""
    from reader.userdata.recovery.repair import repair

    return repair(path, finding)


def look(path: Path) -> tuple[sqlite3.Connection | None, str]:
    """For a store that only looks: (a connection to read, what was found), recovering in
    memory what calls for it; (None, '') when the file needs no recovery."""
    if has_log(path) and not path.with_name(path.name + "-shm").exists():
        return _look_at_copy(path)  # reading the log in place would leave a -shm file
    return _look(path, path)


def _look(path: Path, shown: Path) -> tuple[sqlite3.Connection | None, str]:
    finding = diagnose(path)
    if finding is None:
        return None, ""
    from reader.userdata.recovery.repair import repaired_in_memory

    return repaired_in_memory(path, shown, finding)


def _look_at_copy(path: Path) -> tuple[sqlite3.Connection | None, str]:
    """A file with a log but no -shm (copied in, or left by a crash): looked at through a
    private copy, read into memory, so that the folder is left exactly as it is."""
    with tempfile.TemporaryDirectory(prefix="otpic-look-") as name:
        copy = Path(name) / path.name
        for side in ("", "-wal"):
            shutil.copy2(path.with_name(path.name + side), copy.with_name(copy.name + side))
        connection, message = _look(copy, path)
        connection = connection or open_for_reading(copy)
        if connection is None:
            return None, message
        memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
        connection.backup(memory)
        connection.close()
    return memory, message
