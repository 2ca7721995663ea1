"""Two copies of the reader starting together, on a new, an older and a damaged folder,
and two imports at once: both save everything."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reader.bench.torture.common import (
    DB_NAME,
    ROOT,
    TIMEOUT_S,
    Row,
    exported,
    make_base,
    uids_in,
)

RACER = """
import sys, time
from pathlib import Path
from reader.userdata.store import UserStore
folder, start, label = Path(sys.argv[1]), float(sys.argv[2]), sys.argv[3]
time.sleep(max(0.0, start - time.time()))
store = UserStore.open(folder)
print("writable" if store.writable else "read-only: " + store.read_only_reason, flush=True)
for index in range(20):
    print(store.notes.add("about", "About", f"{label} {index}").uid, flush=True)
store.close()
"""

AT_ONCE = """
import sys, time
from reader.cli import main
time.sleep(max(0.0, float(sys.argv[1]) - time.time()))
sys.exit(main(sys.argv[2:]))
"""


def racing(folder: Path, trials: int, env: dict[str, str]) -> list[Row]:
    rows = [Row("two copies at once, new folder"), Row("two copies at once, older schema"),
            Row("two copies at once, damaged folder"), Row("two import-notes at once")]
    for trial in range(trials):
        for row, prepare in zip(rows[:3], (new_folder, old_folder, damaged_folder),
                                strict=True):
            place = folder / f"{trial}-{rows.index(row)}"
            before = prepare(place)
            race(row, place, before, env)
        import_race(rows[3], folder / f"{trial}-import", env)
    return rows


def new_folder(place: Path) -> set[str]:
    place.mkdir(parents=True)
    return set()


def old_folder(place: Path) -> set[str]:
    """A folder as a reader of schema version 2 left it, with five notes."""
    from reader.userdata.schema import MIGRATIONS

    place.mkdir(parents=True)
    db = sqlite3.connect(place / DB_NAME)
    db.executescript(MIGRATIONS[0] + MIGRATIONS[1] + "PRAGMA user_version = 2;")
    uids = {f"old{index:029d}" for index in range(5)}
    db.executemany("INSERT INTO notes(uid, slug, page_title, text, created, updated) "
                   "VALUES (?, 'about', 'About', 'from version 2', '2026', '2026')",
                   [(uid,) for uid in uids])
    db.commit()
    db.close()
    return uids


def damaged_folder(place: Path) -> set[str]:
    """A folder whose file is garbage, with a backup of 40 notes."""
    uids = make_base(place, before=40, after=0)
    (place / DB_NAME).write_bytes(os.urandom(64 * 1024))
    return uids


def race(row: Row, place: Path, before: set[str], env: dict[str, str]) -> None:
    row.tried += 1
    start = time.time() + 0.6
    copies = [subprocess.Popen([sys.executable, "-c", RACER, str(place), str(start), label],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env, cwd=ROOT) for label in ("first", "second")]
    saved: set[str] = set()
    problems = []
    for copy in copies:
        try:
            out, err = copy.communicate(timeout=TIMEOUT_S)
        except subprocess.TimeoutExpired:
            copy.kill()
            out, err = copy.communicate()
        lines = out.split("\n")
        saved.update(line for line in lines[1:] if len(line) == 32)
        if copy.returncode != 0 or lines[0] != "writable":
            problems.append(lines[0] or (err.strip().splitlines() or ["no output"])[-1])
    missing = (before | saved) - uids_in(place)
    row.lost += len(missing)
    if problems or missing or len(saved) != 40:
        row.fail(f"{place.name}: {problems or ''} {len(saved)} of 40 saved, "
                 f"{len(missing)} missing")


def import_race(row: Row, place: Path, env: dict[str, str]) -> None:
    row.tried += 1
    place.parent.mkdir(parents=True, exist_ok=True)
    export = place.parent / f"{place.name}.json"
    notes = [exported(f"imp{index:029d}") for index in range(200)]
    export.write_text(json.dumps({"format": "otpic-reader-notes", "version": 1,
                                  "notes": notes}), encoding="utf-8")
    start = time.time() + 0.6
    copies = [subprocess.Popen([sys.executable, "-c", AT_ONCE, str(start), "import-notes",
                                str(export), "--data-dir", str(place)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env=env, cwd=ROOT) for _ in range(2)]
    errors = []
    for copy in copies:
        _, err = copy.communicate(timeout=TIMEOUT_S)
        if copy.returncode != 0:
            errors.append(err.strip())
    missing = {n["uid"] for n in notes} - uids_in(place)
    row.lost += len(missing)
    if errors or missing:
        row.fail(f"{place.name}: {errors} {len(missing)} missing")
