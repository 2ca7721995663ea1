"""Addresses: the original address of a page, from whichever copy of the site holds it.

The course lived under https://www.colorado.edu/conflict/peace/. Copies keep it
under other hosts (a public mirror's `www_colorado_edu_conflict/peace/` and
`peace_standby/` trees), in folders (`www.colorado.edu/conflict/peace/...` from
wget, a bare `peace/` folder), in zip files the site offered (`peace_problem.ZIP`,
sometimes with flat names), and in web archives. Every form maps back to the one
original address, which is a page's identity; `key` makes the forms comparable
(any host of the site, http or https, `:80`, case, `index.htm`).

A copy whose address cannot be told still has a place: a made-up address on an
`.invalid` host that keeps its path in the copy, so that its relative links
still find the pages of the same copy.

The functions are pure, and an import asks them about the same addresses
thousands of times, so they remember their answers.
"""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Sequence
from urllib.parse import quote, unquote, urljoin, urlsplit

from reader.capture.html_capture import original_address

SITE_ROOT = "https://www.colorado.edu/conflict/peace/"
SITE_HOSTS = frozenset({"www.colorado.edu", "colorado.edu"})
TREES = frozenset({"peace", "peace_standby"})
MIRROR_FOLDERS = frozenset({"www_colorado_edu_conflict", "conflict"})
SECTION_FOLDERS = {"problem": "problems", "treatment": "approaches", "example": "examples",
                   "essay": "theory"}
PAGE_SUFFIXES = (".htm", ".html", ".shtml", ".shtm", ".xhtml", ".asp", ".aspx", ".php", ".cfm",
                 ".jsp", ".txt")
LOCAL_SUFFIX = ".invalid"
_INDEX = re.compile(r"(?:^|(?<=/))(?:index|default)\.s?html?$", re.I)
_QUERY_NAME = re.compile(r"^(.+?\.(?:s?html?|asp|aspx|php|cfm|jsp))[?@](.*)$", re.I)
_SAFE = "/!~*'()@:;=+$,-._%&"


def local_location(copy: int, path: str) -> str:
    """The made-up address of a file at `path` in the copy numbered `copy`."""
    return f"http://copy-{copy}{LOCAL_SUFFIX}/{quote(path.lstrip('/'), safe=_SAFE)}"


def _host(netloc: str) -> str:
    host = netloc.rpartition("@")[2].lower().rstrip(".")
    for port in (":80", ":443"):
        host = host.removesuffix(port)
    return host


@functools.lru_cache(maxsize=1 << 16)
def _split(url: str):
    try:
        return urlsplit(original_address(url)[0] if "archive.org/" in url else url.strip())
    except ValueError:
        return None


@functools.lru_cache(maxsize=1 << 16)
def site_rest(url: str) -> str | None:
    """The path of an address below the site's peace/ folder ("problem/refusal.htm"), or
    None for an address that is not the site's."""
    parts = _split(url)
    if parts is None or parts.scheme.lower() not in ("http", "https"):
        return None
    host = _host(parts.netloc)
    segments = unquote(parts.path).split("/")
    lowered = [segment.lower() for segment in segments]
    local = host.endswith(LOCAL_SUFFIX)
    for at in range(len(segments) - 2, 0, -1):
        if lowered[at + 1] not in TREES or lowered[at] not in MIRROR_FOLDERS:
            continue
        if lowered[at] == "www_colorado_edu_conflict" or local or (host in SITE_HOSTS and at == 1):
            return "/".join(segments[at + 2:])
    return None


def query_of(url: str) -> str:
    parts = _split(url)
    return parts.query if parts is not None else ""


def is_site(url: str) -> bool:
    return site_rest(url) is not None


@functools.lru_cache(maxsize=1 << 16)
def canonical(url: str) -> str:
    """The original address of a site page, written the one way; other addresses tidied."""
    rest = site_rest(url)
    if rest is None:
        address, _date = original_address(url)
        return address
    query = query_of(url)
    return SITE_ROOT + quote(rest, safe=_SAFE) + (f"?{query}" if query else "")


