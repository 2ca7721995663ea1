"""Slow work off the window's thread: run a function in the thread pool, hear when it ends."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int)


class Job(QRunnable):
    """Calls `work(progress)`; `done(result)` or `failed(exception)` arrive on the window's thread.

    `progress(done, total)` may be called from the work to move a progress bar.
    """

    def __init__(self, work: Callable[[Callable[[int, int], None]], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _Signals()

    def run(self) -> None:
        try:
            result = self.work(self.signals.progress.emit)
        except Exception as exc:  # reported to the user on the window's thread
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


def start(job: Job) -> Job:
    QThreadPool.globalInstance().start(job)
    return job
