"""The classroom copy of an archive whose course.yaml, pages and glossary carry hostile
addresses: none is written as a live link, in any page or the index (issue 15, item 8)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from reader.archive import Archive
from reader.site.export import export_site
from tests.render.test_content_addresses import assert_only_safe_addresses, hostile_archive


def test_no_page_of_the_copy_links_a_hostile_address(content: Path, tmp_path: Path) -> None:
    archive = Archive.open(hostile_archive(content), cache_dir=tmp_path / "cache")
    report = export_site(archive, tmp_path / "site", date=dt.date(2026, 1, 1))
    pages = [name for name in report.files if name.endswith(".html")]
    assert "index.html" in pages and "hostile-page.html" in pages and len(pages) > 20
    for name in pages:
        assert_only_safe_addresses((tmp_path / "site" / name).read_text(encoding="utf-8"))
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert "Dealing Constructively with Intractable Conflicts" in index
    page = (tmp_path / "site" / "hostile-page.html").read_text(encoding="utf-8")
    assert "DCIC" in page and "Beyond Intractability" in page  # the successor line, unlinked
    assert "javascript:alert(document.cookie)" in page  # the original address, as text
    assert 'href="https://example.org"' in page


def test_the_bundled_copy_still_links_the_successor(tmp_path: Path) -> None:
    from tests.conftest import BUNDLED

    archive = Archive.open(BUNDLED, cache_dir=tmp_path / "cache")
    export_site(archive, tmp_path / "site", date=dt.date(2026, 1, 1))
    page = (tmp_path / "site" / "coercive-diplomacy.html").read_text(encoding="utf-8")
    assert f'href="{archive.course.successor.url}"' in page
    index = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert f'href="{archive.course.successor.built_around_url}"' in index
