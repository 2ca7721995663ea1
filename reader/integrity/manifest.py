"""The archive's checksums: MANIFEST.sha256, in the format of coreutils `sha256sum`.

One line per content file, `<sha256 hex>  <path relative to the folder>`, sorted,
so that `cd content && sha256sum -c MANIFEST.sha256` checks the archive with no
program of ours. Hidden files (a name starting with ".") are not content.
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reader.common.files import atomic_write

MANIFEST_NAME = "MANIFEST.sha256"
_LINE = re.compile(r"^(\\?)([0-9a-fA-F]{64}) [ *](.+)$")
_TAG_LINE = re.compile(r"^(\\?)SHA256 \((.+)\) = ([0-9a-fA-F]{64})$")
_ESCAPES = {"\\\\": "\\", "\\n": "\n", "\\r": "\r"}


class ManifestError(Exception):
    """The manifest is absent or cannot be read or written; one sentence says why."""


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in chunks so that large captures cost little memory."""
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        for chunk in iter(lambda: stream.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def content_files(content_dir: Path) -> list[str]:
    """Every content file, as sorted relative POSIX paths, without the manifest itself."""
    found: list[str] = []
    for folder, dirnames, filenames in os.walk(content_dir):
        dirnames[:] = [name for name in dirnames if not name.startswith(".")]
        base = PurePosixPath(Path(folder).relative_to(content_dir).as_posix())
        for name in filenames:
            relative = str(base / name)
            if not name.startswith(".") and relative != MANIFEST_NAME:
                found.append(relative)
    return sorted(found)


def format_line(relative: str, digest: str) -> str:
    """One manifest line; names with a backslash or line break are escaped as coreutils does."""
    if any(char in relative for char in "\\\n\r"):
        escaped = relative.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
        return f"\\{digest}  {escaped}"
    return f"{digest}  {relative}"


def parse_manifest(text: str) -> tuple[list[tuple[str, str]], list[int]]:
    """The (path, sha256) entries of a manifest, and the numbers of lines that are not ones.

    Both layouts `sha256sum -c` reads are understood: the usual one (text or
    binary mode) and the BSD-style `SHA256 (path) = hex` of `--tag`.
    """
    entries: list[tuple[str, str]] = []
    bad: list[int] = []
    for number, line in enumerate(text.split("\n"), start=1):
        line = line.removesuffix("\r")
        if not line.strip():
            continue
        match = _LINE.match(line)
        tagged = None if match else _TAG_LINE.match(line)
        if match:
            escaped, digest, name = match.groups()
        elif tagged:
            escaped, name, digest = tagged.groups()
        else:
            bad.append(number)
            continue
        if escaped:
            name = re.sub(r"\\[\\nr]", lambda m: _ESCAPES[m.group(0)], name)
        entries.append((name, digest.lower()))
    return entries, bad


def read_manifest(content_dir: Path) -> tuple[list[tuple[str, str]], list[int]]:
    """Parse the folder's manifest, or raise ManifestError when it has none."""
    path = content_dir / MANIFEST_NAME
    if not path.is_file():
        raise ManifestError(f"{content_dir} has no {MANIFEST_NAME}; make one with "
                            "'otpic-reader manifest'.")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ManifestError(f"{path} cannot be read ({exc.strerror or exc}).") from None
    return parse_manifest(raw.decode("utf-8", "surrogateescape"))


def write_manifest(content_dir: Path, entries: dict[str, str] | None = None) -> int:
    """Write MANIFEST.sha256 for every content file (or the entries given); return the count."""
    if entries is None:
        entries = {}
        for relative in content_files(content_dir):
            try:
                entries[relative] = file_sha256(content_dir / relative)
            except OSError as exc:
                raise ManifestError(f"{content_dir / relative} cannot be read "
                                    f"({exc.strerror or exc}).") from None
    text = "".join(format_line(name, entries[name]) + "\n" for name in sorted(entries))
    target = content_dir / MANIFEST_NAME
    try:
        atomic_write(target, text.encode("utf-8", "surrogateescape"), durable=True)
    except OSError as exc:
        raise ManifestError(f"{target} cannot be written ({exc.strerror or exc}).") from None
    return len(entries)


def update_manifest(content_dir: Path, changed: list[str] | tuple[str, ...]) -> bool:
    """Record new checksums for the files just written, leaving every other line as it was.

    Only those files are re-hashed, so a file damaged earlier still shows up in
    `verify`. Returns False when the folder has no manifest (none is made).
    """
    if not (content_dir / MANIFEST_NAME).is_file():
        return False
    entries, bad = read_manifest(content_dir)
    if bad:
        raise ManifestError(f"{content_dir / MANIFEST_NAME} has lines that are not checksums "
                            f"(line {bad[0]}), so it was left as it was; remake it with "
                            "'otpic-reader manifest'.")
    listed = {_normal(name) or name: digest for name, digest in entries}
    for relative in changed:
        try:
            listed[relative] = file_sha256(content_dir / relative)
        except OSError as exc:
            raise ManifestError(f"{content_dir / relative} cannot be read "
                                f"({exc.strerror or exc}).") from None
    write_manifest(content_dir, listed)
    return True


def _normal(name: str) -> str:
    """A listed path as a content-relative POSIX path, or '' when it would leave the folder."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return ""
    return str(path)


@dataclass(frozen=True)
class Finding:
    """One file that is not as the manifest says: missing, changed, unlisted, ..."""

    status: str
    path: str

    def __str__(self) -> str:
        return f"{self.status}: {self.path}"


MISSING, CHANGED, UNLISTED, UNREADABLE, OUTSIDE, MALFORMED = (
    "missing", "changed", "unlisted", "unreadable", "outside the folder", "not a checksum line")


@dataclass(frozen=True)
class VerifyReport:
    """The result of checking a content folder against its manifest."""

    content_dir: Path
    listed: int
    findings: tuple[Finding, ...]

    @property
    def intact(self) -> bool:
        return not self.findings

    def summary(self) -> str:
        if self.intact:
            return f"All {self.listed} files listed in {MANIFEST_NAME} are intact."
        return (f"{len(self.findings)} of the files of {self.content_dir} are not as "
                f"{MANIFEST_NAME} lists them ({self.listed} listed).")


def verify(content_dir: Path) -> VerifyReport:
    """Check every listed file's SHA-256 and look for files the manifest does not list.

    Raises ManifestError when the folder has no manifest.
    """
    content_dir = Path(content_dir)
    entries, bad = read_manifest(content_dir)
    findings: list[Finding] = []
    listed: set[str] = set()
    for name, digest in entries:
        relative = _normal(name)
        if not relative:
            findings.append(Finding(OUTSIDE, name))
            continue
        listed.add(relative)
        status = _status(content_dir / relative, digest)
        if status:
            findings.append(Finding(status, relative))
    findings += [Finding(UNLISTED, name) for name in content_files(content_dir)
                 if name not in listed]
    findings.sort(key=lambda finding: finding.path)
    findings += [Finding(MALFORMED, f"{MANIFEST_NAME} line {number}") for number in bad]
    return VerifyReport(content_dir, len(entries), tuple(findings))


def _status(path: Path, digest: str) -> str:
    """'' when the file has the listed checksum, else what is wrong with it."""
    if not path.is_file():
        return MISSING
    try:
        return "" if file_sha256(path) == digest else CHANGED
    except OSError:
        return UNREADABLE
