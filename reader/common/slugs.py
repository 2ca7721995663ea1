"""Slugs: the names of pages, which become file names, so only a strict shape is one."""

from __future__ import annotations

import re
import unicodedata

# \Z, not $: a slug with a trailing newline would name a file no one can see
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")


def slugify(title: str) -> str:
    """Make the slug of a title: lower-case ASCII words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
