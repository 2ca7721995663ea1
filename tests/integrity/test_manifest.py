"""MANIFEST.sha256: written in sha256sum's format, and verify agrees with `sha256sum -c`."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reader.integrity.manifest import (
    MANIFEST_NAME,
    ManifestError,
    content_files,
    parse_manifest,
    update_manifest,
    verify,
    write_manifest,
)
from tests.conftest import BUNDLED

SHA256SUM = shutil.which("sha256sum")
needs_sha256sum = pytest.mark.skipif(SHA256SUM is None, reason="coreutils sha256sum is missing")


def sha256sum_check(folder: Path) -> tuple[int, str]:
    """What coreutils says of the folder's manifest: exit status and output."""
    done = subprocess.run([SHA256SUM, "-c", "--strict", MANIFEST_NAME], cwd=folder,
                          capture_output=True, text=True, check=False)
    return done.returncode, done.stdout + done.stderr


def findings(folder: Path) -> set[str]:
    return {str(finding) for finding in verify(folder).findings}


def test_the_bundled_archive_verifies() -> None:
    """Whoever changes the content must run `otpic-reader manifest` again."""
    report = verify(BUNDLED)
    found = "\n".join(map(str, report.findings))
    assert report.intact, f"content/ changed; run `otpic-reader manifest` again:\n{found}"
    assert report.listed == len(content_files(BUNDLED))


@needs_sha256sum
def test_the_bundled_archive_verifies_with_sha256sum() -> None:
    status, output = sha256sum_check(BUNDLED)
    assert status == 0, output


def test_the_manifest_lists_every_content_file_sorted(content: Path) -> None:
    (content / ".hidden").write_text("editor junk")
    count = write_manifest(content)
    lines = (content / MANIFEST_NAME).read_text(encoding="utf-8").splitlines()
    names = [line.split("  ", 1)[1] for line in lines]
    assert count == len(lines) and names == sorted(names)
    assert {"course.yaml", "glossary.yaml", "README.md", "pages/about.md",
            "captures/000_833dba95b8d8c9f7.txt"} <= set(names)
    assert MANIFEST_NAME not in names and ".hidden" not in names
    assert all(len(line.split("  ", 1)[0]) == 64 for line in lines)


@needs_sha256sum
def test_an_intact_folder_passes_both_checks(content: Path) -> None:
    write_manifest(content)
    assert verify(content).intact
    assert sha256sum_check(content)[0] == 0


@needs_sha256sum
def test_a_corrupted_byte_fails_both_checks(content: Path) -> None:
    write_manifest(content)
    page = content / "pages" / "coercive-diplomacy.md"
    data = bytearray(page.read_bytes())
    data[200] ^= 0x01
    page.write_bytes(bytes(data))
    assert findings(content) == {"changed: pages/coercive-diplomacy.md"}
    status, output = sha256sum_check(content)
    assert status != 0 and "pages/coercive-diplomacy.md: FAILED" in output
    assert output.count("FAILED") == 1


@needs_sha256sum
def test_a_missing_file_fails_both_checks(content: Path) -> None:
    write_manifest(content)
    (content / "captures" / "001_4bbdb99eabbd166a.txt").unlink()
    assert findings(content) == {"missing: captures/001_4bbdb99eabbd166a.txt"}
    status, output = sha256sum_check(content)
    assert status != 0 and "captures/001_4bbdb99eabbd166a.txt: FAILED open or read" in output


@needs_sha256sum
def test_an_extra_file_is_reported_as_unlisted(content: Path) -> None:
    """sha256sum checks only what the manifest lists; verify also finds what it forgot."""
    write_manifest(content)
    (content / "pages" / "stray.md").write_text("---\ntitle: Stray\n---\n")
    assert findings(content) == {"unlisted: pages/stray.md"}
    assert sha256sum_check(content)[0] == 0


@needs_sha256sum
def test_odd_file_names_are_escaped_as_coreutils_does(tmp_path: Path) -> None:
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "course.yaml").write_text("title: x\n")
    for name in ("with space.txt", "back\\slash.txt", "new\nline.txt", "é.txt"):
        (folder / name).write_text(name)
    write_manifest(folder)
    assert sha256sum_check(folder)[0] == 0
    assert verify(folder).intact
    ours = (folder / MANIFEST_NAME).read_bytes()
    theirs = subprocess.run([SHA256SUM, *sorted(content_files(folder))], cwd=folder,
                            capture_output=True, check=True).stdout
    assert sorted(ours.splitlines()) == sorted(theirs.splitlines())


@needs_sha256sum
def test_a_manifest_sha256sum_wrote_is_read(content: Path) -> None:
    names = content_files(content)
    listing = subprocess.run([SHA256SUM, "--binary", *[f"./{n}" for n in names]], cwd=content,
                             capture_output=True, check=True).stdout
    (content / MANIFEST_NAME).write_bytes(listing)
    assert verify(content).intact


def test_the_bsd_tag_layout_and_bad_lines_are_understood() -> None:
    digest = "a" * 64
    entries, bad = parse_manifest(f"SHA256 (pages/a.md) = {digest}\r\nnonsense\n\n"
                                  f"{digest.upper()} *b c.md\n")
    assert entries == [("pages/a.md", digest), ("b c.md", digest)] and bad == [2]


def test_bad_lines_and_paths_leaving_the_folder_are_findings(content: Path) -> None:
    write_manifest(content)
    with (content / MANIFEST_NAME).open("a", encoding="utf-8") as stream:
        stream.write("not a checksum\n" + "0" * 64 + "  ../outside.txt\n")
    assert findings(content) == {"not a checksum line: MANIFEST.sha256 line 11",
                                 "outside the folder: ../outside.txt"}


def test_no_manifest_is_one_clear_error(content: Path) -> None:
    (content / MANIFEST_NAME).unlink()
    with pytest.raises(ManifestError, match=r"has no MANIFEST\.sha256"):
        verify(content)
    assert update_manifest(content, ["pages/about.md"]) is False
    assert not (content / MANIFEST_NAME).exists()


def test_an_update_touches_only_the_files_written(content: Path) -> None:
    """Damage done before an import still shows after it: only new files are re-hashed."""
    write_manifest(content)
    (content / "glossary.yaml").write_bytes(b"damaged")
    (content / "pages" / "new-page.md").write_text("---\ntitle: New\n---\n", encoding="utf-8")
    assert update_manifest(content, ["pages/new-page.md"])
    assert findings(content) == {"changed: glossary.yaml"}


def test_a_manifest_with_bad_lines_is_not_updated(content: Path) -> None:
    (content / MANIFEST_NAME).write_text("garbage\n")
    with pytest.raises(ManifestError, match="left as it was"):
        update_manifest(content, ["pages/about.md"])
    assert (content / MANIFEST_NAME).read_text() == "garbage\n"
