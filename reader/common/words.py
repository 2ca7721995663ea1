"""Small text helpers shared by the layers: wording for messages, and matching."""

from __future__ import annotations

import unicodedata


def counted(number: int, noun: str) -> str:
    """'1 note', '2 notes': messages read as sentences."""
    return f"{number} {noun}{'' if number == 1 else 's'}"


def fold(text: str) -> str:
    """Text for matching: case and accents ignored ("etat" matches "État"), as the search
    index's tokenizer compares words and as the classroom copy's search.js folds them
    (NFKD, marks dropped, lower case)."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.category(c).startswith("M")).lower()
