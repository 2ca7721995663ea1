"""PDF handouts from the command line: a real PDF, with the titles, provenance and extras."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader

from reader.userdata import UserStore
from reader.userdata.notes import Notes
from tests.conftest import run_cli


def pdf_text(path: Path) -> tuple[int, str]:
    reader = PdfReader(str(path))
    text = " ".join(" ".join(p.extract_text().split()) for p in reader.pages)
    return len(reader.pages), unicodedata.normalize("NFKC", text)  # undo ligatures


def test_a_page_handout(tmp_path: Path, data_dir: Path) -> None:
    out = tmp_path / "page.pdf"
    result = run_cli("print", "--page", "coercive-diplomacy", "--pdf", str(out),
                     "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    pages, text = pdf_text(out)
    assert 1 <= pages <= 3
    assert "Coercive Diplomacy" in text and "Coercive diplomacy is the diplomacy of threats" in text
    assert "coercdip.htm" in text and "Copyright 1998" in text
    assert "My notes" not in text and "Glossary of the terms used" not in text


def test_a_section_handout_with_notes_and_glossary(tmp_path: Path, data_dir: Path) -> None:
    Notes(UserStore.open(data_dir)).add("unofficial-communication", "Unofficial",
                                        "Compare with week 2.")
    out = tmp_path / "section.pdf"
    result = run_cli("print", "--section", "approaches", "--pdf", str(out), "--with-notes",
                     "--with-glossary", "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    pages, text = pdf_text(out)
    assert pages >= 3
    assert "Coercive Diplomacy" in text and "Unofficial Communication" in text
    assert "My notes" in text and "Compare with week 2." in text
    assert "Glossary of the terms used" in text and "Backlash" in text


def test_an_unknown_section_or_page_is_exit_2(tmp_path: Path) -> None:
    for args in (("--section", "nope"), ("--page", "refusal-to-negotiate")):
        result = run_cli("print", *args, "--pdf", str(tmp_path / "x.pdf"))
        assert result.returncode == 2 and result.stderr.count("\n") == 1
        assert not (tmp_path / "x.pdf").exists()


def test_the_glossary_prints_whole(tmp_path: Path) -> None:
    out = tmp_path / "glossary.pdf"
    result = run_cli("print", "--page", "glossary", "--pdf", str(out))
    assert result.returncode == 0, result.stderr
    pages, text = pdf_text(out)
    assert pages >= 3 and "Backlash" in text and "Use of force" in text
