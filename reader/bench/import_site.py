"""A synthetic saved copy of the site, in its style, for the import benchmark.

Pages as the site served them: the retirement banner, the program header in a
table, a heading (a picture for some), the menu line, paragraphs, "Links to
..." lists with relative links across its folders (and to pages the copy does
not hold), the site's list pages in its top folder, and the copyright footer.
The same seed gives the same bytes, as a folder (as wget leaves it), a zip
file, or a WARC file.
"""

from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Iterator
from html import escape
from pathlib import Path

from reader.bench.synthetic import FILLER, STEMS

SITE = "http://www.colorado.edu/conflict/peace/"
FOLDERS = (("problem", "Links to Related Solutions"), ("treatment", "Links to Related Problems"),
           ("example", "Links to Related Approaches"), ("essay", "Links to Related Sections"))
_HEAD = ('<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2//EN">\n<html><head><meta '
         'http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
         "<title>{title}</title></head>\n<body bgcolor=\"#FFFFFF\">\n"
         "<p><b>OTPIC Officially Retired</b></p>\n<p>As of December 2, 2005, the Online "
         "Training Program on Intractable Conflict (OTPIC) has been officially retired, and is "
         "no longer open to new registrations.</p>\n<p>The successor to OTPIC is a course called "
         "Dealing Constructively with Intractable Conflicts (DCIC).</p>\n<table><tr><td><img "
         'src="{up}usiplogo.gif" alt="usiplogo.gif (1499 bytes)"></td><td>International Online '
         "Training Program On Intractable Conflict</td></tr><tr><td>Conflict Research Consortium,"
         " University of Colorado, USA</td></tr></table>\n")
_MENU = ('<p><a href="{up}index.htm">Opening Page</a> | <a href="{up}glossary.htm">Glossary</a>'
         ' | <a href="{up}menu.htm">Menu Shortcut Page</a></p>\n')
_FOOT = ("<p>Copyright &copy;1998 Conflict Research Consortium -- Contact: crc@colorado.edu</p>"
         "\n</body></html>\n")


def site_pages(pages: int = 1000, seed: int = 0) -> dict[str, bytes]:
    """Path below peace/ -> bytes, for `pages` pages (a fiftieth of them the site's lists)."""
    rng = random.Random(seed)
    words = [word for group in STEMS for word in group.split()]
    lists = max(4, pages // 50)
    names: list[tuple[str, str]] = []  # (path, title)
    seen: set[str] = set()
    for number in range(pages - lists):
        folder = FOLDERS[number % len(FOLDERS)][0]
        title = " ".join(rng.sample(words, rng.randint(2, 4))).title()
        while title in seen:
            title += f" {rng.choice(words).title()}"
        seen.add(title)
        names.append((f"{folder}/p{number:04d}.htm", title))
    files: dict[str, bytes] = {}
    for number, (path, title) in enumerate(names):
        files[path] = _page(rng, path, title, names, words, picture=number % 17 == 0)
    per_list = -(-len(names) // lists)
    for number in range(lists):
        chunk = names[number * per_list:(number + 1) * per_list]
        files[f"list{number:02d}.htm"] = _list_page(number, chunk)
    files["usiplogo.gif"] = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
    return files


def _sentence(rng: random.Random, words: list[str]) -> str:
    picked = [rng.choice(FILLER) if rng.random() < 0.45 else rng.choice(words)
              for _ in range(rng.randint(8, 22))]
    return picked[0].capitalize() + " " + " ".join(picked[1:]) + "."


def _page(rng: random.Random, path: str, title: str, names: list[tuple[str, str]],
          words: list[str], *, picture: bool) -> bytes:
    folder = path.split("/", 1)[0]
    parts = [_HEAD.format(title=escape(title), up="../")]
    parts.append('<p><img src="heading.gif"></p>\n' if picture else f"<h2>{escape(title)}</h2>\n")
    parts.append(_MENU.format(up="../"))
    for _ in range(rng.randint(3, 7)):
        parts.append("<p>" + " ".join(_sentence(rng, words) for _ in range(rng.randint(3, 6)))
                     + "</p>\n")
    heading = dict(FOLDERS)[folder]
    parts.append(f"<p><b>{heading}</b></p>\n<dl>\n")
    for _ in range(rng.randint(3, 8)):
        if rng.random() < 0.1:
            target, text = f"../treatment/missing{rng.randrange(40):02d}.htm", "A Missing Page"
        else:
            target, text = rng.choice(names)
            target = "../" + target
        parts.append(f'<dt><a href="{target}">{escape(text)}</a></dt>\n'
                     f"<dd>{_sentence(rng, words)}</dd>\n")
    parts.append("</dl>\n" + _FOOT)
    return "".join(parts).encode("cp1252", "replace")


def _list_page(number: int, chunk: list[tuple[str, str]]) -> bytes:
    parts = [_HEAD.format(title=f"List {number}", up=""),
             f"<h2>Problem and Treatment List {number + 1}</h2>\n", _MENU.format(up=""),
             "<p>Each title below opens its page, written for these tests.</p>\n<dl>\n"]
    for path, title in chunk:
        parts.append(f'<dt><a href="{path}">{escape(title)}</a></dt>\n')
    parts.append("</dl>\n" + _FOOT)
    return "".join(parts).encode("cp1252", "replace")


def write_folder(root: Path, files: dict[str, bytes]) -> Path:
    """The copy as `wget --mirror` leaves it."""
    base = root / "www.colorado.edu" / "conflict" / "peace"
    for relative, data in files.items():
        path = base / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    """The copy as the site's own `peace.zip` download."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for relative, data in files.items():
            archive.writestr(f"peace/{relative}", data)
    return path


def write_warc(path: Path, files: dict[str, bytes], date: str = "2004-06-03T12:00:00Z") -> Path:
    """The copy as a crawler's gzipped WARC: a request and a response record a page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for url, data, kind in _records(files):
            asked = StatusAndHeaders(f"GET {url} HTTP/1.0", [], is_http_request=True)
            writer.write_record(writer.create_warc_record(
                url, "request", payload=io.BytesIO(b""), http_headers=asked,
                warc_headers_dict={"WARC-Date": date}))
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(
                url, "response", payload=io.BytesIO(data), http_headers=headers,
                warc_headers_dict={"WARC-Date": date}))
    return path


def _records(files: dict[str, bytes]) -> Iterator[tuple[str, bytes, str]]:
    for relative, data in files.items():
        kind = "image/gif" if relative.endswith(".gif") else "text/html; charset=iso-8859-1"
        yield SITE + relative, data, kind
