"""Handouts on paper, read back with pypdf: a note at a sheet's foot stays whole, a heading
is never the last thing on a sheet, and every sheet names its course, page, source and
number (issue 16, item 3)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from reader.archive import Archive
from reader.render.handout import HandoutNote, glossary_handout_html, handout_html
from reader.ui.pdf import write_pdf

COURSE = "International Online Training Program on Intractable Conflict"
NOTE = "Note line one.\nNote line two.\nNote line three."


def sheets(path: Path) -> list[str]:
    texts = [" ".join(page.extract_text().split()) for page in PdfReader(str(path)).pages]
    return [unicodedata.normalize("NFKC", text) for text in texts]  # undo ligatures


def page(content: Path, slug: str, body: str) -> None:
    (content / "pages" / f"{slug}.md").write_text(
        f"---\ntitle: Filler {slug}\nsource_url: https://example.org/{slug}.htm\n---\n\n{body}\n",
        "utf-8")


def where(texts: list[str], words: str) -> list[int]:
    return [number for number, text in enumerate(texts) if words in text]


@pytest.fixture
def pdf(qapp, tmp_path: Path):
    """Write a handout and read back its sheets' texts."""
    def write(html: str, name: str = "h.pdf") -> list[str]:
        path = tmp_path / name
        write_pdf(html, path, "test")
        return sheets(path)
    return write


def test_a_note_that_reaches_a_sheets_foot_is_never_split(content: Path, pdf) -> None:
    moved = 0
    for filler in range(24, 60, 2):  # the notes end somewhere on the sheet, and at its foot
        page(content, "filler", "\n\n".join(f"Paragraph {n} of the page." for n in range(filler)))
        archive = Archive.open(content)
        notes = {"filler": [HandoutNote("Paragraph", NOTE)]}
        texts = pdf(handout_html(archive, ["filler"], notes=notes), f"{filler}.pdf")
        lines = [where(texts, line) for line in NOTE.splitlines()]
        assert lines[0] == lines[1] == lines[2] and len(lines[0]) == 1, (filler, lines)
        heading = where(texts, "My notes")
        assert heading == lines[0], (filler, heading, lines)  # "My notes" goes with its note
        last = where(texts, f"Paragraph {filler - 1} of the page.")
        moved += last != lines[0]
    assert moved, "no case put the note at a sheet's foot: the test proves nothing"


def test_a_heading_is_never_the_last_thing_on_a_sheet(content: Path, pdf) -> None:
    moved = 0
    for filler in range(24, 60, 3):
        body = "\n\n".join(f"Paragraph {n} of the page." for n in range(filler))
        page(content, "filler", f"{body}\n\n## The heading\n\nThe text after the heading.")
        texts = pdf(handout_html(Archive.open(content), ["filler"]), f"{filler}.pdf")
        heading = where(texts, "The heading")
        assert len(heading) == 1 and heading == where(texts, "The text after the heading.")
        moved += heading != where(texts, f"Paragraph {filler - 1} of the page.")
    assert moved


def test_every_sheet_has_its_running_header_and_footer(content: Path, pdf) -> None:
    page(content, "filler", "\n\n".join(f"Paragraph {n}." for n in range(90)))
    archive = Archive.open(content)
    texts = pdf(handout_html(archive, ["filler", "coercive-diplomacy"], with_glossary=True))
    assert len(texts) >= 4
    starts = {title: where(texts, title)[0] for title in ("Paragraph 0.", "Coercive diplomacy "
                                                           "is the diplomacy of threats",
                                                           "Glossary of the terms used")}
    for number, text in enumerate(texts, start=1):
        assert COURSE in text and f"page {number} of {len(texts)}" in text, number
        if number - 1 < starts["Coercive diplomacy is the diplomacy of threats"]:
            assert "Filler filler" in text and "https://example.org/filler.htm" in text
        elif number - 1 < starts["Glossary of the terms used"]:
            assert "Coercive Diplomacy" in text and "treatment/coercdip.htm" in text
        else:
            assert "Written for this archive by the OTPIC Reader project." in text


def test_the_glossary_handout_names_itself_on_every_sheet(content: Path, pdf) -> None:
    texts = pdf(glossary_handout_html(Archive.open(content)))
    assert len(texts) >= 3
    assert all("Glossary" in text and f"of {len(texts)}" in text for text in texts)
    assert "Backlash" in texts[0] and "Use of force" in texts[-1]


def test_each_page_of_a_section_begins_a_sheet(content: Path, pdf) -> None:
    archive = Archive.open(content)
    texts = pdf(handout_html(archive, ["coercive-diplomacy", "unofficial-communication"]))
    second = where(texts, "In situations in which official, diplomatic communications")
    assert second and not where(texts[second[0] - 1:second[0]], "In situations in which")
    assert "Unofficial Communication, Citizen Diplomacy" in texts[second[0]][:200]
