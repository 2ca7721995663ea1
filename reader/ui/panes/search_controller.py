"""Search for the window: the index built in a worker, queries after a pause in typing."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from reader.archive.archive import Archive
from reader.search.index import NoteDoc, SearchHit, SearchIndex
from reader.ui.worker import Job, start

TYPING_PAUSE_MS = 300
LIMIT = 50


class SearchController(QObject):
    """Emits building(done, total) while the index is built, results(query, hits) after."""

    building = Signal(int, int)
    results = Signal(str, list)

    def __init__(self, archive: Archive, notes: Callable[[], list[NoteDoc]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.notes = notes
        self.index: SearchIndex | None = None
        self.problem = ""
        self._pending = ""
        self._job: Job | None = None
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self.search_now(self._pending))

    def build(self) -> None:
        """Open (or build) the index off the window's thread; only once."""
        if self._job is not None:
            return
        notes = self.notes()

        def work(progress):
            index = SearchIndex.open(self.archive, progress=progress)
            index.set_notes(notes)
            return index

        self._job = start(Job(work))
        self._job.signals.progress.connect(self.building)
        self._job.signals.done.connect(self._built)
        self._job.signals.failed.connect(self._failed)

    def _built(self, index: SearchIndex) -> None:
        self.index = index
        self.problem = index.cache_problem
        self.refresh_notes()  # notes written while it was being built
        if self._pending:
            self.search_now(self._pending)

    def _failed(self, exc: Exception) -> None:
        self.problem = f"Search is not available: {exc}"
        self.results.emit(self._pending, [])

    def typed(self, query: str) -> None:
        """Search after a short pause in typing; the index starts opening at once."""
        self._pending = query
        self.build()
        self._typing.start()

    def search_now(self, query: str) -> None:
        self._typing.stop()
        self._pending = query
        if not query.strip():
            self.results.emit(query, [])
            return
        if self.index is None:
            self.build()  # the first search waits for the index, with progress shown
            return
        hits: list[SearchHit] = self.index.search(query, limit=LIMIT)
        self.results.emit(query, hits)

    def hit_terms(self, query: str, slug: str) -> list[str]:
        return self.index.hit_terms(query, slug) if self.index else []

    def refresh_notes(self) -> None:
        """The reader's notes changed: give the index the new set, off the window's thread."""
        if self.index is None:
            return
        index, notes = self.index, self.notes()
        start(Job(lambda _progress: index.set_notes(notes)))
