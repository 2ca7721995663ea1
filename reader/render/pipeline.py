"""The Markdown pipeline behind the renderer: Python-Markdown with our safety and term links.

The tree's link handling here decides what every link of a page body may do; the
link resolver it is given sets where it leads (the reader's files, or the classroom
copy's). Kept apart from renderer.py, which imports it when a page is first
rendered, so that a start showing a page rendered before (from the render cache)
need not load Python-Markdown.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
from markdown.extensions import Extension
from markdown.extensions.attr_list import AttrListExtension
from markdown.extensions.footnotes import FootnoteExtension
from markdown.extensions.tables import TableExtension
from markdown.extensions.toc import TocExtension
from markdown.treeprocessors import Treeprocessor

from reader.archive.archive import Archive
from reader.archive.glossary import Glossary
from reader.archive.links import classify_href
from reader.render.link_resolver import LinkResolver
from reader.render.nesting import NestingCap
from reader.render.term_links import NO_TERMS_INSIDE, term_href, term_tooltip
from reader.render.wording import not_preserved_title

ALLOWED_ATTRIBUTES = frozenset({"href", "title", "id", "class", "alt", "src", "name", "colspan",
                                "rowspan", "align", "start"})


class TermLinker(Treeprocessor):
    """Turns the first occurrence of each glossary term in a page into a term: link."""

    def __init__(self, md: markdown.Markdown, glossary: Glossary) -> None:
        super().__init__(md)
        self.glossary = glossary

    def run(self, root: ET.Element) -> None:
        if self.glossary.pattern is None:
            return
        self._linked: set[str] = set()
        self._visit(root, skip=False)

    def _visit(self, element: ET.Element, skip: bool) -> None:
        skip = skip or element.tag in NO_TERMS_INSIDE
        if not skip and element.text:
            element.text, links = self._split(element.text)
            for index, link in enumerate(links):
                element.insert(index, link)
        for child in list(element):
            self._visit(child, skip)
            if not skip and child.tail:
                child.tail, links = self._split(child.tail)
                position = list(element).index(child) + 1
                for offset, link in enumerate(links):
                    element.insert(position + offset, link)

    def _split(self, text: str) -> tuple[str, list[ET.Element]]:
        """The text before the first new link, and the links, each carrying its tail."""
        head: str | None = None
        links: list[ET.Element] = []
        cursor = 0
        for match in self.glossary.pattern.finditer(text):
            term = self.glossary.lookup_match(match.group(0))
            if term is None or term.slug in self._linked:
                continue
            self._linked.add(term.slug)
            before = text[cursor:match.start()]
            if links:
                links[-1].tail = before
            else:
                head = before
            link = ET.Element("a", {"href": term_href(term), "class": "term",
                                    "title": term_tooltip(term)})
            link.text = match.group(0)
            links.append(link)
            cursor = match.end()
        if not links:
            return text, []
        links[-1].tail = text[cursor:]
        return head or "", links


class _SafeLinks(Treeprocessor):
    """Mark links to pages not preserved, defuse unknown links, drop remote images; the
    resolver addresses what is left."""

    def __init__(self, md: markdown.Markdown, archive: Archive, links: LinkResolver) -> None:
        super().__init__(md)
        self.archive = archive
        self.links = links

    def run(self, root: ET.Element) -> None:
        for element in root.iter():
            for name in [n for n in element.attrib if n not in ALLOWED_ATTRIBUTES]:
                del element.attrib[name]
            if element.tag == "a":
                self._link(element)
            elif element.tag == "img":
                self._image(element)

    def _link(self, element: ET.Element) -> None:
        written = element.attrib.pop("href", "")
        target = classify_href(written)
        if target.kind == "blocked":
            element.tag = "span"
            return
        if target.kind == "page" and target.value not in self.archive.pages:
            element.set("class", "missing")
            element.set("title", not_preserved_title(self.archive.title_of(target.value)))
        elif target.kind == "external":
            element.set("title", f"External address: {target.value}")
        element.attrib.update(self.links.attributes(target, written))

    def _image(self, element: ET.Element) -> None:
        src = element.get("src", "")
        path = self.archive.image_path(src) if classify_href(src).kind == "blocked" else None
        if path is not None:  # a picture inside the content folder
            element.set("src", self.links.image_source(path, src))
            return
        alt = element.get("alt") or "image"
        element.tag = "span"
        element.attrib.clear()
        element.set("class", "image-alt")
        element.text = f"[{alt}]"


class _ArchiveExtension(Extension):
    def __init__(self, archive: Archive, links: LinkResolver, link_terms: bool) -> None:
        super().__init__()
        self.archive = archive
        self.links = links
        self.link_terms = link_terms

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.deregister("html_block")
        md.preprocessors.register(NestingCap(md), "otpic_nesting", 25)  # after tabs expand
        md.inlinePatterns.deregister("html")
        if self.link_terms:
            md.treeprocessors.register(TermLinker(md, self.archive.glossary), "otpic_terms", 5)
        md.treeprocessors.register(_SafeLinks(md, self.archive, self.links),
                                   "otpic_safe_links", 1)


def make_markdown(archive: Archive, links: LinkResolver, *,
                  link_terms: bool) -> markdown.Markdown:
    """A Markdown converter for this archive's pages (link_terms) or glossary definitions."""
    # Extension objects rather than names: naming them makes Markdown search the
    # installed packages' entry points, which costs more than the rest of start-up.
    return markdown.Markdown(
        extensions=[TocExtension(), TableExtension(), FootnoteExtension(), AttrListExtension(),
                    _ArchiveExtension(archive, links, link_terms)],
        output_format="html",
    )
