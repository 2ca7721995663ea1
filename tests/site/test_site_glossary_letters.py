"""The classroom copy's glossary page escapes the initials of its letter index (issue 15,
item 10)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.site.export import export_site
from tests.render.test_glossary_letters import assert_letters_escaped, odd_glossary


def test_the_copy_s_glossary_page_escapes_its_letters(content: Path, tmp_path: Path) -> None:
    export_site(odd_glossary(content), tmp_path / "site", date=dt.date(2026, 1, 1))
    assert_letters_escaped((tmp_path / "site" / "glossary.html").read_text(encoding="utf-8"))
