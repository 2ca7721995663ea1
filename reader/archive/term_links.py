"""Link glossary terms in page text: whole words, first occurrence, never in headings or links."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import markdown
from markdown.treeprocessors import Treeprocessor

from reader.archive.glossary import Glossary, Term

NO_TERMS_INSIDE = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre"})


def term_href(term: Term) -> str:
    return f"term:{term.slug}"


def term_tooltip(term: Term) -> str:
    """The definition on one line, for a hover (definitions are plain prose)."""
    return " ".join(term.definition.split())


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
