"""What the Page info dialog shows: whether a page verified, and the text to cite it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.archive import Archive
from reader.integrity.manifest import MANIFEST_NAME, write_manifest
from reader.integrity.provenance import (
    NO_MANIFEST,
    NOT_LISTED,
    VERIFIED,
    cite_text,
    page_checksum_status,
)
from tests.conftest import BUNDLED


def test_a_bundled_page_verifies_with_its_capture() -> None:
    status = page_checksum_status(BUNDLED, "coercive-diplomacy")
    assert status.verified and status.status == VERIFIED and status.capture_status == VERIFIED
    assert status.sha256 == status.listed_sha256 and len(status.sha256) == 64
    assert status.capture_file == "captures/000_833dba95b8d8c9f7.txt"
    assert "is as MANIFEST.sha256 lists it" in status.describe()


def test_a_page_we_wrote_has_no_capture_to_check() -> None:
    status = page_checksum_status(BUNDLED, "about")
    assert status.verified and status.capture_status == "" and status.describe().endswith("it.")


def test_changed_missing_unlisted_and_no_manifest(content: Path) -> None:
    page = content / "pages" / "coercive-prevention.md"
    page.write_bytes(page.read_bytes() + b"\nAdded.\n")
    assert page_checksum_status(content, "coercive-prevention").status == "changed"
    assert page_checksum_status(content, "no-such-page").status == "missing"
    (content / "captures" / "003_ad0ce14639733dcd.txt").write_bytes(b"other")
    status = page_checksum_status(content, "unofficial-communication")
    assert status.status == VERIFIED and status.capture_status == "changed"
    assert not status.verified and "not the one it was made from" in status.describe()
    lines = (content / MANIFEST_NAME).read_text().splitlines()
    (content / MANIFEST_NAME).write_text("\n".join(x for x in lines if "about.md" not in x))
    assert page_checksum_status(content, "about").status == NOT_LISTED
    (content / MANIFEST_NAME).unlink()
    assert page_checksum_status(content, "about").status == NO_MANIFEST
    write_manifest(content)
    assert page_checksum_status(content, "coercive-prevention").status == VERIFIED


def test_cite_this_page() -> None:
    archive = Archive.open(BUNDLED)
    text = cite_text(archive.page("coercive-diplomacy"), archive.course)
    assert text == ("Conflict Research Consortium, University of Colorado. “Coercive "
                    "Diplomacy.” International Online Training Program on Intractable Conflict "
                    "(OTPIC). Original address: https://www.colorado.edu/conflict/peace/treatment/"
                    "coercdip.htm. Archived copy, date of capture not known.")
    dated = replace(archive.page("coercive-diplomacy"), captured="2004-06-03")
    assert cite_text(dated, archive.course).endswith("Archived copy, captured 2004-06-03.")
    unknown = cite_text(archive.page("unofficial-communication"), archive.course)
    assert "Original address not known." in unknown and "Conflict Research" in unknown


def test_a_reading_from_another_site_is_not_credited_to_the_course() -> None:
    archive = Archive.open(BUNDLED)
    text = cite_text(archive.page("coercive-prevention"), archive.course)
    assert text.startswith("“Coercive Prevention: Normative, Political, and Policy Dilemmas.” "
                           "www.usip.org. Original address: https://www.usip.org/")
    assert "Conflict Research Consortium" not in text
    assert text.endswith("Archived copy, date of capture not known, kept in the OTPIC archive.")


def test_our_own_pages_are_cited_as_ours() -> None:
    archive = Archive.open(BUNDLED)
    text = cite_text(archive.page("about"), archive.course)
    assert text.startswith("OTPIC Reader project. “About this archive.”")
    assert "Archived copy" not in text
