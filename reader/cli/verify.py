"""`otpic-reader verify [--content DIR]`: check the archive against MANIFEST.sha256."""

from __future__ import annotations

import argparse

from reader.cli.common import UserError, add_content_argument
from reader.cli.manifest import content_dir


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify", help="check every content file against MANIFEST.sha256",
        description="Check every file MANIFEST.sha256 lists and look for files it does not "
                    "list; print one line per missing, changed or unlisted file. Exit status "
                    "0 only when the archive is intact. 'sha256sum -c MANIFEST.sha256' run in "
                    "the folder agrees on every listed file.")
    add_content_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.integrity.manifest import ManifestError, verify

    try:
        report = verify(content_dir(args))
    except ManifestError as exc:
        raise UserError(str(exc)) from None
    for finding in report.findings:
        print(finding)
    print(report.summary())
    return 0 if report.intact else 1
