"""Where the links of a rendered page lead: one resolver sets every address the renderer writes.

The Markdown tree's link handling (pipeline.py) decides what each link may do and asks the
resolver for its attributes; the links the renderer writes itself (the provenance line,
glossary entries, the page shown for a page not preserved) ask it through `link`. This is
the reader's resolver: links keep the addresses the content folder writes (`slug.md`,
`term:slug`, `#anchor`), which the window's link router follows. The classroom copy points
the same links at its own files (reader/site/site_links.py).
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from reader.archive.archive import Archive
from reader.archive.links import LinkTarget, classify_href, page_href


class LinkResolver:
    """The reader's addresses: every link as the content folder writes it."""

    def __init__(self, archive: Archive) -> None:
        self.archive = archive

    def attributes(self, target: LinkTarget, written: str) -> dict[str, str]:
        """The attributes that send a link written `written` to target: its href, and any
        other the address needs; none when it should lead nowhere."""
        return {"href": written}

    def image_source(self, path: Path, written: str) -> str:
        """The src of a picture inside the content folder (path), written `written`."""
        return written

    def link(self, href: str, inner: str, title: str = "") -> str:
        """An <a> the renderer writes itself, to href as a page body would write it;
        inner is markup, escaped already. A link that may do nothing (classify_href's
        blocked: javascript:, file:, ...) is only its text, as in a page body."""
        target = classify_href(href)
        if target.kind == "blocked":
            return f"<span>{inner}</span>"
        attributes = self.attributes(target, href)
        if title:
            attributes["title"] = title
        rendered = "".join(f' {name}="{escape(value)}"' for name, value in attributes.items())
        return f"<a{rendered}>{inner}</a>"

    def page_link(self, slug: str, inner: str) -> str:
        return self.link(page_href(slug), inner)
