"""Glossary term links: their address and tooltip (the linking itself: pipeline.py)."""

from __future__ import annotations

from reader.archive.glossary import Term

NO_TERMS_INSIDE = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre"})


def term_href(term: Term) -> str:
    return f"term:{term.slug}"


def term_tooltip(term: Term) -> str:
    """The definition on one line, for a hover (definitions are plain prose)."""
    return " ".join(term.definition.split())