@functools.lru_cache(maxsize=1 << 16)
def key(url: str) -> str:
    """What two addresses of one page have in common; '' for what is no address."""
    parts = _split(url)
    if parts is None or not parts.netloc or parts.scheme.lower() not in ("http", "https"):
        return ""
    rest = site_rest(url)
    path = unquote(parts.path) if rest is None else rest
    path = _INDEX.sub("", posixpath.normpath("/" + path) + ("/" if path.endswith("/") else ""))
    path = path.replace("//", "/").lower()
    query = f"?{parts.query.lower()}" if parts.query else ""
    if rest is not None:
        return "site:" + path.lstrip("/") + query
    return f"{_host(parts.netloc)}{path}{query}"


@functools.lru_cache(maxsize=1 << 16)
def resolve(base: str, href: str) -> str:
    """The address a link leads to, from the address of the page it is on."""
    href = href.strip().replace("\\", "/")
    try:
        return urljoin(base, href) if base else href
    except ValueError:
        return ""


def resolve_link(address: str, location: str, href: str) -> str:
    """Where a link on a page leads: from the copy's place, except that a link from the
    site's root ("/conflict/peace/...") is read against the page's original address, as the
    copies that kept such links meant it."""
    stripped = href.strip()
    if stripped.startswith("/") and not stripped.startswith("//") and is_site(address):
        return resolve(address, stripped)
    return resolve(location, stripped)


@functools.lru_cache(maxsize=1 << 16)
def is_page(url: str) -> bool:
    """True for an address that names a page (not a picture, a PDF or a style sheet)."""
    parts = _split(url)
    if parts is None:
        return False
    name = parts.path.rsplit("/", 1)[-1].lower()
    return not name or "." not in name or name.endswith(PAGE_SUFFIXES)


def section_of(url: str) -> str:
    """The section an address's folder names (problem/ is problems ...), or ''."""
    rest = site_rest(url)
    if not rest or "/" not in rest:
        return ""
    return SECTION_FOLDERS.get(rest.split("/", 1)[0].lower(), "")


def is_top_level(url: str) -> bool:
    """True for a page directly in the site's peace/ folder, where its list pages were."""
    rest = site_rest(url)
    return rest is not None and "/" not in rest.strip("/")


def split_query(name: str) -> tuple[str, str]:
    """A saved file's name and the query string it stands for ("a.htm?x=1", "a.htm@x=1")."""
    match = _QUERY_NAME.match(name)
    return (match.group(1), match.group(2)) if match else (name, "")


def path_place(parts: Sequence[str]) -> tuple[str | None, str]:
    """Where a file of a copy was on the site, from its path: (site path or None, the path
    its made-up address keeps).

    `parts` are the copy's own folder name (or what a zip file's name stands for),
    then the file's path inside it.
    """
    parts = [part for part in parts if part not in ("", ".")]
    if parts:
        name, query = split_query(parts[-1])
        parts = [*parts[:-1], name + (f"?{query}" if query else "")]
    lowered = [part.lower() for part in parts]
    rest: list[str] | None = None
    for at in range(len(parts) - 2, -1, -1):
        if lowered[at] in MIRROR_FOLDERS and lowered[at + 1] in TREES:
            return "/".join(parts[at + 2:]), "/".join(parts)
    if (lowered and lowered[0] in TREES) or (len(parts) > 2 and lowered[1] in SECTION_FOLDERS):
        rest = parts[1:]
    if rest is None:
        return None, "/".join(parts)
    return "/".join(rest), "conflict/peace/" + "/".join(rest)


def zip_folders(stem: str, members_have_folders: bool) -> list[str]:
    """The folders a zip file's name stands for: "peace_problem" is peace/problem/ when its
    members carry no section folder of their own."""
    lowered = stem.lower()
    match = re.match(r"^(peace(?:_standby)?)(?:_([a-z]+?)s?)?$", lowered)
    if not match:
        return [stem]
    folder = match.group(2)
    if folder in SECTION_FOLDERS and not members_have_folders:
        return ["peace", folder]
    return ["peace"]


def site_address(rest: str) -> str:
    """The original address of a site path ("problem/refusal.htm")."""
    name, query = rest.split("?", 1) if "?" in rest else (rest, "")
    return SITE_ROOT + quote(name, safe=_SAFE) + (f"?{query}" if query else "")
