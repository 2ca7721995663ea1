"""`python -m reader.bench torture`: the attack on the user's data, kept for anyone to rerun.

Random SIGKILLs while notes are written; two copies starting together on a new
folder, on a folder of an older schema and on a damaged one (also two
`import-notes` at once); each kind of damage followed by a start (`--screenshot`)
and by every command that reads the user's data; and hostile inputs. It prints
a table: tried, failed, notes lost. A note counts as lost when a source it could
be read from (the backup, or the damaged file itself, probed row by row) had it
and the result has not. Everything happens in a temporary folder; the user's own
data and cache are never touched. Cases that need a small or read-only disk
mount a tmpfs, which only root may: elsewhere they are skipped.
"""

from __future__ import annotations

import argparse
import random
import tempfile
from pathlib import Path

from reader.bench.torture import damage, hostile, kills, races
from reader.bench.torture.common import Row, private_env

DESCRIPTION = "kills, races, damage and hostile input against the user's data: nothing lost"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--kills", type=int, default=200, metavar="N",
                        help="writer processes killed at random moments (default: 200)")
    parser.add_argument("--races", type=int, default=20, metavar="N",
                        help="trials of each race of two copies (default: 20)")
    parser.add_argument("--random-damage", type=int, default=10, metavar="N",
                        help="files damaged by 4 KiB of noise at random places (default: 10)")
    parser.add_argument("--seed", type=int, default=20051202, help="seed of the random choices")


def run(args: argparse.Namespace) -> int:
    rows = attack(args.kills, args.races, args.random_damage, args.seed)
    print_table(rows)
    bad = [row for row in rows if row.failed or row.lost]
    print("Nothing lost, nothing failed." if not bad else
          f"{len(bad)} cases failed or lost notes (see above).")
    return 1 if bad else 0


def attack(killed: int, trials: int, random_damage: int, seed: int) -> list[Row]:
    """Every part of the attack, in a temporary folder: `killed` writers, `trials` of each
    race, every damage and `random_damage` more at random places, the hostile inputs."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="otpic-torture-") as name:
        work = Path(name)
        env = private_env(work)
        rows = [kills.killing(work / "kills", killed, rng, env)]
        rows += races.racing(work / "races", trials, env)
        rows += damage.damaging(work / "damage", random_damage, rng, env, damage.COMMANDS)
        rows += hostile.hostile(work / "hostile", env)
    return rows


def print_table(rows: list[Row]) -> None:
    """tried, failed, notes lost for each case, and the first reasons of a failure."""
    width = max(len(row.case) for row in rows)
    print(f"{'case'.ljust(width)}  tried  failed  notes lost")
    for row in rows:
        tried = str(row.tried) if row.tried else "skipped"
        print(f"{row.case.ljust(width)}  {tried:>5}  {row.failed:>6}  {row.lost:>10}")
        for why in row.why:
            print(f"{'':{width}}    {why}")
