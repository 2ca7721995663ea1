"""Every sub-command from a built portable folder, copied elsewhere and run with an empty
environment, as on a laptop with no Python: `OTPIC_BUNDLE=DIST/otpic-reader pytest tests/bundle`
after `python resources/build.py`. Skipped when no bundle is named."""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.capture.site_copy import SITE_FILES, site_warc, zip_of
from tests.conftest import BUNDLED, CAPTURES

BUNDLE = os.environ.get("OTPIC_BUNDLE", "")
pytestmark = pytest.mark.skipif(not BUNDLE, reason="no portable build named by OTPIC_BUNDLE")
EXE = "otpic-reader.exe" if sys.platform == "win32" else "otpic-reader"
# `env -i`; Windows cannot start a process without SYSTEMROOT
EMPTY = {"SYSTEMROOT": os.environ.get("SYSTEMROOT", "")} if sys.platform == "win32" else {}


@pytest.fixture(scope="module")
def stick(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built folder in a new place, in portable mode (a file beside it)."""
    folder = tmp_path_factory.mktemp("stick") / "otpic-reader"
    shutil.copytree(BUNDLE, folder, symlinks=True)
    (folder / "portable").touch()
    return folder


def run(stick: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the bundle as `env -i` would: no PATH, no HOME, no Python, no display."""
    result = subprocess.run([str(stick / EXE), *args], capture_output=True, text=True, env=EMPTY,
                            cwd=cwd or stick.parent, timeout=120, check=False)
    assert result.returncode == 0, f"{args}: {result.stderr}"
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_it_runs_every_sub_command(stick: Path, tmp_path: Path) -> None:
    from reader.cli import build_parser

    run(stick, "--version")
    run(stick, "--screenshot", str(tmp_path / "shot.png"))
    assert (tmp_path / "shot.png").read_bytes().startswith(b"\x89PNG")
    assert "intact" in run(stick, "verify").stdout
    assert "coercive-diplomacy" in run(stick, "search", "diplomacy").stdout
    run(stick, "check")
    run(stick, "export-site", str(tmp_path / "site"))
    assert (tmp_path / "site" / "index.html").is_file()
    run(stick, "print", "--page", "coercive-diplomacy", "--pdf", str(tmp_path / "h.pdf"),
        "--with-glossary")
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")
    run(stick, "export-notes", "--format", "json", "--output", str(tmp_path / "notes.json"))
    run(stick, "import-notes", str(tmp_path / "notes.json"))
    content = tmp_path / "content"
    shutil.copytree(BUNDLED, content)
    run(stick, "import", str(CAPTURES / "000_833dba95b8d8c9f7.txt"), "--into", str(content))
    # warcio and zipfile are loaded only when an import meets such a file: the bundle has them
    archive = tmp_path / "copy-archive"
    run(stick, "import", str(site_warc(tmp_path / "copy.warc.gz")),
        str(zip_of(tmp_path / "copy.zip", SITE_FILES)), "--into", str(archive))
    assert "intact" in run(stick, "verify", "--content", str(archive)).stdout
    run(stick, "manifest", "--content", str(content))
    assert "intact" in run(stick, "verify", "--content", str(content)).stdout
    ran = {"verify", "search", "check", "export-site", "print", "export-notes", "import-notes",
           "import", "manifest"}
    commands = next(action for action in build_parser()._actions
                    if isinstance(action, argparse._SubParsersAction))
    assert set(commands.choices) == ran, "a new sub-command: run it here too"


def test_its_data_stays_beside_it(stick: Path, tmp_path: Path) -> None:
    run(stick, "export-notes", "--format", "json", "--output", str(tmp_path / "notes.json"))
    run(stick, "import-notes", str(tmp_path / "notes.json"))
    assert (stick / "data" / "otpic-reader.sqlite3").is_file()
    run(stick, "search", "diplomacy")
    assert (stick / "cache").is_dir()
