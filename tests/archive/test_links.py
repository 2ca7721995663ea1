"""Where a link may lead: pages, anchors, external addresses, and nothing else."""

from __future__ import annotations

import pytest

from reader.archive.links import classify_href, extract_links
from reader.common.slugs import slugify


@pytest.mark.parametrize(("href", "kind", "value"), [
    ("refusal-to-negotiate.md", "page", "refusal-to-negotiate"),
    ("./dialogue-projects.md#top", "page", "dialogue-projects"),
    ("#links-to-related-approaches", "anchor", "links-to-related-approaches"),
    ("https://www.beyondintractability.org", "external", "https://www.beyondintractability.org"),
    ("http://example.org/x", "external", "http://example.org/x"),
    ("mailto:crc@colorado.edu", "external", "mailto:crc@colorado.edu"),
    ("file:///etc/passwd", "blocked", "file:///etc/passwd"),
    ("javascript:alert(1)", "blocked", "javascript:alert(1)"),
    ("data:text/html,<b>x</b>", "blocked", "data:text/html,<b>x</b>"),
    ("smb://server/share", "blocked", "smb://server/share"),
    ("otpic-evil:run", "blocked", "otpic-evil:run"),
    ("../../etc/passwd.md", "blocked", "../../etc/passwd.md"),
    ("//evil.example/x.md", "blocked", "//evil.example/x.md"),
    ("notes.txt", "blocked", "notes.txt"),
    ("http:no-host", "blocked", "http:no-host"),
    ("", "blocked", ""),
    ("https://[::1", "blocked", "https://[::1"),  # no host anyone can reach: never a crash
])
def test_classify_href(href: str, kind: str, value: str) -> None:
    target = classify_href(href)
    assert (target.kind, target.value) == (kind, value)


def test_slugify() -> None:
    assert slugify("Official (Track 1) diplomacy") == "official-track-1-diplomacy"
    assert slugify("Négociation — étape") == "negociation-etape"


def test_extract_links_keeps_the_description_under_a_list_item() -> None:
    body = ("- [A -- Title](title.md)\n\n    Said about it.\n    More.\n\n"
            "- [Bare](bare.md)\n\nText with [inline](x.md#y) link.\n")
    links = extract_links(body)
    assert [(link.text, link.target, link.description) for link in links] == [
        ("A -- Title", "title.md", "Said about it. More."),
        ("Bare", "bare.md", ""),
        ("inline", "x.md#y", ""),
    ]
