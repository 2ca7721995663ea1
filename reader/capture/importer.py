"""Import a captured OTPIC page into a content folder: keep the capture, write the page.

The capture is kept byte for byte under `captures/` and the page is derived from
it, so every page can be made again from its capture and checked against it.
Plain-text captures and saved HTML pages (from a browser or a web archive) are
both accepted; anything else is refused with a reason, and nothing is written.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from reader.archive.model import Page
from reader.archive.page_file import PageError, read_page
from reader.capture.html_capture import (
    declared_charset,
    looks_like_html,
    original_address,
    read_html_capture,
)
from reader.capture.text_capture import (
    SECTION_FOLDERS,
    CaptureError,
    NotAnOtpicPage,
    ParsedCapture,
    page_file_text,
    parse_capture,
    section_for,
    title_slug,
)

__all__ = ["CaptureError", "Decoded", "ImportResult", "NotAnOtpicPage", "decode_capture",
           "import_capture"]

MAX_SLUG = 200  # a file name must stay well under the 255 bytes file systems allow
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252",
                  "latin-1": "Latin-1"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
KINDS = {"text": "text capture", "html": "saved HTML page", "web-archive": "web-archive copy"}
# Encodings a page may declare that we read: single-byte and East Asian web encodings.
_DECLARABLE = re.compile(r"^(?:cp\d+|iso8859-\d+|latin-1|koi8-[ru]|mac-[a-z]+|gb2312|gbk|gb18030|"
                         r"big5(?:hkscs)?|shift_jis|euc_jp|euc_kr|iso2022_jp|utf-8)$")
_MIME_HEADER = re.compile(r"^(?:From|MIME-Version|Content-Type|Subject|Date):", re.I)
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f\\/]")


@dataclass(frozen=True)
class Decoded:
    """A capture's text, the encoding it was read in, and why that one was assumed."""

    text: str
    encoding: str
    reason: str = ""

    def describe(self) -> str:
        name = ENCODING_NAMES.get(self.encoding, self.encoding)
        return f"{name}, {self.reason}" if self.reason else name


def decode_capture(raw: bytes) -> Decoded:
    """Decode a capture; old pages came in UTF-8, Windows-1252 or Latin-1.

    A byte-order mark decides; then valid UTF-8 is taken as UTF-8 (other
    encodings almost never make valid UTF-8 by chance); then the encoding an HTML
    page declares; then Windows-1252, which browsers used for Latin-1 pages;
    then Latin-1, which reads any bytes.
    """
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(encoding), encoding.removesuffix("-sig"),
                               "from its byte-order mark")
            except UnicodeDecodeError:
                break
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = _declared_codec(raw)
    if declared:
        try:
            return Decoded(raw.decode(declared), declared, "as the page declares")
        except UnicodeDecodeError:
            pass
    try:
        return Decoded(raw.decode("cp1252"), "cp1252", "assumed because it is not UTF-8")
    except UnicodeDecodeError:
        return Decoded(raw.decode("latin-1"), "latin-1",
                       "assumed because it is neither UTF-8 nor Windows-1252")


def _declared_codec(raw: bytes) -> str:
    """The codec of the encoding an HTML page declares, if it is one pages used."""
    try:
        name = codecs.lookup(declared_charset(raw) or "-").name
    except LookupError:
        return ""
    name = {"iso8859-1": "latin-1"}.get(name, name)
    return name if _DECLARABLE.match(name) else ""


@dataclass(frozen=True)
class ImportResult:
    """What happened to one capture: imported as `slug`, and whether a file changed."""

    slug: str
    changed: bool
    encoding: str
    encoding_note: str = ""
    kind: str = "text"
    written: tuple[str, ...] = ()  # content-relative paths of the files written
    capture_file: str = ""

    def describe(self) -> str:
        """How it was read, for the import report: "encoding ...; saved HTML page"."""
        what = KINDS.get(self.kind, self.kind)
        note = "" if self.changed else "; already in the archive, nothing changed"
        return f"encoding {self.encoding_note or self.encoding}; {what}{note}"


