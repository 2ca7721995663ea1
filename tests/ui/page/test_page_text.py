"""A page's text has one definition: what the page view holds (PageView.text), for the
page on screen and for any other page, so notes' passages are found where they were cut."""

from __future__ import annotations

from reader.render.renderer import Renderer
from reader.ui.page.page_view import PageView


def test_a_page_not_shown_has_the_text_it_would_have_on_screen(qtbot, content) -> None:
    from reader.archive import Archive

    renderer = Renderer(Archive.open(content))
    shown, other = PageView(), PageView()
    qtbot.addWidget(shown)
    qtbot.addWidget(other)
    for slug in ("coercive-diplomacy", "unofficial-communication", "about"):
        html = renderer.html_for(slug)
        shown.show_html(html)
        assert shown.text() == shown.toPlainText() == other.text(html)
        assert "\n" in other.text(html)  # blocks kept apart, as the view lays them out

