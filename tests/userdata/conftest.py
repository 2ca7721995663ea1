"""What the user-data tests share: backups only when a test makes them, and small disks."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

from reader.bench.torture.disks import Skipped, small_disk
from reader.userdata.daily import DailyBackup


@pytest.fixture
def no_daily_backup(monkeypatch: pytest.MonkeyPatch) -> None:
    """The store makes no backup of its own after a change: the test makes them."""
    monkeypatch.setattr(DailyBackup, "__call__", lambda self, changes: None)


@pytest.fixture
def tmpfs(tmp_path: Path) -> Iterator[Callable[..., Path]]:
    """Mount a small tmpfs (size as mount takes it: "1m"); skipped where that is not allowed."""
    with ExitStack() as stack:
        def mount(name: str = "disk", size: str = "1m") -> Path:
            try:
                return stack.enter_context(small_disk(tmp_path / name, size))
            except Skipped:
                pytest.skip("mounting a tmpfs needs root")

        yield mount
