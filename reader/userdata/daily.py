"""The day's backup, taken after the day's first change as well as at start.

A backup made when the reader starts holds what the last session left; the one
made after the day's first change to notes or bookmarks holds that change too,
so that the first start's copy is never the only one once notes are written.
It runs in a thread of its own (the backup API reads while the reader writes),
once a day for each store; a failure (a full disk) costs nothing but that copy.
"""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from reader.userdata.database import Changes


class DailyBackup:
    """A store's listener: after its first change of notes or bookmarks of a day, today's
    backup is made (or made again, when the one made at start lacks that change)."""

    def __init__(self, db_path: Path) -> None:
        self.db_path = db_path
        self.done_on: dt.date | None = None
        self.thread: threading.Thread | None = None

    def __call__(self, changes: Changes) -> None:
        today = dt.date.today()
        if not (changes.notes or changes.bookmarks) or self.done_on == today:
            return
        self.done_on = today
        self.wait()
        self.thread = threading.Thread(target=self._run, args=(today,), name="daily-backup")
        self.thread.start()

    def skip_today(self) -> None:
        """No backup after today's next change (a restore: what it replaced is kept apart)."""
        self.done_on = dt.date.today()

    def wait(self) -> None:
        """Let a backup being written finish (before the store closes)."""
        if self.thread is not None:
            self.thread.join()

    def _run(self, today: dt.date) -> None:
        from reader.userdata.backups import try_daily_backup

        try_daily_backup(self.db_path, today, refresh=True)
