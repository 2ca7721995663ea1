"""Saved copies of the site for the importer's tests, written in the site's styles.

Every word here is the seeds' (the captures this project starts from) or this
project's own; the shapes follow how copies of the site survive: wget folders,
a mirror under another host, the site's zip downloads, and web archives.
"""

from __future__ import annotations

import html
import io
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from tests.conftest import CAPTURES, SEED_PAGES

SITE = "https://www.colorado.edu/conflict/peace/"
BANNER = ("<p><b>OTPIC Officially Retired</b></p>\n"
          "<p>As of December 2, 2005, the Online Training Program on Intractable Conflict "
          "(OTPIC) has been officially retired, and is no longer open to new registrations.</p>"
          "\n<p>The successor to OTPIC is a course called Dealing Constructively with "
          "Intractable Conflicts (DCIC). The new curriculum is built around one of our major "
          "projects, Beyond Intractability, and offers a much more extensive and informative "
          "set of learning materials than that available through OTPIC.</p>\n")
HEADER = ('<table><tr><td><img src="../usiplogo.gif" alt="usiplogo.gif (1499 bytes)"></td>'
          "<td>International Online Training Program On Intractable Conflict</td></tr>"
          "<tr><td>Conflict Research Consortium, University of Colorado, USA</td></tr></table>\n")
MENU = ('<p><a href="../index.htm">Opening Page</a> | <a href="../glossary.htm">Glossary</a> | '
        '<a href="../menu.htm">Menu Shortcut Page</a></p>\n')
SHORT_MENU = ('<p><a href="../glossary.htm">Glossary</a> | '
              '<a href="../menu.htm">Menu Shortcut Page</a></p>\n')
FOOTER = "<p>Copyright 1998 Conflict Research Consortium -- Contact: crc@colorado.edu</p>\n"

Link = tuple[str, str, str]  # text, href, description


def page(title: str | None, paragraphs: Sequence[str], lists: Iterable[tuple[str, Sequence[Link]]]
         = (), *, banner: bool = True, header: bool = True, menu: str | None = MENU,
         footer: str = FOOTER, heading_image: str = "", top: Sequence[str] = (),
         bottom: Sequence[str] = ()) -> str:
    """One page in the site's layout; `title=None` leaves its heading out (or a picture)."""
    parts = ['<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2//EN">\n<html><head>'
             '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
             f"<title>{html.escape(title or 'OTPIC')}</title></head>\n<body>\n"]
    if banner:
        parts.append(BANNER)
    if header:
        parts.append(HEADER)
    if heading_image:
        parts.append(f'<p><img src="{heading_image}" alt=""></p>\n')
    if title is not None:
        parts.append(f"<h2>{html.escape(title)}</h2>\n")
    if menu:
        parts.append(menu)
    parts += [f"<p>{line}</p>\n" for line in top]
    parts += [f"<p>{html.escape(text)}</p>\n" for text in paragraphs]
    for heading, links in lists:
        parts.append(f"<p><b>{html.escape(heading)}</b></p>\n<dl>\n")
        for text, href, description in links:
            parts.append(f'<dt><a href="{html.escape(href)}">{html.escape(text)}</a></dt>\n')
            if description:
                parts.append(f"<dd>{html.escape(description)}</dd>\n")
        parts.append("</dl>\n")
    parts += [f"<p>{line}</p>\n" for line in bottom]
    parts.append(footer)
    parts.append("</body></html>\n")
    return "".join(parts)


def seed_text(slug: str) -> str:
    return (CAPTURES / SEED_PAGES[slug]).read_text(encoding="utf-8")


def seed_paragraphs(slug: str, count: int = 2) -> list[str]:
    """Body paragraphs of a seed page: its long lines, word for word."""
    return [line for line in seed_text(slug).splitlines() if len(line) > 200
            and not line.startswith(("As of December 2, 2005", "The successor to OTPIC"))][:count]


def write_tree(root: Path, files: dict[str, str | bytes]) -> Path:
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("cp1252") if isinstance(data, str) else data)
    return root


def zip_of(path: Path, files: dict[str, str | bytes], *, compression: int = zipfile.ZIP_DEFLATED
           ) -> Path:
    with zipfile.ZipFile(path, "w", compression) as archive:
        for name, data in files.items():
            archive.writestr(name, data.encode("cp1252") if isinstance(data, str) else data)
    return path


