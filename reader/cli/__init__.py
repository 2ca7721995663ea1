"""The `otpic-reader` command: with no sub-command it opens the reader window.

Each sub-command lives in its own module with `add_parser(subparsers)` and
`run(args) -> int`, listed in COMMANDS; errors a user can fix are raised as
UserError and printed as one sentence with exit status 2.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from reader import __version__
from reader.cli.common import UserError

# Sub-command modules, in the order `--help` lists them.
COMMANDS: tuple[str, ...] = ("notes_exchange", "import_pages", "manifest", "verify", "check",
                             "print_handout", "search", "export_site")


def build_parser() -> argparse.ArgumentParser:
    from reader.cli import reader_window

    parser = argparse.ArgumentParser(
        prog="otpic-reader",
        description="Read the archived International Online Training Program on Intractable "
                    "Conflict (OTPIC), offline.",
    )
    parser.add_argument("--version", action="version", version=f"otpic-reader {__version__}")
    reader_window.add_arguments(parser)
    parser.set_defaults(run=reader_window.run)
    if COMMANDS:
        subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
        for name in COMMANDS:
            importlib.import_module(f"reader.cli.{name}").add_parser(subparsers)
    return parser


class _WindowOnly(argparse.ArgumentParser):
    """The reader window's options alone; a mistake means "ask the whole parser"."""

    def error(self, message: str) -> NoReturn:
        raise _NotForTheWindow(message)


class _NotForTheWindow(Exception):
    pass


def window_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The window's options when that is all `argv` holds (no sub-command, no --help or
    --version, no mistake), read without loading every sub-command's module."""
    from reader.cli import reader_window

    parser = _WindowOnly(prog="otpic-reader", add_help=False)
    reader_window.add_arguments(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except _NotForTheWindow:
        return None
    if rest:
        return None
    args.run = reader_window.run
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = window_arguments(argv) or build_parser().parse_args(argv)
    try:
        return args.run(args)
    except UserError as exc:
        print(f"otpic-reader: {exc}", file=sys.stderr)
        return 2
