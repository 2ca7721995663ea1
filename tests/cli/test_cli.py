"""The command line as a user types it: a screenshot, the version, and clear errors."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
import zlib
from pathlib import Path

from reader import __version__
from tests.conftest import run_cli


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG, after checking its signature and header checksum."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    header = data[16:29]
    assert struct.unpack(">I", data[29:33])[0] == zlib.crc32(b"IHDR" + header)
    return struct.unpack(">II", header[:8])


def test_screenshot_writes_a_png_of_the_window(tmp_path: Path, data_dir: Path) -> None:
    shot = tmp_path / "shot.png"
    result = run_cli("--screenshot", str(shot), "--page", "coercive-diplomacy",
                     "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    width, height = png_size(shot)
    assert width >= 800 and height >= 500


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"otpic-reader {__version__}"


def test_an_unknown_page_is_one_sentence_and_exit_2(data_dir: Path) -> None:
    result = run_cli("--page", "no-such-page", "--data-dir", str(data_dir),
                     "--screenshot", "/tmp/never.png")
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "no-such-page" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_content_folder_that_does_not_exist_is_exit_2(tmp_path: Path) -> None:
    result = run_cli("--content", str(tmp_path / "missing"))
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_a_folder_that_is_not_an_archive_is_exit_2(tmp_path: Path) -> None:
    result = run_cli("--content", str(tmp_path))
    assert result.returncode == 2 and "not an OTPIC archive" in result.stderr


def test_bad_pages_are_named_on_stderr_and_the_rest_opens(
        content: Path, tmp_path: Path, data_dir: Path) -> None:
    (content / "pages" / "broken.md").write_bytes(b"---\ntitle: \xff\n---\n")
    shot = tmp_path / "s.png"
    result = run_cli("--content", str(content), "--data-dir", str(data_dir),
                     "--screenshot", str(shot))
    assert result.returncode == 0
    assert "broken.md" in result.stderr and "not UTF-8" in result.stderr
    assert shot.exists()


def test_a_screenshot_into_a_missing_folder_is_exit_2(tmp_path: Path, data_dir: Path) -> None:
    result = run_cli("--screenshot", str(tmp_path / "no" / "shot.png"),
                     "--data-dir", str(data_dir))
    assert result.returncode == 2 and "does not exist" in result.stderr


def test_a_screenshot_leaves_the_users_data_as_it_was(tmp_path: Path, data_dir: Path) -> None:
    from reader.userdata import UserStore

    store = UserStore.open(data_dir)
    store.set("last_page", "about")
    store.close()
    before = (data_dir / "otpic-reader.sqlite3").read_bytes()
    result = run_cli("--screenshot", str(tmp_path / "s.png"), "--page", "coercive-diplomacy",
                     "--data-dir", str(data_dir))
    assert result.returncode == 0
    assert (data_dir / "otpic-reader.sqlite3").read_bytes() == before
    fresh = tmp_path / "never-used"
    assert run_cli("--screenshot", str(tmp_path / "t.png"), "--data-dir",
                   str(fresh)).returncode == 0
    assert not fresh.exists()


def test_no_display_is_one_sentence_not_a_qt_abort(data_dir: Path) -> None:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "reader", "--data-dir", str(data_dir)],
                            capture_output=True, text=True, env=env, timeout=60, check=False)
    assert result.returncode == 2
    assert "no display" in result.stderr and result.stderr.count("\n") == 1


def test_a_mistake_on_the_command_line_is_told_with_every_command(data_dir: Path) -> None:
    """The window's options are read on their own, for speed; mistakes still get the
    whole command line's usage and message."""
    for argv, message in ((["frobnicate"], "invalid choice: 'frobnicate'"),
                          (["--page"], "argument --page: expected one argument"),
                          (["--bogus"], "unrecognized arguments: --bogus")):
        result = run_cli(*argv, "--data-dir", str(data_dir))
        assert result.returncode == 2
        assert message in result.stderr and "COMMAND" in result.stderr, result.stderr


def test_the_window_options_are_read_alike_by_both_parsers() -> None:
    """The window's options are read without argparse when they are all there is."""
    import argparse

    from reader.cli import build_parser, reader_window, window_arguments

    top = {o for a in build_parser()._actions for o in a.option_strings} - {"-h", "--help",
                                                                            "--version"}
    assert top == {f"--{name}" for name in (*reader_window.OPTIONS, *reader_window.FLAGS)}
    argv = ["--page", "about", "--content=c", "--data-dir", "d", "--scr", "s.png", "--portable"]
    fast = window_arguments(argv)
    whole = build_parser().parse_args(argv)
    assert isinstance(fast, argparse.Namespace)
    assert vars(fast) == vars(whole)
    for other in (["verify"], ["--help"], ["--version"], ["--page"], ["--page", "-x"],
                  ["--bogus"], ["--page", "about", "search", "x"], ["--page", "about", "--"]):
        assert window_arguments(other) is None, other
