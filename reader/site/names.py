"""The file names of a classroom copy, which its pages, its links and its listing share."""

from __future__ import annotations

INDEX, GLOSSARY, ABOUT = "index.html", "glossary.html", "about-this-copy.html"
STYLE, SEARCH_SCRIPT, SEARCH_INDEX = "style.css", "search.js", "search-index.js"
FILES_DIR = "files"  # pictures a page shows, copied from inside the content folder
SEARCH_GLOBAL = "OTPIC_SEARCH_INDEX"
GENERATOR = "OTPIC Reader export-site"  # marks a folder as a copy this program may overwrite
EXTERNAL_REL = "noopener noreferrer"
_RESERVED = frozenset({"index", "glossary", "about-this-copy"})  # slugs our own files use


def page_file(slug: str) -> str:
    """The file of a page in the copy; a slug that would clash with our own files gets a '_'."""
    return f"{slug}_page.html" if slug in _RESERVED else f"{slug}.html"
