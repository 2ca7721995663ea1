"""What the search index holds of a reader's note, and how notes become it.

One adapter (`NoteDoc.of`) for every caller (the window, the command line), and the
difference between the notes the index holds and the notes there are now, so that a
change reaches the index as upserts and deletes rather than the whole set again. The
notes are taken by their shape (NoteLike): this layer does not import the user's data.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class NoteLike(Protocol):
    """The fields of a note (reader.userdata.notes.Note) that the index reads."""

    @property
    def id(self) -> int: ...
    @property
    def slug(self) -> str: ...
    @property
    def page_title(self) -> str: ...
    @property
    def quote(self) -> str: ...
    @property
    def text(self) -> str: ...


@dataclass(frozen=True)
class NoteDoc:
    """A reader's note as the index sees it: where it is, what it quotes, what it says.

    `quote` (the passage noted) and `text` (the reader's words) are searched;
    `page_title` is only shown, since the page itself answers for its title.
    """

    note_id: int
    slug: str
    page_title: str
    quote: str
    text: str

    @classmethod
    def of(cls, note: NoteLike) -> NoteDoc:
        return cls(note.id, note.slug, note.page_title, note.quote, note.text)


class HeldNotes:
    """The notes an index was given, to tell it next time only what changed."""

    def __init__(self, docs: Iterable[NoteDoc] = ()) -> None:
        self.docs = {doc.note_id: doc for doc in docs}

    def update(self, docs: Iterable[NoteDoc]) -> tuple[list[NoteDoc], list[int]]:
        """Hold `docs` from now on; return the notes to upsert (new or changed) and the
        ids to delete, which bring an index holding the old notes to the new ones."""
        new = {doc.note_id: doc for doc in docs}
        changed = [doc for note_id, doc in new.items() if self.docs.get(note_id) != doc]
        gone = [note_id for note_id in self.docs if note_id not in new]
        self.docs = new
        return changed, gone
