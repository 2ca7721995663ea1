"""The classroom copy: the whole archive as static HTML that any browser opens, no server.

It is made for rooms with no internet: every link is relative, nothing is loaded
from elsewhere, one style sheet serves phones and laptops, and the search box
runs on a prebuilt index loaded as a script (a page opened from file:// may not
fetch JSON). Pages are rendered by the reader's own Renderer, so term links,
safe links and the pages not preserved read as they do in the window. The same
archive always gives the same bytes, so a copy can be compared and checked by
checksum; the one date it carries is therefore chosen, not "now" (copy_date).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import html
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path, PurePosixPath
from urllib.parse import quote

from reader import __version__
from reader.archive.archive import Archive
from reader.archive.course import long_date
from reader.archive.glossary import GLOSSARY_SLUG
from reader.archive.links import classify_href, extract_links
from reader.archive.model import Course
from reader.common.words import counted
from reader.integrity.manifest import (
    MANIFEST_NAME,
    ManifestError,
    content_files,
    file_sha256,
    format_line,
    parse_manifest,
    verify,
)
from reader.render.glossary_page import glossary_body
from reader.render.html_text import html_to_text
from reader.render.page_style import THEMES, Colors
from reader.render.renderer import Renderer

INDEX, GLOSSARY, ABOUT = "index.html", "glossary.html", "about-this-copy.html"
STYLE, SEARCH_SCRIPT, SEARCH_INDEX = "style.css", "search.js", "search-index.js"
FILES_DIR = "files"  # pictures a page shows, copied from inside the content folder
SEARCH_GLOBAL = "OTPIC_SEARCH_INDEX"
GENERATOR = "OTPIC Reader export-site"  # marks a folder as a copy this program may overwrite
EXTERNAL_REL = "noopener noreferrer"
_RESERVED = frozenset({"index", "glossary", "about-this-copy"})  # slugs our own files use
_TAG = re.compile(r"<(a|img)\b([^>]*?)(\s*/?)>")  # the serializer escapes < > " in values
_ATTRIBUTE = re.compile(r'([\w:.-]+)="([^"]*)"')
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.DOTALL)
_PROVENANCE = re.compile(r'<p class="provenance">.*?</p>', re.DOTALL)

Progress = Callable[[int, int], None]  # (documents done, documents in all)


class SiteExportError(Exception):
    """The copy cannot be made where asked; one sentence says why and what to do."""


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


def page_file(slug: str) -> str:
    """The file of a page in the copy; a slug that would clash with our own files gets a '_'."""
    return f"{slug}_page.html" if slug in _RESERVED else f"{slug}.html"


def copy_date(archive: Archive, given: dt.date | None = None) -> tuple[dt.date, str]:
    """The date the copy states, and how it was chosen, in words.

    Today's date would make two exports of one archive differ, so it is: the date
    given; else SOURCE_DATE_EPOCH (the reproducible-builds convention); else the
    day (UTC) the archive's newest content file last changed, which is when the
    archive, and so the copy, last became what it is.
    """
    if given is not None:
        return given, "the date chosen when the copy was made"
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        try:
            moment = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc)
        except (ValueError, OverflowError, OSError):
            raise SiteExportError(f"SOURCE_DATE_EPOCH must be a number of seconds since 1970, "
                                  f"not '{epoch}'.") from None
        return moment.date(), "the date set in SOURCE_DATE_EPOCH when the copy was made"
    names = content_files(archive.root)
    if (archive.root / MANIFEST_NAME).is_file():
        names.append(MANIFEST_NAME)
    newest, name = max((((archive.root / n).stat().st_mtime, n) for n in names),
                       default=(0.0, ""))
    day = dt.datetime.fromtimestamp(newest, dt.timezone.utc).date()
    return day, (f"the day (UTC) the archive's content last changed: its newest file, {name}, "
                 "was last modified then")


def archive_checksum(root: Path) -> tuple[str, str]:
    """The SHA-256 that identifies the archive, and what exactly it is the SHA-256 of.

    With a MANIFEST.sha256 it is that file's, which anyone can recompute with
    sha256sum; without one it is the SHA-256 of the manifest `otpic-reader
    manifest` would write (each file's SHA-256 and path, sorted by path), so the
    two agree once the archivist writes the manifest.
    """
    manifest = root / MANIFEST_NAME
    if manifest.is_file():
        return file_sha256(manifest), (f"the SHA-256 of the archive's {MANIFEST_NAME} (run "
                                       f"'sha256sum {MANIFEST_NAME}' in the content folder)")
    text = "".join(format_line(name, file_sha256(root / name)) + "\n"
                   for name in content_files(root))
    digest = hashlib.sha256(text.encode("utf-8", "surrogateescape")).hexdigest()
    return digest, (f"the archive has no {MANIFEST_NAME}, so this is the SHA-256 of the one "
                    "'otpic-reader manifest' would write for it: a line '<SHA-256>  <path>' for "
                    "every content file, sorted by path")


def is_site_export(folder: Path) -> bool:
    """True when the folder holds a copy this program made, which it may overwrite."""
    about = Path(folder) / ABOUT
    try:
        with about.open("rb") as stream:
            head = stream.read(4096)
    except OSError:
        return False
    return f'<meta name="generator" content="{GENERATOR}">'.encode() in head


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
        _check_target(archive, out_dir)
        day, date_source = copy_date(archive, date)
        checksum, checksum_source = archive_checksum(archive.root)
        site = _Site(archive, out_dir, day.isoformat(), date_source, checksum, checksum_source)
        out_dir.mkdir(exist_ok=True)
        _clear_previous(out_dir)
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


def _check_target(archive: Archive, out_dir: Path) -> None:
    target = out_dir.resolve()
    content = archive.root.resolve()
    if target == content or content in target.parents:
        raise SiteExportError(f"{out_dir} is inside the archive's content folder; choose a "
                              "folder outside it for the copy.")
    if not out_dir.exists():
        if not out_dir.parent.is_dir():
            raise SiteExportError(f"The folder {out_dir.parent} does not exist, so the copy "
                                  f"cannot be made in {out_dir}.")
        return
    if not out_dir.is_dir():
        raise SiteExportError(f"{out_dir} is a file, not a folder for the copy.")
    occupied = any(not entry.name.startswith(".") for entry in out_dir.iterdir())
    if occupied and not is_site_export(out_dir):
        raise SiteExportError(f"{out_dir} is not empty and does not hold an earlier classroom "
                              "copy, so nothing was written; choose an empty or new folder.")


def _clear_previous(out_dir: Path) -> None:
    """Remove the files an earlier copy listed (only those), so no stale page stays behind."""
    listing = out_dir / MANIFEST_NAME
    if not is_site_export(out_dir) or not listing.is_file():
        return
    entries, _bad = parse_manifest(listing.read_bytes().decode("utf-8", "surrogateescape"))
    root = out_dir.resolve()
    folders: set[Path] = set()
    for name, _digest in entries:
        relative = PurePosixPath(name)
        if relative.is_absolute() or ".." in relative.parts or not relative.parts:
            continue
        path = out_dir.joinpath(*relative.parts)
        if root not in path.parent.resolve().parents and path.parent.resolve() != root:
            continue  # a folder that leads elsewhere: not ours to touch
        if path.is_symlink() or path.is_file():
            path.unlink()
            folders.update(p for p in path.parents if root in p.resolve().parents)
    listing.unlink()
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):  # not empty: someone keeps their own files there
            folder.rmdir()


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _external(url: str, text: str, title: str = "") -> str:
    """A plain link to an outside address, which a phone opens only when it has a network."""
    extra = f' title="{_e(title)}"' if title else ""
    return f'<a href="{_e(url)}" rel="{EXTERNAL_REL}"{extra}>{_e(text)}</a>'


def search_words(text: str) -> list[str]:
    """The words of a text as search.js folds a query: NFKD, marks dropped, lower case."""
    decomposed = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return re.findall(r"[^\W_]+", folded.lower())


def site_css() -> str:
    """style.css: the reader's light and dark colours, then the layout from assets/."""
    def variables(colors: Colors) -> str:
        return "".join(f"  --{name.replace('_', '-')}: {value};\n"
                       for name, value in vars(colors).items())

    layout = _asset(STYLE)
    return (f":root {{\n{variables(THEMES['light'])}}}\n"
            f"@media (prefers-color-scheme: dark) {{\n  :root {{\n"
            f"{variables(THEMES['dark']).replace('  --', '    --')}  }}\n}}\n\n{layout}")


def _asset(name: str) -> str:
    text = resources.files("reader.site").joinpath("assets", name).read_text("utf-8")
    return text.replace("\r\n", "\n")


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
        self.renderer = Renderer(archive)
        self.written: dict[str, str] = {}  # relative path -> SHA-256
        self.texts: dict[str, str] = {}  # slug -> plain text of the page, for the search index
        self.has_glossary = len(archive.glossary) > 0
        self.stubs = self._stub_slugs()

    # --- what the copy holds --------------------------------------------------------------

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
        if self.has_glossary:
            wanted.pop(GLOSSARY_SLUG, None)  # glossary.md means the glossary itself
        return list(wanted)

    def _unlisted_stubs(self) -> list[str]:
        listed = {entry.slug for section in self.archive.sections for entry in section.entries}
        return [slug for slug in self.stubs if slug not in listed]

    def target_file(self, slug: str) -> str:
        if slug not in self.archive.pages and slug == GLOSSARY_SLUG and self.has_glossary:
            return GLOSSARY
        return page_file(slug)

    # --- writing ----------------------------------------------------------------------------

    def write_all(self, progress: Progress | None) -> None:
        documents = list(self._documents())
        total = len(documents) + 1
        for done, (name, build) in enumerate(documents, start=1):
            self._write(name, build())
            if progress:
                progress(done, total)
        self._write(STYLE, site_css())
        self._write(SEARCH_SCRIPT, _asset(SEARCH_SCRIPT))
        self._write(SEARCH_INDEX, self._search_index())
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

    def _page(self, slug: str) -> str:
        rendered = self.renderer.html_for(slug)
        match = _BODY.search(rendered)
        inner = match.group(1) if match else rendered
        if slug in self.archive.pages:
            self.texts[slug] = html_to_text(_PROVENANCE.sub("", inner, count=1))
        return self._document(self.archive.title_of(slug), self._rewrite(inner))

    def _glossary(self) -> str:
        archive = self.archive
        if self.has_glossary:
            body = glossary_body(archive.glossary, self.renderer.definition_html,
                                 archive.title_of, archive.term_pages)
        else:
            body = "<p>This archive has no glossary.</p>"
        main = ('<h1>Glossary</h1><p class="provenance">Written for this archive by the OTPIC '
                "Reader project: the course's terms, A to Z.</p>" + body)
        return self._document("Glossary", self._rewrite(main))

    def _index(self) -> str:
        archive = self.archive
        course = archive.course
        parts = [f"<h1>{_e(course.title)}</h1>", self._lead(), _SEARCH_FORM,
                 self._notice(course), '<h2 id="contents">Contents</h2>']
        for section in archive.sections:
            count = (f"{section.preserved_count} of {counted(len(section.entries), 'page')} "
                     "preserved"
                     if section.entries else "no pages listed")
            parts.append(f'<section class="part" id="section-{_e(section.id)}">'
                         f'<h2>{_e(section.title)} <span class="count">{count}</span></h2>')
            if section.description:
                parts.append(f'<p class="description">{_e(section.description)}</p>')
            parts.append(self._entries([(e.slug, e.title, e.preserved)
                                        for e in section.entries]))
            parts.append("</section>")
        unlisted = self._unlisted_stubs()
        if unlisted:
            parts.append('<section class="part" id="section-linked"><h2>Other pages the '
                         f'archive links to <span class="count">{len(unlisted)} not preserved'
                         "</span></h2>")
            parts.append(self._entries([(s, archive.title_of(s), False) for s in unlisted]))
            parts.append("</section>")
        terms = len(archive.glossary)
        parts.append(f'<section class="part" id="section-glossary"><h2>Glossary</h2><p><a '
                     f'href="{GLOSSARY}">The course\'s terms, A to Z</a> ({terms} terms), '
                     "written for this archive by the OTPIC Reader project.</p></section>")
        parts.append(f'<p><a href="{ABOUT}">About this copy</a>: its date, the archive\'s '
                     "checksum, and how to share it.</p>")
        return self._document(course.title, "".join(parts), index=True)

    def _entries(self, entries: list[tuple[str, str, bool]]) -> str:
        if not entries:
            return ""
        items = []
        for slug, title, preserved in entries:
            link = f'<a href="{self.target_file(slug)}">{_e(title)}</a>'
            items.append(f"<li>{link}</li>" if preserved else
                         f'<li class="missing">{link} <span class="label">not preserved</span>'
                         "</li>")
        return f'<ul class="pages">{"".join(items)}</ul>'

    def _lead(self) -> str:
        course = self.archive.course
        by = f" of the {_e(course.publisher)}" if course.publisher else ""
        return (f'<p class="lead">The archived online course{by}, for reading with no '
                "internet: the pages preserved so far, word for word; the pages not preserved "
                "yet, in grey; and a glossary.</p>")

    def _notice(self, course: Course) -> str:
        successor = course.successor
        if not (course.retired or successor.title or successor.url):
            return ""
        name = _e(course.short_title)
        text = [f"{name} was retired on {_e(long_date(course.retired))}." if course.retired
                else ""]
        if successor.title:
            short = f" ({_e(successor.short_title)})" if successor.short_title else ""
            what = f": “{_e(successor.description)}”" if successor.description else ""
            text.append(f"Its successor is the course <b>{_e(successor.title)}</b>{short}{what}.")
            if successor.built_around:
                text.append(f"It is built around {_e(successor.built_around)}.")
        addresses = [(successor.short_title or successor.title, successor.url),
                     (successor.built_around, successor.built_around_url)]
        items = "".join(f"<li>{_e(label)}: {_external(url, url)}</li>"
                        for label, url in addresses if url)
        parts = ['<section class="notice" aria-labelledby="successor"><h2 id="successor">'
                 f"Where the course lives on</h2><p>{' '.join(t for t in text if t)}</p>"]
        if items:
            parts.append("<p>They are on the web and need an internet connection:</p>"
                         f'<ul class="addresses">{items}</ul>')
        if course.retirement_notice:
            said = "".join(f"<p>{_e(p.strip())}</p>"
                           for p in course.retirement_notice.split("\n\n") if p.strip())
            parts.append(f"<details><summary>The course's own retirement notice</summary>"
                         f"<blockquote>{said}</blockquote></details>")
        parts.append("</section>")
        return "".join(parts)

    def _successor_line(self) -> str:
        course = self.archive.course
        successor = course.successor
        bits = []
        if course.retired:
            bits.append(f"{_e(course.short_title)} was retired on "
                        f"{_e(long_date(course.retired))}.")
        name = successor.short_title or successor.title
        if name:
            link = (_external(successor.url, name, successor.title) if successor.url
                    else _e(name))
            around = ""
            if successor.built_around:
                around = ", built around " + (
                    _external(successor.built_around_url, successor.built_around)
                    if successor.built_around_url else _e(successor.built_around))
            bits.append(f"Its successor is {link}{around}.")
        return f'<p class="successor">{" ".join(bits)}</p>' if bits else ""

    def _about(self) -> str:
        archive = self.archive
        verified = self._manifest_check()
        problems = "".join(f"<li>{_e(self._relative(p.path))}: {_e(p.message)}</li>"
                           for p in archive.problems)
        facts = [
            ("Date of this copy", f"<p>{_e(long_date(self.date))} ({self.date}): "
                                  f"{_e(self.date_source)}. The same archive always gives the "
                                  "same copy, byte for byte.</p>"),
            ("The archive's checksum", f'<p><code class="checksum">{self.checksum}</code></p>'
                                       f"<p>This is {_e(self.checksum_source)}.{verified}</p>"),
            ("What it holds", f"<p>{len(archive.pages)} preserved pages, "
                              f"{len(self.stubs)} pages the course had that are not preserved "
                              f"(listed in grey, each with what is known of it), and "
                              f"{len(archive.glossary)} glossary terms.</p>"),
            ("Made by", f"<p>OTPIC Reader {_e(__version__)}, with <code>otpic-reader "
                        "export-site</code>.</p>"),
            ("Checking this copy", f"<p>{MANIFEST_NAME} in this folder lists the SHA-256 of "
                                   "every file of the copy; <code>sha256sum -c "
                                   f"{MANIFEST_NAME}</code> run in the folder checks them.</p>"),
        ]
        if problems:
            facts.append(("Left out", "<p>These files of the archive could not be read and are "
                                      f"not in this copy:</p><ul>{problems}</ul>"))
        listing = "".join(f"<dt>{_e(term)}</dt><dd>{text}</dd>" for term, text in facts)
        main = (f"<h1>About this copy</h1><p>This folder is a copy of the archived course "
                f"<i>{_e(archive.course.title)}</i> made for sharing in a classroom. It needs "
                "no internet and no program: open index.html in any browser, from a USB stick "
                "or a shared folder, or serve the folder with any web server (for example "
                "<code>python3 -m http.server</code> run in it). Links to addresses outside "
                "the copy open only where there is a network.</p>"
                f'<dl class="facts">{listing}</dl>')
        return self._document("About this copy", main)

    def _manifest_check(self) -> str:
        if not (self.archive.root / MANIFEST_NAME).is_file():
            return ""
        try:
            report = verify(self.archive.root)
        except ManifestError:
            return ""
        if report.intact:
            return (f" When the copy was made, all {report.listed} files listed in it matched "
                    "their checksums.")
        return (f" When the copy was made, {len(report.findings)} files of the archive did not "
                f"match it ('otpic-reader verify' names them).")

    def _relative(self, path: Path) -> str:
        try:
            return Path(path).resolve().relative_to(self.archive.root.resolve()).as_posix()
        except ValueError:
            return Path(path).name

    def _document(self, title: str, main: str, *, index: bool = False) -> str:
        """A whole page of the copy; the index carries the search and the full notice."""
        short = self.archive.course.short_title
        head_title = title if title == self.archive.course.title else f"{title} · {short} archive"
        scripts = (f'<script src="{SEARCH_INDEX}"></script>\n<script src="{SEARCH_SCRIPT}">'
                   "</script>\n" if index else "")
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="color-scheme" content="light dark">\n'
            f'<meta name="generator" content="{GENERATOR}">\n'
            f"<title>{_e(head_title)}</title>\n"
            f'<link rel="stylesheet" href="{STYLE}">\n</head>\n<body>\n'
            f'<header class="site"><nav aria-label="This copy"><a class="home" '
            f'href="{INDEX}">{_e(short)} archive</a> <a href="{INDEX}#search">Search</a> '
            f'<a href="{GLOSSARY}">Glossary</a> <a href="{ABOUT}">About this copy</a></nav>'
            f"{'' if index else self._successor_line()}</header>\n"
            f'<main id="main">\n{main}\n</main>\n'
            f'<footer class="site"><p>A classroom copy of the {_e(short)} archive, dated '
            f'{self.date}, made by OTPIC Reader. <a href="{INDEX}">Contents</a> · '
            f'<a href="{ABOUT}">About this copy</a></p></footer>\n'
            f"{scripts}</body>\n</html>\n"
        )

    # --- links --------------------------------------------------------------------------------

    def _rewrite(self, fragment: str) -> str:
        """Point the Renderer's links at the copy's files: slug.md, term:slug, pictures."""
        def tag(match: re.Match[str]) -> str:
            name, raw, end = match.group(1), match.group(2), match.group(3)
            attributes = [(key, html.unescape(value)) for key, value in _ATTRIBUTE.findall(raw)]
            attributes = (self._link(attributes) if name == "a" else self._image(attributes))
            rendered = "".join(f' {key}="{_e(value)}"' for key, value in attributes)
            return f"<{name}{rendered}{end}>"

        return _TAG.sub(tag, fragment)

    def _link(self, attributes: list[tuple[str, str]]) -> list[tuple[str, str]]:
        result: list[tuple[str, str]] = []
        for key, value in attributes:
            if key != "href":
                result.append((key, value))
                continue
            target = classify_href(value)
            if target.kind == "page":
                file = self.target_file(target.value)
                if target.fragment and target.value in self.archive.pages:
                    file += "#" + quote(target.fragment, safe="")
                result.append(("href", file))
            elif target.kind == "term":
                term = self.archive.glossary.term(target.value)
                result.append(("href", f"{GLOSSARY}#{term.anchor}" if term else GLOSSARY))
            elif target.kind == "external":
                result += [("href", value), ("rel", EXTERNAL_REL)]
            elif target.kind == "anchor":
                result.append(("href", value))
            # anything else leads nowhere in the reader, so it leads nowhere here
        return result

    def _image(self, attributes: list[tuple[str, str]]) -> list[tuple[str, str]]:
        result: list[tuple[str, str]] = []
        for key, value in attributes:
            if key != "src":
                result.append((key, value))
                continue
            source = self.archive.image_path(html.unescape(value))
            if source is None:
                continue
            relative = source.relative_to(self.archive.root.resolve()).as_posix()
            name = f"{FILES_DIR}/{relative}"
            if name not in self.written:
                self._write(name, source.read_bytes())
            result.append(("src", quote(name)))
        return result

    # --- search -------------------------------------------------------------------------------

    def _search_index(self) -> str:
        """search-index.js: one line per page, glossary term and page not preserved."""
        archive = self.archive
        docs = []
        for section in archive.sections:
            for entry in section.entries:
                if entry.preserved:
                    docs.append(_doc(page_file(entry.slug), entry.title, section.title, "page",
                                     self.texts.get(entry.slug, entry.title)))
        for term in archive.glossary.terms:
            text = " ".join([term.term, *term.aliases,
                             html_to_text(self.renderer.definition_html(term.definition))])
            docs.append(_doc(f"{GLOSSARY}#{term.anchor}", term.term, "Glossary", "term", text))
        for slug in self.stubs:
            section = archive.section_of(slug)
            where = f"not preserved · {section.title}" if section else "not preserved"
            title = archive.title_of(slug)
            docs.append(_doc(page_file(slug), title, where, "missing", title))
        lines = ",\n".join(json.dumps(doc, ensure_ascii=True, separators=(",", ":"))
                           for doc in docs)
        return (f"/* The classroom copy's search index, read by {SEARCH_SCRIPT}: made by "
                f"OTPIC Reader, do not edit. */\nwindow.{SEARCH_GLOBAL} = {{\"version\":1,"
                f"\"docs\":[\n{lines}\n]}};\n")


def _doc(url: str, title: str, where: str, kind: str, text: str) -> dict[str, str]:
    words = sorted(set(search_words(text)))
    return {"url": url, "title": title, "where": where, "kind": kind, "words": " ".join(words)}


_SEARCH_FORM = (
    # Without scripts, submitting only reloads this page; search.js stops that and searches.
    f'<form id="search" class="search" role="search" action="{INDEX}" method="get">'
    '<label for="search-box">Search the pages and the glossary</label>'
    '<input type="search" id="search-box" name="q" autocomplete="off" '
    'placeholder="for example: coercive diplomacy">'
    "<noscript><p class=\"hint\">Search needs JavaScript, which is off here; the contents below "
    "list every page.</p></noscript>"
    '<p id="search-status" role="status" aria-live="polite"></p>'
    '<ol id="search-results" class="results"></ol></form>'
)
