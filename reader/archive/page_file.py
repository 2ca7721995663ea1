"""Read one page file (`pages/<slug>.md`) into a Page, or say what is wrong with it."""

from __future__ import annotations

from pathlib import Path

from reader.archive.course import text
from reader.archive.frontmatter import FrontMatterError, split_front_matter
from reader.archive.model import Page
from reader.common.slugs import SLUG_RE

FIELDS = ("section", "source_url", "captured", "rights", "summary", "capture_file",
          "capture_sha256")
CAPTURE_KEYS = ("file", "sha256", "captured", "copy_url", "from")


class PageError(ValueError):
    """The file cannot be read as a page; the message completes "<file> ..."."""


def read_page(path: Path) -> Page:
    """Parse a page file; PageError says in a few words why it is not a page."""
    slug = path.stem
    if not SLUG_RE.match(slug):
        raise PageError("has a file name that is not a slug (lower-case letters, digits, hyphens)")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise PageError(f"cannot be read ({exc.strerror})") from None
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PageError(f"is not UTF-8 text (byte {exc.object[exc.start]:#04x} at offset "
                        f"{exc.start})") from None
    try:
        meta, body = split_front_matter(content)
    except FrontMatterError as exc:
        raise PageError(str(exc)) from None
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        raise PageError("has no title in its front matter")
    return Page(slug=slug, title=title.strip(), text=body, path=path,
                captures=_captures(meta.get("captures")),
                **{name: text(meta.get(name)) for name in FIELDS})


def _captures(listed: object) -> tuple[tuple[str, str, str, str, str], ...]:
    """The `captures` list of the front matter, as plain tuples; entries with no file are not
    captures."""
    if not isinstance(listed, list):
        return ()
    found = []
    for entry in listed:
        if isinstance(entry, dict) and text(entry.get("file")):
            found.append(tuple(text(entry.get(key)) for key in CAPTURE_KEYS))
    return tuple(found)
