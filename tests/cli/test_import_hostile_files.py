"""`import` of a FIFO named on the command line returns at once, and a file name with control
characters is never echoed raw (issue 15, item 10; the folder cases: tests/capture)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from tests.conftest import run_cli


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_on_the_command_line_is_skipped_unread(tmp_path: Path) -> None:
    fifo = tmp_path / "waiting.htm"
    os.mkfifo(fifo)  # no writer: opening it to read would wait for ever
    result = run_cli("import", str(fifo), "--into", str(tmp_path / "archive"))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"skipped {fifo}: it is not a regular file" in result.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="no control characters in names here")
def test_a_name_with_control_characters_named_on_the_command_line_is_escaped(
        tmp_path: Path) -> None:
    page = tmp_path / "evil\x1b]0;owned\x07\x1b[31m.htm"
    page.write_text("<html><body>Not a page of ours</body></html>", encoding="utf-8")
    result = run_cli("import", str(page), "--into", str(tmp_path / "archive"))
    assert result.returncode == 1
    assert not any(c in result.stderr + result.stdout for c in "\x1b\x07")
    assert "evil\\x1b]0;owned\\x07\\x1b[31m.htm" in result.stderr
