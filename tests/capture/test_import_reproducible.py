"""The bundled pages are derived from the bundled captures, byte for byte."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.archive.page_file import read_page
from reader.capture.importer import import_capture
from tests.conftest import BUNDLED, SEED_PAGES


@pytest.mark.parametrize("slug", sorted(SEED_PAGES))
def test_reimporting_a_capture_gives_the_bundled_page_back(tmp_path: Path, slug: str) -> None:
    bundled = BUNDLED / "pages" / f"{slug}.md"
    page = read_page(bundled)
    capture = BUNDLED / page.capture_file
    result = import_capture(capture, tmp_path, source_url=page.source_url, section=page.section)
    assert result.slug == slug
    assert (tmp_path / "pages" / f"{slug}.md").read_bytes() == bundled.read_bytes()
    assert (tmp_path / "captures" / capture.name).read_bytes() == capture.read_bytes()


def test_importing_twice_changes_nothing(tmp_path: Path) -> None:
    capture = BUNDLED / "captures" / SEED_PAGES["coercive-diplomacy"]
    shutil.copy(capture, tmp_path / capture.name)
    first = import_capture(tmp_path / capture.name, tmp_path / "content")
    second = import_capture(tmp_path / capture.name, tmp_path / "content")
    assert first.changed and not second.changed
