"""`otpic-reader search QUERY [--content DIR] [--limit N] [--json]`: search from a shell.

Plain output is one result a line: kind, slug, title and the snippet with its
hits in [brackets]. --json prints a list of objects (slug, title, kind,
section, score, snippet as HTML with <b>…</b> around the hits). The exit status
is 0 with results and 1 without, like grep; 2 for a mistake in the command.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys

from reader.cli.common import UserError, add_content_argument, add_data_dir_argument, open_archive

_BOLD = re.compile(r"</?b>")
MAX_LIMIT = 100_000  # more results than any archive holds


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "search", help="search the course pages, the glossary and your notes",
        description="Search the course pages, the glossary and your notes. Words must all "
                    "match; "
                    '"quoted phrases", prefix* and OR work as in a web search.',
        epilog="Exit status: 0 when something was found, 1 when nothing was, 2 for an error.")
    parser.add_argument("query", metavar="QUERY", nargs="+",
                        help="what to search for (several words are one query)")
    add_content_argument(parser)
    add_data_dir_argument(parser)
    parser.add_argument("--limit", metavar="N", type=int, default=20,
                        help="show at most N results (default: 20)")
    parser.add_argument("--json", action="store_true",
                        help="print the results as a JSON list, for other programs")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from reader.search.index import SearchIndex

    if args.limit < 1:
        raise UserError(f"--limit must be a positive number of results, not {args.limit}.")
    limit = min(args.limit, MAX_LIMIT)  # --limit 10**30 would overflow SQLite's integers
    query = " ".join(args.query)
    if not query.strip():
        raise UserError("Give some words to search for, e.g. otpic-reader search diplomacy.")
    archive = open_archive(args.content)
    with SearchIndex.open(archive) as index:
        if index.cache_problem:
            print(f"otpic-reader: {index.cache_problem}", file=sys.stderr)
        index.set_notes(_notes(args.data_dir))
        hits = index.search(query, limit=limit)
    if args.json:
        print(json.dumps([{"slug": hit.slug, "title": hit.title, "kind": hit.kind,
                           "section": hit.section, "score": round(hit.score, 6),
                           "snippet": hit.snippet,
                           **({"term": hit.term_slug} if hit.term_slug else {})}
                          for hit in hits], ensure_ascii=False, indent=2))
    else:
        for hit in hits:
            slug = f"{hit.slug}#{hit.term_slug}" if hit.term_slug else hit.slug
            if hit.note_id is not None:
                slug = f"{hit.slug} (note {hit.note_id})"
            print(f"{hit.kind:<8}  {slug}  {hit.title}: {plain_snippet(hit.snippet)}")
        if not hits:
            print(f"No results for {query!r}: try fewer words, or the start of a word "
                  "followed by * (negot*).", file=sys.stderr)
    return 0 if hits else 1


def _notes(data_dir: str | None) -> list:
    """The reader's notes, when there is a data folder with notes; nothing is created."""
    from reader.cli.notes_exchange import tell
    from reader.search.note_docs import NoteDoc
    from reader.userdata import UserStore, resolve_data_dir
    from reader.userdata.paths import DB_NAME

    folder = resolve_data_dir(data_dir)
    if not (folder / DB_NAME).is_file():
        return []
    store = UserStore.open(folder)
    try:
        return [NoteDoc.of(note) for note in store.notes.all()]
    finally:
        tell(store)  # what recovery found and did, on stderr
        store.close()


def plain_snippet(snippet: str) -> str:
    """A snippet for a terminal: hits in [brackets], the HTML escapes undone."""
    return html.unescape(_BOLD.sub(lambda m: "]" if m.group(0) == "</b>" else "[", snippet))
