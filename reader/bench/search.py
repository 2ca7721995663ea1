"""`python -m reader.bench search`: build, reopen and query the search index of synthetic archives.

For each size N it writes a synthetic archive to a temporary folder, then
measures the first index build (from Archive to a cache file), the reopen of
a fresh Archive's index from that cache, and the latency of at least 200 mixed
queries (single words, two words, phrases, prefixes, no-hit), each a full
SearchIndex.search() call with snippets, as the reader's search box makes it.
"""

from __future__ import annotations

import argparse
import platform
import random
import re
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from reader.archive.archive import Archive
from reader.bench.synthetic import ACCENTED, FILLER, SyntheticArchive, generate_archive
from reader.search.body_text import markdown_text
from reader.search.index import SearchIndex

DESCRIPTION = "index build, reopen with the cache, and query latency on synthetic archives"
TARGET_PAGES = 10_000
TARGETS = {"build": 15.0, "reopen": 0.3, "p95": 0.020}  # seconds, for 10,000 pages
PER_KIND = 45  # queries of each of the five kinds: 225 in all
_WORD = re.compile(r"[^\W_]+")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--pages", type=int, nargs="+", default=[1_000, 10_000], metavar="N",
                        help="archive sizes to measure (default: 1000 10000)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic archive")
    parser.add_argument("--limit", type=int, default=50,
                        help="results asked of each query (default: 50, as the reader)")
    parser.add_argument("--glossary", type=int, default=100, metavar="TERMS",
                        help="glossary terms in the synthetic archive (default: 100)")


def run(args: argparse.Namespace) -> int:
    print(f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}, "
          f"{platform.machine()}, seed {args.seed}, limit {args.limit}")
    failed = False
    for pages in args.pages:
        with tempfile.TemporaryDirectory(prefix="otpic-bench-") as folder:
            failed |= not measure(Path(folder), pages, args.seed, args.limit, args.glossary)
    return 1 if failed else 0


def measure(folder: Path, pages: int, seed: int, limit: int, glossary: int) -> bool:
    """Print one table for an archive of `pages` pages; True when every target is met."""
    started = time.perf_counter()
    synthetic = generate_archive(folder / "content", pages, seed=seed, glossary_terms=glossary)
    generated = time.perf_counter() - started
    cache = folder / "cache"  # both caches stay in the temporary folder, not the user's
    pages_cache = folder / "page-cache"

    started = time.perf_counter()
    archive = Archive.open(synthetic.root, pages_cache)
    opened = time.perf_counter() - started

    started = time.perf_counter()
    index = SearchIndex.open(archive, cache)
    build = time.perf_counter() - started
    assert index.built and index.path is not None, index.cache_problem
    size = index.path.stat().st_size
    index.close()

    reopens = []
    for _ in range(3):
        fresh = Archive.open(synthetic.root, pages_cache)
        started = time.perf_counter()
        index = SearchIndex.open(fresh, cache)
        reopens.append(time.perf_counter() - started)
        assert not index.built
        if len(reopens) < 3:
            index.close()

    queries = make_queries(synthetic, seed)
    latencies: dict[str, list[float]] = {kind: [] for kind in queries}
    empty = {kind: 0 for kind in queries}
    for kind, texts in queries.items():
        for text in texts:
            started = time.perf_counter()
            hits = index.search(text, limit=limit)
            latencies[kind].append(time.perf_counter() - started)
            empty[kind] += not hits
    index.close()

    every = [t for times in latencies.values() for t in times]
    p50, p95 = percentile(every, 50), percentile(every, 95)
    reopen = statistics.median(reopens)
    scale = "" if pages == TARGET_PAGES else f" (targets are for {TARGET_PAGES:,} pages)"
    print(f"\n{pages:,} pages, {len(synthetic.vocabulary):,} words of vocabulary, "
          f"{glossary} glossary terms{scale}")
    rows = [
        ("generate the archive (not a target)", f"{generated:.2f} s", ""),
        ("Archive.open, first time (not a target)", f"{opened:.2f} s", ""),
        ("index build, first open", f"{build:.2f} s", _target(build, TARGETS["build"], "s")),
        ("reopen with the cached index (median of 3)", f"{reopen:.3f} s",
         _target(reopen, TARGETS["reopen"], "s")),
        ("index file size", f"{size / 1e6:.0f} MB", ""),
        (f"query p50 ({len(every)} queries, with snippets)", f"{p50 * 1000:.1f} ms", ""),
        (f"query p95 ({len(every)} queries, with snippets)", f"{p95 * 1000:.1f} ms",
         _target(p95, TARGETS["p95"], "ms")),
    ]
    for kind, times in latencies.items():
        rows.append((f"  {kind}: p50 / p95 / max ({len(times)}, {empty[kind]} no hit)",
                     f"{percentile(times, 50) * 1000:.1f} / {percentile(times, 95) * 1000:.1f}"
                     f" / {max(times) * 1000:.1f} ms", ""))
    print_table(rows)
    met = build < TARGETS["build"] and reopen < TARGETS["reopen"] and p95 < TARGETS["p95"]
    return met or pages > TARGET_PAGES


