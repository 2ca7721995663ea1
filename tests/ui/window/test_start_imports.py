"""What the first paint may not wait for: guards on the start-up work of issue 8."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from reader.cli import main
from reader.ui.page import page_view
seen = {}
real = page_view.stamp_first_paint
def stamp():
    seen.update(modules=set(sys.modules))
    real()
page_view.stamp_first_paint = stamp
main(["--screenshot", sys.argv[1], "--data-dir", sys.argv[2], "--content", sys.argv[3]])
late = ["markdown", "yaml", "_hashlib", "reader.userdata.notes", "reader.ui.panes.glossary_dock",
        "reader.ui.panes.search_dock", "reader.search.index"]
print(",".join(name for name in late if name in seen["modules"]) or "none")
# painted from the kept look of the last window: nothing of the archive or the store yet,
# nor the contents tree they fill, nor what only a click opens
kept = ["reader.archive.archive", "reader.userdata.store", "sqlite3", "reader.ui.panes.nav_tree",
        "reader.ui.dialogs.successor_dialog"]
print(",".join(name for name in kept if name in seen["modules"]) or "none")
# any start, the ordinary one too: what only a note, a bookmark or a damaged file needs,
# and platformdirs, whose answer the XDG rule gives on Linux (common/user_dirs.py)
rare = ["uuid", "reader.userdata.notes", "reader.userdata.bookmarks",
        "reader.userdata.backups", "reader.userdata.recovery.repair"]
if sys.platform == "linux":  # elsewhere platformdirs names the folders
    rare.append("platformdirs")
print(",".join(name for name in rare if name in seen["modules"]) or "none")
"""


def start(tmp_path: Path, content: Path, shot: str) -> list[str]:
    """What the start loaded before its first paint, of the late and the kept lists; of
    the rare list, whatever kind of start it was, nothing."""
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / shot),
                             str(tmp_path / "data"), str(content)], capture_output=True,
                            text=True, cwd=ROOT, env=env, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    *_, late, kept, rare_found = result.stdout.strip().splitlines()
    assert rare_found == "none"
    return [late, kept]


def test_the_first_paint_imports_none_of_the_heavy_parts(tmp_path, content) -> None:
    start(tmp_path, content, "first.png")  # the first start fills the caches
    late, kept = start(tmp_path, content, "again.png")
    assert (late, kept) == ("none", "none")
    # painted from the look and completed in place: the same window as the first start's
    assert (tmp_path / "again.png").read_bytes() == (tmp_path / "first.png").read_bytes()


def test_a_start_after_the_page_changed_does_not_paint_the_old_page(tmp_path, content) -> None:
    start(tmp_path, content, "first.png")
    page = content / "pages" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    _, kept = start(tmp_path, content, "again.png")
    assert "reader.archive.archive" in kept  # the ordinary start, with the archive loaded
