"""`python -m reader.bench import`: import a synthetic 1,000-page copy of the site as a
folder, a zip file and a WARC file, each into a new archive, then again (nothing changes).

Named `import` for the command line (`python -m reader.bench import`); the copy
is made by import_site.py and each import is a whole `otpic-reader import`
process, timed from launch to exit, with its peak memory from wait4. The
second import of each copy finds its pages parsed in the user cache, as a
second import of the same copy does.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reader.bench.import_site import site_pages, write_folder, write_warc, write_zip

DESCRIPTION = "import a synthetic copy of the site as a folder, a zip and a WARC file"
TARGETS = {"import": 10.0, "memory": 150.0, "again": 3.0}  # seconds, MiB, seconds


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pages", type=int, default=1000, help="pages in the copy (1000)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the synthetic copy")


def run(args: argparse.Namespace) -> int:
    print(f"Python {platform.python_version()}, {platform.machine()}, {args.pages} pages, "
          f"seed {args.seed}")
    with tempfile.TemporaryDirectory(prefix="otpic-bench-import-") as folder:
        root = Path(folder)
        files = site_pages(args.pages, args.seed)
        copies = {"folder": write_folder(root / "mirror", files),
                  "zip": write_zip(root / "peace.zip", files),
                  "WARC": write_warc(root / "crawl.warc.gz", files)}
        print(f"{'copy':<8}{'size':>10}{'import':>10}{'peak RSS':>11}{'again':>9}{'pages':>8}")
        met = True
        for name, path in copies.items():
            size = _size(path)
            into = root / f"archive-{name.lower()}"
            first, memory, report = _import(path, into, root)
            again, _memory, second = _import(path, into, root)
            pages = len(report["new"])
            print(f"{name:<8}{size / (1 << 20):>8.1f} MB{first:>8.2f} s{memory:>7.0f} MiB"
                  f"{again:>7.2f} s{pages:>8}")
            met &= (first < TARGETS["import"] and memory < TARGETS["memory"]
                    and again < TARGETS["again"] and not second["changed"] and report["ok"])
        print(f"targets: each import < {TARGETS['import']:.0f} s with peak RSS < "
              f"{TARGETS['memory']:.0f} MiB, again (nothing changes) < {TARGETS['again']:.0f} s: "
              f"{'met' if met else 'NOT met'}")
    return 0 if met else 1


def _size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def _import(path: Path, into: Path, root: Path) -> tuple[float, float, dict]:
    """One `otpic-reader import --json` process: (seconds, peak RSS in MiB, its report).

    Each copy has a cache folder of its own, so that its first import parses every page
    (cold) and only its second finds them parsed, as importing the same copy again does.
    """
    env = {**os.environ, "XDG_CACHE_HOME": str(root / f"cache-{into.name}")}
    with open(root / "out.json", "wb") as out:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "reader", "import", str(path),
                                    "--into", str(into), "--json"], stdout=out, env=env)
        _pid, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    report = json.loads((root / "out.json").read_text(encoding="utf-8"))
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB elsewhere
    return elapsed, usage.ru_maxrss * scale / (1 << 20), report
