"""The search controller: queries off the window's thread, stale ones dropped, and the
notes' changes sent to the index as upserts and deletes."""

from __future__ import annotations

import threading

from reader.search.index import SearchIndex
from reader.search.note_docs import NoteDoc
from reader.ui.panes.search_controller import SearchController
from reader.userdata.database import Changes
from tests.search.test_note_docs import note


class FakeIndex:
    """Answers each query with its own words, from whatever thread asks; a query for
    "slow" waits until it is let go. It notes what it is told of the notes."""

    cache_problem = ""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.calls: list[tuple] = []
        self.go = threading.Event()

    def search(self, query: str, limit: int) -> list[str]:
        self.threads.append(threading.current_thread())
        if query == "slow":
            self.go.wait(10)
        return [query]

    def set_notes(self, docs: list[NoteDoc]) -> None:
        self.calls.append(("set", [doc.note_id for doc in docs]))

    def upsert_note(self, doc: NoteDoc) -> None:
        self.calls.append(("upsert", doc.note_id, doc.text))

    def delete_note(self, note_id: int) -> None:
        self.calls.append(("delete", note_id))


def controller_with(qtbot, monkeypatch, notes: list) -> tuple[SearchController, FakeIndex]:
    """A controller whose index (built in a worker, as ever) is a FakeIndex."""
    index = FakeIndex()
    monkeypatch.setattr(SearchIndex, "open", lambda archive, progress=None: index)
    controller = SearchController(None, lambda: list(notes))  # the archive: only to build
    controller.build()
    qtbot.waitUntil(lambda: controller.index is index)
    return controller, index


def test_a_query_runs_off_the_window_thread(qtbot, monkeypatch) -> None:
    controller, index = controller_with(qtbot, monkeypatch, [])
    with qtbot.waitSignal(controller.results) as answer:
        controller.search_now("coercion")
    assert answer.args == ["coercion", ["coercion"], ""]
    assert index.threads[0] is not threading.main_thread()


def test_a_query_overtaken_by_a_newer_one_is_not_shown(qtbot, monkeypatch) -> None:
    controller, index = controller_with(qtbot, monkeypatch, [])
    shown: list[str] = []
    controller.results.connect(lambda query, hits, problem: shown.append(query))
    controller.search_now("slow")
    qtbot.waitUntil(lambda: len(index.threads) == 1)  # running, and waiting
    controller.search_now("fast")
    qtbot.waitUntil(lambda: shown == ["fast"])
    index.go.set()
    qtbot.wait(200)  # the slow answer arrives, and is dropped
    assert shown == ["fast"]


def test_the_notes_changes_reach_the_index_as_upserts_and_deletes(qtbot, monkeypatch) -> None:
    notes = [note(1, "one"), note(2, "two")]
    controller, index = controller_with(qtbot, monkeypatch, notes)
    assert index.calls == [("set", [1, 2])]
    controller.user_data_changed(Changes(bookmarks=True))  # not the notes: nothing to send
    notes[:] = [note(2, "two, edited"), note(3, "three")]
    controller.user_data_changed(Changes(notes=True))
    qtbot.waitUntil(lambda: len(index.calls) == 4)
    assert index.calls[1:] == [("upsert", 2, "two, edited"), ("upsert", 3, "three"),
                               ("delete", 1)]
