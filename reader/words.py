"""Small wording helpers shared by the window and the command line."""

from __future__ import annotations


def counted(number: int, noun: str) -> str:
    """'1 note', '2 notes': messages read as sentences."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
