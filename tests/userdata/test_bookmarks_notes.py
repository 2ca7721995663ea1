"""Bookmarks and notes in the store, without Qt."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reader.userdata import UserStore
from reader.userdata.anchors import locate, make_anchor
from reader.userdata.bookmarks import Bookmarks
from reader.userdata.database import Changes, StoreError
from reader.userdata.notes import Notes
from reader.userdata.paths import DB_NAME
from reader.userdata.schema import MIGRATIONS, SCHEMA_VERSION

PAGE = ("Coercive diplomacy is the diplomacy of threats. Rather than relying on negotiation, "
        "diplomats will sometimes threaten adverse consequences if a demand is not met. "
        "Sometimes this works; at other times, it does not.")


@pytest.fixture
def store(data_dir: Path) -> UserStore:
    return UserStore.open(data_dir)


def test_bookmarks_toggle_label_reorder_and_undo(store: UserStore) -> None:
    bookmarks = Bookmarks(store)
    assert bookmarks.toggle("a", "A") is True
    bookmarks.add("b", "B")
    bookmarks.add("c", "C")
    bookmarks.add("a", "A again")  # a page has one bookmark
    assert [b.slug for b in bookmarks.all()] == ["a", "b", "c"]
    bookmarks.set_label(bookmarks.find("b").id, "  for Tuesday ")
    assert bookmarks.find("b").label == "for Tuesday"
    bookmarks.move(bookmarks.find("c").id, 0)
    assert [b.slug for b in bookmarks.all()] == ["c", "a", "b"]
    removed = bookmarks.delete(bookmarks.find("a").id)
    assert [b.slug for b in bookmarks.all()] == ["c", "b"]
    bookmarks.restore(removed)
    assert [b.slug for b in bookmarks.all()] == ["c", "a", "b"]
    assert bookmarks.toggle("a", "A") is False and bookmarks.find("a") is None


def test_every_action_is_saved_at_once(data_dir: Path, store: UserStore) -> None:
    Notes(store).add("a", "A", "first thought")
    other = UserStore.open(data_dir)  # another connection sees it without any save step
    assert [n.text for n in Notes(other).all()] == ["first thought"]


def test_listeners_hear_what_changed(store: UserStore) -> None:
    heard: list[Changes] = []
    store.subscribe(heard.append)
    Bookmarks(store).add("a", "A")
    Notes(store).add("a", "A", "x")
    assert heard == [Changes(bookmarks=True), Changes(notes=True)]


def test_notes_on_pages_and_passages(store: UserStore) -> None:
    notes = Notes(store)
    start = PAGE.index("adverse consequences")
    anchor = make_anchor(PAGE, start, start + len("adverse consequences"))
    passage = notes.add("coercive-diplomacy", "Coercive Diplomacy", "the stick", anchor)
    whole = notes.add("coercive-diplomacy", "Coercive Diplomacy", "read again")
    assert passage.quote == "adverse consequences" and passage.anchor.prefix.endswith("threaten ")
    assert whole.anchor is None
    assert [n.text for n in notes.for_page("coercive-diplomacy")] == ["read again", "the stick"]
    notes.update(passage.id, "the stick, and the carrot")
    assert notes.get(passage.id).text == "the stick, and the carrot"
    assert [n.text for n in notes.all("CARROT")] == ["the stick, and the carrot"]
    assert notes.all("adverse")[0].id == passage.id  # the filter also reads quotes
    notes.delete(whole.id)
    assert notes.count() == 1


def test_an_anchor_finds_its_passage_after_the_text_changes() -> None:
    start = PAGE.index("Sometimes this works")
    anchor = make_anchor(PAGE, start, start + len("Sometimes this works"))
    edited = "A new opening sentence.\n\n" + PAGE.replace("  ", " ").replace(". ", ".\n")
    found = locate(anchor, edited)
    assert found is not None and edited[found[0]:found[1]] == "Sometimes this works"


def test_an_anchor_prefers_the_occurrence_with_the_same_context() -> None:
    text = "the threat must be credible. Later: the threat must be clear."
    second = text.rindex("the threat")
    anchor = make_anchor(text, second, second + len("the threat"))
    assert locate(anchor, "Preface. " + text)[0] == second + len("Preface. ")


def test_a_passage_that_is_gone_is_detached_not_lost(store: UserStore) -> None:
    notes = Notes(store)
    start = PAGE.index("diplomacy of threats")
    note = notes.add("coercive-diplomacy", "Coercive Diplomacy", "keep me",
                     make_anchor(PAGE, start, start + 20))
    assert locate(note.anchor, "The page was rewritten entirely.") is None
    assert notes.get(note.id).text == "keep me"


def test_a_version_one_database_is_migrated_keeping_its_settings(data_dir: Path) -> None:
    db = sqlite3.connect(data_dir / DB_NAME)
    db.executescript(MIGRATIONS[0] + "INSERT INTO settings VALUES ('last_page', '\"about\"');"
                     "PRAGMA user_version = 1;")
    db.close()
    store = UserStore.open(data_dir)
    assert store.get("last_page") == "about"
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    Notes(store).add("a", "A", "works")


def test_a_failed_migration_leaves_the_file_as_it_was(data_dir: Path, monkeypatch) -> None:
    import reader.userdata.schema as schema

    db = sqlite3.connect(data_dir / DB_NAME)
    db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
    db.close()
    monkeypatch.setattr(schema, "MIGRATIONS", [*MIGRATIONS, "CREATE TABLE x(a); BROKEN SQL"])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(MIGRATIONS) + 1)
    store = UserStore.open(data_dir)
    assert not store.writable
    db = sqlite3.connect(data_dir / DB_NAME)
    assert db.execute("PRAGMA user_version").fetchone()[0] == 1
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"settings"}


def test_a_read_only_store_refuses_writes_with_a_reason(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("a file where the folder should be")
    store = UserStore.open(tmp_path / "data")
    with pytest.raises(StoreError, match="Nothing can be saved"):
        Notes(store).add("a", "A", "x")
    assert Notes(store).all() == []


def test_two_copies_on_one_folder_both_keep_their_writes(data_dir: Path) -> None:
    first, second = UserStore.open(data_dir), UserStore.open(data_dir)
    for index in range(20):
        Notes(first).add("a", "A", f"first {index}")
        Notes(second).add("a", "A", f"second {index}")
        Bookmarks(first).add(f"p{index}", "P")
        Bookmarks(second).set_label(Bookmarks(second).find(f"p{index}").id, "mine")
    texts = {n.text for n in Notes(UserStore.open(data_dir)).all()}
    assert len(texts) == 40
    assert all(b.label == "mine" for b in Bookmarks(first).all())
    before = second.data_version()
    Notes(first).add("a", "A", "one more")
    assert second.data_version() != before  # how the other window knows to refresh


def test_a_full_disk_refuses_the_write_and_keeps_what_was_saved(store: UserStore) -> None:
    notes = Notes(store)
    notes.add("a", "A", "saved before the disk filled up")
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")  # the file can grow no more
    with pytest.raises(StoreError, match="full"):
        notes.add("a", "A", "x" * 100_000)
    assert [n.text for n in notes.all()] == ["saved before the disk filled up"]
    assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_notes_filter_ignores_case_and_accents(store: UserStore) -> None:
    notes = Notes(store)
    notes.add("a", "A", "Le rôle de l'État")
    notes.add("b", "B", "nothing here")
    assert [n.text for n in notes.all("ETAT")] == ["Le rôle de l'État"]
    assert [n.text for n in notes.all("role")] == ["Le rôle de l'État"]


def test_a_closed_store_answers_data_version_with_minus_one(tmp_path: Path) -> None:
    store = UserStore.open(tmp_path)
    assert store.data_version() >= 0
    store.close()
    assert store.data_version() == -1  # the window's poll asks on, without an error
