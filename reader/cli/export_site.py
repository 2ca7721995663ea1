"""`otpic-reader export-site OUT_DIR [--content DIR] [--date YYYY-MM-DD]`: a classroom copy.

The copy is static HTML any device opens from a USB stick or a shared folder;
see reader/archive/site_export.py for what it holds and why it is reproducible.
"""

from __future__ import annotations

import argparse
import datetime as dt

from reader.cli.common import UserError, open_archive


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "export-site", help="write a static HTML copy of the archive for a classroom",
        description="Write the whole archive as static HTML into OUT_DIR: an index, every "
                    "page, the pages not preserved, the glossary and a search box, with no "
                    "outside resources. Open OUT_DIR/index.html in any browser, or serve the "
                    "folder with any web server. OUT_DIR must be new, empty, or an earlier "
                    "copy, which is replaced.")
    parser.add_argument("out_dir", metavar="OUT_DIR", help="the folder to write the copy into")
    # SUPPRESS keeps a --content given before the sub-command.
    parser.add_argument("--content", metavar="DIR", default=argparse.SUPPRESS,
                        help="copy this content folder instead of the bundled archive")
    parser.add_argument("--date", metavar="YYYY-MM-DD",
                        help="the date the copy states (default: $SOURCE_DATE_EPOCH if set, "
                             "else the day the archive's newest content file last changed, so "
                             "that the same archive always gives the same files)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.site.export import SiteExportError, export_site

    date = _date(args.date) if args.date else None
    archive = open_archive(getattr(args, "content", None))
    try:
        report = export_site(archive, args.out_dir, date=date)
    except SiteExportError as exc:
        raise UserError(str(exc)) from None
    print(report.summary())
    return 0


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise UserError(f"--date must be a date like 2024-05-31, not '{text}'.") from None
