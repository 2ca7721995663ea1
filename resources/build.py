"""Build the portable one-folder reader: `python resources/build.py [--dist DIR] [--archive]`.

Runs PyInstaller on resources/otpic-reader.spec (install it with `pip install '.[bundle]'`),
then checks what a USB stick needs: on Linux, that every library the folder's binaries
link is in the folder or is one a desktop always has; and the sizes, against the
targets (folder 130 MiB, archive 50 MiB). The folder is DIST/otpic-reader; the
archive, with --archive, DIST/otpic-reader-<version>-<platform>.tar.xz (.zip on Windows).
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "otpic-reader.spec"
NAME = "otpic-reader"
MIB = 1024 * 1024
TARGETS = {"folder": 130 * MIB, "archive": 50 * MIB}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python resources/build.py", description=__doc__)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the folder goes (default: dist/ in the checkout)")
    parser.add_argument("--work", type=Path, default=None,
                        help="PyInstaller's working folder (default: DIST/../build/pyinstaller)")
    parser.add_argument("--archive", action="store_true",
                        help="also pack the folder as .tar.xz (.zip on Windows)")
    args = parser.parse_args(argv)
    dist = args.dist.absolute()
    work = (args.work or dist.parent / "build" / "pyinstaller").absolute()
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", str(SPEC), "--noconfirm",
                    "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)],
                   check=True)
    folder = dist / NAME
    print(f"Built {folder} in {time.monotonic() - started:.0f} s.")
    ok = report("folder", folder_size(folder))
    missing = missing_libraries(folder)
    for binary, names in sorted(missing.items()):
        print(f"  {binary} needs {', '.join(sorted(names))}, found neither in the folder nor "
              "on this system: install them and build again", file=sys.stderr)
    if args.archive:
        started = time.monotonic()
        packed = pack(folder)
        print(f"Packed {packed} in {time.monotonic() - started:.0f} s.")
        ok &= report("archive", packed.stat().st_size)
    return 0 if ok and not missing else 1


def folder_size(folder: Path) -> int:
    """Bytes on disk, each file once (PyInstaller links some libraries from two places)."""
    return sum(path.lstat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def report(what: str, size: int) -> bool:
    within = size <= TARGETS[what]
    print(f"  {what}: {size / MIB:.1f} MiB ({'within' if within else 'OVER'} the target of "
          f"{TARGETS[what] // MIB} MiB)")
    return within


def pack(folder: Path) -> Path:
    """The folder as one file to copy or download, named for the version and platform."""
    sys.path.insert(0, str(ROOT))
    from reader import __version__

    stem = f"{NAME}-{__version__}-{sys.platform}-{platform.machine().lower()}"
    if sys.platform == "win32":
        return Path(shutil.make_archive(str(folder.parent / stem), "zip", folder.parent,
                                        folder.name))
    target = folder.parent / f"{stem}.tar.xz"
    xz = shutil.which("xz")
    if xz is None:
        with tarfile.open(target, "w:xz") as archive:
            archive.add(folder, arcname=folder.name)
    else:  # the same file, made on every core: twice as fast here
        with open(target, "wb") as out:
            compressor = subprocess.Popen([xz, "-6", "-T0", "-c"], stdin=subprocess.PIPE,
                                          stdout=out)
            with tarfile.open(fileobj=compressor.stdin, mode="w|") as archive:
                archive.add(folder, arcname=folder.name)
            compressor.stdin.close()
            if compressor.wait():
                raise SystemExit(f"xz failed on {target}")
    return target


def missing_libraries(folder: Path) -> dict[str, set[str]]:
    """Linux: the libraries each binary of the folder links that the loader cannot find.

    PyInstaller copies what the build machine has; a library it lacks (the xcb plugin's
    libxcb-icccm4, say) is missing from the folder too, and the window would not open on
    a desktop that lacks it as well.
    """
    if not sys.platform.startswith("linux") or shutil.which("ldd") is None:
        return {}
    missing: dict[str, set[str]] = {}
    env = {**os.environ, "LD_LIBRARY_PATH": str(folder / "_internal")}
    for path in folder.rglob("*.so*"):
        if not path.is_file():
            continue
        found = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env,
                               check=False).stdout
        names = {line.split()[0] for line in found.splitlines() if "not found" in line}
        if names:
            missing[str(path.relative_to(folder))] = names
    return missing


if __name__ == "__main__":
    sys.exit(main())
