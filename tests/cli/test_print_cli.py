"""PDF handouts from the command line: a real PDF, with the titles, provenance and extras."""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import pytest
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


@pytest.fixture
def disk(tmp_path: Path):
    """A small tmpfs, for a folder that cannot be written or a disk that fills up."""
    from reader.bench.torture.disks import Skipped, small_disk

    try:
        with small_disk(tmp_path / "disk", "16k") as mounted:
            yield mounted
    except Skipped:
        pytest.skip("mounting a tmpfs needs root")


def test_a_folder_that_cannot_be_written_is_exit_2_not_a_wrote(disk: Path) -> None:
    from reader.bench.torture.disks import make_read_only

    make_read_only(disk)
    target = disk / "handout.pdf"
    result = run_cli("print", "--page", "coercive-diplomacy", "--pdf", str(target))
    assert result.returncode == 2 and "Wrote" not in result.stdout
    assert result.stderr.count("\n") == 1 and str(target) in result.stderr
    assert "Read-only file system" in result.stderr


def test_a_full_disk_is_exit_2_and_leaves_no_half_pdf(disk: Path) -> None:
    target = disk / "handout.pdf"
    result = run_cli("print", "--section", "approaches", "--pdf", str(target))
    assert result.returncode == 2 and "Wrote" not in result.stdout
    assert str(target) in result.stderr and "space" in result.stderr
    assert list(disk.iterdir()) == []


def test_an_existing_pdf_is_kept_when_the_new_one_cannot_be_written(disk: Path) -> None:
    target = disk / "handout.pdf"
    target.write_bytes(b"%PDF-1.4 the old handout %%EOF")
    result = run_cli("print", "--section", "approaches", "--pdf", str(target))
    assert result.returncode == 2
    assert target.read_bytes() == b"%PDF-1.4 the old handout %%EOF"


def test_print_with_notes_says_what_recovery_kept(tmp_path: Path, data_dir: Path) -> None:
    from reader.bench.torture.common import make_base
    from reader.bench.torture.damage import garbage

    make_base(data_dir, before=4, after=1)
    garbage(data_dir / "otpic-reader.sqlite3", random.Random(1))
    result = run_cli("print", "--section", "approaches", "--with-notes", "--pdf",
                     str(tmp_path / "s.pdf"), "--data-dir", str(data_dir))
    assert result.returncode == 0, result.stderr
    assert "was damaged" in result.stderr and "The backup of" in result.stderr


def test_the_paper_and_its_way_up_can_be_chosen(tmp_path: Path) -> None:
    out = tmp_path / "letter.pdf"
    result = run_cli("print", "--page", "coercive-diplomacy", "--pdf", str(out),
                     "--paper", "Letter", "--landscape")
    assert result.returncode == 0, result.stderr
    box = PdfReader(str(out)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (792, 612)
    refused = run_cli("print", "--page", "coercive-diplomacy", "--pdf", str(out),
                      "--paper", "b5")
    assert refused.returncode == 2 and "--paper" in refused.stderr
