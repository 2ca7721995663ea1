"""`python -m reader.bench bundle [--bundle DIR]`: the portable build's start against pip's.

A reader on a stick starts the PyInstaller folder; one who installed with pip starts
the `otpic-reader` command beside this Python. Both are whole processes saving a
screenshot of the bundled archive, timed as `bench start` times them (first paint
and exit, peak memory, turns taken round after round, the ratio the median of each
round's): a start from the window's kept look, and a first start with no cache.
Without --bundle (or $OTPIC_BUNDLE) the folder is built first with resources/build.py.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from reader.bench.start import Runs, Start, compile_bytecode, measure

DESCRIPTION = "start-up of the portable build against the pip-installed program"
BUILD = Path(__file__).resolve().parents[2] / "resources" / "build.py"  # in a checkout


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--bundle", type=Path, default=os.environ.get("OTPIC_BUNDLE") or None,
                        metavar="DIR", help="a built portable folder (default: $OTPIC_BUNDLE, "
                                            "else build one with resources/build.py)")
    parser.add_argument("--runs", type=int, default=15, help="timed rounds (default: 15)")


def run(args: argparse.Namespace) -> int:
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="otpic-bench-bundle-") as folder:
        base = Path(folder)
        bundle = args.bundle or _build(base / "dist")
        program = bundle / ("otpic-reader.exe" if sys.platform == "win32" else "otpic-reader")
        installed = Path(sys.executable).parent / "otpic-reader"
        pip = [str(installed)] if installed.is_file() else [sys.executable, "-m", "reader"]
        starts = []
        for name, command in (("pip", pip), ("bundle", [str(program)])):
            for first in (False, True):
                label = f"{name}-first" if first else name
                looks = base / f"cache-{label}" / "otpic-reader" / "looks"
                starts.append(Start(label, [*command, "--screenshot", str(base / f"{label}.png"),
                                            "--data-dir", str(base / f"data-{label}")],
                                    cache=f"cache-{label}",
                                    prepare=(lambda f=looks: shutil.rmtree(f, True)) if first
                                    else None))
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        found = measure(starts, args.runs, env, base / "painted")
    print(f"{'start (whole process)':<36}{'first paint s':<15}{'× pip':<8}{'to exit s':<11}"
          f"{'peak MiB':<9}")
    for label, title in (("pip", "pip install, from the kept look"),
                         ("bundle", "portable build, from the kept look"),
                         ("pip-first", "pip install, first start"),
                         ("bundle-first", "portable build, first start")):
        runs, versus = found[label], found[label.replace("bundle", "pip")]
        print(f"{title:<36}{runs.paint:<15.3f}{_ratio(runs, versus):<8.2f}{runs.time:<11.3f}"
              f"{runs.memory:<9.0f}")
    print(f"({args.runs} rounds; the bundle: {bundle})")
    return 0


def _ratio(runs: Runs, versus: Runs) -> float:
    return statistics.median(a / b for a, b in zip(runs.paints, versus.paints, strict=True))


def _build(dist: Path) -> Path:
    if not BUILD.is_file():
        raise SystemExit("No portable build to time: give --bundle DIR (resources/build.py "
                         "is only in a checkout).")
    subprocess.run([sys.executable, str(BUILD), "--dist", str(dist)], check=True)
    return dist / "otpic-reader"
