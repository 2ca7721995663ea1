"""Pictures inside the archive show in the page; nothing else is loaded."""

from __future__ import annotations

import base64
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

# a 1x1 PNG
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGP4z8DwHwAFAAH/"
                       "iZk9HQAAAABJRU5ErkJggg==")


def test_a_picture_beside_the_pages_is_shown_and_others_are_not(
        make_window, content: Path, tmp_path: Path) -> None:
    (content / "pages" / "images").mkdir()
    (content / "pages" / "images" / "the map.png").write_bytes(PNG)
    (tmp_path / "outside.png").write_bytes(PNG)
    (content / "pages" / "pictured.md").write_text(
        "---\ntitle: Pictured\n---\n\n![The map](images/the%20map.png)\n\n"
        "![Away](../../outside.png) ![Remote](https://example.org/x.png)\n", encoding="utf-8")
    window = make_window("pictured")
    html = window.page_view.toHtml()
    assert "images/the%20map.png" in html and "[Away]" in html and "[Remote]" in html
    image = window.page_view.loadResource(QTextDocument.ResourceType.ImageResource,
                                          QUrl("images/the%20map.png"))
    assert isinstance(image, QImage) and not image.isNull()
    assert window.page_view.loadResource(QTextDocument.ResourceType.ImageResource,
                                         QUrl("../../outside.png")) is None
