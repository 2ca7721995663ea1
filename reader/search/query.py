"""What a reader types, turned into a safe SQLite FTS5 MATCH expression.

The language is the one readers guess from web search engines:

- words: every word must match (`coercive threat`); `AND` between words says the same;
- "quoted phrases": the words next to each other, in that order;
- prefix*: any word that starts so (`negot*`);
- `OR` (upper case) between two words or phrases: either will do. It binds its
  neighbours only, as in web search: `peace talks OR negotiations` means
  peace AND (talks OR negotiations).

Anything else is searched as plain words and never raises: unbalanced quotes
are ignored, a stray `OR`/`AND` is an ordinary word, punctuation (parentheses,
`*` alone, `NEAR(...)`, SQL) separates words, control characters are spaces.
Words joined by a hyphen, apostrophe, period or slash (`multi-track`, `U.S.`,
`l'État`) are matched as a phrase, as the index splits them the same way.

Safety: the expression is rebuilt from the words alone, each one written as an
FTS5 string ("..."), so no text of the reader's ever reaches FTS5 as syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

MAX_CHARS = 1000  # a pasted paragraph is enough; a pasted book is cut here
MAX_TERMS = 32  # more words than this add nothing but time

WORD_RE = re.compile(r"[^\W_]+")  # letters and digits: what the unicode61 tokenizer keeps
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})
_CHUNK_RE = re.compile(r'"([^"]*)"(\*?)|(\S+)')
_TRAILING = ".'’-_/&+@"
# Everything that is neither a letter or digit, white space, a quote, a star, nor one of
# the marks that join a word's parts (multi-track, U.S., l'État) separates words.
_SEPARATORS = re.compile(r"[^\w\s\"*.'’\-/&+@]|_")


@dataclass(frozen=True)
class Term:
    """One thing to find: a word, or words in a row (a phrase), perhaps a prefix."""

    words: tuple[str, ...]
    prefix: bool = False

    @property
    def text(self) -> str:
        return " ".join(self.words)

    def fts(self, extra_words: Sequence[str] = ()) -> str:
        """This term as FTS5 syntax; `extra_words` are alternatives OR-ed in (for prefixes)."""
        base = f'"{self.text.replace(chr(34), chr(34) * 2)}"' + (" *" if self.prefix else "")
        if not extra_words:
            return base
        others = " OR ".join(f'"{word.replace(chr(34), chr(34) * 2)}"' for word in extra_words)
        return f"({base} OR {others})"


@dataclass(frozen=True)
class Query:
    """All groups must match; within a group, any term will do."""

    groups: tuple[tuple[Term, ...], ...] = ()

    @property
    def empty(self) -> bool:
        return not self.groups

    @property
    def terms(self) -> list[Term]:
        return [term for group in self.groups for term in group]

    def match_expression(self, prefix_words: Callable[[str], Sequence[str]] | None = None) -> str:
        """The FTS5 MATCH expression, or "" for an empty query (which matches nothing).

        `prefix_words(prefix)` may return whole words that start with a one-word
        prefix; they are OR-ed in, because a stemmed index stores "negotiation"
        as "negoti", which the prefix "negotiat*" alone would miss.
        """
        parts = []
        for group in self.groups:
            rendered = []
            for term in group:
                extra: Sequence[str] = ()
                if term.prefix and len(term.words) == 1 and prefix_words is not None:
                    extra = prefix_words(term.words[0])
                rendered.append(term.fts(extra))
            parts.append(rendered[0] if len(rendered) == 1 else f"({' OR '.join(rendered)})")
        return " AND ".join(parts)

    def highlight_terms(self) -> list[str]:
        """The words and phrases as typed, without operators or stars, each once."""
        seen: dict[str, None] = {}
        for term in self.terms:
            seen.setdefault(term.text, None)
        return list(seen)


def parse_query(text: object) -> Query:
    """Parse what a reader typed; never raises, whatever the input."""
    if not isinstance(text, str):
        text = "" if text is None else str(text)
    text = text[:MAX_CHARS].translate(_QUOTES)
    if text.count('"') % 2:
        text = text.replace('"', " ")  # unbalanced: the quotes mean nothing
    text = _SEPARATORS.sub(" ", text)
    tokens: list[Term | str] = []
    for match in _CHUNK_RE.finditer(text):
        quoted, star, chunk = match.groups()
        if quoted is not None:
            words = tuple(WORD_RE.findall(quoted))
            if words:
                tokens.append(Term(words, prefix=bool(star) or quoted.rstrip().endswith("*")))
        elif chunk in ("OR", "AND"):
            tokens.append(chunk)
        else:
            words = tuple(WORD_RE.findall(chunk))
            if words:
                tokens.append(Term(words, prefix=_is_prefix(chunk)))
    return Query(_groups(tokens))


def _is_prefix(chunk: str) -> bool:
    """`negot*` (also `negot*.`), not `*` alone or `*negot`."""
    stripped = chunk.rstrip(_TRAILING)
    return (stripped.endswith("*") and len(stripped) > 1
            and WORD_RE.fullmatch(stripped.rstrip("*")[-1:] or "_") is not None)


def _groups(tokens: list[Term | str]) -> tuple[tuple[Term, ...], ...]:
    """Apply OR/AND where both neighbours are terms; elsewhere they are plain words."""
    groups: list[list[Term]] = []
    join_next = False
    count = 0
    for index, token in enumerate(tokens):
        if isinstance(token, str):
            before = tokens[index - 1] if index else None
            after = tokens[index + 1] if index + 1 < len(tokens) else None
            if isinstance(before, Term) and isinstance(after, Term):
                join_next = token == "OR"
                continue
            token = Term((token,))
        if count >= MAX_TERMS:
            break
        count += 1
        if join_next and groups:
            groups[-1].append(token)
        else:
            groups.append([token])
        join_next = False
    return tuple(tuple(group) for group in groups)
