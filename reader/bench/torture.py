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
import contextlib
import datetime as dt
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

DESCRIPTION = "kills, races, damage and hostile input against the user's data: nothing lost"
ROOT = Path(__file__).resolve().parents[2]
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


def attack(kills: int, races: int, random_damage: int, seed: int, *,
           commands: tuple[str, ...] | None = None) -> list[Row]:
    """Every part of the attack in a temporary folder; `commands` narrows the commands run
    after each damage (the short form the tests run)."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="otpic-torture-") as name:
        work = Path(name)
        env = private_env(work)
        rows = [killing(work / "kills", kills, rng, env)]
        rows += racing(work / "races", races, env)
        rows += damaging(work / "damage", random_damage, rng, env, commands or COMMANDS)
        rows += hostile(work / "hostile", env)
    return rows


def print_table(rows: list[Row]) -> None:
    width = max(len(row.case) for row in rows)
    print(f"{'case'.ljust(width)}  tried  failed  notes lost")
    for row in rows:
        tried = str(row.tried) if row.tried else "skipped"
        print(f"{row.case.ljust(width)}  {tried:>5}  {row.failed:>6}  {row.lost:>10}")
        for why in row.why:
            print(f"{'':{width}}    {why}")


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


# -- random kills ---------------------------------------------------------------------

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


# -- two copies at once ---------------------------------------------------------------

def racing(folder: Path, trials: int, env: dict[str, str]) -> list[Row]:
    rows = [Row("two copies at once, new folder"), Row("two copies at once, older schema"),
            Row("two copies at once, damaged folder"), Row("two import-notes at once")]
    for trial in range(trials):
        for row, prepare in zip(rows[:3], (_new_folder, _old_folder, _damaged_folder),
                                strict=True):
            place = folder / f"{trial}-{rows.index(row)}"
            before = prepare(place)
            _race(row, place, before, env)
        _import_race(rows[3], folder / f"{trial}-import", env)
    return rows


def _new_folder(place: Path) -> set[str]:
    place.mkdir(parents=True)
    return set()


def _old_folder(place: Path) -> set[str]:
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


def _damaged_folder(place: Path) -> set[str]:
    """A folder whose file is garbage, with a backup of 40 notes."""
    uids = make_base(place, before=40, after=0)
    (place / DB_NAME).write_bytes(os.urandom(64 * 1024))
    return uids


def _race(row: Row, place: Path, before: set[str], env: dict[str, str]) -> None:
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


def _import_race(row: Row, place: Path, env: dict[str, str]) -> None:
    row.tried += 1
    place.parent.mkdir(parents=True, exist_ok=True)
    export = place.parent / f"{place.name}.json"
    notes = [_exported(f"imp{index:029d}") for index in range(200)]
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


def _exported(uid: str, slug: str = "about") -> dict[str, str]:
    return {"uid": uid, "slug": slug, "page_title": "About", "text": f"imported {uid}",
            "quote": "", "prefix": "", "suffix": "", "created": "2026-01-01T00:00:00+00:00",
            "updated": "2026-01-01T00:00:00+00:00"}


# -- damage, then a start and every command --------------------------------------------

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


def _zero(path: Path, rng: random.Random) -> None:
    path.write_bytes(b"")


def _garbage(path: Path, rng: random.Random) -> None:
    path.write_bytes(rng.randbytes(path.stat().st_size))


def _truncated(path: Path, rng: random.Random) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _one_page(path: Path, rng: random.Random) -> None:
    """A page in the middle overwritten: most rows still read."""
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle:middle + 4096] = rng.randbytes(4096)
    path.write_bytes(bytes(data))


def _random_4k(path: Path, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    at = rng.randrange(0, max(1, len(data) - 4096))
    data[at:at + 4096] = rng.randbytes(4096)
    path.write_bytes(bytes(data))


def _bad_utf8(path: Path, rng: random.Random) -> None:
    db = sqlite3.connect(path)
    db.execute("UPDATE notes SET text = CAST(X'FFFE41C3' AS TEXT) WHERE id = 7")
    db.commit()
    db.close()


def _no_notes_table(path: Path, rng: random.Random) -> None:
    db = sqlite3.connect(path)
    db.execute("DROP TABLE notes")
    db.commit()
    db.close()


def _foreign_log(path: Path, rng: random.Random) -> None:
    """The -wal of another database (a writer killed in another folder) beside the file."""
    other = path.parent.parent / f"{path.parent.name}-other"
    _killed_writer(other)
    shutil.copy(other / f"{DB_NAME}-wal", path.with_name(f"{DB_NAME}-wal"))


def _foreign_log_same_shape(path: Path, rng: random.Random) -> None:
    """The -wal of another database of the same shape: a copy of this file given another
    name (as schema.IDENTITY), written to by a writer that was killed."""
    other = path.parent.parent / f"{path.parent.name}-twin"
    other.mkdir()
    shutil.copy(path, other / DB_NAME)
    db = sqlite3.connect(other / DB_NAME)
    db.execute("UPDATE meta SET value = 'a twin' WHERE key = 'database_id'")
    db.commit()
    db.close()
    _killed_writer(other)
    shutil.copy(other / f"{DB_NAME}-wal", path.with_name(f"{DB_NAME}-wal"))


def _killed_writer(folder: Path) -> None:
    """A writer that wrote some notes into `folder` and was killed: its -wal stays."""
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(folder), "other"],
                              stdout=subprocess.PIPE, text=True,
                              env=private_env(folder.parent), cwd=ROOT)
    for _ in range(30):  # some notes in its log
        writer.stdout.readline()
    writer.kill()
    writer.communicate()


DAMAGE: dict[str, Callable[[Path, random.Random], None]] = {
    "a zero-length file": _zero, "a file of noise": _garbage, "a file cut in half": _truncated,
    "one page overwritten": _one_page, "a text that is not UTF-8": _bad_utf8,
    "no notes table": _no_notes_table, "another database's -wal": _foreign_log,
    "another database's -wal, same shape": _foreign_log_same_shape,
}
# what each command must say on stderr when the data needed recovery
COMMANDS = ("start", "export-notes", "import-notes", "search", "print --with-notes")
TELLS = ("Your notes database", "write-ahead log", "not valid UTF-8")


def damaging(folder: Path, random_damage: int, rng: random.Random, env: dict[str, str],
             commands: tuple[str, ...]) -> list[Row]:
    folder.mkdir(parents=True)
    base = folder / "base"
    uids = make_base(base)
    backup_uids = _backup_uids(base)
    kinds = [(name, damage) for name, damage in DAMAGE.items()]
    kinds += [(f"4 KiB of noise at a random place ({n + 1})", _random_4k)
              for n in range(random_damage)]
    rows = []
    for number, (name, damage) in enumerate(kinds):
        damaged = folder / f"damaged-{number}"
        shutil.copytree(base, damaged)
        damage(damaged / DB_NAME, rng)
        readable = backup_uids | probe_uids(damaged / DB_NAME)
        expected = uids & readable  # what could still be had from somewhere
        tells = _needs_telling(damaged)
        row = Row(f"damage: {name}")
        for command in commands:
            row.tried += 1
            place = folder / f"run-{number}-{command.split()[0]}"
            shutil.copytree(damaged, place)
            _command(row, command, place, expected, tells, env)
        rows.append(row)
    return rows


def _backup_uids(base: Path) -> set[str]:
    backups = sorted((base / "backups").glob("otpic-reader-*.sqlite3"))
    db = sqlite3.connect(f"{backups[-1].as_uri()}?mode=ro", uri=True)
    try:
        return {row[0] for row in db.execute("SELECT uid FROM notes")}
    finally:
        db.close()


def probe_uids(path: Path) -> set[str]:
    """The notes a damaged file still holds, probed one id at a time with sqlite3 alone:
    a yardstick that shares no code with the reader's salvage."""
    found: set[str] = set()
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return found
    db.text_factory = lambda data: data.decode("utf-8", "replace")
    for note_id in range(1, 200):
        with contextlib.suppress(sqlite3.Error):
            row = db.execute("SELECT uid FROM notes WHERE id = ?", (note_id,)).fetchone()
            if row and isinstance(row[0], str) and len(row[0]) == 32:
                found.add(row[0])
    db.close()
    return found


