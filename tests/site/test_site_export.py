"""The classroom copy: self-contained, links that resolve, reproducible, searchable offline."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import pytest

from reader import __version__
from reader.archive.archive import Archive
from reader.integrity.manifest import MANIFEST_NAME, write_manifest
from reader.site.copy_facts import archive_checksum, copy_date
from reader.site.errors import SiteExportError
from reader.site.export import ExportReport, export_site
from reader.site.folder import is_site_export
from reader.site.names import (
    ABOUT,
    GLOSSARY,
    INDEX,
    SEARCH_GLOBAL,
    SEARCH_INDEX,
    SEARCH_SCRIPT,
    STYLE,
)
from reader.site.search_index import search_words
from tests.conftest import ROOT

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "srcset", "data", "poster",
                            "background", "cite", "longdesc", "manifest", "ping", "xlink:href"})
CHROMIUM = next((path for path in ("/usr/bin/chromium", shutil.which("chromium"))
                 if path and Path(path).exists()), None)


class Parsed(HTMLParser):
    """The tags of one exported file, its references and the anchors it offers."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.anchors: set[str] = set()
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append((tag, values))
        if "id" in values:
            self.anchors.add(values["id"])
        if tag == "a" and "name" in values:
            self.anchors.add(values["name"])

    handle_startendtag = handle_starttag

    def refs(self) -> Iterator[tuple[str, str, str]]:
        for tag, values in self.tags:
            for name, value in values.items():
                if name in URL_ATTRIBUTES:
                    yield tag, name, value


@pytest.fixture
def site(content: Path, tmp_path: Path) -> tuple[Archive, Path, ExportReport]:
    archive = Archive.open(content)
    out = tmp_path / "site"
    return archive, out, export_site(archive, out)


