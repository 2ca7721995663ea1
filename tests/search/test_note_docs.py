"""Notes as the index holds them: one adapter, and only what changed sent again."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.archive import Archive
from reader.search.index import SearchIndex
from reader.search.note_docs import HeldNotes, NoteDoc
from tests.search.test_search_index import write_archive


@dataclass(frozen=True)
class Note:
    """What the index reads of a reader's note (reader.userdata.notes.Note has more)."""

    id: int
    slug: str
    page_title: str
    quote: str
    text: str


def note(note_id: int, text: str, quote: str = "") -> Note:
    return Note(note_id, "talks", "Talks", quote, text)


def test_a_note_becomes_what_the_index_holds() -> None:
    assert NoteDoc.of(note(4, "Ask about trust", "needs trust")) == NoteDoc(
        4, "talks", "Talks", "needs trust", "Ask about trust")


def test_held_notes_tell_what_to_upsert_and_what_to_delete() -> None:
    held = HeldNotes([NoteDoc.of(note(1, "one")), NoteDoc.of(note(2, "two"))])
    changed, gone = held.update([NoteDoc.of(note(1, "one")), NoteDoc.of(note(2, "two, edited")),
                                 NoteDoc.of(note(3, "three"))])
    assert [doc.note_id for doc in changed] == [2, 3] and gone == []
    changed, gone = held.update([NoteDoc.of(note(3, "three"))])
    assert changed == [] and gone == [1, 2]
    assert held.update([NoteDoc.of(note(3, "three"))]) == ([], [])


def test_changes_sent_as_upserts_and_deletes_leave_the_index_as_a_whole_set_would(
        tmp_path: Path) -> None:
    archive = Archive.open(write_archive(tmp_path / "content"))
    before = [NoteDoc.of(note(1, "amnesty first")), NoteDoc.of(note(2, "oslo talks"))]
    after = [NoteDoc.of(note(2, "geneva talks")), NoteDoc.of(note(3, "amnesty again"))]
    with SearchIndex.open(archive, memory_only=True) as index:
        held = HeldNotes(before)
        index.set_notes(before)
        changed, gone = held.update(after)
        for doc in changed:
            index.upsert_note(doc)
        for note_id in gone:
            index.delete_note(note_id)
        found = {word: [hit.note_id for hit in index.search(word, kinds=["note"])]
                 for word in ("amnesty", "oslo", "geneva")}
    assert found == {"amnesty": [3], "oslo": [], "geneva": [2]}
