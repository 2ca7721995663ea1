"""The copy's page about itself: its date, the archive's checksum, what it holds, and how
to check and share it."""

from __future__ import annotations

from html import escape
from pathlib import Path

from reader import __version__
from reader.archive.archive import Archive
from reader.archive.course import long_date
from reader.common.words import counted
from reader.integrity.manifest import MANIFEST_NAME, ManifestError, verify
from reader.site.names import INDEX
from reader.site.templates import part


def about_main(archive: Archive, *, date: str, date_source: str, checksum: str,
               checksum_source: str, not_preserved: int) -> str:
    problems = "".join(f"<li>{escape(_relative(archive, p.path))}: {escape(p.message)}</li>"
                       for p in archive.problems)
    left_out = ("<dt>Left out</dt><dd><p>These files of the archive could not be read and are "
                f"not in this copy:</p><ul>{problems}</ul></dd>\n" if problems else "")
    return part("about.html", title=escape(archive.course.title), index=INDEX,
                long_date=escape(long_date(date)), date=date, date_source=escape(date_source),
                checksum=checksum, checksum_source=escape(checksum_source),
                verified=_manifest_check(archive),
                pages=counted(len(archive.pages), "preserved page"), not_preserved=not_preserved,
                terms=counted(len(archive.glossary), "glossary term"),
                version=escape(__version__), manifest=MANIFEST_NAME, left_out=left_out)


def _manifest_check(archive: Archive) -> str:
    """What the archive's own manifest said when the copy was made, if it has one."""
    if not (archive.root / MANIFEST_NAME).is_file():
        return ""
    try:
        report = verify(archive.root)
    except ManifestError:
        return ""
    if report.intact:
        return (f" When the copy was made, all {report.listed} files listed in it matched "
                "their checksums.")
    return (f" When the copy was made, {len(report.findings)} files of the archive did not "
            f"match it ('otpic-reader verify' names them).")


def _relative(archive: Archive, path: Path) -> str:
    try:
        return Path(path).resolve().relative_to(archive.root.resolve()).as_posix()
    except ValueError:
        return Path(path).name