def html_files(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def parsed(path: Path) -> Parsed:
    return Parsed(path.read_text("utf-8"))


def search_index(out: Path) -> dict:
    text = (out / SEARCH_INDEX).read_text("utf-8")
    match = re.search(rf"window\.{SEARCH_GLOBAL} = (\{{.*\}});\s*$", text, re.DOTALL)
    assert match, "search-index.js must assign the global"
    return json.loads(match.group(1))


def test_every_relative_link_and_src_resolves_to_an_exported_file(site) -> None:
    _archive, out, report = site
    root = out.resolve()
    anchors = {path.resolve(): parsed(path).anchors for path in html_files(out)}
    checked = 0
    for path in html_files(out):
        for tag, name, value in parsed(path).refs():
            parts = urlsplit(value)
            if parts.scheme:
                continue  # outside addresses: see the next test
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            assert root in target.parents, f"{path.name}: <{tag} {name}={value!r}> leaves the copy"
            assert target.is_file(), f"{path.name}: <{tag} {name}={value!r}> is broken"
            if parts.fragment and target.suffix == ".html":
                assert unquote(parts.fragment) in anchors[target], (
                    f"{path.name}: {value!r} names no anchor in {target.name}")
            checked += 1
    assert checked > 200
    written = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    assert written == set(report.files)


def test_nothing_outside_is_referenced_but_the_archives_own_addresses(site, content) -> None:
    _archive, out, _report = site
    recorded = "\n".join(p.read_text("utf-8") for p in content.rglob("*")
                         if p.is_file() and p.suffix in {".md", ".yaml"})
    external = 0
    for path in html_files(out):
        page = parsed(path)
        for tag, name, value in page.refs():
            scheme = urlsplit(value).scheme.lower()
            if not scheme:
                continue
            assert (tag, name) == ("a", "href"), f"{path.name}: <{tag} {name}={value!r}>"
            assert scheme in {"http", "https", "mailto"}, f"{path.name}: {value!r}"
            if scheme != "mailto":
                assert value in recorded, f"{path.name}: {value!r} is not in the archive"
            external += 1
        for tag, values in page.tags:
            assert tag not in {"style", "iframe", "object", "embed", "base"}, path.name
            assert "style" not in values, f"{path.name}: a style attribute on <{tag}>"
            if tag == "script":
                assert values.get("src") in {SEARCH_INDEX, SEARCH_SCRIPT}, path.name
            if tag == "link":
                assert values == {"rel": "stylesheet", "href": STYLE}, path.name
    assert external >= 4
    for name in (STYLE, SEARCH_SCRIPT, SEARCH_INDEX):
        text = (out / name).read_text("utf-8")
        for forbidden in ("http:", "https:", "//", "url(", "@import", "fetch(", "XMLHttpRequest"):
            if name == SEARCH_SCRIPT and forbidden == "//":
                continue  # comments
            assert forbidden not in text, f"{name} holds {forbidden!r}"


def test_outside_links_are_plain_links_that_share_nothing(site) -> None:
    _archive, out, _report = site
    for path in html_files(out):
        for tag, values in parsed(path).tags:
            if tag == "a" and urlsplit(values.get("href", "")).scheme in {"http", "https"}:
                assert values.get("rel") == "noopener noreferrer", (path.name, values)
                assert "target" not in values


def test_one_style_sheet_made_for_phones_light_and_dark(site) -> None:
    _archive, out, _report = site
    assert [p.name for p in out.rglob("*.css")] == [STYLE]
    for path in html_files(out):
        text = path.read_text("utf-8")
        assert text.startswith("<!DOCTYPE html>\n")
        assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in text
        assert text.count("<link ") == 1
    css = (out / STYLE).read_text("utf-8")
    assert "max-width" in css and "@media (prefers-color-scheme: dark)" in css
    assert "--background: #ffffff" in css.split("@media")[0]  # light by default


def test_the_same_archive_gives_the_same_bytes(content: Path, tmp_path: Path) -> None:
    archive = Archive.open(content)
    first, second = tmp_path / "first", tmp_path / "second"
    export_site(archive, first)
    export_site(Archive.open(content), second)
    export_site(archive, first)  # again, over the earlier copy

    def files(folder: Path) -> dict[str, bytes]:
        return {p.relative_to(folder).as_posix(): p.read_bytes()
                for p in folder.rglob("*") if p.is_file()}

    assert files(first) == files(second)


def test_pages_keep_the_readers_rendering_with_links_pointing_into_the_copy(site) -> None:
    _archive, out, _report = site
    text = (out / "coercive-diplomacy.html").read_text("utf-8")
    assert "<h1>Coercive Diplomacy</h1>" in text
    assert ('<p class="provenance">Archived copy · original address <a href="https://www.'
            'colorado.edu/conflict/peace/treatment/coercdip.htm"') in text
    assert "Copyright 1998 Conflict Research Consortium" in text
    assert "Coercive diplomacy is the diplomacy of threats." in html_text(text)
    links = [v for t, v in parsed(out / "coercive-diplomacy.html").tags if t == "a"]
    refusal = next(v for v in links if v.get("href") == "refusal-to-negotiate.html")
    assert refusal["class"] == "missing" and "Not preserved" in refusal["title"]
    term = next(v for v in links if v.get("class") == "term")
    assert term["href"] == "glossary.html#term-coercive-diplomacy" and term["title"]
    for path in html_files(out):
        for _tag, _name, value in parsed(path).refs():
            assert not value.endswith(".md") and ".md#" not in value, (path.name, value)
            assert not value.startswith("term:"), (path.name, value)


def html_text(text: str) -> str:
    from reader.render.html_text import html_to_text

    return " ".join(html_to_text(text).split())


def test_the_glossary_has_an_anchor_per_term(site) -> None:
    archive, out, _report = site
    page = parsed(out / GLOSSARY)
    assert len(archive.glossary) > 10
    for term in archive.glossary.terms:
        assert term.anchor in page.anchors, term.term
    text = html_text((out / GLOSSARY).read_text("utf-8"))
    assert "Backlash" in text and "A hostile reaction to pressure" in text
    appears = [v["href"] for t, v in page.tags if t == "a" and v.get("href", "").endswith(".html")]
    assert "coercive-diplomacy.html" in appears


def test_pages_not_preserved_are_listed_greyed_and_explained(site) -> None:
    archive, out, report = site
    index = parsed(out / INDEX)
    missing = [e for s in archive.sections for e in s.entries if not e.preserved]
    assert missing and report.not_preserved >= len(missing)
    text = (out / INDEX).read_text("utf-8")
    for entry in missing:
        assert (f'<li class="missing"><a href="{entry.slug}.html">') in text, entry.slug
    assert any(t == "li" and v.get("class") == "missing" for t, v in index.tags)
    form = next(v for t, v in index.tags if t == "form")  # with scripts off: reloads the index
    assert form["action"] == INDEX and form["method"] == "get"
    stub = (out / "refusal-to-negotiate.html").read_text("utf-8")
    words = html_text(stub)
    assert "Refusal to Negotiate" in words and "It is not preserved." in words
    assert "The course listed it under Problems." in words
    assert '<a href="coercive-diplomacy.html">Coercive Diplomacy</a> links to it' in stub
    preserved = {p.name for p in out.glob("*.html")}
    assert {f"{slug}.html" for slug in archive.pages} <= preserved


def test_the_successor_notice_is_on_the_index_and_a_line_on_every_page(site) -> None:
    archive, out, _report = site
    successor = archive.course.successor
    index = html_text((out / INDEX).read_text("utf-8"))
    assert "retired on December 2, 2005" in index
    assert successor.title in index
    assert successor.url in index and successor.built_around_url in index  # shown as text too
    for path in html_files(out):
        text = path.read_text("utf-8")
        assert f'href="{successor.url}"' in text, path.name
        assert "retired on December 2, 2005" in text, path.name


def test_the_page_about_the_copy(site, content: Path) -> None:
    archive, out, report = site
    text = html_text((out / ABOUT).read_text("utf-8"))
    digest = hashlib.sha256((content / MANIFEST_NAME).read_bytes()).hexdigest()
    assert report.checksum == digest and digest in text
    assert f"SHA-256 of the archive's {MANIFEST_NAME}" in text
    assert report.date in text and report.date_source in text
    assert f"{len(archive.pages)} preserved pages" in text
    assert f"OTPIC Reader {__version__}" in text
    assert is_site_export(out)
    listing = (out / MANIFEST_NAME).read_text("utf-8").splitlines()
    assert len(listing) == len(report.files) - 1
    for line in listing:
        digest, name = line.split("  ", 1)
        assert hashlib.sha256((out / name).read_bytes()).hexdigest() == digest


def test_without_a_manifest_the_checksum_is_that_of_the_manifest_to_come(content: Path) -> None:
    (content / MANIFEST_NAME).unlink()
    digest, source = archive_checksum(content)
    assert "has no MANIFEST.sha256" in source
    write_manifest(content)
    assert digest == hashlib.sha256((content / MANIFEST_NAME).read_bytes()).hexdigest()
    assert archive_checksum(content)[0] == digest


def test_the_date_is_chosen_never_today(content: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    archive = Archive.open(content)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    stamp = dt.datetime(2019, 6, 30, 12, tzinfo=dt.timezone.utc).timestamp()
    for path in content.rglob("*"):
        os.utime(path, (stamp - 86400, stamp - 86400))
    os.utime(content / "glossary.yaml", (stamp, stamp))
    day, source = copy_date(archive)
    assert day == dt.date(2019, 6, 30) and "glossary.yaml" in source
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert copy_date(archive)[0] == dt.date(2023, 11, 14)
    assert copy_date(archive, dt.date(2024, 5, 31))[0] == dt.date(2024, 5, 31)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(SiteExportError, match="SOURCE_DATE_EPOCH"):
        copy_date(archive)


def test_the_search_index(site) -> None:
    archive, out, _report = site
    docs = search_index(out)["docs"]
    by_url = {doc["url"]: doc for doc in docs}
    for slug, page in archive.pages.items():
        assert by_url[f"{slug}.html"]["title"] == page.title
        assert by_url[f"{slug}.html"]["kind"] == "page"
    text = by_url["coercive-diplomacy.html"]["text"]
    assert " coercive diplomacy is the diplomacy of threats " in text  # in their order
    words = text.split()
    assert {"coercive", "diplomacy", "threats", "backlash"} <= set(words)
    assert "copyright" not in words  # the provenance line is not the page's text
    assert "previous" not in words and "next" not in words  # nor are the links at its foot
    term = by_url["glossary.html#term-backlash"]
    assert term["kind"] == "term" and "hostile" in term["text"].split()
    stub = by_url["refusal-to-negotiate.html"]
    assert stub["kind"] == "missing" and stub["text"] == "refusal to negotiate"
    assert search_words("Élan, MULTI-track; naïve") == ["elan", "multi", "track", "naive"]


def test_a_folder_that_is_not_an_earlier_copy_is_refused(content: Path, tmp_path: Path) -> None:
    archive = Archive.open(content)
    out = tmp_path / "mine"
    out.mkdir()
    (out / "index.html").write_text("my own page")
    with pytest.raises(SiteExportError, match="not empty"):
        export_site(archive, out)
    assert [p.name for p in out.iterdir()] == ["index.html"]
    assert (out / "index.html").read_text() == "my own page"
    with pytest.raises(SiteExportError, match="content folder"):
        export_site(archive, content / "site")
    with pytest.raises(SiteExportError, match="does not exist"):
        export_site(archive, tmp_path / "no" / "site")
    (tmp_path / "empty-but-hidden").mkdir()
    (tmp_path / "empty-but-hidden" / ".DS_Store").write_bytes(b"x")
    export_site(archive, tmp_path / "empty-but-hidden")
    assert (tmp_path / "empty-but-hidden" / ".DS_Store").read_bytes() == b"x"


def test_an_earlier_copy_is_replaced_and_nothing_else_is_touched(content: Path,
                                                                 tmp_path: Path) -> None:
    extra = content / "pages" / "extra-page.md"
    extra.write_text("---\ntitle: An Extra Page\n---\n\nSoon gone.\n", "utf-8")
    out = tmp_path / "site"
    export_site(Archive.open(content), out)
    assert (out / "extra-page.html").is_file()
    (out / "teacher-notes.txt").write_text("week 2", "utf-8")
    extra.unlink()
    export_site(Archive.open(content), out)
    assert not (out / "extra-page.html").exists()
    assert (out / "teacher-notes.txt").read_text("utf-8") == "week 2"
    assert "extra-page" not in (out / SEARCH_INDEX).read_text("utf-8")


def test_progress_is_reported_to_the_end(content: Path, tmp_path: Path) -> None:
    calls: list[tuple[int, int]] = []
    export_site(Archive.open(content), tmp_path / "site",
                progress=lambda done, total: calls.append((done, total)))
    assert calls[-1][0] == calls[-1][1]
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert len({total for _, total in calls}) == 1


def test_slugs_that_clash_with_the_copys_own_files(content: Path, tmp_path: Path) -> None:
    (content / "pages" / "index.md").write_text("---\ntitle: An Index of Ideas\n---\n\n"
                                                "See the [glossary](glossary.md).\n", "utf-8")
    out = tmp_path / "site"
    export_site(Archive.open(content), out)
    assert "<h1>An Index of Ideas</h1>" in (out / "index_page.html").read_text("utf-8")
    assert '<form id="search"' in (out / INDEX).read_text("utf-8")
    assert 'href="glossary.html"' in (out / "index_page.html").read_text("utf-8")
    assert 'href="index_page.html"' in (out / INDEX).read_text("utf-8")


def test_pictures_inside_the_archive_travel_with_the_copy(content: Path, tmp_path: Path) -> None:
    (content / "pages" / "images").mkdir()  # named relative to the page, as Markdown does
    (content / "pages" / "images" / "map+1998.png").write_bytes(b"\x89PNG not really")
    (content / "pages" / "maps.md").write_text(
        "---\ntitle: Maps\n---\n\n![A map](images/map+1998.png) and "
        "![remote](https://example.org/x.png)\n", "utf-8")
    out = tmp_path / "site"
    export_site(Archive.open(content), out)
    sources = [v["src"] for t, v in parsed(out / "maps.html").tags if t == "img"]
    assert sources == [quote("files/pages/images/map+1998.png")]
    assert (out / "files" / "pages" / "images" / "map+1998.png").read_bytes() == (
        b"\x89PNG not really")
    assert "example.org" not in (out / "maps.html").read_text("utf-8").split("<main")[1]


def test_the_exporter_needs_no_qt() -> None:
    script = ("import sys, tempfile\nsys.modules['PySide6'] = None\n"
              "from reader.archive import Archive\n"
              "from reader.site.export import export_site\n"
              "out = tempfile.mkdtemp() + '/site'\n"
              "export_site(Archive.open(sys.argv[1]), out)\nprint('ok')\n")
    result = subprocess.run([sys.executable, "-c", script, str(ROOT / "content")],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.stdout.strip() == "ok", result.stderr


# --- in a real browser, when one is installed ----------------------------------------------


def dump_dom(url: str, profile: Path) -> str:
    """The DOM after the page's scripts ran: search.js reads ?q= as if it had been typed."""
    assert CHROMIUM
    result = subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
                             f"--user-data-dir={profile}", "--dump-dom", url],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def check_in_browser(base: str, profile: Path) -> None:
    found = dump_dom(f"{base}index.html?q=coercive%20dipl*", profile)
    assert "<h1>International Online Training Program on Intractable Conflict</h1>" in found
    assert "The search index of this copy is missing" not in found
    results = found.split('id="search-results"')[1].split("</ol>")[0]
    assert '<a href="coercive-diplomacy.html">Coercive Diplomacy</a>' in results
    assert "glossary.html#term-coercive-diplomacy" in results
    assert "unofficial-communication.html" not in results  # every word must match
    none = dump_dom(f"{base}index.html?q=coercive%20xyzzy", profile)
    assert "Nothing in this copy matches this search." in none
    prefix = dump_dom(f"{base}index.html?q=negot*", profile)
    assert "glossary.html#term-negotiation" in prefix.split('id="search-results"')[1]
    either = dump_dom(f"{base}index.html?q=xyzzy%20OR%20backlash", profile)
    assert "glossary.html#term-backlash" in either.split('id="search-results"')[1]


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_headless_chromium_reads_the_copy_from_files(site, tmp_path: Path) -> None:
    _archive, out, _report = site
    check_in_browser(out.resolve().as_uri() + "/", tmp_path / "profile")


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")
def test_headless_chromium_reads_the_copy_from_a_static_server(site, tmp_path: Path) -> None:
    _archive, out, _report = site

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                             functools.partial(Quiet, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        check_in_browser(f"http://127.0.0.1:{server.server_address[1]}/", tmp_path / "profile")
    finally:
        server.shutdown()
        server.server_close()
