"""What a reader types becomes a safe FTS5 expression: the guessable language, and no crash."""

from __future__ import annotations

import re
import sqlite3

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.search.query import MAX_TERMS, Term, parse_query

HOSTILE = [
    "", "   ", '"', '""', '"""', '"unbalanced phrase', 'phrase" "', "(", ")", "((coercive",
    "coercive)", "*", "**", "* *", "negot**", "*negot", "NEAR", "NEAR(coercive diplomacy, 5)",
    "coercive NEAR diplomacy", "AND", "OR", "NOT", "AND OR", "OR OR OR", "coercive OR",
    "OR diplomacy", "coercive AND", "coercive NOT diplomacy", "-coercive", "+diplomacy",
    "title:coercive", "{title}: coercive", "^coercive", "coercive:", "'; DROP TABLE docs; --",
    "1' OR '1'='1", "SELECT * FROM docs", "docs MATCH 'x'", "\x00", "coer\x00cive",
    "\x1b[31mred\x1b[0m", "\t\n\r", "\ud800", "é́́", "🙂", "💥 coercive 💥", "a" * 5000,
    "coercive " * 500, '"' * 999, "\\", "\\\"", "%", "_", "coercive%", "[coercive]",
    "<script>alert(1)</script>", "&amp;", "“curly quoted”", "«guillemets»", "C++", "U.S.",
    "multi-track", "l'État", "AND coercive", "coercive AND AND diplomacy", "OR\"", ":",
]


def fts_table() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body, "
               "tokenize = 'porter unicode61 remove_diacritics 2')")
    db.execute("INSERT INTO t VALUES ('Coercive diplomacy and negotiation, multi-track.')")
    return db


def test_there_are_at_least_thirty_hostile_queries() -> None:
    assert len(HOSTILE) >= 30


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_parses_and_is_valid_fts5(text: str) -> None:
    expression = parse_query(text).match_expression()
    if expression:
        fts_table().execute("SELECT * FROM t WHERE t MATCH ?", (expression,)).fetchall()


def test_words_must_all_match() -> None:
    query = parse_query("coercive diplomacy")
    assert query.groups == ((Term(("coercive",)),), (Term(("diplomacy",)),))
    assert query.match_expression() == '"coercive" AND "diplomacy"'


def test_a_quoted_phrase_stays_together() -> None:
    query = parse_query('"track two" diplomacy')
    assert query.terms == [Term(("track", "two")), Term(("diplomacy",))]


def test_a_star_after_a_word_makes_a_prefix() -> None:
    assert parse_query("negot*").terms == [Term(("negot",), prefix=True)]
    assert parse_query("negot*").match_expression() == '"negot" *'
    assert parse_query("(negot*)").terms == [Term(("negot",), prefix=True)]


def test_prefix_alternatives_are_or_ed_in() -> None:
    expression = parse_query("negotiat*").match_expression(lambda prefix: ["negotiation"])
    assert expression == '("negotiat" * OR "negotiation")'


def test_or_binds_its_neighbours_only() -> None:
    query = parse_query("peace talks OR negotiations")
    assert query.groups == ((Term(("peace",)),),
                            (Term(("talks",)), Term(("negotiations",))))
    assert query.match_expression() == '"peace" AND ("talks" OR "negotiations")'


def test_and_between_words_is_what_words_do_anyway() -> None:
    assert parse_query("coercive AND diplomacy") == parse_query("coercive diplomacy")


@pytest.mark.parametrize("text, words", [
    ("OR", ["OR"]), ("AND", ["AND"]), ("coercive OR", ["coercive", "OR"]),
    ("OR OR OR", ["OR", "OR", "OR"]), ("peace or war", ["peace", "or", "war"]),
    ("NEAR(coercive diplomacy)", ["NEAR", "coercive", "diplomacy"]),
])
def test_stray_operators_are_plain_words(text: str, words: list[str]) -> None:
    assert [term.text for term in parse_query(text).terms] == words
    assert all(len(group) == 1 for group in parse_query(text).groups)


def test_unbalanced_quotes_are_ignored() -> None:
    assert parse_query('"coercive diplomacy').terms == [Term(("coercive",)),
                                                         Term(("diplomacy",))]


def test_punctuation_inside_a_word_makes_a_phrase() -> None:
    assert parse_query("multi-track").terms == [Term(("multi", "track"))]


def test_nothing_searchable_is_an_empty_query() -> None:
    for text in ("", "  ", "*", "()", '""', "--", "\x00\x01"):
        query = parse_query(text)
        assert query.empty and query.match_expression() == ""


def test_very_long_input_is_cut_to_a_bounded_query() -> None:
    assert len(parse_query("word " * 10_000).terms) <= MAX_TERMS


def test_reader_text_never_reaches_fts5_as_syntax() -> None:
    """Every operand is a double-quoted string; only our AND, OR, * and parentheses remain."""
    for text in HOSTILE:
        outside = re.sub(r'"(?:[^"]|"")*"', "", parse_query(text).match_expression())
        assert re.fullmatch(r"[\s()*]*|(?:[\s()*]|AND|OR)*", outside), (text, outside)


def test_highlight_terms_are_the_words_and_phrases_without_operators() -> None:
    assert parse_query('"track two" negot* OR peace').highlight_terms() == [
        "track two", "negot", "peace"]


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_any_text_gives_a_valid_expression(text: str) -> None:
    expression = parse_query(text).match_expression()
    if expression:
        fts_table().execute("SELECT * FROM t WHERE t MATCH ?", (expression,)).fetchall()
