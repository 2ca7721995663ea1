"""Full-text search over the course's pages, the glossary and the reader's notes.

SQLite FTS5 from the standard library, with the tokenizer `porter unicode61
remove_diacritics 2`, so "negotiating" finds "negotiation" and "cafe" finds
"café". Pages and glossary terms live in one FTS5 table in a cache file shared
by every reader of the same content (see search_cache); the reader's notes
live in a TEMP table of this connection only, since they are not content.

Typical use, from a worker thread so the window never waits::

    index = SearchIndex.open(archive, cache_dir=None, progress=report)
    hits = index.search('coercive "threat of force" negot*')
    index.set_notes(docs)             # NoteDoc.of(note) for each note (note_docs.py);
    index.upsert_note(doc)            # then, as notes change, only what changed
    index.delete_note(note_id)        # (note_docs.HeldNotes tells what that is)

Threads: open() may run in any thread; the index it returns may then be used
from any thread (its connection is opened with check_same_thread=False and
every call holds one lock), but calls are answered one at a time.
"""

from __future__ import annotations

import html
import logging
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Literal

from reader.archive.archive import Archive
from reader.archive.glossary import GLOSSARY_SLUG
from reader.archive.model import Page
from reader.common.files import atomic_path
from reader.common.files import cache_dir as user_cache_dir
from reader.common.words import fold
from reader.search import cache as search_cache
from reader.search.body_text import CONTROL, markdown_text
from reader.search.note_docs import NoteDoc
from reader.search.query import WORD_RE, Query, parse_query

log = logging.getLogger(__name__)

Kind = Literal["page", "glossary", "note"]
ProgressCallback = Callable[[int, int], None]

TOKENIZE = "porter unicode61 remove_diacritics 2"
# Column weights for bm25: a title hit counts ten body hits, so it ranks above a body hit.
WEIGHTS = {"title": 10.0, "aliases": 6.0, "section": 2.0, "body": 1.0}
NOTE_WEIGHTS = {"quote": 1.0, "text": 2.0}
# Scores are multiplied by these: short glossary entries would otherwise outrank the
# course's own pages on the same words (bm25 favours short rows); the page comes first.
KIND_WEIGHTS = {"page": 1.0, "glossary": 0.5}
SNIPPET_TOKENS = 14
# FTS5 prefix indexes: "ne*" or "neg*" reads one list instead of merging thousands of words'.
PREFIX_INDEX = "2 3"
MAX_PREFIX_WORDS = 40
GLOSSARY_ROWIDS = 1 << 40  # pages have rowids 1, 2, ...; glossary terms from here on
_BATCH = 250
_HIT_OPEN, _HIT_CLOSE = "\x02", "\x03"  # never in indexed text: control characters are removed
# Part of the cache key: bump the number when the tables or the text extraction change.
SCHEMA = f"otpic-search 3; {TOKENIZE}; prefix {PREFIX_INDEX}"

_DOCS_SQL = f"""
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE VIRTUAL TABLE docs USING fts5(
    kind UNINDEXED, slug UNINDEXED, term_slug UNINDEXED,
    title, aliases, section, body,
    tokenize = '{TOKENIZE}', prefix = '{PREFIX_INDEX}'
);
CREATE TABLE vocab (word TEXT PRIMARY KEY, stem TEXT NOT NULL) WITHOUT ROWID;
"""
_BODY_COLUMN = 6  # the index of `body` among the docs columns above
_NOTES_SQL = f"""
CREATE VIRTUAL TABLE temp.notes USING fts5(
    slug UNINDEXED, page_title UNINDEXED, quote, text, tokenize = '{TOKENIZE}'
);
"""


@dataclass(frozen=True)
class SearchHit:
    """One result, ready to show.

    `snippet` is HTML: the text is escaped and only the hits are wrapped in
    <b>…</b>. `score` is higher for better hits; scores of notes come from the
    notes alone, so compare them with other notes only. A glossary hit has
    slug "glossary" (the A to Z page) and the term's slug in `term_slug`; a
    note hit has the noted page's slug and the note's id in `note_id`.
    """

    kind: Kind
    slug: str
    title: str
    section: str
    snippet: str
    score: float
    note_id: int | None = None
    term_slug: str | None = None


