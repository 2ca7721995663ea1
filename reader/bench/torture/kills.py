"""Writers killed with SIGKILL at random moments: no note they reported saved is lost."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from reader.bench.torture.common import ROOT, WRITER, Row, integrity, uids_in


def killing(folder: Path, rounds: int, rng: random.Random, env: dict[str, str]) -> Row:
    """Writers killed (SIGKILL) at random moments: every note a writer reported saved
    must be there, in a file that passes integrity_check."""
    row = Row("random kills during writes")
    folder.mkdir(parents=True)
    promised: set[str] = set()
    for round_ in range(rounds):
        row.tried += 1
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(folder), str(round_)],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                  env=env, cwd=ROOT)
        if writer.stdout.readline().strip() != "ready":
            writer.kill()
            row.fail(f"round {round_}: the writer did not start: {writer.communicate()[1]}")
            continue
        time.sleep(rng.uniform(0.0, 0.03))
        writer.send_signal(signal.SIGKILL)
        out, err = writer.communicate()
        promised.update(line for line in out.split() if len(line) == 32)
        if "Traceback" in err:
            row.fail(f"round {round_}: {err.strip().splitlines()[-1]}")
            continue
        verdict = integrity(folder)
        missing = promised - uids_in(folder)
        row.lost += len(missing)
        if verdict != "ok" or missing:
            row.fail(f"round {round_}: integrity {verdict!r}, {len(missing)} notes missing")
            promised -= missing
    return row
