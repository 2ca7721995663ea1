"""Reading a capture's bytes as text: old pages came in UTF-8, Windows-1252 or Latin-1.

Anything that is not text at all (a picture, a zip file, MHTML) is refused
here with a reason, before anything is parsed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from reader.capture.html_capture import declared_charset
from reader.capture.text_capture import CaptureError

ENCODING_NAMES = {"utf-8": "UTF-8", "utf-16": "UTF-16", "cp1252": "Windows-1252",
                  "latin-1": "Latin-1"}
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
# Encodings a page may declare that we read: single-byte and East Asian web encodings.
_DECLARABLE = re.compile(r"^(?:cp\d+|iso8859-\d+|latin-1|koi8-[ru]|mac-[a-z]+|gb2312|gbk|gb18030|"
                         r"big5(?:hkscs)?|shift_jis|euc_jp|euc_kr|iso2022_jp|utf-8)$")
_MIME_HEADER = re.compile(r"^(?:From|MIME-Version|Content-Type|Subject|Date):", re.I)


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
    """Decode a capture.

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


def decode_text(raw: bytes) -> Decoded:
    """The capture's text, refusing what is empty or not text at all."""
    if not raw.strip():
        raise CaptureError("it is empty")
    decoded = decode_capture(raw)
    if "\x00" in decoded.text:
        raise CaptureError("it is a binary file (it holds NUL bytes), not a text or HTML "
                           "capture")
    first = decoded.text.lstrip("\ufeff \t\r\n").split("\n", 1)[0]
    if _MIME_HEADER.match(first) and "multipart/related" in decoded.text[:4096].lower():
        raise CaptureError("it is a web archive file (MHTML); save the page as HTML or as "
                           "text and import that")
    return decoded


def _declared_codec(raw: bytes) -> str:
    """The codec of the encoding an HTML page declares, if it is one pages used."""
    try:
        name = codecs.lookup(declared_charset(raw) or "-").name
    except LookupError:
        return ""
    name = {"iso8859-1": "latin-1"}.get(name, name)
    return name if _DECLARABLE.match(name) else ""
