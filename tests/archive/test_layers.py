"""The archive and user-data layers never import Qt, so the CLI and tests need no screen."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import ROOT

SCRIPT = """
import importlib, pkgutil, sys
sys.modules["PySide6"] = None
import reader.archive, reader.userdata
for package in (reader.archive, reader.userdata):  # every module, present and future
    for module in pkgutil.iter_modules(package.__path__):
        importlib.import_module(f"{package.__name__}.{module.name}")
from reader.archive import Archive
from reader.archive.render import Renderer
archive = Archive.open(sys.argv[1])
Renderer(archive).html_for("coercive-diplomacy")
print("ok")
"""


def test_archive_and_userdata_work_with_pyside6_blocked() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(ROOT / "content")],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.stdout.strip() == "ok", result.stderr
