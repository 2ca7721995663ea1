"""`otpic-reader import PATH... [--into DIR] [--url ADDRESS] [--section ID] [--captured DATE]
[--json]`: saved copies of the site (folders, zip files, WARC files, single pages) into an
archive, with progress on a terminal and a summary."""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from reader.cli.common import UserError

if TYPE_CHECKING:
    from reader.capture.report import ImportReport

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "import", help="turn saved copies of OTPIC pages into page files",
        description="Import saved copies of the OTPIC site into a content folder: folders "
                    "(read recursively, as wget, HTTrack or a browser leave them), zip files "
                    "(read in place), web archives (.warc, .warc.gz, .wacz) and single pages "
                    "(plain-text captures or saved HTML). Each capture is kept in captures/ as "
                    "it is, its page is written to pages/ and placed in course.yaml, and links "
                    "between pages are resolved by their addresses. A page already held under "
                    "the same original address is updated, never doubled; importing the same "
                    "copy again changes nothing. A folder that does not exist becomes a new "
                    "archive. Pages, course.yaml and MANIFEST.sha256 change together or not at "
                    "all. Exit status 1 when any page was refused.")
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="a saved page, a folder, a zip file or a WARC file")
    parser.add_argument("--into", metavar="CONTENT_DIR",
                        help="the content folder to import into, or a new folder to start an "
                             "archive in (default: the current folder, if it has a course.yaml)")
    parser.add_argument("--url", metavar="ORIGINAL_ADDRESS",
                        help="the page's original address (one file only); a Wayback Machine "
                             "address also gives the capture date")
    parser.add_argument("--section", metavar="ID",
                        help="the section id (of course.yaml) of every page imported (default: "
                             "from the address, else from the page)")
    parser.add_argument("--captured", metavar="DATE",
                        help="the capture date, YYYY-MM-DD, of captures that do not tell "
                             "theirs (default: what the copy says, else left empty)")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.capture.run import ImportCancelled, ImportRefused, import_saved_copies

    into = _content_dir(args.into)
    if args.url and len(args.paths) != 1:
        raise UserError("--url gives one page's original address, so import one FILE with it.")
    url = _address(args.url) if args.url else ""
    captured = _date(args.captured) if args.captured else ""
    section = _section(into, args.section) if args.section else ""
    meter = _Meter() if sys.stderr.isatty() and not args.json else None
    try:
        report = import_saved_copies([Path(path) for path in args.paths], into, address=url,
                                     section=section, captured=captured, progress=meter)
    except ImportRefused as exc:
        raise UserError(str(exc)) from None
    except (KeyboardInterrupt, ImportCancelled):
        _clear(meter)
        print("otpic-reader: the import was interrupted; nothing was written.", file=sys.stderr)
        return 130
    except OSError as exc:
        _clear(meter)
        print(f"otpic-reader: the import could not be written into {into} "
              f"({exc.strerror or exc}); the archive was left as it was.", file=sys.stderr)
        return 1
    _clear(meter)
    if not report.pages and not report.refused:  # nothing there looked like a page at all
        raise UserError(f"No saved page was found in {', '.join(args.paths)}; "
                        "nothing was written.")
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        _print(report)
    return 0 if report.ok else 1


class _Meter:
    """Progress on the terminal, at most ten times a second, for imports that take long."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.last = 0.0
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self.started < 0.5 or now - self.last < 0.1:
            return
        self.last, self.shown = now, True
        share = f"{100 * done // total}%" if total else "…"
        sys.stderr.write(f"\rReading the saved copies: {share} ")
        sys.stderr.flush()


def _clear(meter: _Meter | None) -> None:
    if meter is not None and meter.shown:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


def _print(report: ImportReport) -> None:
    from reader.capture.candidates import KINDS
    from reader.capture.sources.items import shown

    for page in report.pages:
        if page.status == "unchanged":
            continue
        source = shown(page.sources[0]) if page.sources else "?"
        more = f" and {len(page.sources) - 1} more" if len(page.sources) > 1 else ""
        how = f"encoding {page.encoding_note}; " if page.encoding_note else ""
        print(f"{page.status} {page.slug} from {source}{more} ({how}"
              f"{KINDS.get(page.kind, page.kind)})")
    for skip in report.refused:
        print(f"skipped {shown(skip.name)}: {skip.reason}.", file=sys.stderr)
    if report.recovered:
        print("undid an earlier import that had been interrupted")
    if report.created and not report.written:
        print(f"Nothing was imported, so no archive was made in {report.content_dir}: "
              f"{report.summary()}")
        return
    where = f"a new archive in {report.content_dir}" if report.created else report.content_dir
    print(f"Imported into {where}: {report.summary()}")
    if report.not_preserved:
        print(f"{report.not_preserved} pages the imported pages link to are not preserved; "
              "'otpic-reader check' lists them.")
    if report.created and report.written:
        print(f"wrote MANIFEST.sha256 for its {len(report.written) - 1} files")
    elif report.manifest_updated:
        print(f"updated MANIFEST.sha256 for the {len(report.written) - 1} files written")


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
    if path.exists() and not path.is_dir():
        raise UserError(f"{path} is not a folder, so pages cannot be imported into it.")
    if path.is_dir() and not (path / "course.yaml").is_file() and any(path.iterdir()):
        raise UserError(f"{path} is not an OTPIC archive (it has no course.yaml) and is not "
                        "empty, so nothing was imported into it.")
    return path  # an archive, or an empty or new folder where a new one begins


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
