"""The classroom copy's link resolver: the reader's links, pointed at the copy's own files.

The Markdown tree decides what each link may do, as in the reader (render/pipeline.py);
this says where it leads in the copy: a page to its .html file, a glossary term to its
entry in glossary.html, a picture to its copy under files/; an outside address stays as
written and shares nothing with the site it opens (rel).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from reader.archive.archive import Archive
from reader.archive.glossary import GLOSSARY_SLUG, Term
from reader.archive.links import LinkTarget
from reader.render.link_resolver import LinkResolver
from reader.site.names import EXTERNAL_REL, FILES_DIR, GLOSSARY, page_file


class SiteLinks(LinkResolver):
    """Addresses inside the copy; `pictures` collects the files its pages show."""

    def __init__(self, archive: Archive) -> None:
        super().__init__(archive)
        self.has_glossary = len(archive.glossary) > 0
        self.pictures: dict[str, Path] = {}  # name in the copy -> the file in the archive

    def target_file(self, slug: str) -> str:
        """The file a link to slug opens: glossary.md means the glossary, unless a page."""
        if slug not in self.archive.pages and slug == GLOSSARY_SLUG and self.has_glossary:
            return GLOSSARY
        return page_file(slug)

    def term_file(self, term: Term) -> str:
        return f"{GLOSSARY}#{term.anchor}"

    def attributes(self, target: LinkTarget, written: str) -> dict[str, str]:
        if target.kind == "page":
            file = self.target_file(target.value)
            if target.fragment and target.value in self.archive.pages:
                file += "#" + quote(target.fragment, safe="")
            return {"href": file}
        if target.kind == "term":
            term = self.archive.glossary.term(target.value)
            return {"href": self.term_file(term) if term else GLOSSARY}
        if target.kind == "external":
            return {"href": written, "rel": EXTERNAL_REL}
        if target.kind == "anchor":
            return {"href": written}
        return {}  # it leads nowhere in the reader, so it leads nowhere here

    def image_source(self, path: Path, written: str) -> str:
        name = f"{FILES_DIR}/{path.relative_to(self.archive.root.resolve()).as_posix()}"
        self.pictures[name] = path
        return quote(name)
