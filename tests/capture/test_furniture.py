"""The site's furniture in the shapes real captures give it, told apart by rules."""

from __future__ import annotations

import pytest

from reader.capture.text_capture import LinkItem, Paragraph, parse_capture
from tests.capture.site_copy import seed_paragraphs

BANNER = ("OTPIC Officially Retired\n\nAs of December 2, 2005, the Online Training Program on "
          "Intractable Conflict (OTPIC) has been officially retired, and is no longer open to "
          "new registrations.\n\n")
HEADER = ("International Online Training Program On Intractable Conflict\n\n"
          "Conflict Research Consortium, University of Colorado, USA\n\n")
FOOTER = "Copyright 1998 Conflict Research Consortium  -- Contact: crc@colorado.edu"
BODY = seed_paragraphs("coercive-diplomacy", 1)[0]


def texts(source: str) -> list[str]:
    parsed = parse_capture(source)
    return [block.text if isinstance(block, Paragraph) else block.ref.text
            if isinstance(block, LinkItem) else block.text for block in parsed.blocks]


@pytest.mark.parametrize("menu", ["Opening Page | Glossary | Menu Shortcut Page",
                                  "Glossary | Menu Shortcut Page",
                                  "Opening Page  |  Glossary", ""])
def test_the_menu_line_in_any_length_or_none(menu: str) -> None:
    parsed = parse_capture(f"{BANNER}{HEADER}Coercive Diplomacy\n\n{menu}\n\n{BODY}\n\n{FOOTER}")
    assert parsed.title == "Coercive Diplomacy" and texts(
        f"{BANNER}{HEADER}Coercive Diplomacy\n\n{menu}\n\n{BODY}\n\n{FOOTER}") == [BODY]
    assert parsed.rights == FOOTER


def test_a_heading_that_was_a_picture_leaves_the_page_without_a_title() -> None:
    source = (f"{BANNER}usiplogo.gif (1499 bytes)\n\n{HEADER}\n\nviolence.gif (2210 bytes)\n\n"
              f"Opening Page | Glossary | Menu Shortcut Page\n\n{BODY}\n\n{FOOTER}")
    parsed = parse_capture(source)
    assert parsed.title == "" and texts(source) == [BODY]  # never the first paragraph


def test_a_table_layout_leaves_cell_borders_and_empty_pictures() -> None:
    source = ("![]() |\nInternational Online Training Program On Intractable Conflict |\n"
              "Conflict Research Consortium, University of Colorado, USA |\n| |\n"
              "Coercive Diplomacy |\nGlossary | Menu Shortcut Page\n"
              f"{BODY}\n[image]\nCopyright ©1998 Conflict Research Consortium -- "
              "Contact: crc@colorado.edu")
    parsed = parse_capture(source)
    assert parsed.title == "Coercive Diplomacy" and texts(source) == [BODY]
    assert parsed.rights.startswith("Copyright ©1998")


def test_wrapped_furniture_and_a_footer_over_two_lines() -> None:
    source = ("International Online Training Program On Intractable\nConflict\n"
              "Conflict Research Consortium, University\nof Colorado, USA\n\n"
              f"Coercive Diplomacy\n\n{BODY}\n\nCopyright ©1998 Conflict Research Consortium --\n"
              "Contact: crc@colorado.edu\n")
    parsed = parse_capture(source)
    assert parsed.title == "Coercive Diplomacy" and texts(source) == [BODY]
    assert parsed.rights == ("Copyright ©1998 Conflict Research Consortium -- Contact: "
                             "crc@colorado.edu")


@pytest.mark.parametrize("cut", ["Copyright 1998 Conflict Res", "Copyright 1998",
                                 "Copyright 1998 Conflict Research Consortium  -- Cont"])
def test_a_capture_that_stops_in_the_middle_of_its_footer(cut: str) -> None:
    source = f"{HEADER}Coercive Diplomacy\n\n{BODY}\n\n{cut}"
    parsed = parse_capture(source)
    assert texts(source) == [BODY] and parsed.rights == cut


def test_a_summary_header_and_the_back_button_line_are_furniture() -> None:
    source = (f"{BANNER}Article Summary\n\nThe Development of Conflict Knowledge\n\nA. Writer\n\n"
              f"{BODY}\n\nUse the \"back\" button to go back to where you were.\n\n{FOOTER}")
    parsed = parse_capture(source)
    assert parsed.title == "The Development of Conflict Knowledge"
    assert texts(source) == ["A. Writer", BODY]  # the author line stays, word for word


def test_a_reading_that_opens_with_its_author_has_no_title_of_its_own() -> None:
    source = f"{BANNER}Jane Q. Writer\n\n{BODY}\n\n{FOOTER}"
    parsed = parse_capture(source)
    assert parsed.title == "" and texts(source) == ["Jane Q. Writer", BODY]


def test_a_treatment_titled_like_a_name_keeps_its_title() -> None:
    """Only readings open with an author line; pages with the program header do not."""
    parsed = parse_capture(f"{HEADER}Future Focus\n\n{BODY}\n\n{FOOTER}")
    assert parsed.title == "Future Focus"


def test_furniture_in_the_middle_of_a_paragraph_is_text() -> None:
    line = "We quote the menu: Opening Page | Glossary, and the header of each page."
    assert line in texts(f"{HEADER}Coercive Diplomacy\n\n{line}\n\n{FOOTER}")
