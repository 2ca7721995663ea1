"""Each kind of damage, followed by a start and by every command that reads the user's data.

A note counts as lost when a source it could still be read from (the backup, or
the damaged file probed one id at a time) had it and the result has not.
"""

from __future__ import annotations

import contextlib
import json
import random
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from reader.bench.torture.common import (
    DB_NAME,
    Row,
    exported,
    killed_writer,
    make_base,
    reader,
    uids_in,
)


def zero_length(path: Path, rng: random.Random) -> None:
    path.write_bytes(b"")


def garbage(path: Path, rng: random.Random) -> None:
    path.write_bytes(rng.randbytes(path.stat().st_size))


def truncated(path: Path, rng: random.Random) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def one_page(path: Path, rng: random.Random) -> None:
    """A page in the middle overwritten: most rows still read."""
    data = bytearray(path.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle:middle + 4096] = rng.randbytes(4096)
    path.write_bytes(bytes(data))


def random_4k(path: Path, rng: random.Random) -> None:
    data = bytearray(path.read_bytes())
    at = rng.randrange(0, max(1, len(data) - 4096))
    data[at:at + 4096] = rng.randbytes(4096)
    path.write_bytes(bytes(data))


def bad_utf8(path: Path, rng: random.Random) -> None:
    db = sqlite3.connect(path)
    db.execute("UPDATE notes SET text = CAST(X'FFFE41C3' AS TEXT) WHERE id = 7")
    db.commit()
    db.close()


def no_notes_table(path: Path, rng: random.Random) -> None:
    db = sqlite3.connect(path)
    db.execute("DROP TABLE notes")
    db.commit()
    db.close()


def foreign_log(path: Path, rng: random.Random) -> None:
    """The -wal of another database (a writer killed in another folder) beside the file."""
    other = path.parent.parent / f"{path.parent.name}-other"
    killed_writer(other)
    shutil.copy(other / f"{DB_NAME}-wal", path.with_name(f"{DB_NAME}-wal"))


def foreign_log_same_shape(path: Path, rng: random.Random) -> None:
    """The -wal of another database of the same shape: a copy of this file given another
    name (as schema.IDENTITY), written to by a writer that was killed."""
    other = path.parent.parent / f"{path.parent.name}-twin"
    other.mkdir()
    shutil.copy(path, other / DB_NAME)
    db = sqlite3.connect(other / DB_NAME)
    db.execute("UPDATE meta SET value = 'a twin' WHERE key = 'database_id'")
    db.commit()
    db.close()
    killed_writer(other)
    shutil.copy(other / f"{DB_NAME}-wal", path.with_name(f"{DB_NAME}-wal"))


DAMAGE: dict[str, Callable[[Path, random.Random], None]] = {
    "a zero-length file": zero_length, "a file of noise": garbage, "a file cut in half": truncated,
    "one page overwritten": one_page, "a text that is not UTF-8": bad_utf8,
    "no notes table": no_notes_table, "another database's -wal": foreign_log,
    "another database's -wal, same shape": foreign_log_same_shape,
}
# what each command must say on stderr when the data needed recovery
COMMANDS = ("start", "export-notes", "import-notes", "search", "print --with-notes")
TELLS = ("Your notes database", "write-ahead log", "not valid UTF-8")


def damaging(folder: Path, random_damage: int, rng: random.Random, env: dict[str, str],
             commands: tuple[str, ...]) -> list[Row]:
    folder.mkdir(parents=True)
    base = folder / "base"
    uids = make_base(base)
    in_backup = backup_uids(base)
    kinds = [(name, damage) for name, damage in DAMAGE.items()]
    kinds += [(f"4 KiB of noise at a random place ({n + 1})", random_4k)
              for n in range(random_damage)]
    rows = []
    for number, (name, damage) in enumerate(kinds):
        damaged = folder / f"damaged-{number}"
        shutil.copytree(base, damaged)
        damage(damaged / DB_NAME, rng)
        readable = in_backup | probe_uids(damaged / DB_NAME)
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


def backup_uids(base: Path) -> set[str]:
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
                                        "notes": [exported("n" * 32)]}), encoding="utf-8")
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
