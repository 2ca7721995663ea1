"""The date a classroom copy states and the checksum that names its archive: both chosen so
that the same archive always gives the same copy, byte for byte."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from pathlib import Path

from reader.archive.archive import Archive
from reader.integrity.manifest import MANIFEST_NAME, content_files, file_sha256, format_line
from reader.site.errors import SiteExportError


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
