"""Text from files and people, shown as typed wherever Qt would guess it is markup."""

from __future__ import annotations

from html import escape


def plain_tooltip(text: str) -> str:
    """Text shown as typed in a tooltip or label: Qt reads anything that looks like markup
    as rich text, and titles and notes come from files and people, not from us."""
    return f'<p style="white-space: pre-wrap">{escape(text)}</p>'
