"""Whether one page can be trusted: its file's checksum against MANIFEST.sha256, and its
capture's against what its front matter recorded, for the Page info dialog.

An archived page is trustworthy when its file is as MANIFEST.sha256 lists it and
the capture it names is the one it was made from. (How to cite a page is said with
the program's other words about provenance, in render/wording.py.)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.archive.page_file import PageError, read_page
from reader.integrity.manifest import (
    CHANGED,
    MANIFEST_NAME,
    MISSING,
    UNREADABLE,
    ManifestError,
    file_sha256,
    read_manifest,
)
from reader.render.wording import cite_text

__all__ = ["NOT_LISTED", "NO_MANIFEST", "VERIFIED", "PageChecksum", "cite_text",
           "page_checksum_status"]  # cite_text: its earlier home, kept for its callers

VERIFIED = "verified"
NOT_LISTED = "not listed in the manifest"
NO_MANIFEST = "no manifest"


@dataclass(frozen=True)
class PageChecksum:
    """A page file's checksum now, what the manifest lists, and whether both agree."""

    path: str
    status: str
    sha256: str = ""
    listed_sha256: str = ""
    capture_file: str = ""
    capture_status: str = ""  # VERIFIED, CHANGED or MISSING; '' when it names no capture

    @property
    def verified(self) -> bool:
        return self.status == VERIFIED and self.capture_status in (VERIFIED, "")

    def describe(self) -> str:
        """One sentence for the dialog."""
        page = {
            VERIFIED: f"The file {self.path} is as {MANIFEST_NAME} lists it",
            CHANGED: f"The file {self.path} has changed since {MANIFEST_NAME} was made",
            MISSING: f"The file {self.path} is missing",
            UNREADABLE: f"The file {self.path} cannot be read",
            NOT_LISTED: f"The file {self.path} is not listed in {MANIFEST_NAME}",
            NO_MANIFEST: f"The archive has no {MANIFEST_NAME} to check {self.path} against",
        }[self.status]
        capture = {
            VERIFIED: f"; its capture {self.capture_file} is the one it was made from.",
            CHANGED: f"; its capture {self.capture_file} is not the one it was made from.",
            MISSING: f"; its capture {self.capture_file} is missing.",
            "": ".",
        }[self.capture_status]
        return page + capture


def page_checksum_status(content_dir: Path, slug: str) -> PageChecksum:
    """Check one page file against the manifest and its capture against its front matter."""
    content_dir = Path(content_dir)
    relative = f"pages/{slug}.md"
    path = content_dir / relative
    try:
        actual = file_sha256(path) if path.is_file() else ""
    except OSError:
        actual = ""
    try:
        entries, _bad = read_manifest(content_dir)
    except ManifestError:
        entries = None
    listed = next((digest for name, digest in entries or [] if name.removeprefix("./")
                   == relative), "")
    if not path.is_file():
        status = MISSING
    elif not actual:
        status = UNREADABLE
    elif entries is None:
        status = NO_MANIFEST
    elif not listed:
        status = NOT_LISTED
    else:
        status = VERIFIED if listed == actual else CHANGED
    capture_file, capture_status = _capture_status(content_dir, path)
    return PageChecksum(relative, status, actual, listed, capture_file, capture_status)


def _capture_status(content_dir: Path, page_path: Path) -> tuple[str, str]:
    try:
        page = read_page(page_path)
    except (PageError, OSError):
        return "", ""
    if not page.capture_file:
        return "", ""
    root = content_dir.resolve()
    capture = (root / page.capture_file).resolve()
    if root not in capture.parents or not capture.is_file():
        return page.capture_file, MISSING
    try:
        same = file_sha256(capture) == page.capture_sha256.lower()
    except OSError:
        return page.capture_file, MISSING
    return page.capture_file, VERIFIED if same else CHANGED

