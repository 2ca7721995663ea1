"""Rendered pages kept on disk: reused after a restart, never out of date."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.archive import Archive
from reader.render import pipeline
from reader.render.renderer import Renderer


def no_markdown(*args, **kwargs):
    raise AssertionError("the page should have come from the render cache")


def test_a_page_shown_before_needs_no_markdown_after_a_restart(
        content: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "html"
    first = Renderer(Archive.open(content), disk_cache=cache).html_for("coercive-diplomacy")
    monkeypatch.setattr(pipeline, "make_markdown", no_markdown)
    again = Renderer(Archive.open(content), disk_cache=cache).html_for("coercive-diplomacy")
    assert again == first


def test_a_changed_page_is_rendered_again(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "html"
    Renderer(Archive.open(content), disk_cache=cache).html_for("coercive-diplomacy")
    page = content / "pages" / "coercive-diplomacy.md"
    page.write_text(page.read_text(encoding="utf-8").replace("diplomacy of threats",
                                                             "diplomacy of promises"),
                    encoding="utf-8")
    os.utime(page, ns=(1, 1))
    html = Renderer(Archive.open(content), disk_cache=cache).html_for("coercive-diplomacy")
    assert "diplomacy of promises" in html
    assert len(list(cache.iterdir())) == 1  # the stale rendering was removed


def test_a_new_page_makes_links_to_it_come_alive_in_cached_pages(content: Path,
                                                                 tmp_path: Path) -> None:
    cache = tmp_path / "html"
    before = Renderer(Archive.open(content), disk_cache=cache).html_for("coercive-diplomacy")
    assert 'class="missing" href="refusal-to-negotiate.md"' in before
    (content / "pages" / "refusal-to-negotiate.md").write_text(
        "---\ntitle: Refusal to Negotiate\n---\n\nText.\n", encoding="utf-8")
    after = Renderer(Archive.open(content), disk_cache=cache).html_for("coercive-diplomacy")
    assert 'class="missing" href="refusal-to-negotiate.md"' not in after


def test_a_cache_that_cannot_be_written_is_not_needed(content: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "html"
    blocker.write_text("a file where the cache folder should be")
    html = Renderer(Archive.open(content), disk_cache=blocker).html_for("about")
    assert "What OTPIC was" in html


def test_a_name_that_is_not_a_slug_never_becomes_a_path(content: Path, tmp_path: Path) -> None:
    cache = tmp_path / "html"
    renderer = Renderer(Archive.open(content), disk_cache=cache)
    renderer.html_for("../../../escaped")  # from <cache>/<folder>/ this climbs out of tmp_path
    assert not (tmp_path.parent / "escaped.html").exists()
    assert sorted(p.name for p in cache.rglob("*.html")) == []
