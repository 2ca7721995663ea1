"""The synthetic archive of the benchmarks: valid content, deterministic, small sizes only.

No timing is asserted anywhere here: timings on a shared machine are not pass or fail.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from reader.archive import Archive
from reader.bench.__main__ import main as bench_main
from reader.bench.search import PER_KIND, make_queries, percentile
from reader.bench.synthetic import generate_archive
from reader.search.index import SearchIndex


def digest(root: Path) -> str:
    sha = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        if path.is_file():
            sha.update(path.relative_to(root).as_posix().encode() + path.read_bytes())
    return sha.hexdigest()


def test_it_is_a_valid_archive_in_the_content_format(tmp_path: Path) -> None:
    synthetic = generate_archive(tmp_path / "a", 25, seed=3, glossary_terms=8)
    archive = Archive.open(synthetic.root)
    assert archive.problems == []
    assert len(archive.pages) == 25 and len(archive.glossary) == 8
    assert sorted(archive.pages) == sorted(synthetic.slugs)
    listed = [entry.slug for section in archive.sections for entry in section.entries]
    assert sorted(listed) == sorted(synthetic.slugs)
    assert all(entry.preserved for section in archive.sections for entry in section.entries)
    for page in archive.pages.values():
        words = len(re.findall(r"\w+", page.body))
        assert 550 <= words <= 800, (page.slug, words)
        assert page.section in {section.id for section in archive.sections}


def test_the_same_seed_writes_the_same_bytes(tmp_path: Path) -> None:
    first = generate_archive(tmp_path / "a", 12, seed=7, glossary_terms=4)
    second = generate_archive(tmp_path / "b", 12, seed=7, glossary_terms=4)
    other = generate_archive(tmp_path / "c", 12, seed=8, glossary_terms=4)
    assert digest(first.root) == digest(second.root) != digest(other.root)


def test_the_vocabulary_exercises_stemming_and_accents(tmp_path: Path) -> None:
    synthetic = generate_archive(tmp_path / "a", 40, seed=1)
    text = " ".join(page.read_text(encoding="utf-8")
                    for page in (synthetic.root / "pages").glob("*.md"))
    assert "negotiat" in text and any(word in text for word in ("café", "naïve", "Zürich"))
    with SearchIndex.open(Archive.open(synthetic.root), memory_only=True) as index:
        first_title = synthetic.titles[0]
        assert index.search(first_title)[0].slug == synthetic.slugs[0]


def test_the_benchmark_queries_are_many_and_mixed(tmp_path: Path) -> None:
    synthetic = generate_archive(tmp_path / "a", 30, seed=1)
    queries = make_queries(synthetic, 1)
    assert set(queries) == {"single word", "two words", "phrase", "prefix", "no hit"}
    assert all(len(texts) == PER_KIND for texts in queries.values())
    assert sum(len(texts) for texts in queries.values()) >= 200
    assert all(text.startswith('"') and text.endswith('"') for text in queries["phrase"])
    assert all(text.endswith("*") for text in queries["prefix"])
    assert queries == make_queries(synthetic, 1)


def test_percentile_is_nearest_rank() -> None:
    values = [float(n) for n in range(1, 101)]
    assert percentile(values, 50) == 50.0 and percentile(values, 95) == 95.0
    assert percentile([3.0], 95) == 3.0


def test_the_benchmark_runs_and_prints_its_table(capsys) -> None:
    bench_main(["search", "--pages", "40", "--glossary", "5"])
    out = capsys.readouterr().out
    for row in ("index build, first open", "reopen with the cached index", "query p95"):
        assert row in out
