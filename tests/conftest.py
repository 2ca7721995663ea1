"""Every test runs headless, against its own copy of the content and its own data folder."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "content"
CAPTURES = BUNDLED / "captures"
SEED_PAGES = {
    "coercive-diplomacy": "000_833dba95b8d8c9f7.txt",
    "coercive-prevention": "001_4bbdb99eabbd166a.txt",
    "unofficial-communication": "003_ad0ce14639733dcd.txt",
}


@pytest.fixture(autouse=True)
def _private_user_folders(tmp_path_factory: pytest.TempPathFactory,
                          monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may read or write the real user's data, cache or config folders."""
    home = tmp_path_factory.mktemp("home")
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        monkeypatch.setenv(name, str(home / name.lower()))
    monkeypatch.delenv("OTPIC_READER_DATA", raising=False)


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A private copy of the bundled archive, which a test may change."""
    target = tmp_path / "content"
    shutil.copytree(BUNDLED, target)
    return target


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "data"
    path.mkdir()
    return path


def run_cli(*args: str, env: dict[str, str] | None = None):
    """Run the command line as a user would, in its own process."""
    import subprocess

    merged = {**os.environ, **(env or {})}
    return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                          text=True, env=merged, timeout=120, check=False)
