"""Hostile input and hostile places: one sentence and exit status 2, never a traceback (the
hostile archives: hostile_content.py)."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from reader.bench.torture import hostile_content
from reader.bench.torture.common import (
    DB_NAME,
    ROOT,
    TIMEOUT_S,
    Row,
    exported,
    killed_writer,
    make_base,
    reader,
    uids_in,
    uids_in_copy,
)
from reader.bench.torture.disks import Skipped, fill, make_read_only, small_disk


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
        *hostile_content.CASES,
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
    document = {"format": "otpic-reader-notes", "version": 1, "notes": [exported("b" * 32)]}
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(document).encode())
    result = reader("import-notes", str(path), "--data-dir", str(place / "d"), env=env)
    if result.returncode != 0 or "b" * 32 not in uids_in(place / "d"):
        return f"exit {result.returncode}: {result.stderr.strip()[-200:]}"
    return ""


def _newline_slug(place: Path, env: dict[str, str]) -> str:
    path = place / "slug.json"
    document = {"format": "otpic-reader-notes", "version": 1,
                "notes": [exported("s" * 32, "coercive\n")]}
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
        killed_writer(data)
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
