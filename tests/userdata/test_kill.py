"""Killing a process that is writing notes never corrupts the database or loses a saved note."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reader.userdata.paths import DB_NAME
from tests.conftest import ROOT

WRITER = """
import sys
from pathlib import Path
from reader.userdata.store import UserStore
from reader.userdata.notes import Notes
from reader.userdata.bookmarks import Bookmarks
store = UserStore.open(Path(sys.argv[1]))
notes, bookmarks = Notes(store), Bookmarks(store)
round_ = sys.argv[2]
print("ready", flush=True)
for index in range(100000):
    note = notes.add("about", "About", f"round {round_} note {index} " + "x" * (index % 300))
    print(note.uid, flush=True)  # only after add() has returned
    if index % 7 == 0:
        bookmarks.toggle(f"page-{index % 13}", "Page")
"""

KILLS = 200


def test_sigkill_at_random_moments_never_loses_a_saved_note(data_dir: Path) -> None:
    rng = random.Random(20051202)
    promised: set[str] = set()
    for round_ in range(KILLS):
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(data_dir), str(round_)],
                                  stdout=subprocess.PIPE, text=True, cwd=ROOT)
        assert writer.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.0, 0.03))
        writer.kill()  # SIGKILL
        out, _ = writer.communicate()
        promised.update(line for line in out.split() if len(line) == 32)
        db = sqlite3.connect(data_dir / DB_NAME)
        try:
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            stored = {row[0] for row in db.execute("SELECT uid FROM notes")}
        finally:
            db.close()
        missing = promised - stored
        assert not missing, f"round {round_}: {len(missing)} saved notes are gone"
    assert len(promised) > KILLS  # the writers did get notes written