def _needs_telling(folder: Path) -> bool:
    """Whether recovery has something to say about this folder (asked of a copy)."""
    from reader.userdata.recovery.diagnosis import diagnose

    copy = folder.parent / f"{folder.name}-asked"
    shutil.copytree(folder, copy)
    try:
        return diagnose(copy / DB_NAME) is not None
    finally:
        shutil.rmtree(copy)


def _listing(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in folder.iterdir() if path.is_file()}


def _command(row: Row, command: str, place: Path, expected: set[str], tells: bool,
             env: dict[str, str]) -> None:
    data = ["--data-dir", str(place)]
    before = _listing(place)
    looks = command in ("start", "export-notes")  # these only read: the folder stays as it is
    imported = place.parent / f"{place.name}.json"
    if command == "start":
        result = reader("--screenshot", str(place.parent / f"{place.name}.png"), *data, env=env)
    elif command == "export-notes":
        result = reader("export-notes", "--format", "json", *data, env=env)
    elif command == "import-notes":
        imported.write_text(json.dumps({"format": "otpic-reader-notes", "version": 1,
                                        "notes": [_exported("n" * 32)]}), encoding="utf-8")
        result = reader("import-notes", str(imported), *data, env=env)
    elif command == "search":
        result = reader("search", "backup", *data, env=env)
    else:
        result = reader("print", "--section", "approaches", "--with-notes", "--pdf",
                        str(place.parent / f"{place.name}.pdf"), *data, env=env)
    where = f"{place.name} {command}"
    if "Traceback" in result.stderr or result.returncode not in (0, 1):
        row.fail(f"{where}: exit {result.returncode}: {result.stderr.strip()[-200:]}")
        return
    said = any(words in result.stderr for words in TELLS)
    if tells and command != "start" and not said:
        row.fail(f"{where}: nothing said on stderr about the damage")
    if command == "export-notes":
        got = {note["uid"] for note in json.loads(result.stdout)["notes"]}
    else:
        got = _seen(place) if looks else uids_in(place)
    missing = expected - got
    row.lost += len(missing)
    if missing:
        row.fail(f"{where}: {len(missing)} notes lost")
    if looks and _listing(place) != before:
        row.fail(f"{where}: the folder was changed by a command that only reads")
    if command == "import-notes" and "n" * 32 not in got:
        row.fail(f"{where}: the imported note is not there")


