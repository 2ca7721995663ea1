"""`otpic-reader export-notes` and `otpic-reader import-notes`: the user's data in and out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from reader.cli.common import UserError, add_data_dir_argument
from reader.common.words import counted


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export-notes", help="write your notes and bookmarks out",
                                   description="Write your notes and bookmarks as Markdown (for "
                                               "people) or JSON (for another OTPIC Reader).")
    export.add_argument("--format", choices=("markdown", "json"), default="markdown")
    export.add_argument("--output", metavar="FILE", help="write here instead of to stdout")
    add_data_dir_argument(export)
    export.set_defaults(run=run_export)
    imported = subparsers.add_parser("import-notes", help="merge an export into your notes",
                                     description="Merge notes and bookmarks from a JSON export, "
                                                 "without duplicates; a bad file changes "
                                                 "nothing.")
    imported.add_argument("file", metavar="FILE")
    add_data_dir_argument(imported)
    imported.set_defaults(run=run_import)


def _store(args: argparse.Namespace, *, look_only: bool = False):
    """The user's store; `look_only` changes nothing in the folder (for an export)."""
    from reader.userdata import UserStore, resolve_data_dir

    return UserStore.open(resolve_data_dir(args.data_dir), look_only=look_only)


def tell(store) -> None:
    """Say on stderr what recovery found and did, as the window does in a message."""
    for notice in store.notices():
        print(f"otpic-reader: {notice}", file=sys.stderr)


def run_export(args: argparse.Namespace) -> int:
    from reader.userdata.exchange import export_json, export_markdown

    store = _store(args, look_only=True)  # exporting changes nothing in the data folder
    try:
        text = export_json(store) if args.format == "json" else export_markdown(store)
    finally:
        tell(store)
        store.close()
    if not args.output:
        sys.stdout.write(text)
        return 0
    try:
        Path(args.output).write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UserError(f"{args.output} could not be written ({exc.strerror}).") from None
    print(f"Exported to {args.output}.", file=sys.stderr)
    return 0


def run_import(args: argparse.Namespace) -> int:
    from reader.userdata.database import StoreError
    from reader.userdata.exchange import ExchangeError, merge_export, parse_export

    try:
        data = parse_export(Path(args.file))  # a bad file is refused before the data is opened
    except ExchangeError as exc:
        raise UserError(str(exc)) from None
    store = _store(args)
    try:
        tell(store)
        bookmarks, notes = merge_export(store, data)
    except StoreError as exc:
        raise UserError(str(exc)) from None
    finally:
        store.close()
    print(f"Imported {counted(notes, 'note')} and {counted(bookmarks, 'bookmark')} from "
          f"{args.file} (anything already here was left as it was).")
    return 0
