"""`otpic-reader check [--content DIR] [--json]`: problems to fix, and pages still missing."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from reader.cli.common import add_content_argument, open_archive
from reader.common.words import counted

if TYPE_CHECKING:
    from reader.integrity.check import CheckReport


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "check", help="list validation problems and the pages not preserved yet",
        description="Report every validation problem of the content folder (page files, "
                    "glossary, course.yaml and pages it does not list), the pages course.yaml "
                    "lists that are not preserved, and the gap report: each page that "
                    "preserved pages link to but the archive does not hold, with how many "
                    "pages link to it and which, most wanted first. Exit status 1 when there "
                    "are validation problems; pages not preserved are not failures.")
    add_content_argument(parser)
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.integrity.check import check_archive

    report = check_archive(open_archive(getattr(args, "content", None), report_problems=False))
    if args.json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
    else:
        print("\n".join(_text(report)))
    return 0 if report.ok else 1


def _text(report: CheckReport) -> list[str]:
    """The report for people: problems first, then what is missing."""
    lines = [f"Validation problems: {len(report.problems) or 'none'}"]
    lines += [f"  {report.where(p)}: {p.message}" for p in report.problems]
    lines.append(f"Pages course.yaml lists that are not preserved: "
                 f"{len(report.not_preserved) or 'none'}")
    lines += [f"  {entry.slug} ({entry.section}): {entry.title}"
              for entry in report.not_preserved]
    lines.append(f"Gap report, pages linked to but not preserved, most wanted first: "
                 f"{len(report.gaps) or 'none'}")
    for gap in report.gaps:
        line = (f"  {gap.slug}: {gap.title}; linked from {counted(gap.wanted, 'page')}: "
                f"{', '.join(gap.linked_from)}")
        if gap.texts and list(gap.texts) != [gap.title]:
            line += "; linked as " + ", ".join(f"“{text}”" for text in gap.texts)
        if gap.source_url:
            line += f"; original address {gap.source_url}"
        lines.append(line)
    lines.append(f"{report.preserved} pages preserved; "
                 f"{'no problems to fix' if report.ok else 'fix the problems above'}.")
    return lines
