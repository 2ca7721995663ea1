"""Import a captured OTPIC page into a content folder: keep the capture, write the page."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from reader.archive.capture_text import page_file_text, parse_capture, section_for, title_slug


@dataclass(frozen=True)
class ImportResult:
    """What happened to one capture: imported as `slug`, and whether a file changed."""

    slug: str
    changed: bool
    encoding: str


ENCODINGS = ("utf-8", "cp1252", "latin-1")


def decode_capture(raw: bytes) -> tuple[str, str]:
    """Decode the bytes of a capture; old pages came in UTF-8, Windows-1252 or Latin-1."""
    for encoding in ENCODINGS:
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any bytes")


def import_capture(path: Path, content_dir: Path, *, source_url: str = "", section: str = "",
                   captured: str = "") -> ImportResult:
    """Import one capture; importing the same capture again changes nothing.

    Raises NotAnOtpicPage (a ValueError) for a file that is not an OTPIC page.
    """
    raw = path.read_bytes()
    text, encoding = decode_capture(raw)
    parsed = parse_capture(text)
    slug = title_slug(parsed.title)
    captures = content_dir / "captures"
    captures.mkdir(parents=True, exist_ok=True)
    kept = captures / path.name
    if not kept.exists() or kept.read_bytes() != raw:
        shutil.copyfile(path, kept)
    page_text = page_file_text(
        parsed,
        section=section or section_for(parsed, source_url),
        source_url=source_url,
        captured=captured,
        capture_file=f"captures/{path.name}",
        capture_sha256=hashlib.sha256(raw).hexdigest(),
    )
    target = content_dir / "pages" / f"{slug}.md"
    target.parent.mkdir(parents=True, exist_ok=True)
    changed = not target.exists() or target.read_text(encoding="utf-8") != page_text
    if changed:
        target.write_text(page_text, encoding="utf-8", newline="\n")
    return ImportResult(slug, changed, encoding)
