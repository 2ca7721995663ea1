"""The importer: encodings, every "Links to" wording, refusals, idempotence, links coming alive."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.archive.frontmatter import split_front_matter
from reader.archive.links import classify_href, extract_links
from reader.archive.page_file import read_page
from reader.capture.importer import decode_capture, import_capture
from reader.capture.text_capture import CaptureError, NotAnOtpicPage
from tests.conftest import BUNDLED, CAPTURES, SEED_PAGES

HEADER = """OTPIC Officially Retired

International Online Training Program On Intractable Conflict

Conflict Research Consortium, University of Colorado, USA

{title}

Opening Page | Glossary | Menu Shortcut Page

"""
FOOTER = "\nCopyright 1998 Conflict Research Consortium -- Contact: crc@colorado.edu\n"
WORDINGS = (
    "Links to Related Approaches",
    "Links to Related Solutions",
    "Links to Related Problem(s)",
    "Links to Examples of This Approach:",
    "Links to Outside Sources of Information",
    "Links to Related Sections",
    "Links to more information about, and examples of, Mediation",
)


def capture(title: str, body: str) -> str:
    return HEADER.format(title=title) + body + FOOTER


def write(folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def body_of(page_file: Path) -> str:
    return split_front_matter(page_file.read_text(encoding="utf-8"))[1]


def files_in(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("slug", sorted(SEED_PAGES))
def test_a_windows_1252_copy_of_a_seed_gives_the_same_page(tmp_path: Path, slug: str) -> None:
    text = (CAPTURES / SEED_PAGES[slug]).read_text(encoding="utf-8")
    raw = text.encode("cp1252")
    assert raw != text.encode("utf-8")  # the seeds hold non-ASCII characters
    source = write(tmp_path, "old.txt", raw)
    bundled = read_page(BUNDLED / "pages" / f"{slug}.md")
    result = import_capture(source, tmp_path / "c", source_url=bundled.source_url)
    assert result.slug == slug and result.encoding == "cp1252"
    assert "Windows-1252" in result.describe() and "assumed" in result.describe()
    page = read_page(tmp_path / "c" / "pages" / f"{slug}.md")
    assert page.body == bundled.body and page.title == bundled.title
    assert page.rights == bundled.rights and page.section == bundled.section
    assert page.capture_sha256 == hashlib.sha256(raw).hexdigest()
    assert (tmp_path / "c" / "captures" / "old.txt").read_bytes() == raw


def test_latin_1_is_assumed_only_for_bytes_windows_1252_does_not_have(tmp_path: Path) -> None:
    text = capture("Café Diplomacy", "A paragraph, naïve or not.\n")
    assert decode_capture(text.encode("latin-1")).encoding == "cp1252"
    raw = text.encode("latin-1").replace(b"paragraph", b"para\x81graph")
    decoded = decode_capture(raw)
    assert decoded.encoding == "latin-1" and "neither UTF-8 nor Windows-1252" in decoded.reason
    result = import_capture(write(tmp_path, "l1.txt", raw), tmp_path / "c")
    assert result.slug == "cafe-diplomacy"
    assert read_page(tmp_path / "c" / "pages" / "cafe-diplomacy.md").title == "Café Diplomacy"


def test_utf8_with_a_byte_order_mark_says_so(tmp_path: Path) -> None:
    raw = b"\xef\xbb\xbf" + capture("Mediation", "Text.\n").encode("utf-8")
    result = import_capture(write(tmp_path, "bom.txt", raw), tmp_path / "c")
    assert result.slug == "mediation" and "byte-order mark" in result.describe()
    assert read_page(tmp_path / "c" / "pages" / "mediation.md").title == "Mediation"


@pytest.mark.parametrize("wording", WORDINGS)
def test_every_links_wording_becomes_a_list_of_links(tmp_path: Path, wording: str) -> None:
    text = capture("Mediation", "Mediation is assisted negotiation.\n\n"
                   f"{wording}\n\nThese include:\n\n"
                   "Christopher Moore -- The Mediation Process: Practical Strategies\n"
                   "A summary of a book on how mediators work.\n"
                   "Arbitration\n\n"
                   "Track Two Triumphant? Reflections on Oslo\n\n"
                   "This article looks at Oslo.\n")
    import_capture(write(tmp_path, "m.txt", text), tmp_path / "c")
    body = body_of(tmp_path / "c" / "pages" / "mediation.md")
    assert f"\n## {wording}\n" in body
    links = {link.text: link for link in extract_links(body)}
    assert set(links) == {"Christopher Moore -- The Mediation Process: Practical Strategies",
                          "Arbitration", "Track Two Triumphant? Reflections on Oslo"}
    moore = links["Christopher Moore -- The Mediation Process: Practical Strategies"]
    assert classify_href(moore.target).value == "the-mediation-process"
    assert moore.description == "A summary of a book on how mediators work."
    assert links["Arbitration"].target == "arbitration.md"
    assert links["Arbitration"].description == ""
    assert links["Track Two Triumphant? Reflections on Oslo"].target == "track-two-triumphant.md"
    assert "\nThese include:\n" in body


@pytest.mark.parametrize(("heading", "section"), [
    ("Links to Related Solutions", "problems"),
    ("Links to Examples of This Approach:", "approaches"),
    ("Links to Related Problem(s)", "approaches"),
    ("Links to Related Sections", ""),
])
def test_the_section_comes_from_the_page_when_no_address_is_given(
        tmp_path: Path, heading: str, section: str) -> None:
    text = capture("Mediation", f"Text.\n\n{heading}\n\nArbitration\n")
    import_capture(write(tmp_path, "m.txt", text), tmp_path / "c")
    assert read_page(tmp_path / "c" / "pages" / "mediation.md").section == section


@pytest.mark.parametrize(("address", "section"), [
    ("https://www.colorado.edu/conflict/peace/problem/refusal.htm", "problems"),
    ("https://www.colorado.edu/conflict/peace/treatment/mediate.htm", "approaches"),
    ("https://www.colorado.edu/conflict/peace/example/moore.htm", "examples"),
])
def test_the_section_comes_from_the_original_address(
        tmp_path: Path, address: str, section: str) -> None:
    text = capture("Mediation", "Text.\n\nLinks to Related Solutions\n\nArbitration\n")
    import_capture(write(tmp_path, "m.txt", text), tmp_path / "c", source_url=address)
    page = read_page(tmp_path / "c" / "pages" / "mediation.md")
    assert page.section == section and page.source_url == address and page.captured == ""


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"),
    (b"   \n\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
    (b"Dear friend,\n\nThis is a letter, not a page of the course.\n", "none of the marks"),
    (b"<html><body><h1>Some other site</h1><p>Hello.</p></body></html>", "none of the marks"),
    (b"From: <Saved by Windows Internet Explorer 8>\nMIME-Version: 1.0\nContent-Type: "
     b"multipart/related;\n", "MHTML"),
    (b"OTPIC Officially Retired\n\n", "no title"),
])
def test_what_is_not_an_otpic_page_is_refused_and_nothing_written(
        tmp_path: Path, data: bytes, reason: str) -> None:
    content = tmp_path / "c"
    shutil.copytree(BUNDLED, content)
    before = files_in(content)
    with pytest.raises(CaptureError, match=reason):
        import_capture(write(tmp_path, "bad.txt", data), content)
    assert files_in(content) == before


def test_a_missing_file_and_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(CaptureError, match="does not exist"):
        import_capture(tmp_path / "nothing.txt", tmp_path / "c")
    with pytest.raises(CaptureError, match="folder"):
        import_capture(tmp_path, tmp_path / "c")
    assert not (tmp_path / "c").exists()


def test_not_an_otpic_page_is_a_capture_error() -> None:
    assert issubclass(NotAnOtpicPage, CaptureError) and issubclass(CaptureError, ValueError)


def test_importing_again_changes_nothing_and_keeps_the_provenance(content: Path,
                                                                  tmp_path: Path) -> None:
    before = files_in(content)
    for slug, name in SEED_PAGES.items():
        result = import_capture(content / "captures" / name, content)
        assert result.slug == slug and not result.changed and result.written == ()
    copy = write(tmp_path, "renamed.txt", (CAPTURES / SEED_PAGES["coercive-diplomacy"])
                 .read_bytes())
    result = import_capture(copy, content)
    assert not result.changed and result.capture_file == f"captures/{SEED_PAGES[result.slug]}"
    assert files_in(content) == before


def test_an_imported_page_brings_the_links_to_it_alive(content: Path, tmp_path: Path) -> None:
    archive = Archive.open(content)
    assert "refusal-to-negotiate" in archive.missing_links()
    text = capture("Refusal to Negotiate", "Some parties will not talk.\n\n"
                   "Links to Related Solutions\n\nCoercive Diplomacy\n")
    result = import_capture(write(tmp_path, "refusal.htm.txt", text), content,
                            source_url="https://www.colorado.edu/conflict/peace/problem/"
                                       "refusal.htm")
    assert result.slug == "refusal-to-negotiate" and result.changed
    assert set(result.written) == {"captures/refusal.htm.txt", "pages/refusal-to-negotiate.md",
                                   "course.yaml", "MANIFEST.sha256"}
    archive = Archive.open(content)
    assert archive.problems == []
    assert "refusal-to-negotiate" not in archive.missing_links()
    assert [b.slug for b in archive.backlinks("refusal-to-negotiate")] == ["coercive-diplomacy"]
    assert [b.slug for b in archive.backlinks("coercive-diplomacy")] == ["refusal-to-negotiate"]
    problems = next(s for s in archive.sections if s.id == "problems")
    assert {e.slug for e in problems.entries if e.preserved} == {"refusal-to-negotiate"}


def test_a_page_we_wrote_is_never_replaced_and_a_second_capture_is_recorded(
        content: Path, tmp_path: Path) -> None:
    about = (content / "pages" / "about.md").read_bytes()
    other = write(tmp_path, "about.txt", capture("About", "A different page.\n"))
    assert import_capture(other, content).slug == "about-2"
    assert (content / "pages" / "about.md").read_bytes() == about
    variant = (CAPTURES / SEED_PAGES["coercive-diplomacy"]).read_bytes() + b"\n\n"
    result = import_capture(write(tmp_path, "cd.txt", variant), content)
    assert result.slug == "coercive-diplomacy" and result.changed
    page_file = content / "pages" / "coercive-diplomacy.md"
    page = read_page(page_file)
    assert page.capture_file == "captures/000_833dba95b8d8c9f7.txt"  # as complete, and older
    assert page.source_url.endswith("/treatment/coercdip.htm")
    meta = split_front_matter(page_file.read_text(encoding="utf-8"))[0]
    assert [entry["file"] for entry in meta["captures"]] == [
        "captures/000_833dba95b8d8c9f7.txt", "captures/cd.txt"]
    assert meta["captures"][1]["sha256"] == hashlib.sha256(variant).hexdigest()
    assert (content / "captures" / "cd.txt").read_bytes() == variant


def test_a_different_capture_never_overwrites_one_kept_under_the_same_name(
        content: Path, tmp_path: Path) -> None:
    name = SEED_PAGES["coercive-diplomacy"]
    kept = (content / "captures" / name).read_bytes()
    other = tmp_path / "elsewhere"
    other.mkdir()
    write(other, name, capture("Mediation", "Text.\n"))
    result = import_capture(other / name, content)
    assert (content / "captures" / name).read_bytes() == kept
    assert result.capture_file.startswith("captures/000_833dba95b8d8c9f7-")
    assert read_page(content / "pages" / "mediation.md").capture_file == result.capture_file
    again = import_capture(other / name, content)
    assert not again.changed and again.capture_file == result.capture_file


def test_a_date_is_never_invented_and_a_given_one_is_kept(tmp_path: Path) -> None:
    source = write(tmp_path, "m.txt", capture("Mediation", "Text.\n"))
    import_capture(source, tmp_path / "c")
    assert read_page(tmp_path / "c" / "pages" / "mediation.md").captured == ""
    import_capture(source, tmp_path / "c", captured="2004-06-03")
    assert read_page(tmp_path / "c" / "pages" / "mediation.md").captured == "2004-06-03"
    result = import_capture(source, tmp_path / "c")
    assert not result.changed  # what was recorded before stays


def test_a_wayback_address_gives_the_original_and_the_date(tmp_path: Path) -> None:
    source = write(tmp_path, "m.txt", capture("Mediation", "Text.\n"))
    import_capture(source, tmp_path / "c", source_url="https://web.archive.org/web/"
                   "20040603123456/http://www.colorado.edu:80/conflict/peace/treatment/med.htm")
    page = read_page(tmp_path / "c" / "pages" / "mediation.md")
    assert page.source_url == "https://www.colorado.edu/conflict/peace/treatment/med.htm"
    assert page.captured == "2004-06-03" and page.section == "approaches"