def _seen(place: Path) -> set[str]:
    """The notes a start shows: what a store that only looks reads (the window's own)."""
    from reader.userdata.store import UserStore

    store = UserStore.open(place, look_only=True)
    try:
        return {note.uid for note in store.notes.all()}
    finally:
        store.close()


# -- hostile inputs ---------------------------------------------------------------------

def hostile(folder: Path, env: dict[str, str]) -> list[Row]:
    folder.mkdir(parents=True)
    cases: list[tuple[str, Callable[[Path, dict[str, str]], str]]] = [
        ("import-notes of JSON nested 5,000 deep", _nested),
        ("import-notes /dev/zero", _dev_zero),
        ("import-notes of a FIFO", _fifo),
        ("import-notes of an export with a BOM", _bom),
        ("import-notes of a slug with a newline", _newline_slug),
        ("search --limit 10**30", _huge_limit),
        ("search and check into a closed pipe", _closed_pipe),
        ("export-notes and --screenshot leave no -wal/-shm", _no_side_files),
        ("print --pdf into a read-only folder", _pdf_read_only),
        ("print --pdf onto a full disk", _pdf_full),
        ("a read-only folder holding -wal/-shm", _read_only_folder),
        ("a full disk at open", _full_at_open),
        ("a backup onto a full disk", _backup_full),
    ]
    rows = []
    for number, (name, case) in enumerate(cases):
        row = Row(name)
        place = folder / str(number)
        place.mkdir()
        try:
            why = case(place, env)
        except Skipped:
            rows.append(row)
            continue
        row.tried = 1
        if why:
            row.fail(why)
        rows.append(row)
    return rows


