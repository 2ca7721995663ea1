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


def window_arguments(argv: Sequence[str] | None) -> argparse.Namespace | None:
    """The window's options when that is all `argv` holds, or None: a sub-command, --help,
    --version or a mistake is for the whole parser to read and to answer.

    They are read with the standard library's getopt, because building an argparse
    parser costs the first paint some 2 ms (it loads the locale tables its messages
    need); a value that looks like an option is left to argparse's judgement too.
    """
    import getopt

    from reader.cli import reader_window

    argv = sys.argv[1:] if argv is None else list(argv)
    if "--" in argv:  # getopt would take it quietly; argparse has its own view of it
        return None
    try:
        found, rest = getopt.getopt(argv, "", [f"{name}=" for name in reader_window.OPTIONS]
                                    + list(reader_window.FLAGS))
    except getopt.GetoptError:
        return None
    if rest or any(value.startswith("-") for _, value in found):
        return None
    args = argparse.Namespace(run=reader_window.run, **{
        name.replace("-", "_"): None for name in reader_window.OPTIONS}, **{
        name.replace("-", "_"): False for name in reader_window.FLAGS})
    for option, value in found:
        name = option[2:]
        setattr(args, name.replace("-", "_"), True if name in reader_window.FLAGS else value)
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = window_arguments(argv) or build_parser().parse_args(argv)
    if getattr(args, "portable", False):
        from reader.common.portable import enable

        enable()
    try:
        status = args.run(args)
        sys.stdout.flush()  # a reader that went away (| head) shows here, not at exit
        return status
    except UserError as exc:
        print(f"otpic-reader: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        _quiet_stdout()
        return 0  # the reader of the output had enough: no error of ours or the user's


def _quiet_stdout() -> None:
    """Point stdout at the null device, so that the exit's flush finds no broken pipe."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
