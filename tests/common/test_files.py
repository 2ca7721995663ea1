"""Files written whole or not at all keep the modes people share them by."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reader.common.files import UMASK, atomic_write


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_new_file_gets_the_mode_the_users_umask_gives(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    atomic_write(target, b"%PDF")
    assert mode(target) == 0o666 & ~UMASK
    assert target.read_bytes() == b"%PDF"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_a_rewritten_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "MANIFEST.sha256"
    target.write_bytes(b"old")
    target.chmod(0o640)
    atomic_write(target, b"new")
    assert mode(target) == 0o640 and target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["MANIFEST.sha256"]  # nothing left beside


def test_a_failed_write_leaves_the_old_file_and_nothing_beside(tmp_path: Path) -> None:
    target = tmp_path / "page.md"
    target.write_bytes(b"kept")

    with pytest.raises(TypeError):
        atomic_write(target, object())  # type: ignore[arg-type]
    assert target.read_bytes() == b"kept"
    assert [p.name for p in tmp_path.iterdir()] == ["page.md"]
