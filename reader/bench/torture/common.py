"""What the parts of the attack share: the table's row, private processes, reading results."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
DB_NAME = "otpic-reader.sqlite3"
TIMEOUT_S = 120

WRITER = """
import sys
from pathlib import Path
from reader.userdata.store import UserStore
store = UserStore.open(Path(sys.argv[1]))
print("ready", flush=True)
for index in range(100000):
    note = store.notes.add("about", "About", f"{sys.argv[2]} {index} " + "x" * (index % 300))
    print(note.uid, flush=True)  # only after add() has returned: a promise
    if index % 7 == 0:
        store.bookmarks.toggle(f"page-{index % 13}", "Page")
"""


@dataclass
class Row:
    """One line of the table."""

    case: str
    tried: int = 0
    failed: int = 0
    lost: int = 0
    why: list[str] = field(default_factory=list)

    def fail(self, why: str) -> None:
        self.failed += 1
        if len(self.why) < 3:
            self.why.append(why)


def private_env(work: Path) -> dict[str, str]:
    """The environment for every process: its own data, cache and config folders."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    for name in ("XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME"):
        env[name] = str(work / "home" / name.lower())
    env.pop("OTPIC_READER_DATA", None)
    return env


def reader(*args: str, env: dict[str, str], timeout: float = TIMEOUT_S,
           ) -> subprocess.CompletedProcess:
    """Run `otpic-reader ARGS` as a user would; a process that hangs counts as exit 124."""
    try:
        return subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True,
                              text=True, env=env, timeout=timeout, check=False, cwd=ROOT)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(args, 124, "", f"timed out after {timeout} s")


def uids_in(folder: Path) -> set[str]:
    """The notes the folder's database holds (read with sqlite3 alone, changing nothing)."""
    path = folder / DB_NAME
    if not path.is_file():
        return set()
    db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    db.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        return {row[0] for row in db.execute("SELECT uid FROM notes")}
    finally:
        db.close()


def integrity(folder: Path) -> str:
    db = sqlite3.connect(f"{(folder / DB_NAME).as_uri()}?mode=ro", uri=True)
    try:
        return db.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        db.close()


def make_base(place: Path, before: int = 40, after: int = 10) -> set[str]:
    """A folder with `before` notes and two bookmarks in a backup of yesterday, and
    `after` notes written since; closed cleanly. The uids of all its notes."""
    from reader.userdata.backups import make_daily_backup
    from reader.userdata.store import UserStore

    store = UserStore.open(place)
    store.daily.skip_today()  # the backup is made below, on the day chosen
    for index in range(before):
        store.notes.add("about", "About", f"before the backup {index} " + "x" * 150)
    store.bookmarks.add("about", "About")
    store.bookmarks.add("coercive-diplomacy", "Coercive Diplomacy")
    store.close()
    make_daily_backup(place / DB_NAME, dt.date.today() - dt.timedelta(days=1))
    store = UserStore.open(place)
    store.daily.skip_today()
    for index in range(after):
        store.notes.add("coercive-diplomacy", "Coercive Diplomacy", f"since {index} " + "y" * 150)
    uids = {note.uid for note in store.notes.all()}
    store.close()
    return uids


def exported(uid: str, slug: str = "about") -> dict[str, str]:
    return {"uid": uid, "slug": slug, "page_title": "About", "text": f"imported {uid}",
            "quote": "", "prefix": "", "suffix": "", "created": "2026-01-01T00:00:00+00:00",
            "updated": "2026-01-01T00:00:00+00:00"}


def killed_writer(folder: Path) -> None:
    """A writer that wrote some notes into `folder` and was killed: its -wal stays."""
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(folder), "other"],
                              stdout=subprocess.PIPE, text=True,
                              env=private_env(folder.parent), cwd=ROOT)
    for _ in range(30):  # some notes in its log
        writer.stdout.readline()
    writer.kill()
    writer.communicate()


def uids_in_copy(folder: Path) -> set[str]:
    """The notes of a folder whose -wal must not be folded in: read from a copy."""
    with tempfile.TemporaryDirectory() as name:
        for path in folder.iterdir():
            if path.is_file():
                shutil.copy(path, Path(name) / path.name)
        return uids_in(Path(name))
