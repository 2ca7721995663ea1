"""`otpic-reader import FILE... [--into CONTENT_DIR] [--url ADDRESS] [--section ID]`."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path
from urllib.parse import urlsplit

from reader.cli.common import UserError

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="turn captured OTPIC pages into page files",
        description="Import captured OTPIC pages (plain-text captures, or HTML pages saved by "
                    "a browser or a web archive) into a content folder: each capture is kept "
                    "in captures/ as it is and its page is written to pages/. Importing the "
                    "same capture again changes nothing. A folder stands for the files "
                    "directly inside it. The folder's MANIFEST.sha256, if it has one, is "
                    "updated for the files written. Exit status 1 when any file was skipped.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="a capture, or a folder of them")
    parser.add_argument("--into", metavar="CONTENT_DIR",
                        help="the content folder to import into (default: the current folder, "
                             "if it has a course.yaml)")
    parser.add_argument("--url", metavar="ORIGINAL_ADDRESS",
                        help="the page's original address (one FILE only); a Wayback Machine "
                             "address also gives the capture date")
    parser.add_argument("--section", metavar="ID",
                        help="the section id (of course.yaml) the pages belong to (default: "
                             "from the address, else from the page)")
    parser.add_argument("--captured", metavar="DATE",
                        help="the date the pages were captured, YYYY-MM-DD (default: what the "
                             "capture says, else left empty)")
    parser.add_argument("--replace", action="store_true",
                        help="replace pages that were made from a different capture")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.capture.importer import CaptureError, import_capture
    from reader.integrity.manifest import ManifestError, update_manifest

    into = _content_dir(args.into)
    files = _files(args.files)
    if args.url and len(files) != 1:
        raise UserError("--url gives one page's original address, so import one FILE with it.")
    url = _address(args.url) if args.url else ""
    captured = _date(args.captured) if args.captured else ""
    section = _section(into, args.section) if args.section else ""
    failed = 0
    written: list[str] = []
    for file in files:
        try:
            result = import_capture(file, into, source_url=url, section=section,
                                    captured=captured, replace=args.replace)
        except CaptureError as exc:
            failed += 1
            print(f"skipped {file}: {exc}.", file=sys.stderr)
            continue
        written += [name for name in result.written if name not in written]
        print(f"imported {file} as {result.slug} ({result.describe()})")
    if written:
        try:
            if update_manifest(into, written):
                print(f"updated MANIFEST.sha256 for the {len(written)} files written")
        except ManifestError as exc:
            print(f"otpic-reader: {exc}", file=sys.stderr)
            failed += 1
    return 1 if failed else 0


def _content_dir(into: str | None) -> Path:
    """The folder to import into: --into, or the current folder when it is a content folder.

    The bundled archive lives inside the installed program, so it is never the default.
    """
    if into is None:
        if Path("course.yaml").is_file():
            return Path(".")
        raise UserError("Say which content folder to import into with --into CONTENT_DIR "
                        "(the current folder has no course.yaml).")
    path = Path(into)
    if not path.exists():
        raise UserError(f"The content folder {path} does not exist.")
    if not path.is_dir():
        raise UserError(f"{path} is not a folder, so pages cannot be imported into it.")
    if not (path / "course.yaml").is_file() and any(path.iterdir()):
        raise UserError(f"{path} is not an OTPIC archive (it has no course.yaml) and is not "
                        "empty, so nothing was imported into it.")
    return path  # an archive, or an empty folder where a new one begins


def _files(names: list[str]) -> list[Path]:
    """The files to import: a folder stands for the files directly inside it."""
    files: list[Path] = []
    for name in names:
        path = Path(name)
        if not path.is_dir():
            files.append(path)
            continue
        inside = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith("."))
        if not inside:
            raise UserError(f"The folder {path} has no files to import.")
        files += inside
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(Path(os.path.abspath(file)), file)
    return list(unique.values())


def _address(url: str) -> str:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        parts = urlsplit("")
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise UserError(f"--url {url!r} is not a web address (it must start with http:// or "
                        "https://).")
    return url.strip()


def _date(value: str) -> str:
    import datetime as dt

    full = value + "-01" * (2 - value.count("-"))
    try:
        if not _DATE.match(value):
            raise ValueError
        dt.date.fromisoformat(full)
    except ValueError:
        raise UserError(f"--captured {value!r} is not a date like 2004-06-03 (or 2004-06, "
                        "or 2004).") from None
    return value


def _section(into: Path, section: str) -> str:
    """The section id, checked against the folder's course.yaml when it has one."""
    from reader.archive.course import load_course
    from reader.archive.errors import ArchiveError
    from reader.common.slugs import SLUG_RE

    if not SLUG_RE.match(section):
        raise UserError(f"--section {section!r} is not a section id (lower-case letters, "
                        "digits and hyphens).")
    course_file = into / "course.yaml"
    if not course_file.is_file():
        return section
    try:
        _course, specs = load_course(course_file)
    except ArchiveError as exc:
        raise UserError(str(exc)) from None
    ids = [spec.id for spec in specs]
    if section not in ids:
        raise UserError(f"{course_file} has no section '{section}' (it has: {', '.join(ids)}).")
    return section
