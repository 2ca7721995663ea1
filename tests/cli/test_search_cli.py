"""`otpic-reader search`: plain lines, JSON, --limit, and one-sentence errors."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import run_cli


def test_plain_output_is_one_result_a_line_best_first() -> None:
    result = run_cli("search", "coercive", "diplomacy")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) >= 3
    kind, slug, rest = lines[0].split(maxsplit=2)
    assert (kind, slug) == ("page", "coercive-diplomacy")
    assert rest.startswith("Coercive Diplomacy: ") and "[Coercive]" in rest
    assert all(line.split()[0] in ("page", "glossary") for line in lines)


def test_json_is_a_list_of_results() -> None:
    result = run_cli("search", '"citizen diplomacy"', "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert isinstance(hits, list) and hits
    assert {"slug", "title", "kind", "score", "snippet"} <= set(hits[0])
    assert hits[0]["slug"] == "unofficial-communication" and hits[0]["kind"] == "page"
    assert "<b>" in hits[0]["snippet"]
    scores = [hit["score"] for hit in hits if hit["kind"] == "page"]
    assert scores == sorted(scores, reverse=True)
    glossary = [hit for hit in hits if hit["kind"] == "glossary"]
    assert glossary and glossary[0]["term"] == "citizen-diplomacy"


def test_limit_caps_the_results() -> None:
    result = run_cli("search", "diplomacy", "--json", "--limit", "2")
    assert result.returncode == 0 and len(json.loads(result.stdout)) == 2
    plain = run_cli("search", "diplomacy", "--limit", "1")
    assert plain.returncode == 0 and len(plain.stdout.splitlines()) == 1


def test_another_content_folder(content: Path) -> None:
    page = content / "pages" / "about.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA zebrafish note.\n",
                    encoding="utf-8")
    result = run_cli("search", "zebrafish", "--content", str(content), "--json")
    assert result.returncode == 0, result.stderr
    assert [hit["slug"] for hit in json.loads(result.stdout)] == ["about"]


def test_no_results_says_so_and_exits_1() -> None:
    result = run_cli("search", "zzqxjv")
    assert result.returncode == 1 and result.stdout == ""
    assert "No results" in result.stderr and "Traceback" not in result.stderr
    as_json = run_cli("search", "zzqxjv", "--json")
    assert as_json.returncode == 1 and json.loads(as_json.stdout) == []


def test_odd_queries_never_crash() -> None:
    for query in ('"unbalanced', "NEAR(", "*", "'; DROP TABLE docs; --", "AND"):
        result = run_cli("search", query)
        assert result.returncode in (0, 1) and "Traceback" not in result.stderr, query


def test_a_bad_content_folder_is_one_sentence_and_exit_2(tmp_path: Path) -> None:
    result = run_cli("search", "peace", "--content", str(tmp_path / "missing"))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_bad_limit_is_one_sentence_and_exit_2() -> None:
    result = run_cli("search", "peace", "--limit", "0")
    assert result.returncode == 2 and result.stderr.strip().count("\n") == 0
    assert "--limit" in result.stderr


def test_the_readers_notes_are_searched_too(tmp_path) -> None:
    from reader.userdata import UserStore
    from reader.userdata.notes import Notes

    Notes(UserStore.open(tmp_path / "data")).add("about", "About this archive",
                                                 "bring the zebra handout")
    result = run_cli("search", "zebra", "--data-dir", str(tmp_path / "data"), "--json")
    assert result.returncode == 0, result.stderr
    hits = json.loads(result.stdout)
    assert hits[0]["kind"] == "note" and hits[0]["slug"] == "about"


def test_an_empty_query_is_a_mistake_said_in_one_sentence() -> None:
    result = run_cli("search", "  ")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Give some words" in result.stderr
