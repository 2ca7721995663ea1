"""Writing files whole or not at all, and the one folder for what the reader can make again."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

PARTIAL = ".partial"  # the suffix of a file being written; never a finished one

# The mode a new file or folder gets from the user's umask, read once while the program
# has one thread (os.umask can only be read by setting it).
UMASK = os.umask(0o022)
os.umask(UMASK)


def cache_dir(part: str = "") -> Path:
    """The user cache folder (or a part of it): rendered pages, front matter, the search
    index and the window's last look. Deleting it loses nothing. In portable mode it is
    the folder beside the program, so that nothing is left on the computer."""
    from reader.common.portable import CACHE_FOLDER, portable_folder
    from reader.common.user_dirs import user_dir

    root = portable_folder(CACHE_FOLDER) or user_dir("cache")
    return root / part if part else root


@contextlib.contextmanager
def atomic_path(target: Path, *, durable: bool = False) -> Iterator[Path]:
    """A temporary path beside `target`, renamed over it if the block ends normally.

    A crash, a full disk or a second copy of the program leaves either the old file or
    the new one, never half of one, and no temporary file behind. `durable` flushes the
    new file to the disk before the rename, for what cannot be made again. Raises
    OSError when the folder cannot be written.
    """
    temporary = temporary_beside(target)
    try:
        yield temporary
        if durable:
            with open(temporary, "rb+") as written:
                os.fsync(written.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def temporary_beside(target: Path) -> Path:
    """A new empty file beside `target`, to be renamed over it, with the mode `target` has
    (or a new file would be given): mkstemp's private 0600 would make a shared handout or
    an archive's files readable by their owner alone."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}-", suffix=PARTIAL, dir=target.parent)
    os.close(handle)
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        mode = 0o666 & ~UMASK
    with contextlib.suppress(OSError):
        os.chmod(name, mode)
    return Path(name)


def atomic_write(target: Path, data: bytes, *, durable: bool = False) -> None:
    """Write `data` to `target` whole or not at all (see atomic_path)."""
    with atomic_path(target, durable=durable) as temporary:
        temporary.write_bytes(data)