def import_capture(path: Path, content_dir: Path, *, source_url: str = "", section: str = "",
                   captured: str = "", replace: bool = False) -> ImportResult:
    """Import one capture; importing the same capture again changes nothing.

    Raises CaptureError (a ValueError; NotAnOtpicPage is one) saying why the file
    cannot be imported, before anything is written. A page already made from a
    different capture, or written by hand, is only replaced when `replace` is set.
    """
    raw = _read(path)
    decoded = _decoded(raw)
    kind, parsed, found_url, found_date = _parse(decoded.text)
    slug = title_slug(parsed.title)
    if not slug:
        raise CaptureError(f"its title {parsed.title!r} has no letters or digits to name "
                           "a page file by")
    if len(slug) > MAX_SLUG:
        raise CaptureError("the line where its title should be is too long to be a title "
                           f"({len(parsed.title)} characters)")
    digest = hashlib.sha256(raw).hexdigest()
    target = content_dir / "pages" / f"{slug}.md"
    earlier = _earlier_page(target, digest, replace)
    given_url, date = original_address(source_url) if source_url else ("", "")
    source_url = given_url or (earlier.source_url if earlier else "") or found_url
    captured = captured or date or (earlier.captured if earlier else "") or found_date
    section = (section or _folder_section(given_url) or (earlier.section if earlier else "")
               or section_for(parsed, source_url))
    capture_name = _capture_name(content_dir / "captures", _safe_name(path.name), raw)
    page_text = page_file_text(parsed, section=section, source_url=source_url,
                               captured=captured, capture_file=f"captures/{capture_name}",
                               capture_sha256=digest)
    written = _write(content_dir, capture_name, raw, target, page_text)
    return ImportResult(slug, bool(written), decoded.encoding, decoded.describe(), kind,
                        written, f"captures/{capture_name}")


def _folder_section(address: str) -> str:
    """The section an address's folder names (/peace/problem/ ...), or ''."""
    return next((section for folder, section in SECTION_FOLDERS.items() if folder in address), "")


def _read(path: Path) -> bytes:
    try:
        raw = path.read_bytes()
    except IsADirectoryError:
        raise CaptureError("it is a folder, not a file") from None
    except FileNotFoundError:
        raise CaptureError("it does not exist") from None
    except OSError as exc:
        raise CaptureError(f"it cannot be read ({exc.strerror or exc})") from None
    if not raw.strip():
        raise CaptureError("it is empty")
    return raw


def _decoded(raw: bytes) -> Decoded:
    """The capture's text, refusing what is not text at all."""
    decoded = decode_capture(raw)
    if "\x00" in decoded.text:
        raise CaptureError("it is a binary file (it holds NUL bytes), not a text or HTML "
                           "capture")
    first = decoded.text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    if _MIME_HEADER.match(first) and "multipart/related" in decoded.text[:4096].lower():
        raise CaptureError("it is a web archive file (MHTML); save the page as HTML or as "
                           "text and import that")
    return decoded


def _parse(text: str) -> tuple[str, ParsedCapture, str, str]:
    """Parse a text capture or a saved HTML page: (kind, parsed, address, date)."""
    if looks_like_html(text):
        page = read_html_capture(text)
        kind = "web-archive" if page.web_archive else "html"
        return kind, parse_capture(page.text, page.link_lines), page.source_url, page.captured
    return "text", parse_capture(text), "", ""


def _earlier_page(target: Path, digest: str, replace: bool) -> Page | None:
    """The page this capture made before (its provenance is kept), or None.

    A page made from another capture, or written by hand, is not silently replaced.
    """
    if not target.exists():
        return None
    try:
        page = read_page(target)
    except PageError:
        page = None
    if page is not None and page.capture_sha256 == digest:
        return page
    if replace:
        return None
    origin = (f"made from {page.capture_file}" if page and page.capture_file
              else "not made from a capture")
    raise CaptureError(f"the archive already has pages/{target.name}, {origin}; import with "
                       "--replace to replace it with this capture")


def _safe_name(name: str) -> str:
    """A capture's file name fit for captures/ and the manifest (no hidden or odd names)."""
    name = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return _UNSAFE_NAME.sub("_", name).lstrip(".") or "capture"


def _capture_name(captures: Path, name: str, raw: bytes) -> str:
    """The name the capture is kept under: its own, unless another capture took it.

    A capture already kept (under any name) keeps that name, so importing it
    again changes nothing; a different capture never overwrites one kept before.
    """
    kept = captures / name
    if kept.is_file() and kept.read_bytes() == raw:
        return name
    if captures.is_dir():
        for other in sorted(captures.iterdir()):
            if (other.is_file() and other.stat().st_size == len(raw)
                    and other.read_bytes() == raw):
                return other.name
    if not kept.exists():
        return name
    stem, dot, suffix = name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if dot and stem else (name, "")
    return f"{stem}-{hashlib.sha256(raw).hexdigest()[:12]}{suffix}"


def _write(content_dir: Path, capture_name: str, raw: bytes, target: Path,
           page_text: str) -> tuple[str, ...]:
    """Write what changed; a failure leaves no new capture behind."""
    written: list[str] = []
    kept = content_dir / "captures" / capture_name
    new_capture = not kept.exists()
    try:
        if new_capture:
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_bytes(raw)
            written.append(f"captures/{capture_name}")
        data = page_text.encode("utf-8")
        if not target.is_file() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            written.append(f"pages/{target.name}")
    except OSError as exc:
        if new_capture and written:
            kept.unlink(missing_ok=True)
        raise CaptureError(f"it could not be written into {content_dir} "
                           f"({exc.strerror or exc})") from None
    return tuple(written)
