"""The classroom copy: the whole archive as static HTML that any browser opens, no server.

It is made for rooms with no internet: every link is relative, nothing is loaded
from elsewhere, one style sheet serves phones and laptops, and the search box
runs on a prebuilt index loaded as a script (search_index.py). Pages are rendered
by the reader's own Renderer, with the copy's link resolver (site_links.py), so
term links, safe links and the pages not preserved read as they do in the window.
The same archive always gives the same bytes, so a copy can be compared and
checked by checksum; the one date it carries is therefore chosen, not "now"
(copy_facts.py). The pages' frames are templates (templates/), read by templates.py.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.archive.archive import Archive
from reader.archive.glossary import GLOSSARY_SLUG
from reader.archive.links import classify_href, extract_links
from reader.integrity.manifest import MANIFEST_NAME, format_line
from reader.render.html_text import html_to_text
from reader.render.renderer import PageParts, Renderer
from reader.render.wording import GLOSSARY_WHAT, project_provenance
from reader.site import skeleton
from reader.site.about_page import about_main
from reader.site.copy_facts import archive_checksum, copy_date
from reader.site.errors import SiteExportError
from reader.site.folder import check_target, clear_previous
from reader.site.index_page import index_main
from reader.site.names import ABOUT, GLOSSARY, INDEX, SEARCH_INDEX, SEARCH_SCRIPT, STYLE, page_file
from reader.site.search_index import search_index_js
from reader.site.site_links import SiteLinks
from reader.site.templates import asset, site_css

# what the command line and the window use; INDEX and ABOUT name the copy's first pages
__all__ = ["ABOUT", "INDEX", "SHARING", "ExportReport", "SiteExportError", "export_site"]

Progress = Callable[[int, int], None]  # (documents done, documents in all)
SHARING = ("It needs no internet: open it from a USB stick or a shared folder, or serve it "
           "with any web server.")


@dataclass(frozen=True)
class ExportReport:
    """What an export wrote, for the command line's summary and the window's message."""

    out_dir: Path
    files: tuple[str, ...]
    pages: int
    not_preserved: int
    terms: int
    date: str
    date_source: str
    checksum: str
    checksum_source: str

    @property
    def index(self) -> Path:
        """The page to open first."""
        return self.out_dir / INDEX

    def summary(self) -> str:
        return (f"Wrote a classroom copy of {self.pages} pages ({self.not_preserved} more listed "
                f"as not preserved, {self.terms} glossary terms) to {self.out_dir}, "
                f"{len(self.files)} files: open {INDEX} in any browser.")


def export_site(archive: Archive, out_dir: Path | str, *, progress: Progress | None = None,
                date: dt.date | None = None) -> ExportReport:
    """Write the classroom copy of the archive into out_dir and say what was written.

    out_dir must be new, empty, or an earlier copy (whose files are replaced), so
    nobody's files are lost. progress(done, total) is called after each document;
    it runs in the caller's thread, so a window can call this from a worker.
    Raises SiteExportError with one sentence when the copy cannot be made.
    """
    out_dir = Path(out_dir)
    try:
        check_target(archive, out_dir)
        day, date_source = copy_date(archive, date)
        checksum, checksum_source = archive_checksum(archive.root)
        site = _Site(archive, out_dir, day.isoformat(), date_source, checksum, checksum_source)
        out_dir.mkdir(exist_ok=True)
        clear_previous(out_dir)
        site.write_all(progress)
    except OSError as exc:
        where = exc.filename or out_dir
        raise SiteExportError(f"{where} cannot be read or written ({exc.strerror or exc}).") \
            from None
    return ExportReport(out_dir, tuple(sorted([*site.written, MANIFEST_NAME])),
                        pages=len(archive.pages), not_preserved=len(site.stubs),
                        terms=len(archive.glossary), date=day.isoformat(),
                        date_source=date_source, checksum=checksum,
                        checksum_source=checksum_source)


class _Site:
    """Builds each document of one copy and writes it, keeping the list of what it wrote."""

    def __init__(self, archive: Archive, out_dir: Path, date: str, date_source: str,
                 checksum: str, checksum_source: str) -> None:
        self.archive = archive
        self.out_dir = out_dir
        self.date = date
        self.date_source = date_source
        self.checksum = checksum
        self.checksum_source = checksum_source
        self.links = SiteLinks(archive)
        self.renderer = Renderer(archive, links=self.links)
        self.written: dict[str, str] = {}  # relative path -> SHA-256
        self.texts: dict[str, str] = {}  # slug -> plain text of the page, for the search index
        self.stubs = self._stub_slugs()

    def _stub_slugs(self) -> list[str]:
        """Every page the copy names but the archive does not hold, in a stable order."""
        archive = self.archive
        wanted: dict[str, None] = {}
        for section in archive.sections:
            for entry in section.entries:
                if not entry.preserved:
                    wanted.setdefault(entry.slug)
        for slug in sorted(archive.missing_links()):
            wanted.setdefault(slug)
        for term in archive.glossary.terms:
            for link in extract_links(term.definition):
                target = classify_href(link.target)
                if target.kind == "page" and target.value not in archive.pages:
                    wanted.setdefault(target.value)
        if self.links.has_glossary:
            wanted.pop(GLOSSARY_SLUG, None)  # glossary.md means the glossary itself
        return list(wanted)

    # --- writing ----------------------------------------------------------------------------

    def write_all(self, progress: Progress | None) -> None:
        documents = list(self._documents())
        total = len(documents) + 1
        for done, (name, build) in enumerate(documents, start=1):
            text = build()
            for picture, source in self.links.pictures.items():
                if picture not in self.written:
                    self._write(picture, source.read_bytes())
            self._write(name, text)
            if progress:
                progress(done, total)
        self._write(STYLE, site_css())
        self._write(SEARCH_SCRIPT, asset(SEARCH_SCRIPT))
        self._write(SEARCH_INDEX, search_index_js(self.archive, self.renderer, self.links,
                                                  self.texts, self.stubs))
        listing = "".join(format_line(name, digest) + "\n"
                          for name, digest in sorted(self.written.items()))
        (self.out_dir / MANIFEST_NAME).write_bytes(listing.encode("utf-8"))
        if progress:
            progress(total, total)

    def _documents(self) -> Iterator[tuple[str, Callable[[], str]]]:
        # The about page goes first: it marks the folder as a copy, so an export that
        # fails halfway can be redone into the same folder.
        yield ABOUT, self._about
        for slug in sorted(self.archive.pages):
            yield page_file(slug), lambda slug=slug: self._page(slug)
        for slug in self.stubs:
            yield page_file(slug), lambda slug=slug: self._page(slug)
        yield GLOSSARY, self._glossary
        yield INDEX, self._index

    def _write(self, name: str, text: str | bytes) -> None:
        data = text.encode("utf-8") if isinstance(text, str) else text
        path = self.out_dir.joinpath(*name.split("/"))
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        self.written[name] = hashlib.sha256(data).hexdigest()

    # --- documents --------------------------------------------------------------------------

    def _page_of(self, title: str, main: str, *, index: bool = False) -> str:
        return skeleton.page(self.archive.course, self.links, self.date, title, main,
                             index=index)

    def _page(self, slug: str) -> str:
        parts = self.renderer.parts(slug)
        if slug in self.archive.pages:  # its words: not where it came from, nor our links on
            self.texts[slug] = html_to_text(parts._replace(provenance="", footer="").main())
        return self._page_of(parts.title, parts.main())

    def _about(self) -> str:
        return self._page_of("About this copy", about_main(
            self.archive, date=self.date, date_source=self.date_source, checksum=self.checksum,
            checksum_source=self.checksum_source, not_preserved=len(self.stubs)))

    def _glossary(self) -> str:
        if self.links.has_glossary:
            parts = self.renderer.glossary_parts()
        else:
            parts = PageParts("Glossary", project_provenance(GLOSSARY_WHAT),
                              "<p>This archive has no glossary.</p>")
        return self._page_of(parts.title, parts.main())

    def _index(self) -> str:
        listed = {entry.slug for section in self.archive.sections for entry in section.entries}
        unlisted = [slug for slug in self.stubs if slug not in listed]
        return self._page_of(self.archive.course.title,
                             index_main(self.archive, self.links, unlisted), index=True)
