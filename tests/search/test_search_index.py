"""The search index: ranking, stemming, phrases, prefixes, accents, notes and its cache."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.search import cache as search_cache
from reader.search import index as search_module
from reader.search.body_text import markdown_text
from reader.search.index import NoteDoc, SearchHit, SearchIndex
from tests.conftest import BUNDLED
from tests.search.test_search_query import HOSTILE

FILLER = ("The course describes how parties in a long conflict can talk, listen and build "
          "working relationships over many years of effort. ")

PAGES = {
    "mediation-basics": ("Mediation Basics", FILLER * 3),
    "many-mentions": ("Working Together", FILLER + "A mediator helps. " + FILLER * 2),
    "talks": ("Talks", "Negotiation between the parties needs trust. " + FILLER),
    "tracks": ("Tracks", "Track two diplomacy brings citizens together. " + FILLER),
    "reversed": ("Reversed", "Two ideas: one for each track, diplomacy aside. " + FILLER),
    "geneva": ("Geneva", "The talks were held at the Café du Parc in Genève. " + FILLER),
    "risky": ("Risky Markup", "Beware <script>alert(1)</script> & AT&T's threats. " + FILLER),
}


def write_archive(root: Path, pages: dict[str, tuple[str, str]] = PAGES) -> Path:
    (root / "pages").mkdir(parents=True, exist_ok=True)
    (root / "course.yaml").write_text(
        "title: Test Course\nsections:\n  - id: approaches\n    title: Approaches\n"
        "    pages: [" + ", ".join(pages) + "]\n", encoding="utf-8")
    for slug, (title, body) in pages.items():
        (root / "pages" / f"{slug}.md").write_text(
            f"---\ntitle: {title}\nsection: approaches\n---\n\n{body}\n", encoding="utf-8")
    (root / "glossary.yaml").write_text(
        "terms:\n  - term: Mediation\n    aliases: [third-party facilitation]\n"
        "    definition: Help from an outsider who is trusted by both sides.\n",
        encoding="utf-8")
    return root


@pytest.fixture
def archive(tmp_path: Path) -> Archive:
    return Archive.open(write_archive(tmp_path / "content"))


@pytest.fixture
def index(archive: Archive, tmp_path: Path) -> SearchIndex:
    with SearchIndex.open(archive, tmp_path / "cache") as opened:
        yield opened


def slugs(hits: list[SearchHit], kind: str = "page") -> list[str]:
    return [hit.slug for hit in hits if hit.kind == kind]


def test_a_title_hit_ranks_above_a_body_hit(index: SearchIndex) -> None:
    assert slugs(index.search("mediation"))[:2] == ["mediation-basics", "many-mentions"]


def test_the_page_ranks_above_the_glossary_entry_of_the_same_name(index: SearchIndex) -> None:
    hits = index.search("mediation")
    assert hits[0].slug == "mediation-basics"
    glossary = [hit for hit in hits if hit.kind == "glossary"]
    assert glossary and glossary[0].term_slug == "mediation" and glossary[0].slug == "glossary"
    assert glossary[0].section == "Glossary"


def test_stemming_finds_other_forms_of_a_word(index: SearchIndex) -> None:
    assert slugs(index.search("negotiating")) == ["talks"]
    assert slugs(index.search("mediators"))[:1] == ["mediation-basics"]


def test_a_phrase_needs_its_words_in_order(index: SearchIndex) -> None:
    assert slugs(index.search('"track two"')) == ["tracks"]
    assert set(slugs(index.search("track two"))) == {"tracks", "reversed"}


def test_prefixes_find_words_the_stemmer_shortened(index: SearchIndex) -> None:
    assert slugs(index.search("negot*")) == ["talks"]
    # "negotiation" is stored as the stem "negoti": the prefix alone would miss it.
    assert slugs(index.search("negotiat*")) == ["talks"]
    assert slugs(index.search("negotiati*")) == ["talks"]


def test_or_finds_either(index: SearchIndex) -> None:
    assert set(slugs(index.search("negotiation OR citizens"))) == {"talks", "tracks"}


def test_accents_do_not_matter(index: SearchIndex) -> None:
    assert slugs(index.search("cafe geneve")) == ["geneva"]
    assert slugs(index.search("CAFÉ")) == ["geneva"]


def test_aliases_of_glossary_terms_are_searched(index: SearchIndex) -> None:
    hits = index.search("facilitation")
    assert [(hit.kind, hit.term_slug) for hit in hits] == [("glossary", "mediation")]


def test_snippets_are_escaped_html_with_only_the_hits_in_bold(index: SearchIndex) -> None:
    [hit] = index.search("beware threats")
    assert "<script>" not in hit.snippet and "&lt;script&gt;" in hit.snippet
    assert "&amp;" in hit.snippet
    without_bold = hit.snippet.replace("<b>", "").replace("</b>", "")
    assert "<" not in without_bold and ">" not in without_bold
    assert "<b>Beware</b>" in hit.snippet and "<b>threats</b>" in hit.snippet


def test_hits_carry_what_the_results_list_shows(index: SearchIndex) -> None:
    [hit] = index.search('"track two"')
    assert (hit.kind, hit.slug, hit.title, hit.section) == ("page", "tracks", "Tracks",
                                                            "Approaches")
    assert hit.score > 0 and hit.note_id is None and hit.term_slug is None


def test_limit_and_kinds(index: SearchIndex) -> None:
    assert len(index.search("parties", limit=2)) == 2
    assert index.search("parties", limit=0) == []
    assert {hit.kind for hit in index.search("mediation", kinds=["glossary"])} == {"glossary"}
    assert {hit.kind for hit in index.search("mediation", kinds=["page"])} == {"page"}


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_queries_return_a_list(index: SearchIndex, text: str) -> None:
    result = index.search(text)
    assert isinstance(result, list)
    assert isinstance(index.hit_terms(text, "talks"), list)


def test_nothing_to_search_finds_nothing(index: SearchIndex) -> None:
    assert index.search("") == [] and index.search("zzqxj") == []


def test_hit_terms_in_a_page_are_the_words_as_written(index: SearchIndex) -> None:
    assert index.hit_terms("negotiating trust", "talks") == ["Negotiation", "trust"]
    assert index.hit_terms("cafe", "geneva") == ["Café"]
    # Longest first; equal lengths in alphabetical order.
    assert index.hit_terms('"track two" diplomacy', "tracks") == ["diplomacy", "Track two"]


def test_hit_terms_without_a_page_are_the_query_words(index: SearchIndex) -> None:
    assert index.hit_terms('negot* "track two" OR x') == ["track two", "negot", "x"]
    assert index.hit_terms("zzqxj", "talks") == ["zzqxj"]
    assert index.hit_terms("", "talks") == []


def test_notes_are_found_after_they_are_written_and_gone_after_deletion(
        index: SearchIndex) -> None:
    assert index.search("reconciliation") == []
    index.set_notes([NoteDoc(1, "talks", "Talks", "needs trust", "Ask about reconciliation"),
                     NoteDoc(2, "tracks", "Tracks", "citizens", "Compare with Oslo")])
    [hit] = index.search("reconciliation")
    assert (hit.kind, hit.note_id, hit.slug, hit.title, hit.section) == (
        "note", 1, "talks", "Talks", "Approaches")
    assert "<b>reconciliation</b>" in hit.snippet

    index.upsert_note(NoteDoc(1, "talks", "Talks", "needs trust", "Ask about amnesty"))
    assert index.search("reconciliation") == []
    assert [h.note_id for h in index.search("amnesty")] == [1]
    index.upsert_note(NoteDoc(3, "geneva", "Geneva", "", "amnesty again"))
    assert sorted(h.note_id for h in index.search("amnesty")) == [1, 3]

    index.delete_note(1)
    assert [h.note_id for h in index.search("amnesty")] == [3]
    index.delete_note(99)  # unknown: ignored
    index.set_notes([])
    assert index.search("amnesty") == [] and index.search("oslo") == []


def test_notes_come_before_pages_and_can_be_left_out(index: SearchIndex) -> None:
    index.set_notes([NoteDoc(7, "talks", "Talks", "", "negotiation notes")])
    hits = index.search("negotiation")
    assert [hit.kind for hit in hits] == ["note", "page"]
    assert [hit.kind for hit in index.search("negotiation", kinds=["page"])] == ["page"]


def test_notes_never_reach_the_shared_cache(archive: Archive, tmp_path: Path) -> None:
    with SearchIndex.open(archive, tmp_path / "cache") as first:
        first.set_notes([NoteDoc(1, "talks", "Talks", "", "private thoughts")])
        assert first.search("private")
        path = first.path
    with SearchIndex.open(archive, tmp_path / "cache") as second:
        assert not second.built and second.search("private") == []
    tables = sqlite3.connect(path).execute("SELECT name FROM sqlite_master").fetchall()
    assert not any("note" in name for (name,) in tables)


def test_the_cache_is_reused_while_the_content_is_unchanged(archive: Archive,
                                                            tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with SearchIndex.open(archive, cache) as first:
        assert first.built and first.path and first.path.parent == cache
    with SearchIndex.open(Archive.open(archive.root), cache) as second:
        assert not second.built and second.path == first.path
        assert slugs(second.search("negotiation")) == ["talks"]
    assert [p.name for p in cache.iterdir()] == [first.path.name]  # no temporary files left


def test_editing_a_page_invalidates_the_cache(archive: Archive, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with SearchIndex.open(archive, cache) as first:
        assert slugs(first.search("negotiation")) == ["talks"]
    page = archive.root / "pages" / "talks.md"
    page.write_text(page.read_text(encoding="utf-8").replace("Negotiation", "Mediated talks"),
                    encoding="utf-8")
    with SearchIndex.open(Archive.open(archive.root), cache) as second:
        assert second.built and second.path != first.path
        assert slugs(second.search("negotiation")) == []
        assert "talks" in slugs(second.search('"mediated talks"'))


@pytest.mark.skipif(sys.platform == "win32", reason="st_ctime is the creation time on Windows")
def test_an_edit_that_restores_size_and_time_still_invalidates_the_cache(
        archive: Archive, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with SearchIndex.open(archive, cache) as first:
        assert slugs(first.search("negotiation")) == ["talks"]
    page = archive.root / "pages" / "talks.md"
    before = page.stat()
    # Same size, same modification time: only the bytes tell the edit apart.
    page.write_text(page.read_text(encoding="utf-8").replace("Negotiation", "Arbitration"),
                    encoding="utf-8")
    os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert page.stat().st_size == before.st_size
    with SearchIndex.open(Archive.open(archive.root), cache) as second:
        assert second.built and second.path != first.path
        assert slugs(second.search("negotiation")) == []
        assert slugs(second.search("arbitration")) == ["talks"]


def test_indexing_leaves_page_bodies_unread_in_the_archive(archive: Archive,
                                                           tmp_path: Path) -> None:
    SearchIndex.open(archive, tmp_path / "cache").close()
    assert all("body" not in page.__dict__ for page in archive.pages.values())


def test_an_unwritable_cache_builds_in_memory(archive: Archive, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    with SearchIndex.open(archive, blocker) as index:
        assert index.path is None and index.built
        assert str(blocker) in index.cache_problem
        assert slugs(index.search("negotiation")) == ["talks"]


def test_a_damaged_cache_file_is_rebuilt(archive: Archive, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    with SearchIndex.open(archive, cache) as first:
        path = first.path
    path.write_bytes(b"this is not a database" * 100)
    with SearchIndex.open(archive, cache) as second:
        assert second.built and second.path == path
        assert slugs(second.search("negotiation")) == ["talks"]


def test_a_failed_build_leaves_no_file_behind(archive: Archive, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    def crash(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(search_module, "_store_vocabulary", crash)
    cache = tmp_path / "cache"
    with pytest.raises(KeyboardInterrupt):
        SearchIndex.open(archive, cache)
    assert list(cache.iterdir()) == []


def test_memory_only_and_the_default_cache_folder(archive: Archive) -> None:
    with SearchIndex.open(archive, memory_only=True) as index:
        assert index.path is None and slugs(index.search("negotiation")) == ["talks"]
    with SearchIndex.open(archive) as index:  # XDG_CACHE_HOME is private to each test
        assert index.path is not None and "otpic-reader" in str(index.path)
        assert Path(os.environ["XDG_CACHE_HOME"]) in index.path.parents


def test_progress_is_reported_up_to_the_total(archive: Archive, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    SearchIndex.open(archive, tmp_path / "cache", progress=lambda *a: seen.append(a)).close()
    total = len(archive.pages) + len(archive.glossary) + 1
    assert seen[-1] == (total, total)
    assert all(b == total for _, b in seen) and [a for a, _ in seen] == sorted(a for a, _ in seen)
    again: list[tuple[int, int]] = []
    SearchIndex.open(archive, tmp_path / "cache", progress=lambda *a: again.append(a)).close()
    assert again == [(total, total)]


def test_open_in_a_worker_thread_then_search_from_another(archive: Archive,
                                                          tmp_path: Path) -> None:
    opened: list[SearchIndex] = []
    worker = threading.Thread(target=lambda: opened.append(
        SearchIndex.open(archive, tmp_path / "cache")))
    worker.start()
    worker.join()
    index = opened[0]
    assert slugs(index.search("negotiation")) == ["talks"]
    index.set_notes([NoteDoc(1, "talks", "Talks", "", "from the main thread")])
    results: list[list[SearchHit]] = []
    threads = [threading.Thread(target=lambda: results.append(index.search("thread")))
               for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [len(found) for found in results] == [1, 1, 1, 1]
    index.close()


def test_the_bundled_course_puts_the_right_page_on_top(tmp_path: Path) -> None:
    with SearchIndex.open(Archive.open(BUNDLED), tmp_path / "cache") as index:
        assert index.search("coercive diplomacy")[0].slug == "coercive-diplomacy"
        assert index.search("citizen diplomacy")[0].slug == "unofficial-communication"
        assert index.search("Jentleson")[0].slug == "coercive-prevention"
        assert index.search("forceful persuasion")[0].kind in ("page", "glossary")


def test_markdown_text_keeps_the_words_a_reader_sees() -> None:
    text = markdown_text("## Heading ##\n\nSome *emphasis*, a [link](other.md) and "
                         "![a picture](x.png).\n\n- item\n\n> quoted\n\n---\n\n"
                         "snake_case and 2 * 3 and \\*literal\\* &amp; <b>raw</b>\n")
    assert text.split() == ["Heading", "Some", "emphasis,", "a", "link", "and", "a",
                            "picture.", "item", "quoted", "snake_case", "and", "2", "*", "3",
                            "and", "*literal*", "&", "<b>raw</b>"]


def test_old_indexes_are_pruned_and_the_newest_kept(archive: Archive, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cache.mkdir()
    for number in range(6):
        old = cache / f"search-{number:040d}.sqlite3"
        old.write_bytes(b"")
        os.utime(old, (1_000_000 + number, 1_000_000 + number))
    crashed = cache / ".search-0-crashed.partial"
    crashed.write_bytes(b"")
    os.utime(crashed, (1_000_000, 1_000_000))
    with SearchIndex.open(archive, cache) as index:
        kept = sorted(p.name for p in cache.iterdir())
    assert index.path.name in kept and len(kept) == search_cache.KEEP
    assert f"search-{5:040d}.sqlite3" in kept and f"search-{0:040d}.sqlite3" not in kept
    assert crashed.name not in kept


def test_search_needs_no_qt() -> None:
    script = ("import sys; sys.modules['PySide6'] = None\n"
              "from reader.archive import Archive\n"
              "from reader.search.index import SearchIndex\n"
              "from reader.cli import search\n"
              "index = SearchIndex.open(Archive.open(sys.argv[1]), memory_only=True)\n"
              "print(index.search('coercive')[0].slug)\n")
    result = subprocess.run([sys.executable, "-c", script, str(BUNDLED)], capture_output=True,
                            text=True, check=False)
    assert result.stdout.strip() == "coercive-diplomacy", result.stderr
