"""Rendering is safe: no raw HTML, no remote images, no dangerous links."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive
from reader.render.renderer import Renderer


def render(content: Path, body: str) -> str:
    (content / "pages" / "t.md").write_text(f"---\ntitle: T\n---\n\n{body}\n", encoding="utf-8")
    return Renderer(Archive.open(content)).html_for("t")


def test_raw_html_is_shown_as_text(content: Path) -> None:
    html = render(content, '<img src="http://evil.example/x.png"> and <script>alert(1)</script>')
    assert "<img" not in html and "<script" not in html
    assert "&lt;script&gt;" in html


def test_remote_images_show_their_alt_text(content: Path) -> None:
    html = render(content, "![The program logo](https://example.org/logo.gif)")
    assert "example.org" not in html
    assert "[The program logo]" in html


def test_dangerous_links_lose_their_address(content: Path) -> None:
    html = render(content, "[run](javascript:alert(1)) [disk](file:///etc/passwd)")
    assert "javascript:" not in html and "file:" not in html


def test_links_to_pages_not_preserved_are_marked(content: Path) -> None:
    html = render(content, "[Gone](refusal-to-negotiate.md) [Here](coercive-diplomacy.md)")
    assert 'class="missing" href="refusal-to-negotiate.md"' in html
    assert '<a href="coercive-diplomacy.md">Here</a>' in html


def test_attributes_that_could_run_code_are_dropped(content: Path) -> None:
    html = render(content, "A paragraph.\n{: onclick=\"alert(1)\" style=\"x\" }")
    assert "onclick" not in html and "style=" not in html


def test_a_page_not_preserved_says_so_and_names_who_links_to_it(content: Path) -> None:
    html = Renderer(Archive.open(content)).html_for("track-two-triumphant")
    assert "not preserved" in html
    assert 'href="unofficial-communication.md"' in html
    assert "This article discusses how track two diplomacy contributed" in html