class Skipped(Exception):
    """The case needs what this machine does not allow (mounting a tmpfs)."""


def _refused(result: subprocess.CompletedProcess, *words: str) -> str:
    """'' when the command refused with one sentence and exit status 2, naming `words`."""
    if result.returncode != 2 or "Traceback" in result.stderr:
        return f"exit {result.returncode}: {result.stderr.strip()[-200:]}"
    lines = result.stderr.strip().splitlines()
    if len(lines) != 1 or not all(word in lines[0] for word in words):
        return f"not one sentence naming {words}: {result.stderr.strip()[-200:]}"
    return ""


def _nested(place: Path, env: dict[str, str]) -> str:
    path = place / "deep.json"
    path.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    return _refused(reader("import-notes", str(path), "--data-dir", str(place / "d"), env=env),
                    str(path))


def _dev_zero(place: Path, env: dict[str, str]) -> str:
    return _refused(reader("import-notes", "/dev/zero", "--data-dir", str(place / "d"),
                           env=env, timeout=30), "/dev/zero")


def _fifo(place: Path, env: dict[str, str]) -> str:
    path = place / "pipe.json"
    os.mkfifo(path)
    return _refused(reader("import-notes", str(path), "--data-dir", str(place / "d"), env=env,
                           timeout=30), str(path))


def _bom(place: Path, env: dict[str, str]) -> str:
    path = place / "bom.json"
    document = {"format": "otpic-reader-notes", "version": 1, "notes": [_exported("b" * 32)]}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode())
    result = reader("import-notes", str(path), "--data-dir", str(place / "d"), env=env)
    if result.returncode != 0 or "b" * 32 not in uids_in(place / "d"):
        return f"exit {result.returncode}: {result.stderr.strip()[-200:]}"
    return ""


def _newline_slug(place: Path, env: dict[str, str]) -> str:
    path = place / "slug.json"
    document = {"format": "otpic-reader-notes", "version": 1,
                "notes": [_exported("s" * 32, "coercive\n")]}
    path.write_text(json.dumps(document), encoding="utf-8")
    return _refused(reader("import-notes", str(path), "--data-dir", str(place / "d"), env=env),
                    str(path))


def _huge_limit(place: Path, env: dict[str, str]) -> str:
    result = reader("search", "--limit", str(10**30), "diplomacy", "--data-dir", str(place),
                    env=env)
    if result.returncode != 0 or "Traceback" in result.stderr or not result.stdout:
        return f"exit {result.returncode}: {result.stderr.strip()[-200:]}"
    return ""


