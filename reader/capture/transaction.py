"""Writing an import's files together or not at all.

Every file is first written beside its place under a temporary name; only when
all of them are written do they take their places, the manifest last. A file
they replace is kept (as a hard link) in `.import-undo/` with a journal until
the last one is in place, so a failure puts everything back, and an import
that a crash interrupted is undone by the next one. A new archive is built in
a hidden folder beside its place and renamed into it whole.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from reader.common.files import PARTIAL, UMASK, temporary_beside

UNDO = ".import-undo"
JOURNAL = "journal.json"


def recover(root: Path) -> bool:
    """Undo an import that stopped half-way (the computer went off); True if there was one."""
    undo = root / UNDO
    if not undo.is_dir():
        return False
    try:
        journal = json.loads((undo / JOURNAL).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        journal = []  # stopped before any file took its place
    for number, (relative, existed) in reversed(list(enumerate(journal))):
        target = root / relative
        kept = undo / str(number)
        with contextlib.suppress(OSError):
            if existed and kept.exists():
                os.replace(kept, target)
            elif not existed:
                target.unlink(missing_ok=True)
    shutil.rmtree(undo, ignore_errors=True)
    return True


def commit(root: Path, files: dict[str, bytes]) -> None:
    """Put every file in place, or (raising OSError) none of them."""
    staged: list[tuple[Path, Path]] = []
    made: list[Path] = []
    try:
        for relative, data in files.items():
            target = root / relative
            made += _make_folders(target.parent, root)
            temporary = temporary_beside(target)
            staged.append((temporary, target))
            temporary.write_bytes(data)
    except BaseException:
        _discard(staged, made)
        raise
    undo = root / UNDO
    journal: list[tuple[str, bool]] = []
    done: list[int] = []
    try:
        undo.mkdir()
        for number, (_temporary, target) in enumerate(staged):
            existed = target.exists()
            if existed:
                _keep(target, undo / str(number))
            journal.append((target.relative_to(root).as_posix(), existed))
        _write_journal(undo / JOURNAL, journal)
        for number, (temporary, target) in enumerate(staged):
            os.replace(temporary, target)
            done.append(number)
    except BaseException:
        for number in reversed(done):
            relative, existed = journal[number]
            with contextlib.suppress(OSError):
                if existed:
                    os.replace(undo / str(number), root / relative)
                else:
                    (root / relative).unlink()
        _discard([item for n, item in enumerate(staged) if n not in done], made)
        shutil.rmtree(undo, ignore_errors=True)
        raise
    shutil.rmtree(undo, ignore_errors=True)


def _make_folders(folder: Path, root: Path) -> list[Path]:
    """Make the missing folders on the way to `folder`; return those made, deepest last."""
    missing: list[Path] = []
    while not folder.exists() and folder != root and root in folder.parents:
        missing.insert(0, folder)
        folder = folder.parent
    for path in missing:
        path.mkdir()
    return missing


def _keep(target: Path, kept: Path) -> None:
    try:
        os.link(target, kept)
    except OSError:
        shutil.copy2(target, kept)


def _write_journal(path: Path, journal: list[tuple[str, bool]]) -> None:
    with open(path, "w", encoding="utf-8") as stream:
        json.dump(journal, stream)
        stream.flush()
        os.fsync(stream.fileno())


def _discard(staged: list[tuple[Path, Path]], made: list[Path]) -> None:
    for temporary, _target in staged:
        with contextlib.suppress(OSError):
            temporary.unlink()
    for folder in reversed(made):
        with contextlib.suppress(OSError):
            folder.rmdir()


def staging_folder(target: Path) -> Path:
    """A hidden folder beside `target` where a new archive is built."""
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=f".{target.name}-", suffix=PARTIAL, dir=target.parent))
    with contextlib.suppress(OSError):  # mkdtemp's 0700 would hide the archive from others
        os.chmod(folder, 0o777 & ~UMASK)
    return folder


def write_all(root: Path, files: dict[str, bytes]) -> None:
    """Write files into a folder no one else sees yet (a staging folder)."""
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def move_into_place(staging: Path, target: Path) -> None:
    """Rename the finished staging folder to the new archive's name, whole."""
    try:
        os.replace(staging, target)
    except OSError:
        if target.is_dir() and not any(target.iterdir()):
            target.rmdir()
            os.replace(staging, target)
        else:
            raise
