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
            try:
                result = self.work(self._progress)
            except Exception as exc:  # reported to the user on the window's thread
                self.signals.failed.emit(exc)
            else:
                self.signals.done.emit(result)
        except RuntimeError:
            pass  # the window that asked was closed meanwhile: nobody is left to tell
        finally:
            _running.discard(self)

    def _progress(self, done: int, total: int) -> None:
        self.signals.progress.emit(done, total)


_running: set[Job] = set()  # jobs stay alive until they end, whoever started them


def start(job: Job) -> Job:
    _running.add(job)
    QThreadPool.globalInstance().start(job)
    return job
