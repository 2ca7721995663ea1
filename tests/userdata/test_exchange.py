"""Export and import of notes and bookmarks: round trip, merging, refusal of bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.userdata import UserStore
from reader.userdata.anchors import make_anchor
from reader.userdata.bookmarks import Bookmarks
from reader.userdata.exchange import ExchangeError, export_json, export_markdown, import_export
from reader.userdata.notes import Notes

TEXT = "Backlash can, at times, be limited if the threat is combined with rewards."


def filled(folder: Path) -> UserStore:
    store = UserStore.open(folder)
    Bookmarks(store).add("coercive-diplomacy", "Coercive Diplomacy", "session 1")
    Notes(store).add("coercive-diplomacy", "Coercive Diplomacy", "Ask the group.\nThen *wait*.",
                     make_anchor(TEXT, 0, 8))
    Notes(store).add("about", "About this archive", '<img src="http://x/y.png"> [a](b)')
    return store


def test_json_round_trip_merges_without_duplicates(tmp_path: Path) -> None:
    source = filled(tmp_path / "laptop")
    export = tmp_path / "notes.json"
    export.write_text(export_json(source), encoding="utf-8")
    data = json.loads(export.read_text(encoding="utf-8"))
    assert data["format"] == "otpic-reader-notes" and data["version"] == 1
    target = UserStore.open(tmp_path / "usb")
    Notes(target).add("about", "About this archive", "already here")
    assert import_export(target, export) == (1, 2)
    assert import_export(target, export) == (0, 0)
    notes = Notes(target).all()
    assert sorted(n.text for n in notes) == sorted(
        ['<img src="http://x/y.png"> [a](b)', "Ask the group.\nThen *wait*.", "already here"])
    quoted = next(n for n in notes if n.quote)
    assert quoted.quote == "Backlash" and quoted.suffix.startswith(" can, at times")
    assert Bookmarks(target).find("coercive-diplomacy").label == "session 1"


def test_markdown_export_is_for_people_and_shows_user_text_as_text(tmp_path: Path) -> None:
    text = export_markdown(filled(tmp_path))
    assert "## Bookmarks" in text and "### Coercive Diplomacy" in text
    assert "> Backlash" in text
    assert "<img" not in text and "&lt;img" in text
    assert r"\*wait\*" in text


@pytest.mark.parametrize(("content", "message"), [
    (b"\xff\xfe garbage", "is not JSON"),
    (b"[]", "its format is not"),
    (b'{"format": "otpic-reader-notes"}', "no version number"),
    (b'{"format": "otpic-reader-notes", "version": 99}', "newer OTPIC Reader"),
    (b'{"format": "otpic-reader-notes", "version": 1, "notes": {}}', "'notes' is not a list"),
    (b'{"format": "otpic-reader-notes", "version": 1, "notes": [{"uid": "x"}]}',
     "notes entry 1 has no valid 'slug'"),
])
def test_a_bad_file_is_refused_with_one_sentence_and_nothing_is_written(
        tmp_path: Path, content: bytes, message: str) -> None:
    store = filled(tmp_path / "data")
    before = export_json(store).split('"exported"')[1].split("\n", 1)[1]
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    with pytest.raises(ExchangeError, match=message) as caught:
        import_export(store, bad)
    assert str(bad) in str(caught.value) and "\n" not in str(caught.value)
    assert export_json(store).split('"exported"')[1].split("\n", 1)[1] == before


def test_a_file_with_one_bad_note_among_good_ones_writes_nothing(tmp_path: Path) -> None:
    good = json.loads(export_json(filled(tmp_path / "a")))
    good["notes"].append({"uid": "z", "slug": "s"})
    path = tmp_path / "mixed.json"
    path.write_text(json.dumps(good), encoding="utf-8")
    target = UserStore.open(tmp_path / "b")
    with pytest.raises(ExchangeError):
        import_export(target, path)
    assert Notes(target).all() == [] and Bookmarks(target).all() == []


def write_export(path: Path, notes: list[dict], prefix: bytes = b"") -> Path:
    document = {"format": "otpic-reader-notes", "version": 1, "notes": notes}
    path.write_bytes(prefix + json.dumps(document).encode("utf-8"))
    return path


NOTE = {"uid": "u1", "slug": "about", "page_title": "About", "text": "t", "quote": "",
        "prefix": "", "suffix": "", "created": "2026-01-01", "updated": "2026-01-01"}


def test_an_export_saved_with_a_bom_is_read(tmp_path: Path) -> None:
    store = UserStore.open(tmp_path / "data")
    assert import_export(store, write_export(tmp_path / "bom.json", [NOTE],
                                             b"\xef\xbb\xbf")) == (0, 1)


def test_json_nested_5000_deep_is_refused_in_one_sentence(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    with pytest.raises(ExchangeError, match="nested too deeply") as caught:
        import_export(UserStore.open(tmp_path / "data"), deep)
    assert str(deep) in str(caught.value)


@pytest.mark.parametrize("special", ["/dev/zero", "fifo"])
def test_a_device_or_a_fifo_is_refused_at_once(tmp_path: Path, special: str) -> None:
    import os

    path = Path(special)
    if special == "fifo":
        path = tmp_path / "export.json"
        os.mkfifo(path)  # no writer: reading it would wait for ever
    with pytest.raises(ExchangeError, match="it is not a file"):
        import_export(UserStore.open(tmp_path / "data"), path)


def test_an_export_larger_than_any_is_refused(tmp_path: Path, monkeypatch) -> None:
    from reader.userdata import exchange

    monkeypatch.setattr(exchange, "MAX_BYTES", 100)
    with pytest.raises(ExchangeError, match="larger than"):
        import_export(UserStore.open(tmp_path / "data"),
                      write_export(tmp_path / "big.json", [NOTE] * 10))


def test_a_slug_with_a_trailing_newline_is_refused(tmp_path: Path) -> None:
    store = UserStore.open(tmp_path / "data")
    with pytest.raises(ExchangeError, match="not a page name"):
        import_export(store, write_export(tmp_path / "x.json", [{**NOTE, "slug": "about\n"}]))
    assert store.notes.all() == []
