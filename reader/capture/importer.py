"""Import one captured OTPIC page: the import of a single file, as a function.

The capture is kept byte for byte under `captures/` and the page is derived from
it, so every page can be made again from its capture and checked against it.
This is `import_saved_copies` (run.py) for one file, raising CaptureError when
the file cannot be imported; nothing is written then.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reader.capture.candidates import KINDS
from reader.capture.decoding import Decoded, decode_capture
from reader.capture.run import ImportRefused, import_saved_copies
from reader.capture.text_capture import CaptureError, NotAnOtpicPage

__all__ = ["CaptureError", "Decoded", "ImportResult", "NotAnOtpicPage", "decode_capture",
           "import_capture"]


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
                   captured: str = "") -> ImportResult:
    """Import one capture into `content_dir` (a new archive when it does not exist yet);
    importing the same capture again changes nothing."""
    path = Path(path)
    if path.is_dir():
        raise CaptureError("it is a folder, not a file")
    if source_url:
        from reader.capture import addresses
        from reader.capture.html_capture import original_address

        if not addresses.key(original_address(source_url)[0]):
            raise CaptureError(f"the address {source_url!r} is not a web address")
    try:
        report = import_saved_copies([path], content_dir, address=source_url, section=section,
                                     captured=captured)
    except ImportRefused as exc:
        raise CaptureError(str(exc).rstrip(".")) from None
    if report.refused:
        raise CaptureError(report.refused[0].reason)
    if not report.pages:
        raise CaptureError("it holds no page")
    page = report.pages[0]
    return ImportResult(page.slug, report.changed, page.encoding, page.encoding_note,
                        page.kind, tuple(report.written), page.capture_file)