def _target(value: float, target: float, unit: str) -> str:
    shown = f"{target * 1000:.0f} ms" if unit == "ms" else f"{target:g} s"
    return f"< {shown}  {'met' if value < target else 'MISSED'}"


def print_table(rows: list[tuple[str, str, str]]) -> None:
    widths = [max(len(row[i]) for row in [("measure", "value", "target"), *rows])
              for i in range(3)]
    line = "  ".join("-" * w for w in widths)
    print(line)
    for number, row in enumerate([("measure", "value", "target"), *rows]):
        print(f"{row[0]:<{widths[0]}}  {row[1]:>{widths[1]}}  {row[2]:<{widths[2]}}".rstrip())
        if number == 0:
            print(line)
    print(line)


def percentile(values: list[float], percent: float) -> float:
    """The nearest-rank percentile: the value at or below which `percent` % of them lie."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * percent // 100))
    return ordered[int(rank) - 1]


def make_queries(synthetic: SyntheticArchive, seed: int) -> dict[str, list[str]]:
    """PER_KIND queries of each kind, drawn from the archive's own words; same seed, same list."""
    rng = random.Random(seed * 7919 + 1)
    content_words = [w for w in synthetic.vocabulary if w not in FILLER]
    real = synthetic.real_words
    tail = content_words[len(real) + len(ACCENTED):]

    def word() -> str:
        """Half topic words (frequent), half the long tail (rare), as readers mix them."""
        return rng.choice(real) if rng.random() < 0.5 else rng.choice(tail)

    singles = [word() for _ in range(PER_KIND - 5)]
    singles += ["cafe", "zurich", "NEGOCIATION", "naive", "Geneve"]  # accents not typed
    pairs = [f"{word()} {word()}" for _ in range(PER_KIND)]
    texts = [markdown_text(body) for body in synthetic.sample_texts]
    phrases = []
    while len(phrases) < PER_KIND:
        words = _WORD.findall(rng.choice(texts))
        start = rng.randrange(len(words) - 3)
        phrase = " ".join(words[start:start + rng.choice((2, 2, 3))])
        phrases.append(f'"{phrase}"')
    prefixes = []
    for _ in range(PER_KIND):
        source = word()
        prefixes.append(source[:rng.randint(3, max(3, min(7, len(source) - 1)))] + "*")
    missing = []
    for number in range(PER_KIND):
        nonsense = "".join(rng.choice("xqzjwy") for _ in range(rng.randint(5, 9)))
        missing.append(nonsense if number % 2 else f"{word()} {nonsense}")
    return {"single word": singles, "two words": pairs, "phrase": phrases,
            "prefix": prefixes, "no hit": missing}
