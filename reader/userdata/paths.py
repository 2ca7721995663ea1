"""Where the user's data lives: --data-dir, then $OTPIC_READER_DATA, then the folder beside
the program in portable mode (reader/common/portable.py), then the platform's place."""

from __future__ import annotations

import os
from pathlib import Path

DATA_ENV = "OTPIC_READER_DATA"
DB_NAME = "otpic-reader.sqlite3"  # the one file of the user's data, in the data folder


def resolve_data_dir(explicit: str | Path | None = None) -> Path:
    """The data folder to use; a trainer's USB stick is named by the environment variable."""
    if explicit:
        return Path(explicit).expanduser().absolute()
    from_env = os.environ.get(DATA_ENV, "").strip()
    if from_env:  # often relative on a USB stick: ./data beside the program
        return Path(from_env).expanduser().absolute()
    from reader.common.portable import DATA_FOLDER, portable_folder
    from reader.common.user_dirs import user_dir

    return portable_folder(DATA_FOLDER) or user_dir("data")  # beside the program when portable


def store_stamp(data_dir: Path) -> tuple[tuple[int, ...], ...]:
    """The size and time of the database and its write-ahead log: any saved change
    alters one of them, so an unchanged stamp means unchanged data (read without
    opening the database, which a start painted from a snapshot does not need yet)."""
    stamps = []
    for name in (DB_NAME, DB_NAME + "-wal"):
        try:
            stat = os.stat(data_dir / name)
        except OSError:
            stamps.append(())
            continue
        # an empty log (left by a copy that only read) holds no change
        stamps.append((stat.st_mtime_ns, stat.st_size) if stat.st_size else ())
    return tuple(stamps)
