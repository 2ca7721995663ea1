"""What is wrong with the user's database, told before anything opens it for writing.

Three findings call for recovery: a write-ahead log that belongs to another
database (SQLite would show that database, then copy its pages over ours), a
file that is empty although backups exist (an empty file is otherwise a new
one), and a damaged file: one SQLite's quick_check refuses, cannot read at all,
or whose schema lacks a table or column its version has.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import NamedTuple

from reader.userdata.database import reading_modes
from reader.userdata.schema import IDENTITY, schema_problem

FOREIGN_LOG, EMPTY, DAMAGED = "foreign log", "empty", "damaged"
OWN, FOREIGN, SPOILS = "own", "foreign", "spoils"  # what a -wal is to the file beside it
CORRUPTION = ("SQLITE_CORRUPT", "SQLITE_NOTADB")
BUSY_S = 1.0  # a file another program holds is not judged: the open after this waits for it


class Finding(NamedTuple):
    kind: str  # FOREIGN_LOG, EMPTY or DAMAGED
    detail: str  # in words, for the message: "its notes table is missing"


def log_path(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def has_log(path: Path) -> bool:
    try:
        return log_path(path).stat().st_size > 0
    except OSError:
        return False


def diagnose(path: Path) -> Finding | None:
    """What calls for recovery in the file at `path`, or None (sound, new, or unreadable
    for a reason that is no damage, such as a folder that cannot be read)."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if size == 0 and not has_log(path):
        return Finding(EMPTY, "it is empty") if has_backups(path) else None
    log = log_verdict(path) if has_log(path) else OWN
    if log == FOREIGN:
        return Finding(FOREIGN_LOG, "")
    if log == SPOILS:
        return Finding(DAMAGED, "its write-ahead log, the -wal file, does not fit it; it may "
                                "be another database's")
    finding = _check(path)
    if finding is not None and finding.kind == EMPTY and not has_backups(path):
        return None
    return finding


def has_backups(path: Path) -> bool:
    """Whether the file has daily backups: an empty file is new without them, lost with."""
    from reader.userdata.backups import has_backups  # an empty or damaged file asks, rarely

    return has_backups(path)


def is_damaged(path: Path) -> bool:
    finding = diagnose(path)
    return finding is not None and finding.kind == DAMAGED


def _check(path: Path) -> Finding | None:
    for options in reading_modes(path):
        try:
            db = sqlite3.connect(f"{path.absolute().as_uri()}?{options}", uri=True,
                                 timeout=BUSY_S)
        except sqlite3.Error:
            continue
        try:
            db.execute("PRAGMA query_only=1")
            if db.execute("PRAGMA quick_check").fetchone()[0] != "ok":
                return Finding(DAMAGED, "it does not pass SQLite's check")
            problem = schema_problem(db)
            if problem:
                return Finding(DAMAGED, problem)
            if db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0:
                return Finding(EMPTY, "it holds no tables")
            return None
        except sqlite3.DatabaseError as exc:
            if _is_corruption(exc):
                return Finding(DAMAGED, "SQLite cannot read it as a database")
            if "locked" in str(exc):
                return None  # another program holds it: no verdict, and the open retries
        finally:
            db.close()
    return None


def _is_corruption(exc: sqlite3.DatabaseError) -> bool:
    name = getattr(exc, "sqlite_errorname", "")  # Python 3.11 and later
    if name:
        return name.startswith(CORRUPTION)
    text = str(exc)
    return "malformed" in text or "not a database" in text


def log_verdict(path: Path) -> str:
    """OWN, FOREIGN or SPOILS: whether the -wal beside the file belongs to it.

    The file names itself in meta (schema.IDENTITY) from its first transaction; read
    without the log (immutable) and through it, its own log gives the same name. When
    the file alone reads but not through the log, the log spoils it. A file that does
    not name itself yet, or cannot be read alone, gives no verdict (OWN).
    """
    main = _identity(path, "mode=ro&immutable=1")
    if not main:
        return OWN
    try:
        through = _identity(path, "mode=ro", strict=True)
    except sqlite3.DatabaseError as exc:
        return SPOILS if _is_corruption(exc) else OWN
    return OWN if through == main else FOREIGN


def _identity(path: Path, options: str, *, strict: bool = False) -> str | None:
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?{options}", uri=True)
    except sqlite3.Error:
        if strict:
            raise
        return None
    try:
        row = db.execute("SELECT value FROM meta WHERE key = ?", (IDENTITY,)).fetchone()
        return str(row[0]) if row else None
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return None  # through a foreign log: a database without our meta table
        if strict:
            raise
        return None
    except sqlite3.DatabaseError:
        if strict:
            raise
        return None
    finally:
        db.close()
