"""`python -m reader.bench NAME [options]`: run one benchmark and print its table.

Each benchmark is a module of this package with DESCRIPTION, `add_arguments(parser)`
and `run(args) -> int` (0 when its targets are met), listed in BENCHMARKS; adding
one (`start`, say) is one module and one line here.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

BENCHMARKS: tuple[str, ...] = ("start", "search", "bundle", "import", "torture")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m reader.bench",
                                     description="Measure OTPIC Reader against its targets.")
    subparsers = parser.add_subparsers(title="benchmarks", metavar="NAME", required=True)
    for name in BENCHMARKS:
        module = importlib.import_module(f"reader.bench.{name}")
        sub = subparsers.add_parser(name, help=module.DESCRIPTION,
                                    description=module.DESCRIPTION)
        module.add_arguments(sub)
        sub.set_defaults(run=module.run)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
