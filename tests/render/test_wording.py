"""The program's own sentences about the archive: written once, the same everywhere."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from reader.archive import Archive
from reader.render.renderer import Renderer
from reader.render.wording import (
    NOT_PRESERVED,
    notice_text,
    preserved_count,
    successor_sentence,
)
from tests.conftest import BUNDLED, ROOT


def test_the_notice_about_the_successor() -> None:
    course = Archive.open(BUNDLED).course
    assert notice_text(course) == (
        "OTPIC was retired on December 2, 2005. Its successor is <b>Dealing Constructively "
        "with Intractable Conflicts</b> (DCIC), built around Beyond Intractability.")
    alone = replace(course, retired="", successor=replace(course.successor, built_around=""))
    assert notice_text(alone) == ("Its successor is <b>Dealing Constructively with Intractable "
                                  "Conflicts</b> (DCIC).")
    assert successor_sentence(replace(course, successor=replace(course.successor,
                                                                title=""))) == ""


def test_counts_of_what_is_preserved() -> None:
    assert preserved_count(3, 12) == "3 of 12 pages preserved"
    assert preserved_count(1, 1) == "1 of 1 page preserved"


def test_the_page_of_a_page_not_preserved_and_links_to_it_say_the_same(content: Path) -> None:
    html = Renderer(Archive.open(content)).html_for("coercive-diplomacy")
    assert f'title="{NOT_PRESERVED}: Refusal to Negotiate"' in html


def test_the_notice_can_be_imported_before_the_first_paint() -> None:
    script = ("import sys\nimport reader.render.wording\n"
              "heavy = ['html', 'yaml', 'markdown', 'unicodedata', 'reader.archive.archive']\n"
              "print(','.join(n for n in heavy if n in sys.modules) or 'none')\n")
    result = subprocess.run([sys.executable, "-S", "-c", script], capture_output=True,
                            text=True, cwd=ROOT, check=False)
    assert result.stdout.strip() == "none", result.stderr
