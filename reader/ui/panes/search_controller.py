"""Search for the window: the index built, and every query run, off the window's thread.

The index opens (or is built) in a worker; each query runs in one too, and a query that a
newer one overtook is skipped if it has not run yet, its answer dropped if it has. The
reader's notes reach the index as upserts and deletes of what changed (HeldNotes), one
batch at a time, so that they arrive in the order they were made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QObject, QTimer, Signal

from reader.archive.archive import Archive
from reader.search.index import SearchHit, SearchIndex
from reader.search.note_docs import HeldNotes, NoteDoc, NoteLike
from reader.ui.worker import Job, start
from reader.userdata.database import Changes

TYPING_PAUSE_MS = 300
LIMIT = 50


class SearchController(QObject):
    """Emits building(done, total) while the index is built, and results(query, hits,
    problem) for the latest query (problem: why search is limited, or "")."""

    building = Signal(int, int)
    results = Signal(str, list, str)

    def __init__(self, archive: Archive, notes: Callable[[], Iterable[NoteLike]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.archive = archive
        self.notes = notes
        self.index: SearchIndex | None = None
        self.problem = ""
        self._pending = ""
        self._job: Job | None = None
        self._asked = 0  # the number of the latest query; a query with another is stale
        self._held = HeldNotes()
        self._notes_job: Job | None = None
        self._notes_changed = False
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(lambda: self.search_now(self._pending))

    def build(self) -> None:
        """Open (or build) the index off the window's thread; only once."""
        if self._job is not None:
            return
        self._held = HeldNotes(NoteDoc.of(note) for note in self.notes())
        docs = list(self._held.docs.values())

        def work(progress):
            index = SearchIndex.open(self.archive, progress=progress)
            index.set_notes(docs)
            return index

        self._job = Job(work)
        self._job.signals.progress.connect(self.building)
        self._job.signals.done.connect(self._built)
        self._job.signals.failed.connect(self._failed)
        start(self._job)

    def _built(self, index: SearchIndex) -> None:
        self.index = index
        self.problem = index.cache_problem
        self.refresh_notes()  # notes written while it was being built
        if self._pending:
            self.search_now(self._pending)

    def _failed(self, exc: Exception) -> None:
        self.problem = f"Search is not available: {exc}"
        self.results.emit(self._pending, [], self.problem)

    def typed(self, query: str) -> None:
        """Search after a short pause in typing; the index starts opening at once."""
        self._pending = query
        self.build()
        self._typing.start()

    def search_now(self, query: str) -> None:
        """Search in a worker; results() follows, unless a newer query came first."""
        self._typing.stop()
        self._pending = query
        self._asked += 1
        if not query.strip():
            self.results.emit(query, [], self.problem)
            return
        if self.index is None:
            self.build()  # the first search waits for the index, with progress shown
            return
        asked, index = self._asked, self.index

        def work(_progress) -> tuple[int, str, list[SearchHit]] | None:
            if asked != self._asked:  # overtaken before it ran: not worth the time
                return None
            return asked, query, index.search(query, limit=LIMIT)

        job = Job(work)
        job.signals.done.connect(self._answered)
        start(job)

    def _answered(self, answer: tuple[int, str, list[SearchHit]] | None) -> None:
        if answer is not None and answer[0] == self._asked:
            self.results.emit(answer[1], answer[2], self.problem)

    def hit_terms(self, query: str, slug: str) -> list[str]:
        return self.index.hit_terms(query, slug) if self.index else []

    def user_data_changed(self, changes: Changes) -> None:
        """The store's change notice: the notes' changes go to the index."""
        if changes.notes:
            self.refresh_notes()

    def refresh_notes(self) -> None:
        """The reader's notes changed: tell the index what changed, off the window's thread."""
        if self.index is None:
            return
        self._notes_changed = True
        if self._notes_job is None:
            self._send_notes()

    def _send_notes(self, _result: object = None) -> None:
        self._notes_job = None
        if not self._notes_changed:
            return
        self._notes_changed = False
        changed, gone = self._held.update(NoteDoc.of(note) for note in self.notes())
        if not changed and not gone:
            return
        index = self.index

        def work(_progress) -> None:
            for doc in changed:
                index.upsert_note(doc)
            for note_id in gone:
                index.delete_note(note_id)

        job = self._notes_job = Job(work)
        job.signals.done.connect(self._send_notes)  # changes made meanwhile go next
        job.signals.failed.connect(self._send_notes)
        start(job)