def _closed_pipe(place: Path, env: dict[str, str]) -> str:
    for args in (("search", "the", "--data-dir", str(place)), ("check",)):
        copy = subprocess.Popen([sys.executable, "-m", "reader", *args], env=env, cwd=ROOT,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        copy.stdout.close()  # the reader of the output went away, as `| head` does
        err = copy.stderr.read().decode()
        copy.wait(timeout=TIMEOUT_S)
        copy.stderr.close()
        if err.strip() or copy.returncode != 0:
            return f"{args[0]}: exit {copy.returncode}: {err.strip()[-200:]}"
    return ""


def _no_side_files(place: Path, env: dict[str, str]) -> str:
    make_base(place / "d", before=3, after=1)
    before = sorted(path.name for path in (place / "d").iterdir())
    reader("export-notes", "--data-dir", str(place / "d"), env=env)
    reader("--screenshot", str(place / "s.png"), "--data-dir", str(place / "d"), env=env)
    after = sorted(path.name for path in (place / "d").iterdir())
    return "" if after == before else f"the folder now holds {sorted(set(after) - set(before))}"


@contextlib.contextmanager
def small_disk(folder: Path, size: str = "1m", *, read_only: bool = False) -> Iterator[Path]:
    """A tmpfs of `size` mounted at `folder` (read-only after `prepare` if asked);
    Skipped where mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.name != "posix" or shutil.which("mount") is None or subprocess.run(
            ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
            capture_output=True, check=False).returncode != 0:
        raise Skipped(folder)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True, check=False)


def make_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True, capture_output=True)


def fill(folder: Path) -> None:
    """Fill the disk holding `folder` to its last byte."""
    with open(folder / "filler", "wb", buffering=0) as filler, contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 65536)
    with open(folder / "filler-small", "wb", buffering=0) as filler, \
            contextlib.suppress(OSError):
        while True:
            filler.write(b"\0" * 512)


def _pdf_read_only(place: Path, env: dict[str, str]) -> str:
    with small_disk(place / "disk") as disk:
        make_read_only(disk)
        target = disk / "handout.pdf"
        return _refused(reader("print", "--page", "coercive-diplomacy", "--pdf", str(target),
                               env=env), str(target))


def _pdf_full(place: Path, env: dict[str, str]) -> str:
    with small_disk(place / "disk", "16k") as disk:
        target = disk / "handout.pdf"
        why = _refused(reader("print", "--section", "approaches", "--pdf", str(target),
                              env=env), str(target), "space")
        left = [path.name for path in disk.iterdir()]
        return why or (f"left behind: {left}" if left else "")


def _read_only_folder(place: Path, env: dict[str, str]) -> str:
    """A stick with its write switch on, holding a -wal and -shm a crash left: the store
    says at once that nothing can be saved, and shows every note."""
    with small_disk(place / "disk", "8m") as disk:
        data = disk / "data"
        _killed_writer(data)
        expected = uids_in_copy(data)
        make_read_only(disk)
        code = ("import sys; from pathlib import Path; from reader.userdata.store import "
                "UserStore; s = UserStore.open(Path(sys.argv[1])); "
                "print(s.writable, len(s.notes.all())); print(s.read_only_reason)")
        result = subprocess.run([sys.executable, "-c", code, str(data)], capture_output=True,
                                text=True, env=env, cwd=ROOT, check=False)
        lines = result.stdout.splitlines()
        if not lines or lines[0] != f"False {len(expected)}" or "read-only" not in result.stdout:
            return f"opened as {result.stdout.strip()!r} {result.stderr.strip()[-200:]}"
        return ""


def uids_in_copy(folder: Path) -> set[str]:
    """The notes of a folder whose -wal must not be folded in: read from a copy."""
    with tempfile.TemporaryDirectory() as name:
        for path in folder.iterdir():
            if path.is_file():
                shutil.copy(path, Path(name) / path.name)
        return uids_in(Path(name))


def _full_at_open(place: Path, env: dict[str, str]) -> str:
    with small_disk(place / "disk", "1m") as disk:
        make_base(disk / "data", before=3, after=1)
        fill(disk)
        code = ("import sys; from pathlib import Path; from reader.userdata.store import "
                "UserStore; s = UserStore.open(Path(sys.argv[1])); print(s.read_only_reason)")
        result = subprocess.run([sys.executable, "-c", code, str(disk / "data")],
                                capture_output=True, text=True, env=env, cwd=ROOT, check=False)
        if "the disk is full" not in result.stdout:
            return f"said {result.stdout.strip()!r} {result.stderr.strip()[-200:]}"
        return ""


def _backup_full(place: Path, env: dict[str, str]) -> str:
    from reader.userdata.backups import make_daily_backup

    with small_disk(place / "disk", "1m") as disk:
        make_base(disk / "data", before=40, after=1)
        shutil.rmtree(disk / "data" / "backups")
        fill(disk)
        with contextlib.suppress(OSError, sqlite3.Error):
            make_daily_backup(disk / "data" / DB_NAME)
        left = [path.name for path in (disk / "data").rglob("*") if ".partial" in path.name]
        return f"left behind: {left}" if left else ""