def warc_of(path: Path, records: Sequence[tuple[str, str | bytes, str]], *, gzip: bool = True,
            extra: Sequence[tuple[str, int, str]] = ()) -> Path:
    """A WARC of HTML responses (address, page, WARC date), and other responses (address,
    HTTP status, content type) with no page in them; a request record before each."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=gzip)
        for url, data, date in records:
            payload = data.encode("cp1252") if isinstance(data, str) else data
            asked = StatusAndHeaders(f"GET {url} HTTP/1.0", [], is_http_request=True)
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b""),
                                                http_headers=asked,
                                                warc_headers_dict={"WARC-Date": date})
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")],
                                       protocol="HTTP/1.0")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(payload),
                                               http_headers=headers,
                                               warc_headers_dict={"WARC-Date": date})
            writer.write_record(record)
        for url, status, content_type in extra:
            headers = StatusAndHeaders(f"{status} X", [("Content-Type", content_type),
                                                       ("Location", SITE)],
                                       protocol="HTTP/1.0")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(b"x"),
                                               http_headers=headers)
            writer.write_record(record)
    return path


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file below a folder and its bytes (hidden ones too): an archive's whole state."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


# A small copy of the site: two problems, two treatments, an example and an essay, the
# site's lists of problems and treatments, and links of every kind between them.
REFUSAL = page("Refusal to Negotiate", [
    "Some parties will not come to the table, because talking looks like weakness or like "
    "recognising the other side.",
], [("Links to Related Solutions", [
    ("Coercive Diplomacy", "../treatment/coercdip.htm", "Threats can bring a party to talks."),
    ("Unofficial Communication", "http://WWW.Colorado.EDU:80/conflict/peace/treatment/"
                                 "unofcomm.htm", ""),
    ("Dialogue Projects", "/conflict/peace/treatment/dialog.htm", ""),
])])
COMMUNICATION = page("Communication Problems", [
    "Parties in a long conflict stop listening to each other, and what little is said is "
    "heard through the worst expectations.",
], [("Links to Related Solutions", [
    ("Unofficial Communication", "../treatment/unofcomm.htm#tracks", ""),
    ("Dialogue", "../treatment/dialog.htm", "Structured talks between ordinary people."),
])])
COERCIVE = page("Coercive Diplomacy", seed_paragraphs("coercive-diplomacy", 1), [
    ("Links to examples of this Approach", [
        ("Alexander George -- Forceful Persuasion: Coercive Diplomacy as an Alternative to War",
         "../example/george1.htm", "This is a summary of a book on coercive diplomacy."),
    ]),
    ("Links to Related Problems", [("Refusal to Negotiate", "../problem/refusal.htm", "")]),
])
UNOFFICIAL = page("Unofficial Communication, Citizen Diplomacy, and Multi-track Diplomacy",
                  seed_paragraphs("unofficial-communication", 2), [
    ("Links to Related Approaches", [("Dialogue Projects", "dialog.htm", "")]),
    ("Links to Related Problems", [
        ("Communication Problems", "https://www.colorado.edu/conflict/peace/problem/comm.htm",
         ""),
        ("Refusal to Negotiate", "http://colorado.edu/conflict/peace/problem/refusal.htm", ""),
    ]),
])
EXAMPLE = page("Forceful Persuasion: Coercive Diplomacy as an Alternative to War", [
    "A summary, written for these tests, of a book on how threats are used in diplomacy and "
    "what makes them work or fail.",
], header=False, menu=None, bottom=['Use the "back" button to go back to where you were.'])
ESSAY = page("Why Some Conflicts Last", [
    "An essay, written for these tests, on the reasons a conflict resists every attempt to "
    "settle it: identities, fears, and the costs already paid.",
], header=False, menu=None, top=["A. Writer"])
PROBLEM_LIST = page("Problem List: Communication and Negotiation", [
    "Each title below opens its page, written for these tests.",
], [("", [("Refusal to Negotiate", "problem/refusal.htm", "Parties who will not talk."),
          ("Communication Problems", "problem/comm.htm", "Parties who do not hear."),
          ("Fact-Finding Problems", "problem/facts.htm", "Parties who disagree on facts.")])],
     menu=SHORT_MENU)
TREATMENT_LIST = page("Treatment List: Opening Communication", [
    "Each title below opens its page, written for these tests.",
], [("", [("Unofficial Communication", "treatment/unofcomm.htm", "Contacts between citizens."),
          ("Dialogue Projects", "treatment/dialog.htm", "Talks between ordinary people."),
          ("Coercive Diplomacy", "treatment/coercdip.htm", "The diplomacy of threats.")])],
     menu=SHORT_MENU)

SITE_FILES = {
    "problem/refusal.htm": REFUSAL,
    "problem/comm.htm": COMMUNICATION,
    "treatment/coercdip.htm": COERCIVE,
    "treatment/unofcomm.htm": UNOFFICIAL,
    "example/george1.htm": EXAMPLE,
    "essay/lasting.htm": ESSAY,
    "problist.htm": PROBLEM_LIST,
    "treatlist.htm": TREATMENT_LIST,
}
NOT_PAGES = {"usiplogo.gif": b"GIF89a\x01\x00\x01\x00", "style.css": b"body { margin: 0 }",
             "menu.js": b"var x = 1;"}
MISSING = {  # addresses the copy links to but does not hold: slug -> its link texts
    "dialogue-projects": {"Dialogue Projects", "Dialogue"},
    "fact-finding-problems": {"Fact-Finding Problems"},
}


def wget_tree(root: Path) -> Path:
    """The copy as `wget --mirror` leaves it: host, then path, pictures beside the pages."""
    base = "www.colorado.edu/conflict/peace/"
    files = {base + name: data for name, data in SITE_FILES.items()}
    files.update({base + name: data for name, data in NOT_PAGES.items()})
    return write_tree(root, files)


def mirror_tree(root: Path, tree: str = "peace_standby") -> Path:
    """The copy as a public mirror keeps it, under another host and a renamed tree."""
    base = f"www.mirror.example/www_colorado_edu_conflict/{tree}/"
    return write_tree(root, {base + name: data for name, data in SITE_FILES.items()})


def site_warc(path: Path, date: str = "2004-06-03T12:00:00Z", *,
              host: str = "http://www.colorado.edu:80/conflict/peace/") -> Path:
    return warc_of(path, [(host + name, data, date) for name, data in SITE_FILES.items()],
                   extra=[(host + "old.htm", 301, "text/html"),
                          (host + "gone.htm", 404, "text/html"),
                          (host + "usiplogo.gif", 200, "image/gif")])
