"""Every row that can still be read from a damaged database file.

A table is read in rowid order, up and then down; where a damaged page stops
a scan, the next readable rowid is found by probing (doubling the step, then
halving it back), so one bad page costs only the rows on it, not every row
after it; the rowids still missing between those found are then asked for one
by one. Text that is not UTF-8 is read with replacement characters.
"""

from __future__ import annotations

import itertools
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reader.userdata.schema import SCHEMA_VERSION, expected_columns

Rows = dict[str, list[dict[str, Any]]]  # table name: its rows as column: value
LOWEST, HIGHEST = -(2**63), 2**63 - 1
GAP_PROBES = 200_000  # rowids asked for one by one at most, per table
GAP = 10_000  # at most this many of them in one gap (a damaged rowid can be far off)


def readable_rows(path: Path, *, through_log: bool = True) -> Rows:
    """What the file holds that can be read; `through_log=False` reads it without its -wal
    (as it was at its last checkpoint), which a damaged or foreign log cannot spoil."""
    # without a log, no copy of the reader has the file open: immutable reads it and leaves
    # no -wal or -shm behind (a store that only looks changes nothing in the folder)
    logged = path.with_name(path.name + "-wal").is_file()
    options = "mode=ro" if through_log and logged else "mode=ro&immutable=1"
    try:
        db = sqlite3.connect(f"{path.absolute().as_uri()}?{options}", uri=True)
    except sqlite3.Error:
        return {}
    db.text_factory = lambda data: data.decode("utf-8", "replace")
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    found: Rows = {}
    try:
        for table, wanted in expected_columns(SCHEMA_VERSION).items():
            columns = _columns_of(db, table, wanted)
            if columns:
                found[table] = _both_ways(db, table, columns, limit=max(10_000, size // 4))
    finally:
        db.close()
    return found


def _both_ways(db: sqlite3.Connection, table: str, columns: list[str],
               limit: int) -> list[dict[str, Any]]:
    """The rows read walking up the rowids and then down: a damaged page that sends one
    walk astray (a rowid out of order) is passed from the other side."""
    rows = dict(_walk(db, table, columns, limit))
    for rowid, row in _walk(db, table, columns, limit, sign=-1):
        rows.setdefault(rowid, row)
    _fill_gaps(db, table, columns, rows)
    return [rows[rowid] for rowid in sorted(rows)]


def _fill_gaps(db: sqlite3.Connection, table: str, columns: list[str],
               rows: dict[int, dict[str, Any]], budget: int = GAP_PROBES) -> None:
    """Ask for each missing rowid between those found (and below the first, above the
    last): a row a scan cannot step onto may still be read by its rowid alone."""
    found = sorted(rows)
    if not found:
        return
    select = f"SELECT {', '.join(columns)} FROM {table} WHERE rowid = ?"
    edges = [(0, found[0]), *itertools.pairwise(found), (found[-1], found[-1] + GAP + 1)]
    for below, above in edges:
        for rowid in range(below + 1, min(above, below + GAP + 1)):
            budget -= 1
            if budget < 0:
                return
            try:
                row = db.execute(select, (rowid,)).fetchone()
            except sqlite3.DatabaseError:
                continue
            if row is not None:
                rows[rowid] = dict(zip(columns, row, strict=True))


def _columns_of(db: sqlite3.Connection, table: str, wanted: list[str]) -> list[str]:
    try:
        present = {row[0] for row in db.execute("SELECT name FROM pragma_table_info(?)",
                                                (table,))}
    except sqlite3.DatabaseError:
        return []
    return [name for name in wanted if name in present]


def _walk(db: sqlite3.Connection, table: str, columns: list[str], limit: int,
          sign: int = 1) -> Iterator[tuple[int, dict[str, Any]]]:
    """(rowid, row) for the rows of `table` that can be read, in rowid order (descending
    with `sign` -1), skipping damaged stretches; at most `limit` (a damaged tree could
    otherwise lead a scan in circles)."""
    order, compare = ("ASC", ">=") if sign > 0 else ("DESC", "<=")
    select = (f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE rowid {compare} ? "
              f"ORDER BY rowid {order}")
    start: int | None = LOWEST if sign > 0 else HIGHEST
    read = 0
    while start is not None and read < limit:
        try:
            for row in db.execute(select, (start,)):
                rowid = row[0]
                if not isinstance(rowid, int) or (rowid - start) * sign < 0:
                    continue  # out of order: a damaged page's garbage
                yield rowid, dict(zip(columns, row[1:], strict=True))
                read += 1
                start = None if rowid in (LOWEST, HIGHEST) else rowid + sign
                if start is None or read >= limit:
                    return
            return
        except sqlite3.DatabaseError:
            start = _next_readable(db, table, start, sign)


def _next_readable(db: sqlite3.Connection, table: str, start: int, sign: int) -> int | None:
    """The rowid to go on from after a failure at or beyond `start`, or None to stop."""
    ok, found = _probe(db, table, start, sign)
    if ok:  # the tree is sound there; the row itself (an overflow page) is not
        return None if found is None or found in (LOWEST, HIGHEST) else found + sign
    bound = HIGHEST if sign > 0 else LOWEST
    step = 1
    while True:
        at = start + sign * step
        at = min(at, bound) if sign > 0 else max(at, bound)
        if _probe(db, table, at, sign)[0]:
            break
        if at == bound:
            return None
        step *= 2
    low, high = start + sign * (step // 2), at  # fails at low (or low is start), not at high
    while abs(high - low) > 1:
        middle = (low + high) // 2
        if _probe(db, table, middle, sign)[0]:
            high = middle
        else:
            low = middle
    return high


def _probe(db: sqlite3.Connection, table: str, at: int, sign: int) -> tuple[bool, int | None]:
    """(the tree can be read from `at` on in the walk's direction, the first rowid there)."""
    order, compare = ("ASC", ">=") if sign > 0 else ("DESC", "<=")
    try:
        row = db.execute(f"SELECT rowid FROM {table} WHERE rowid {compare} ? "
                         f"ORDER BY rowid {order} LIMIT 1", (at,)).fetchone()
    except sqlite3.DatabaseError:
        return False, None
    return True, (row[0] if row else None)