class SearchIndex:
    """The search index of one archive, with the reader's notes on top."""

    def __init__(self, connection: sqlite3.Connection, archive: Archive, path: Path | None,
                 *, built: bool, cache_problem: str = "") -> None:
        self._db = connection
        self._lock = threading.RLock()
        self.archive = archive
        self.path = path
        """The cache file in use, or None when the index lives in memory."""
        self.built = built
        """True when open() had to build the index, False when it reused the cache."""
        self.cache_problem = cache_problem
        """Why the cache could not be used (one sentence), or "" when it could."""
        self._sections = _section_titles(archive)
        self._rowids = _page_rowids(archive)
        self._weights = ", ".join(str(w) for w in (0.0, 0.0, 0.0, *WEIGHTS.values()))
        self._db.executescript(_NOTES_SQL)
        self._notes = 0

    @classmethod
    def open(cls, archive: Archive, cache_dir: Path | None = None, *,
             progress: ProgressCallback | None = None, memory_only: bool = False
             ) -> SearchIndex:
        """The index of `archive`: reused from the cache when the content is unchanged.

        `cache_dir` None means the user cache directory. When the content changed
        (or there is no cache) the index is built, calling `progress(done, total)`
        from this thread as it goes; when the cache cannot be written, it is built
        in memory and `cache_problem` says why. `memory_only` skips the cache.
        Never raises for a cache problem: the reader can always search.
        """
        key = search_cache.content_key(archive, SCHEMA)
        total = len(archive.pages) + len(archive.glossary) + 1
        if memory_only:
            return cls(_build_into(":memory:", archive, key, progress), archive, None,
                       built=True)
        folder = cache_dir if cache_dir is not None else user_cache_dir()
        final = search_cache.cache_path(folder, key)
        connection = _open_cached(final, key)
        if connection is not None:
            search_cache.touch(final)
            if progress:
                progress(total, total)
            return cls(connection, archive, final, built=False)
        try:
            with atomic_path(final) as temp:
                _build_into(str(temp), archive, key, progress).close()
            connection = _open_cached(final, key)
            if connection is None:
                raise OSError(f"the new index {final} could not be read back")
        except (OSError, sqlite3.Error) as exc:
            reason = (f"The search index cannot be kept in {folder} "
                      f"({getattr(exc, 'strerror', None) or exc}); it is built in memory.")
            log.warning(reason)
            return cls(_build_into(":memory:", archive, key, progress), archive, None,
                       built=True, cache_problem=reason)
        search_cache.prune(folder, final)
        return cls(connection, archive, final, built=True)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- searching --------------------------------------------------------------------

    def search(self, query: str, limit: int = 50,
               kinds: Iterable[Kind] = ("page", "glossary", "note")) -> list[SearchHit]:
        """The best hits for what a reader typed, never raising for any text.

        Notes come first (the reader's own words, by their own score), then pages
        and glossary terms together by bm25 score, title hits above body hits.
        """
        parsed = parse_query(query)
        if parsed.empty or limit <= 0:
            return []
        wanted = set(kinds)
        with self._lock:
            hits: list[SearchHit] = []
            try:
                expression = parsed.match_expression(self._prefix_words)
                if "note" in wanted and self._notes:
                    hits += self._search_notes(expression, limit)
                content_kinds = sorted(wanted & {"page", "glossary"})
                if content_kinds and len(hits) < limit:
                    hits += self._search_docs(expression, limit - len(hits), content_kinds)
            except (sqlite3.Error, ValueError) as exc:  # not expected: built from words only
                log.warning("search for %r failed: %s", query, exc)
                return []
            return hits

    def hit_terms(self, query: str, slug: str | None = None) -> list[str]:
        """What to highlight in a page for a query: words and phrases, longest first.

        With a page's slug, these are the words as the page writes them that
        matched ("negotiation", "Café" for the query "negotiating cafe"), so a
        plain case-insensitive find highlights every hit. Without one, or when
        the page has no hit, they are the query's own words and phrases.
        """
        parsed = parse_query(query)
        if parsed.empty:
            return []
        found: list[str] = []
        if slug is not None:
            with self._lock:
                found = self._page_hit_words(parsed, slug)
        if not found:
            found = parsed.highlight_terms()
        unique = {text.casefold(): text for text in reversed(found)}
        return sorted(unique.values(), key=lambda text: (-len(text), text.casefold()))

    def _search_docs(self, expression: str, limit: int, kinds: list[str]) -> list[SearchHit]:
        """Ranked by bm25 times the kind's weight; snippets are made for the chosen rows only."""
        # Kinds are told apart by rowid (glossary rows from GLOSSARY_ROWIDS on): reading
        # the kind column of every match would cost more than ranking them.
        where = ("" if len(kinds) > 1 else
                 f" AND rowid {'>=' if kinds == ['glossary'] else '<'} {GLOSSARY_ROWIDS}")
        fetch = limit + 10
        while True:
            rows = self._db.execute(
                f"SELECT rowid, bm25(docs, {self._weights}) AS score FROM docs "
                f"WHERE docs MATCH ?{where} ORDER BY score LIMIT ?",
                (expression, fetch)).fetchall()
            complete = len(rows) < fetch
            # A row not fetched scores at most the last one fetched, so a glossary row
            # weighed below that might belong after it: keep only rows placed for sure.
            floor = float("-inf") if complete else -rows[-1][1]
            weighed = ((-score * KIND_WEIGHTS[_kind_of(rowid)], rowid) for rowid, score in rows)
            ranked = sorted((pair for pair in weighed if pair[0] >= floor), reverse=True)[:limit]
            if complete or len(ranked) == limit:
                break
            fetch *= 4
        if not ranked:
            return []
        # "+rowid": one pass over the matches in rowid order; a rowid lookup per hit
        # would redo a prefix query's merge of every matching word for each one.
        details = {row[0]: row[1:] for row in self._db.execute(
            f"SELECT rowid, kind, slug, term_slug, title, section, "
            f"snippet(docs, {_BODY_COLUMN}, ?, ?, '…', {SNIPPET_TOKENS}) "
            f"FROM docs WHERE docs MATCH ? AND +rowid IN ({', '.join('?' for _ in ranked)})",
            (_HIT_OPEN, _HIT_CLOSE, expression, *(rowid for _, rowid in ranked)))}
        hits = []
        for score, rowid in ranked:
            if rowid not in details:
                continue
            kind, slug, term_slug, title, section, snippet = details[rowid]
            hits.append(SearchHit(kind, slug, title, section, snippet_html(snippet), score,
                                  term_slug=term_slug or None))
        return hits

    def _search_notes(self, expression: str, limit: int) -> list[SearchHit]:
        weights = ", ".join(str(w) for w in (0.0, 0.0, *NOTE_WEIGHTS.values()))
        rows = self._db.execute(
            f"SELECT rowid, slug, page_title, snippet(notes, -1, ?, ?, '…', {SNIPPET_TOKENS}), "
            f"bm25(notes, {weights}) AS score FROM temp.notes WHERE notes MATCH ? "
            "ORDER BY score LIMIT ?",
            (_HIT_OPEN, _HIT_CLOSE, expression, limit)).fetchall()
        return [SearchHit("note", slug, title, self._sections.get(slug, ""),
                          snippet_html(snippet), -score, note_id=note_id)
                for note_id, slug, title, snippet, score in rows]

    def _prefix_words(self, prefix: str) -> list[str]:
        """Whole words that start with `prefix` but whose stem does not (see Query)."""
        start = fold(prefix)
        if not start:
            return []
        end = start[:-1] + chr(ord(start[-1]) + 1)
        rows = self._db.execute(
            "SELECT min(word) FROM vocab WHERE word >= ? AND word < ? "
            "AND substr(stem, 1, ?) <> ? GROUP BY stem LIMIT ?",
            (start, end, len(start), start, MAX_PREFIX_WORDS)).fetchall()
        return [word for (word,) in rows]

    def _page_hit_words(self, parsed: Query, slug: str) -> list[str]:
        """The text FTS5 marks as hits in the page's title and body."""
        found: list[str] = []
        rowid = self._rowids.get(slug)
        if rowid is None:
            return found
        try:
            expression = parsed.match_expression(self._prefix_words)
            rows = self._db.execute(
                "SELECT highlight(docs, 3, ?, ?), highlight(docs, 6, ?, ?) FROM docs "
                "WHERE docs MATCH ? AND rowid = ?",
                (_HIT_OPEN, _HIT_CLOSE, _HIT_OPEN, _HIT_CLOSE, expression, rowid)).fetchall()
        except (sqlite3.Error, ValueError) as exc:
            log.warning("highlighting %r in %s failed: %s", parsed, slug, exc)
            return found
        for row in rows:
            for text in row:
                for word in re.findall(f"{_HIT_OPEN}(.*?){_HIT_CLOSE}", text or "", re.S):
                    found.append(" ".join(word.split()))
        return found

    # -- the reader's notes -------------------------------------------------------------

    def set_notes(self, notes: Iterable[NoteDoc]) -> None:
        """Replace every note in the index (when the notes store is opened)."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM temp.notes")
            self._db.executemany(
                "INSERT OR REPLACE INTO temp.notes(rowid, slug, page_title, quote, text) "
                "VALUES (?, ?, ?, ?, ?)", (_note_row(note) for note in notes))
            self._count_notes()

    def upsert_note(self, note: NoteDoc) -> None:
        """Add a note, or replace the note with the same id (after the reader edits it)."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM temp.notes WHERE rowid = ?", (note.note_id,))
            self._db.execute("INSERT INTO temp.notes(rowid, slug, page_title, quote, text) "
                             "VALUES (?, ?, ?, ?, ?)", _note_row(note))
            self._count_notes()

    def delete_note(self, note_id: int) -> None:
        """Forget a deleted note; unknown ids are ignored."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM temp.notes WHERE rowid = ?", (note_id,))
            self._count_notes()

    def _count_notes(self) -> None:
        self._notes = self._db.execute("SELECT count(*) FROM temp.notes").fetchone()[0]


def snippet_html(raw: str) -> str:
    """FTS5 snippet text with our hit marks, as escaped HTML with the hits in <b>…</b>."""
    escaped = html.escape(" ".join((raw or "").split()), quote=False)
    return escaped.replace(_HIT_OPEN, "<b>").replace(_HIT_CLOSE, "</b>")


# -- building ----------------------------------------------------------------------------

def _plain(value: str) -> str:
    return CONTROL.sub(" ", value)


def _section_titles(archive: Archive) -> dict[str, str]:
    """slug -> the title of the section its page is shown under."""
    return {entry.slug: section.title for section in archive.sections
            for entry in section.entries}


def _page_rowids(archive: Archive) -> dict[str, int]:
    """Pages are numbered in slug order, so the numbers follow from the content key."""
    return {slug: number for number, slug in enumerate(sorted(archive.pages), start=1)}


def _body_of(page: Page) -> str:
    """The page's body, without keeping it in the Page: after indexing a 10,000-page
    archive, every body would otherwise stay in memory."""
    if "body" in page.__dict__:
        return page.body
    return Page.body.func(page)


def _kind_of(rowid: int) -> Kind:
    return "glossary" if rowid >= GLOSSARY_ROWIDS else "page"


def _rows(archive: Archive, vocabulary: set[str]) -> Iterator[tuple[object, ...]]:
    sections = _section_titles(archive)
    for slug, rowid in _page_rowids(archive).items():
        page = archive.pages[slug]
        title, body = _plain(page.title), markdown_text(_body_of(page))
        section = sections.get(slug, "")
        vocabulary.update(title.split(), body.split(), section.split())
        yield (rowid, "page", slug, "", title, "", section, body)
    for number, term in enumerate(archive.glossary.terms):
        aliases = " · ".join(_plain(alias) for alias in term.aliases)
        definition = markdown_text(term.definition)
        vocabulary.update(term.term.split(), aliases.split(), definition.split())
        yield (GLOSSARY_ROWIDS + number, "glossary", GLOSSARY_SLUG, term.slug, _plain(term.term),
               aliases, "Glossary", definition)


def _build_into(target: str, archive: Archive, key: str,
                progress: ProgressCallback | None) -> sqlite3.Connection:
    """Build the whole index into a new database at `target` (a path or ":memory:")."""
    total = len(archive.pages) + len(archive.glossary) + 1
    connection = sqlite3.connect(target, check_same_thread=False)
    try:
        connection.execute("PRAGMA journal_mode = OFF")  # a half-built file is thrown away
        connection.execute("PRAGMA synchronous = OFF")  # it is renamed into place only when whole
        connection.executescript(_DOCS_SQL)
        # No merging while loading: one 'optimize' at the end merges everything once.
        connection.execute("INSERT INTO docs(docs, rank) VALUES ('automerge', 0)")
        chunks: set[str] = set()
        done = 0
        rows = _rows(archive, chunks)
        with connection:
            while batch := list(islice(rows, _BATCH)):
                connection.executemany("INSERT INTO docs(rowid, kind, slug, term_slug, title, "
                                       "aliases, section, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                                       batch)
                done += len(batch)
                if progress:
                    progress(done, total)
            _store_vocabulary(connection, chunks)
            connection.execute("INSERT INTO docs(docs) VALUES ('optimize')")
            connection.execute("INSERT INTO docs(docs, rank) VALUES ('automerge', 4)")
            connection.executemany("INSERT INTO meta VALUES (?, ?)",
                                   [("schema", SCHEMA), ("content_key", key)])
        connection.execute("PRAGMA journal_mode = MEMORY")  # notes may roll back, in memory
        if progress:
            progress(total, total)
        return connection
    except BaseException:
        connection.close()
        raise


def _store_vocabulary(connection: sqlite3.Connection, chunks: set[str]) -> None:
    """Every distinct word with its stem, so prefixes can find words stemmed shorter."""
    words = sorted({fold(word) for chunk in chunks for word in WORD_RE.findall(chunk)})
    connection.execute(f"CREATE VIRTUAL TABLE temp.stemmer USING fts5(word, "
                       f"tokenize = '{TOKENIZE}')")
    connection.execute("CREATE VIRTUAL TABLE temp.stems USING fts5vocab(temp, stemmer, "
                       "'instance')")
    connection.executemany("INSERT INTO temp.stemmer(rowid, word) VALUES (?, ?)",
                           enumerate(words))
    connection.execute("INSERT OR IGNORE INTO vocab(word, stem) SELECT stemmer.word, stems.term "
                       "FROM temp.stems JOIN temp.stemmer ON stemmer.rowid = stems.doc "
                       'WHERE stems."offset" = 0')
    connection.execute("DROP TABLE temp.stems")
    connection.execute("DROP TABLE temp.stemmer")


def _open_cached(path: Path, key: str) -> sqlite3.Connection | None:
    """The cached index at `path` if it is whole and of this content, else None."""
    if not path.is_file():
        return None
    connection = None
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True,
                                     check_same_thread=False)
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema") == SCHEMA and meta.get("content_key") == key:
            connection.execute("SELECT rowid FROM docs LIMIT 1").fetchall()
            return connection
    except (sqlite3.Error, ValueError) as exc:
        log.info("the search cache %s is not usable (%s); rebuilding", path, exc)
    if connection is not None:
        connection.close()
    return None


def _note_row(note: NoteDoc) -> tuple[int, str, str, str, str]:
    return (int(note.note_id), note.slug, _plain(note.page_title), _plain(note.quote),
            _plain(note.text))
