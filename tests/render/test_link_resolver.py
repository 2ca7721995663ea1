"""One resolver sets every address a rendered page holds, from Markdown or not."""

from __future__ import annotations

from pathlib import Path

from reader.archive import Archive
from reader.archive.glossary import GLOSSARY_SLUG
from reader.archive.links import LinkTarget
from reader.render.link_resolver import LinkResolver
from reader.render.renderer import Renderer


class Marked(LinkResolver):
    """Prefixes every address, so a link that escaped the resolver shows."""

    def attributes(self, target: LinkTarget, written: str) -> dict[str, str]:
        return {"href": f"x:{target.kind}:{written}"}


def hrefs(html: str) -> list[str]:
    return [part.split('"', 1)[0] for part in html.split(' href="')[1:]]


def test_every_link_of_every_kind_of_page_goes_through_the_resolver(content: Path) -> None:
    archive = Archive.open(content)
    renderer = Renderer(archive, links=Marked(archive))
    for slug in ("coercive-diplomacy", "refusal-to-negotiate", GLOSSARY_SLUG):
        found = hrefs(renderer.html_for(slug))
        assert found, slug
        assert all(href.startswith("x:") for href in found), (slug, found)
    kinds = {href.split(":")[1] for href in hrefs(renderer.html_for("coercive-diplomacy"))}
    assert {"page", "term", "external"} <= kinds


def test_renderings_for_other_addresses_are_not_kept_on_disk(content: Path,
                                                             tmp_path: Path) -> None:
    archive = Archive.open(content)
    Renderer(archive, disk_cache=tmp_path / "html", links=Marked(archive)).html_for("about")
    assert not (tmp_path / "html").exists()
    Renderer(archive, disk_cache=tmp_path / "html").html_for("about")
    assert list((tmp_path / "html").rglob("about.html"))
