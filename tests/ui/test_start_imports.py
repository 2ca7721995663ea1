"""What the first paint may not wait for: guards on the start-up work of issue 8."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from reader.cli import main
from reader.ui import page_view
seen = {}
real = page_view.stamp_first_paint
def stamp():
    seen.update(modules=set(sys.modules))
    real()
page_view.stamp_first_paint = stamp
main(["--screenshot", sys.argv[1], "--data-dir", sys.argv[2]])
late = ["markdown", "yaml", "_hashlib", "reader.userdata.notes", "reader.ui.glossary_dock",
        "reader.ui.search_dock", "reader.archive.search_index"]
print(",".join(name for name in late if name in seen["modules"]) or "none")
"""


def test_the_first_paint_imports_none_of_the_heavy_parts(tmp_path) -> None:
    env = {"XDG_CACHE_HOME": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    for start in ("first, which fills the caches", "again, as every later start"):
        result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "s.png"),
                                 str(tmp_path / "data")], capture_output=True, text=True,
                                cwd=ROOT, env=env, timeout=120, check=False)
        assert result.returncode == 0, start + result.stderr
    assert result.stdout.strip().splitlines()[-1] == "none", result.stdout
