"""`otpic-reader print (--page SLUG | --section ID) --pdf OUT.pdf [--with-notes]
[--with-glossary] [--paper NAME] [--landscape]`: handouts for trainers, from the command
line."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from reader.cli.common import (
    UserError,
    add_content_argument,
    add_data_dir_argument,
    open_archive,
    where,
)
from reader.common.words import counted

PAPERS = ("A4", "Letter", "Legal", "A5", "A3")  # QPageSize's names, which ui.pdf takes


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("print", help="make a PDF handout of a page or a section",
                                   description="Lay out a page or a whole section for print, "
                                               "with each page's provenance, as a PDF.")
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--page", metavar="SLUG", help="a page, or 'glossary' for the glossary")
    which.add_argument("--section", metavar="ID",
                       help="every preserved page of a section (e.g. approaches)")
    parser.add_argument("--pdf", metavar="OUT.pdf", required=True, help="the PDF file to write")
    parser.add_argument("--with-notes", action="store_true",
                        help="add your notes on those pages under each page")
    parser.add_argument("--with-glossary", action="store_true",
                        help="add an appendix with the glossary terms the pages use")
    parser.add_argument("--paper", type=str.lower, choices=[p.lower() for p in PAPERS],
                        default="a4", help="the paper size (default: a4)")
    parser.add_argument("--landscape", action="store_true", help="turn the paper sideways")
    add_content_argument(parser)
    add_data_dir_argument(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.archive.glossary import GLOSSARY_SLUG
    from reader.render.handout import glossary_handout_html, handout_html, slugs_for_section

    archive = open_archive(args.content)
    if args.page == GLOSSARY_SLUG and args.page not in archive.pages and len(archive.glossary):
        return _write(args, glossary_handout_html(archive), "Glossary", "the whole glossary")
    if args.page:
        if args.page not in archive.pages:
            raise UserError(f"There is no preserved page '{args.page}' in {where(archive)}.")
        slugs = [args.page]
    else:
        slugs = slugs_for_section(archive, args.section)
        if not slugs:
            known = ", ".join(s.id for s in archive.sections)
            raise UserError(f"The section '{args.section}' has no preserved page (sections: "
                            f"{known}).")
    notes = _notes(args.data_dir, slugs) if args.with_notes else None
    html = handout_html(archive, slugs, notes=notes, with_glossary=args.with_glossary)
    title = archive.title_of(slugs[0]) if args.page else archive.course.title
    what = f"{counted(len(slugs), 'page')} of the course" + (
        ", with the glossary terms they use" if args.with_glossary else "")
    return _write(args, html, title, what)


def _write(args: argparse.Namespace, html: str, title: str, what: str) -> int:
    target = Path(args.pdf)
    if target.suffix.lower() != ".pdf":
        raise UserError(f"The handout file {target} must end in .pdf.")
    if not target.parent.is_dir():
        raise UserError(f"The folder {target.parent} for the PDF does not exist.")
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from reader.ui.pdf import handout_layout, write_pdf

    _app = QGuiApplication.instance() or QGuiApplication([])
    try:
        paper = next(name for name in PAPERS if name.lower() == args.paper)
        write_pdf(html, target, title, handout_layout(paper, args.landscape))
    except OSError as exc:
        raise UserError(f"The handout could not be written to {target} "
                        f"({exc.strerror or exc}).") from None
    print(f"Wrote {target}: {what}.")
    return 0


def _notes(data_dir: str | None, slugs: list[str]):
    """The notes on those pages; what recovery found and did is said on stderr."""
    from reader.cli.notes_exchange import tell
    from reader.render.handout import HandoutNote
    from reader.userdata import UserStore, resolve_data_dir

    store = UserStore.open(resolve_data_dir(data_dir))
    try:
        return {slug: [HandoutNote(n.quote, n.text) for n in store.notes.for_page(slug)]
                for slug in slugs}
    finally:
        tell(store)
        store.close()
