"""Portable mode: the data and the cache beside the program, the user's own folders untouched."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.common import portable
from reader.common.files import cache_dir
from reader.userdata.paths import resolve_data_dir
from tests.conftest import ROOT

PYTHON = sys.executable  # the fixture below changes sys.executable for this process
# The command line in its own process, as if its program lived in the folder argv[1] names
# (a portable build's folder on a USB stick): so sys.executable says.
SCRIPT = """
import sys
sys.executable = sys.argv[1]
from reader.cli import main
sys.exit(main(sys.argv[2:]))
"""


@pytest.fixture
def stick(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The program's folder on a stick, for this process too; portable mode not yet on."""
    folder = tmp_path / "stick" / "otpic-reader"
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "executable", str(folder / "otpic-reader"))
    monkeypatch.setattr(portable, "_enabled", False)
    return folder


def run_from(stick: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([PYTHON, "-c", SCRIPT, str(stick / "otpic-reader"), *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120,
                          check=False)


def notes_file(tmp_path: Path) -> Path:
    """An export with one note and one bookmark, as another reader would write it."""
    from reader.userdata import UserStore

    source = UserStore.open(tmp_path / "elsewhere")
    source.notes.add("coercive-diplomacy", "Coercive Diplomacy", "Ask about threats.")
    source.bookmarks.add("coercive-diplomacy", "Coercive Diplomacy")
    source.close()
    target = tmp_path / "notes.json"
    result = subprocess.run([PYTHON, "-m", "reader", "export-notes", "--format", "json",
                             "--data-dir", str(tmp_path / "elsewhere"), "--output", str(target)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return target


def user_folders_untouched() -> None:
    """Nothing of ours in the XDG data, cache, config and state folders (conftest's)."""
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        folder = Path(os.environ[name])
        assert not list(folder.rglob("otpic-reader*")), f"{folder} was written to"


def test_a_portable_file_beside_the_program_keeps_data_and_cache_there(stick, tmp_path):
    (stick / portable.MARKER).touch()
    assert run_from(stick, "import-notes", str(notes_file(tmp_path))).returncode == 0
    result = run_from(stick, "--screenshot", str(tmp_path / "shot.png"))
    assert result.returncode == 0, result.stderr
    assert (stick / "data" / "otpic-reader.sqlite3").is_file()
    assert list((stick / "cache").iterdir())  # the window's caches, beside it too
    exported = run_from(stick, "export-notes", "--format", "json")
    assert json.loads(exported.stdout)["notes"][0]["text"] == "Ask about threats."
    user_folders_untouched()


def test_the_portable_option_does_the_same_without_the_file(stick, tmp_path):
    notes = notes_file(tmp_path)
    assert run_from(stick, "import-notes", "--portable", str(notes)).returncode == 0
    assert (stick / "data" / "otpic-reader.sqlite3").is_file()
    for argv in (["--portable", "--screenshot", str(tmp_path / "shot.png")],  # getopt's way
                 ["--portable", "search", "diplomacy"],  # before a sub-command
                 ["search", "--portable", "threats"]):  # after it: finds the note
        result = run_from(stick, *argv)
        assert result.returncode == 0, result.stderr
    assert "note" in result.stdout
    assert (stick / "cache").is_dir()
    user_folders_untouched()


def test_without_portable_mode_the_user_folders_are_used(stick):
    assert not portable.is_portable()
    assert resolve_data_dir() == Path(os.environ["XDG_DATA_HOME"]) / "otpic-reader"
    assert cache_dir() == Path(os.environ["XDG_CACHE_HOME"]) / "otpic-reader"


def test_a_named_data_folder_wins_over_portable_mode(stick, tmp_path, monkeypatch):
    (stick / portable.MARKER).touch()
    assert resolve_data_dir() == stick / "data"
    assert cache_dir("html") == stick / "cache" / "html"
    monkeypatch.setenv("OTPIC_READER_DATA", str(tmp_path / "from-env"))
    assert resolve_data_dir() == tmp_path / "from-env"
    assert resolve_data_dir(tmp_path / "named") == tmp_path / "named"
    assert cache_dir() == stick / "cache"  # the cache stays beside the program all the same


def test_a_read_only_stick_still_reads(stick, tmp_path):
    """A folder that cannot be made (here: a file in its place, as root writes anywhere)
    leaves the data unsaved, with the reason, and the cache unused; reading goes on."""
    from reader.userdata import UserStore

    (stick / portable.MARKER).touch()
    (stick / "data").write_text("not a folder")
    (stick / "cache").write_text("not a folder")
    store = UserStore.open(resolve_data_dir())
    assert not store.writable and str(stick / "data") in store.read_only_reason
    store.close()
    for argv in (["search", "diplomacy"], ["--screenshot", str(tmp_path / "shot.png")]):
        result = run_from(stick, *argv)
        assert result.returncode == 0, result.stderr


def test_both_command_lines_read_portable_alike():
    from reader.cli import build_parser, window_arguments

    assert window_arguments(["--portable"]).portable is True
    assert window_arguments(["--page", "about"]).portable is False
    assert window_arguments(["--portable=yes"]) is None  # a mistake, for argparse to tell
    for argv in (["--portable", "search", "x"], ["search", "x", "--portable"],
                 ["print", "--page", "about", "--pdf", "a.pdf", "--portable"]):
        assert build_parser().parse_args(argv).portable is True, argv
    assert build_parser().parse_args(["search", "x"]).portable is False


def test_the_about_box_says_where_the_data_is(stick):
    pytest.importorskip("PySide6")
    from reader.ui.dialogs.about_dialog import about_html

    assert "runs portable" in about_html(stick / "data", True)
    assert str(stick / "data") in about_html(stick / "data", True)
    told = about_html(Path("/home/someone/.local/share/otpic-reader"), False)
    assert "/home/someone/.local/share/otpic-reader" in told and "--portable" in told
    assert "named by --data-dir" in about_html(Path("/elsewhere"), True)


def test_the_package_carries_its_icon():
    from reader.common.resources import ICON_SIZES, icon_path, icon_paths

    assert [path.name for path in icon_paths()] == [f"otpic-reader-{s}.png" for s in ICON_SIZES]
    assert all(path.read_bytes().startswith(b"\x89PNG") for path in icon_paths())
    with pytest.raises(ValueError):
        icon_path(17)
    assert (ROOT / "resources" / "icons" / "otpic-reader.svg").is_file()
